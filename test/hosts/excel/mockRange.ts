/**
 * `Excel.Range` in the mock (see `mockExcel.ts` for the rules): writes are queued and applied at
 * sync; loads snapshot the requested properties when the load command runs and make them readable
 * only after that sync; nothing else can be read. Ranges derived from a table or another range
 * (`getDataBodyRange`, `getCell`, `getColumn`, …) are resolved when their command runs, as in
 * Office.js, so a range of a table that grew in the same batch covers the grown table.
 */
import {
  type Box,
  type CellModel,
  type ConditionalFormatModel,
  MAX_COLS,
  MAX_ROWS,
  MockViolation,
  RichApiError,
  type SheetModel,
  type TableModel,
  type WriteProperty,
  boxAddress,
  boxCols,
  boxRows,
  jsonBytes,
  notLoaded,
  parseAddress,
  readValue,
  growTable,
  typeCell,
} from './mockModel';
import { type SetSupport, gated, requireLoaded } from './mockApiGate';

export type SheetRef = () => SheetModel;
/** Where a range is when a command runs; null for a null object (`…OrNullObject`). */
type Locate = () => Box | null;

/** What a range needs from its request context. */
export interface RangeHost {
  nextSeq(): number;
  /** Queues a command; `requestBytes` is the size of the data it sends. */
  enqueue(location: string, apply: () => void, requestBytes?: number): void;
  /** Makes loaded data readable once the running sync has finished; its bytes count in that sync's response. */
  deliver(bytes: number, done: () => void): void;
  worksheet(ref: SheetRef): unknown;
  /** Makes a cell the active cell (Range.select). */
  selectCell(sheet: string, address: string): void;
  /** This Excel's requirement sets (its profile). */
  readonly supports: SetSupport;
  /** The tables of a sheet, which move and grow with what is written. */
  tables(sheet: SheetModel): TableModel[];
  /** Whether Excel grows a table over rows written directly below it (AutoCorrect's "include new rows"). */
  readonly tableAutoExpand: boolean;
  /** '#NAME?' for a formula this Excel's language does not know as typed; throws for one it cannot parse. */
  formulaResult(formula: string, via: 'formulas' | 'formulasLocal'): '#NAME?' | undefined;
}

const LOADABLE = ['values', 'formulas', 'numberFormat', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'] as const;
type Loadable = (typeof LOADABLE)[number];

/** A sheet name as Excel prefixes it to an address. */
export const quoteName = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

function inGrid(box: Box, location: string): Box {
  if (box.top < 0 || box.left < 0 || box.bottom >= MAX_ROWS || box.right >= MAX_COLS || box.bottom < box.top || box.right < box.left) {
    throw new RichApiError('InvalidArgument', `range outside the grid or reversed: ${JSON.stringify(box)}`, location);
  }
  return box;
}

export class MockRange {
  private loaded?: Partial<Record<Loadable | 'isNullObject', unknown>>;

  constructor(
    private readonly context: RangeHost,
    readonly ref: SheetRef,
    private readonly locate: Locate,
  ) {
    return gated(this, 'Range', () => context.supports);
  }

  static at(context: RangeHost, ref: SheetRef, address: string): MockRange {
    const box = parseAddress(address);
    return new MockRange(context, ref, () => box);
  }

  /** The range's cells now; a null object has none. */
  get box(): Box {
    const box = this.locate();
    if (!box) throw new RichApiError('ItemNotFound', 'the range is a null object', 'Range');
    return box;
  }

  /** The A1 address (no sheet) for the mock's records; hosts must load `address` instead. */
  get mockAddress(): string {
    return boxAddress(this.box);
  }

  private derive(location: string, f: (box: Box) => Box): MockRange {
    return new MockRange(this.context, this.ref, () => inGrid(f(this.box), location));
  }

  select(): void {
    this.context.enqueue('Range.select', () => {
      // Excel selects the whole range; the active cell is its top-left corner.
      const b = this.box;
      this.context.selectCell(this.ref().name, boxAddress({ top: b.top, left: b.left, bottom: b.top, right: b.left }));
    });
  }

  /** A cell relative to the top-left corner; it may lie outside the range, not outside the grid. */
  getCell(row: number, column: number): MockRange {
    return this.derive('Range.getCell', (b) => ({ top: b.top + row, left: b.left + column, bottom: b.top + row, right: b.left + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): MockRange {
    return this.derive('Range.getResizedRange', (b) => ({ ...b, bottom: b.bottom + deltaRows, right: b.right + deltaColumns }));
  }

  getColumn(column: number): MockRange {
    return this.derive('Range.getColumn', (b) => {
      if (column < 0 || column >= boxCols(b))
        throw new RichApiError('InvalidArgument', `no column ${column} in ${boxAddress(b)}`, 'Range.getColumn');
      return { ...b, left: b.left + column, right: b.left + column };
    });
  }

  getLastRow(): MockRange {
    return this.derive('Range.getLastRow', (b) => ({ ...b, top: b.bottom }));
  }

  /** Like getUsedRangeOrNullObject, but a range with no used cell is an ItemNotFound error (as in Office.js). */
  getUsedRange(valuesOnly = false): MockRange {
    return new MockRange(this.context, this.ref, () => {
      const used = usedBox(this.ref(), this.box, valuesOnly);
      if (!used) throw new RichApiError('ItemNotFound', 'the range has no used cell', 'Range.getUsedRange');
      return used;
    });
  }

  getEntireColumn(): MockRange {
    return this.derive('Range.getEntireColumn', (b) => ({ ...b, top: 0, bottom: MAX_ROWS - 1 }));
  }

  /**
   * `insert('Down')`: blank cells in the range's place, its cells and those below (in its columns)
   * moving down; a table below that lies partly in those columns cannot move (InsertDeleteConflict).
   */
  insert(shift: string): void {
    if (shift !== 'Down') throw new MockViolation(`Range.insert("${shift}"): the fake shifts down only`);
    this.context.enqueue('Range.insert', () => {
      const box = this.box;
      const sheet = this.writable('Range.insert');
      const count = boxRows(box);
      const moved: { table: TableModel; at: Box }[] = [];
      for (const table of this.context.tables(sheet)) {
        const at = parseAddress(table.address);
        if (at.bottom < box.top || at.right < box.left || at.left > box.right) continue;
        if (at.top < box.top || at.left < box.left || at.right > box.right)
          throw new RichApiError('InsertDeleteConflict', `insert would split table ${table.name}`, 'Range.insert');
        moved.push({ table, at });
      }
      sheet.cells.shiftDown(box.top, box.left, box.right, count);
      for (const { table, at } of moved) table.address = boxAddress({ ...at, top: at.top + count, bottom: at.bottom + count });
    });
  }

  getRowsBelow(count = 1): MockRange {
    return this.derive('Range.getRowsBelow', (b) => ({ ...b, top: b.bottom + 1, bottom: b.bottom + count }));
  }

  /** The bounding box of the used cells inside the range (with values only: non-blank cells), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): MockRange {
    return new MockRange(this.context, this.ref, () => usedBox(this.ref(), this.box, valuesOnly));
  }

  get worksheet(): unknown {
    return this.context.worksheet(this.ref);
  }

  load(properties: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : properties.split(',')).map((p) => p.trim()).filter((p) => p !== '');
    if (names.length === 0) throw new MockViolation('Range.load() without properties loads everything: name what you need');
    requireLoaded('Range', names, this.context.supports);
    for (const name of names)
      if (!(LOADABLE as readonly string[]).includes(name)) throw new MockViolation(`Range.load("${name}") is not in the mock object model`);
    this.context.enqueue('Range.load', () => {
      const box = this.locate();
      const snapshot: Partial<Record<Loadable | 'isNullObject', unknown>> = { isNullObject: box === null };
      if (box) for (const name of names) snapshot[name as Loadable] = this.property(name as Loadable, box);
      this.context.deliver(jsonBytes(snapshot), () => {
        this.loaded = { ...this.loaded, ...snapshot };
      });
    });
    return this;
  }

  private property(name: Loadable, box: Box): unknown {
    const sheet = this.ref();
    const grid = (f: (cell: CellModel | undefined) => unknown) =>
      Array.from({ length: boxRows(box) }, (_r, r) =>
        Array.from({ length: boxCols(box) }, (_c, c) => f(sheet.cells.at(box.top + r, box.left + c))),
      );
    switch (name) {
      case 'values':
        return grid(readValue);
      case 'formulas':
        return grid((cell) => (cell && cell.kind !== 'blank' ? cell.value : ''));
      case 'numberFormat':
        return grid((cell) => cell?.numberFormat ?? 'General');
      case 'address':
        return `${quoteName(sheet.name)}!${boxAddress(box)}`;
      case 'rowIndex':
        return box.top;
      case 'columnIndex':
        return box.left;
      case 'rowCount':
        return boxRows(box);
      case 'columnCount':
        return boxCols(box);
    }
  }

  private read(name: Loadable | 'isNullObject'): never {
    const loaded = this.loaded;
    if (loaded?.isNullObject === true && name !== 'isNullObject')
      throw new MockViolation(`read of Range.${name} on a null object: check isNullObject first`);
    if (!loaded || !(name in loaded)) throw notLoaded(`Range.${name}`);
    return loaded[name] as never;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  private checkShape(property: string, data: unknown, box: Box, allowSingle: boolean): void {
    const rows = data as unknown[][];
    const single = allowSingle && rows.length === 1 && rows[0]?.length === 1;
    if (!single && (rows.length !== boxRows(box) || rows.some((row) => row.length !== boxCols(box)))) {
      throw new RichApiError(
        'InvalidArgument',
        `Range.${property}: ${rows.length}×${rows[0]?.length ?? 0} array for ${boxAddress(box)} (${boxRows(box)}×${boxCols(box)})`,
        `Range.${property}`,
      );
    }
  }

  private copy2d(property: string, data: unknown): readonly (readonly unknown[])[] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) throw new MockViolation(`Range.${property} must be a 2-D array`);
    return (data as unknown[][]).map((row) => [...row]);
  }

  private writable(location: string): SheetModel {
    const sheet = this.ref();
    if (sheet.protected) throw new RichApiError('AccessDenied', `sheet "${sheet.name}" is protected`, location);
    return sheet;
  }

  private write(property: WriteProperty, input: unknown): void {
    const data = this.copy2d(property, input);
    this.context.enqueue(
      `Range.${property}`,
      () => {
        const box = this.box;
        this.checkShape(property, data, box, false);
        const sheet = this.writable(`Range.${property}`);
        sheet.writes.push({ seq: this.context.nextSeq(), property, address: boxAddress(box), data });
        data.forEach((row, r) =>
          row.forEach((value, c) => {
            const numberFormat = sheet.cells.at(box.top + r, box.left + c)?.numberFormat ?? 'General';
            const cell = typeCell(value, numberFormat, property);
            const unknown =
              cell.kind === 'formula' && property !== 'values' ? this.context.formulaResult(String(cell.value), property) : undefined;
            sheet.cells.put(box.top + r, box.left + c, unknown ? { ...cell, result: unknown, nameError: true } : cell);
          }),
        );
        // Written directly below a table, in its columns: Excel grows the table over the rows.
        if (this.context.tableAutoExpand)
          for (const table of this.context.tables(sheet)) {
            const at = parseAddress(table.address);
            if (box.top === at.bottom + 1 && box.left <= at.right && box.right >= at.left) growTable(table, box.bottom);
          }
      },
      jsonBytes(data),
    );
  }

  set values(data: unknown[][]) {
    this.write('values', data);
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set formulas(data: unknown[][]) {
    this.write('formulas', data);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulasLocal(data: unknown[][]) {
    this.write('formulasLocal', data);
  }
  get formulasLocal(): unknown[][] {
    throw notLoaded('Range.formulasLocal');
  }

  set numberFormat(input: unknown[][]) {
    const data = this.copy2d('numberFormat', input);
    this.context.enqueue(
      'Range.numberFormat',
      () => {
        const box = this.box;
        this.checkShape('numberFormat', data, box, true);
        const sheet = this.writable('Range.numberFormat');
        sheet.numberFormats.push({ seq: this.context.nextSeq(), address: boxAddress(box), path: 'numberFormat', value: data });
        for (let r = 0; r < boxRows(box); r++) {
          for (let c = 0; c < boxCols(box); c++) {
            const format = String(data.length === 1 && data[0]?.length === 1 ? data[0][0] : data[r]?.[c]);
            const cell = sheet.cells.at(box.top + r, box.left + c);
            if (cell) cell.numberFormat = format;
            else sheet.cells.put(box.top + r, box.left + c, { numberFormat: format, kind: 'blank', value: '' });
          }
        }
      },
      jsonBytes(data),
    );
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }

  /** `format.font.*`, `format.fill.color`, `format.columnWidth`: write-only. */
  get format(): { font: Record<string, unknown>; fill: Record<string, unknown>; columnWidth: number } {
    const setter = (path: string) => (value: unknown) =>
      this.context.enqueue(`RangeFormat.${path}`, () => {
        const sheet = this.ref();
        sheet.formats.push({ seq: this.context.nextSeq(), address: this.mockAddress, path, value });
        const box = this.box;
        if (path === 'columnWidth') for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, Number(value));
      });
    return {
      font: writeOnly('RangeFont', ['bold', 'size', 'color', 'italic', 'name'], (p) => setter(`font.${p}`)),
      fill: writeOnly('RangeFill', ['color'], (p) => setter(`fill.${p}`)),
      set columnWidth(value: number) {
        setter('columnWidth')(value);
      },
      get columnWidth(): number {
        throw notLoaded('RangeFormat.columnWidth');
      },
    };
  }

  get dataValidation(): { rule: unknown; errorAlert: unknown } {
    const enqueue = (rule: unknown) =>
      this.context.enqueue('DataValidation.rule', () => {
        this.ref().validations.push({ seq: this.context.nextSeq(), address: this.mockAddress, rule: JSON.parse(JSON.stringify(rule)) });
      });
    const alert = (errorAlert: unknown) =>
      this.context.enqueue('DataValidation.errorAlert', () => {
        const validations = this.ref().validations;
        const last = [...validations].reverse().find((v) => v.address === this.mockAddress);
        // Excel keeps the alert on the range's validation: one set before its rule has nothing to attach to.
        if (last === undefined) throw new Error(`DataValidation.errorAlert on ${this.mockAddress}, which has no rule`);
        validations[validations.indexOf(last)] = { ...last, errorAlert: JSON.parse(JSON.stringify(errorAlert)) };
      });
    return {
      set rule(rule: unknown) {
        enqueue(rule);
      },
      get rule(): unknown {
        throw notLoaded('DataValidation.rule');
      },
      set errorAlert(value: unknown) {
        alert(value);
      },
      get errorAlert(): unknown {
        throw notLoaded('DataValidation.errorAlert');
      },
    };
  }

  get conditionalFormats(): {
    add(type: string): { cellValue: { format: { fill: Record<string, unknown>; font: Record<string, unknown> }; rule: unknown } };
  } {
    return {
      add: (type: string) => {
        const model: { cf?: ConditionalFormatModel } = {};
        this.context.enqueue('ConditionalFormatCollection.add', () => {
          model.cf = { seq: this.context.nextSeq(), address: this.mockAddress, type };
          this.ref().conditionalFormats.push(model.cf);
        });
        const cf = (): ConditionalFormatModel => {
          if (!model.cf) throw new RichApiError('ItemNotFound', 'conditional format not added', 'ConditionalFormat');
          return model.cf;
        };
        const context = this.context;
        const colour = (which: 'fill' | 'font') =>
          writeOnly(
            which === 'fill' ? 'ConditionalFill' : 'ConditionalFont',
            ['color'],
            () => (value: unknown) =>
              context.enqueue(`ConditionalRangeFormat.${which}.color`, () => {
                cf()[which] = String(value);
              }),
          );
        return {
          cellValue: {
            format: { fill: colour('fill'), font: colour('font') },
            set rule(rule: unknown) {
              if (type !== 'CellValue') throw new MockViolation(`cellValue.rule on a ${type} conditional format`);
              context.enqueue('CellValueConditionalFormat.rule', () => {
                cf().rule = JSON.parse(JSON.stringify(rule));
              });
            },
            get rule(): unknown {
              throw notLoaded('CellValueConditionalFormat.rule');
            },
          },
        };
      },
    };
  }
}

/** The bounding box of the cells inside `box` that are used (non-blank when `valuesOnly`), or null. */
export function usedBox(sheet: SheetModel, box: Box, valuesOnly: boolean): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const consider = (row: number, col: number, cell: CellModel) => {
    if (valuesOnly && cell.kind === 'blank') return;
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, col);
    right = Math.max(right, col);
  };
  if (boxRows(box) * boxCols(box) <= sheet.cells.size) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = sheet.cells.at(r, c);
        if (cell) consider(r, c, cell);
      }
    }
  } else {
    for (const [row, col, cell] of sheet.cells.cellsAt()) {
      if (row >= box.top && row <= box.bottom && col >= box.left && col <= box.right) consider(row, col, cell);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** An object whose listed properties can be set (queued) but never read. */
function writeOnly(
  label: string,
  properties: readonly string[],
  setter: (property: string) => (value: unknown) => void,
): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const property of properties) {
    Object.defineProperty(target, property, {
      enumerable: true,
      set: setter(property),
      get: () => {
        throw notLoaded(`${label}.${property}`);
      },
    });
  }
  return new Proxy(target, {
    set(obj, prop, value) {
      if (typeof prop === 'string' && !properties.includes(prop))
        throw new MockViolation(`${label}.${prop} is not in the mock object model`);
      return Reflect.set(obj, prop, value);
    },
  });
}
