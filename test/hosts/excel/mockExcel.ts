/**
 * A strict, recording mock of the part of the Excel object model the Excel host uses.
 *
 * - Batch semantics: every setter and method call is queued as a command and applied only by
 *   `context.sync()`, in order; a failing command stops the batch (earlier ones stay applied),
 *   as in Office.js. Commands left unsynced when the batch ends fail the run.
 * - Sync counting: `context.sync` is wrapped; each run records its count, and a sync beyond
 *   `maxSyncsPerRun` rejects.
 * - Loads: collection items are `OfficeMockObject`s (office-addin-mock) loaded with the requested
 *   properties and synced with the context; a strict proxy turns the library's "not loaded" /
 *   "sync not called" markers into thrown errors. Reading any property of a range, format, rule or
 *   table throws: the host must never read what it did not load.
 * - A sheet exists only once `worksheets.add` is applied: commands on a sheet that does not exist
 *   (yet) fail with ItemNotFound. There is no `delete`: a host that tried would fail.
 * - Cells follow Excel's typing rules: a string starting with `'` is text; with `=` (or `+`/`-`/`@`)
 *   a formula unless the cell's number format is `@` (then the formula is stored as text — flagged);
 *   a date- or number-looking string in a non-text cell is converted by Excel (flagged).
 */
import path from 'node:path';
import { columnLetter } from '../../../src/core';

/**
 * office-addin-mock needs only the `OfficeApp` enum from office-addin-manifest, whose own
 * dependencies ship ES modules Jest's CommonJS runtime cannot load. Under Jest, stand in for it
 * (at the path office-addin-mock resolves) before loading the library; plain Node (`npm run
 * bench`) loads it as it is.
 */
function loadOfficeMock(): typeof import('office-addin-mock') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS library loaded lazily so Jest can stub its dependency first
  if (typeof jest === 'undefined') return require('office-addin-mock') as typeof import('office-addin-mock');
  const manifestPath = require.resolve('office-addin-manifest', { paths: [path.dirname(require.resolve('office-addin-mock'))] });
  jest.doMock(manifestPath, () => ({
    OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
  }));
  return jest.requireActual<typeof import('office-addin-mock')>('office-addin-mock');
}
const { OfficeMockObject } = loadOfficeMock();
type OfficeMockObject = InstanceType<typeof OfficeMockObject>;

// ——— addresses ———

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const columnIndex = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;

export function parseAddress(address: string): Box {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address);
  if (!match) throw new RichApiError('InvalidArgument', `mock: unsupported range address "${address}"`, 'Worksheet.getRange');
  const [, c1 = '', r1 = '', c2, r2] = match;
  const box = { top: Number(r1) - 1, left: columnIndex(c1), bottom: Number(r2 ?? r1) - 1, right: columnIndex(c2 ?? c1) };
  if (box.bottom < box.top || box.right < box.left) throw new RichApiError('InvalidArgument', `mock: reversed range "${address}"`, 'Worksheet.getRange');
  return box;
}

export const boxAddress = (b: Box): string =>
  b.top === b.bottom && b.left === b.right
    ? `${columnLetter(b.left)}${b.top + 1}`
    : `${columnLetter(b.left)}${b.top + 1}:${columnLetter(b.right)}${b.bottom + 1}`;

export const cellKey = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

// ——— errors ———

/** Shaped like OfficeExtension.Error: code, message, debugInfo.errorLocation. */
export class RichApiError extends Error {
  readonly debugInfo: { readonly errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { errorLocation };
  }
}

/** A use of the mock the real API would reject or that the host must never do. */
export class MockViolation extends Error {
  constructor(message: string) {
    super(`mock violation: ${message}`);
    this.name = 'MockViolation';
  }
}

const notLoaded = (what: string): MockViolation => new MockViolation(`read of ${what}, which was not loaded (or is write-only here)`);

// ——— the recorded workbook ———

export type CellKind = 'blank' | 'text' | 'number' | 'boolean' | 'formula';
export type WriteProperty = 'values' | 'formulas' | 'formulasLocal';

export interface CellModel {
  numberFormat: string;
  kind: CellKind;
  /** What Excel shows/stores: the formula text, the text (without a `'` prefix), the number… */
  value: string | number | boolean;
  via?: WriteProperty;
  /** A formula typed into a text (`@`) cell: Excel keeps it as text. */
  formulaAsText?: boolean;
  /** A string Excel would turn into a number or date (not a text cell). */
  converted?: boolean;
}

export interface BlockWrite {
  readonly seq: number;
  readonly property: WriteProperty;
  readonly address: string;
  readonly data: readonly (readonly unknown[])[];
}

export interface FormatWrite {
  readonly seq: number;
  readonly address: string;
  readonly path: string;
  readonly value: unknown;
}

export interface ConditionalFormatModel {
  readonly seq: number;
  readonly address: string;
  readonly type: string;
  rule?: unknown;
  fill?: string;
  font?: string;
}

export interface SeriesModel {
  name?: string;
  values?: string;
  xAxis?: string;
}

export interface ChartModel {
  readonly seq: number;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  title?: string;
  position?: readonly [string, string?];
  readonly series: SeriesModel[];
}

export interface TableModel {
  readonly seq: number;
  name: string;
  readonly sheet: SheetModel;
  readonly address: string;
  readonly headers: readonly unknown[];
  style?: string;
}

export interface SheetModel {
  name: string;
  readonly cells: Map<string, CellModel>;
  readonly writes: BlockWrite[];
  readonly numberFormats: FormatWrite[];
  readonly formats: FormatWrite[];
  readonly validations: { readonly seq: number; readonly address: string; readonly rule: unknown }[];
  readonly conditionalFormats: ConditionalFormatModel[];
  readonly columnWidths: Map<number, number>;
  frozenRows?: number;
  readonly charts: ChartModel[];
  activations: number;
}

export interface ExistingSheet {
  readonly name: string;
  /** Cell texts or numbers by A1 address of the top-left cell (2-D). */
  readonly cells?: Readonly<Record<string, readonly (readonly (string | number)[])[]>>;
  readonly tables?: readonly { readonly name: string; readonly address: string }[];
}

export interface MockExcelOptions {
  readonly sheets?: readonly ExistingSheet[];
  /** Workbook-scoped defined names. */
  readonly names?: readonly string[];
  readonly maxSyncsPerRun?: number;
  /** Every sync fails as Excel does while a cell is being edited. */
  readonly cellEditMode?: boolean;
  /** Commands failing at sync: error location (e.g. `WorksheetCollection.add`) → error code. */
  readonly failAt?: Readonly<Record<string, string>>;
}

const newSheet = (name: string): SheetModel => ({
  name,
  cells: new Map(),
  writes: [],
  numberFormats: [],
  formats: [],
  validations: [],
  conditionalFormats: [],
  columnWidths: new Map(),
  charts: [],
  activations: 0,
});

const SHEET_NAME_BAD = /[:\\/?*[\]]/;
const DATE_OR_NUMBER = /^\s*[-+]?(\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?|\d+(\.\d+)?%?|\d{1,2}:\d{2}(:\d{2})?)\s*$/;

// ——— loads through office-addin-mock ———

const MOCK_NOT_LOADED = 'Error, property was not loaded';
const MOCK_NOT_SYNCED = 'Error, context.sync() was not called';

/** Turns office-addin-mock's marker strings into thrown errors, and unknown properties too. */
function strict<T extends object>(mock: T, label: string): T {
  return new Proxy(mock, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return value;
      if (value === MOCK_NOT_LOADED || value === MOCK_NOT_SYNCED) throw notLoaded(`${label}.${prop}`);
      if (value === undefined && !(prop in target)) throw new MockViolation(`${label}.${prop} is not in the mock object model`);
      if (value instanceof OfficeMockObject) return strict(value, `${label}.${prop}`);
      if (typeof value === 'function') return (value as (...args: unknown[]) => unknown).bind(target);
      return value;
    },
  });
}

interface Command {
  readonly location: string;
  readonly apply: () => void;
}

export interface RunRecord {
  syncs: number;
  commands: number;
  readonly locations: string[];
}

export class MockExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: string[];
  readonly runs: RunRecord[] = [];
  activeSheet?: SheetModel;
  readonly maxSyncsPerRun: number;
  readonly options: MockExcelOptions;
  private seq = 0;

  readonly ConditionalFormatType = { cellValue: 'CellValue' } as const;
  readonly ChartType = { columnClustered: 'ColumnClustered', funnel: 'Funnel' } as const;

  constructor(options: MockExcelOptions = {}) {
    this.options = options;
    this.maxSyncsPerRun = options.maxSyncsPerRun ?? 2;
    this.names = [...(options.names ?? [])];
    for (const existing of options.sheets ?? []) {
      const sheet = newSheet(existing.name);
      this.sheets.push(sheet);
      for (const [address, rows] of Object.entries(existing.cells ?? {})) {
        const at = parseAddress(address);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            sheet.cells.set(cellKey(at.top + r, at.left + c), {
              numberFormat: 'General',
              kind: typeof value === 'number' ? 'number' : 'text',
              value,
            });
          }),
        );
      }
      for (const table of existing.tables ?? []) {
        const box = parseAddress(table.address);
        const headers = [];
        for (let c = box.left; c <= box.right; c++) headers.push(sheet.cells.get(cellKey(box.top, c))?.value ?? '');
        this.tables.push({ seq: 0, name: table.name, sheet, address: table.address, headers, style: 'TableStyleLight1' });
      }
    }
    this.activeSheet = this.sheets[0];
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** `Excel.run`: a fresh context whose `sync` is wrapped to count. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const record: RunRecord = { syncs: 0, commands: 0, locations: [] };
    this.runs.push(record);
    const context = new MockContext(this, record);
    const sync = context.sync.bind(context);
    context.sync = async () => {
      record.syncs += 1;
      if (record.syncs > this.maxSyncsPerRun) throw new MockViolation(`sync #${record.syncs} in one run (budget ${this.maxSyncsPerRun})`);
      await sync();
    };
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.queue.length > 0) {
        throw new MockViolation(`${context.queue.length} command(s) queued after the last sync: ${context.queue.map((c) => c.location).join(', ')}`);
      }
      return result;
    } finally {
      context.closed = true;
    }
  };

  /** The `Excel` namespace as the host receives it. */
  get api(): { run: MockExcel['run']; ConditionalFormatType: MockExcel['ConditionalFormatType']; ChartType: MockExcel['ChartType'] } {
    return { run: this.run, ConditionalFormatType: this.ConditionalFormatType, ChartType: this.ChartType };
  }

  /** A deep, comparable copy of a sheet's recorded state and its tables. */
  snapshot(name: string): unknown {
    const sheet = this.sheet(name);
    if (!sheet) return undefined;
    return JSON.parse(
      JSON.stringify({
        ...sheet,
        cells: [...sheet.cells.entries()],
        columnWidths: [...sheet.columnWidths.entries()],
        tables: this.tables.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, address: t.address, headers: t.headers, style: t.style })),
      }),
    );
  }
}

type SheetRef = () => SheetModel;

class MockContext {
  queue: Command[] = [];
  closed = false;
  private readonly loads: { mocks: OfficeMockObject[]; done: () => void }[] = [];
  readonly workbook: {
    readonly worksheets: MockWorksheetCollection;
    readonly tables: MockCollection;
    readonly names: MockCollection;
  };

  constructor(
    readonly excel: MockExcel,
    private readonly record: RunRecord,
  ) {
    this.workbook = {
      worksheets: new MockWorksheetCollection(this),
      tables: new MockCollection(this, 'TableCollection', () =>
        excel.tables.map((t) => ({ name: t.name, style: t.style ?? '', worksheet: { name: t.sheet.name } })),
      ),
      names: new MockCollection(this, 'NamedItemCollection', () => excel.names.map((name) => ({ name }))),
    };
  }

  enqueue(location: string, apply: () => void): void {
    if (this.closed) throw new MockViolation(`${location} used after its Excel.run ended`);
    this.record.commands += 1;
    this.record.locations.push(location);
    this.queue.push({ location, apply });
  }

  registerLoad(mocks: OfficeMockObject[], done: () => void): void {
    this.loads.push({ mocks, done });
  }

  async sync(): Promise<void> {
    if (this.closed) throw new MockViolation('sync after the run ended');
    const queue = this.queue;
    this.queue = [];
    if (this.excel.options.cellEditMode) {
      throw new RichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', queue[0]?.location ?? 'RequestContext.sync');
    }
    for (const command of queue) {
      const code = this.excel.options.failAt?.[command.location];
      if (code !== undefined) throw new RichApiError(code, `mock failure at ${command.location}`, command.location);
      command.apply();
    }
    const loads = this.loads.splice(0);
    for (const load of loads) for (const mock of load.mocks) await mock.sync();
    await new Promise((resolve) => setImmediate(resolve)); // office-addin-mock updates values in microtasks
    for (const load of loads) load.done();
  }

  /** A sheet reference checked when the command is applied. */
  sheetByName(name: string, location: string): SheetRef {
    return () => {
      const sheet = this.excel.sheet(name);
      if (!sheet) throw new RichApiError('ItemNotFound', `The requested resource doesn't exist: sheet "${name}"`, location);
      return sheet;
    };
  }
}

/** A collection whose items are loaded as office-addin-mock objects. */
class MockCollection {
  private loaded?: object[];

  constructor(
    protected readonly context: MockContext,
    protected readonly kind: string,
    private readonly source: () => object[],
  ) {}

  load(properties: string | string[]): this {
    const list = (Array.isArray(properties) ? properties : properties.split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => p.replace(/^items\//, ''));
    if (list.length === 0) throw new MockViolation(`${this.kind}.load() without properties loads everything: name what you need`);
    this.context.enqueue(`${this.kind}.load`, () => {
      const mocks = this.source().map((data) => new OfficeMockObject(data));
      mocks.forEach((mock) => mock.load(list.join(',')));
      this.context.registerLoad(mocks, () => {
        this.loaded = mocks.map((mock, i) => strict(mock, `${this.kind}.items[${i}]`));
      });
    });
    return this;
  }

  get items(): object[] {
    if (!this.loaded) throw notLoaded(`${this.kind}.items`);
    return this.loaded;
  }
}

class MockWorksheetCollection extends MockCollection {
  constructor(context: MockContext) {
    super(context, 'WorksheetCollection', () => context.excel.sheets.map((s) => ({ name: s.name, position: context.excel.sheets.indexOf(s) })));
  }

  add(name: string): MockWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue('WorksheetCollection.add', () => {
      if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name)) throw new RichApiError('InvalidArgument', `bad sheet name "${name}"`, 'WorksheetCollection.add');
      if (this.context.excel.sheet(name)) throw new RichApiError('ItemAlreadyExists', `sheet "${name}" exists`, 'WorksheetCollection.add');
      created = newSheet(name);
      this.context.excel.sheets.push(created);
    });
    return new MockWorksheet(this.context, () => {
      if (!created) throw new RichApiError('ItemNotFound', `sheet "${name}" was not added`, 'Worksheet');
      return created;
    });
  }

  getItem(name: string): MockWorksheet {
    return new MockWorksheet(this.context, this.context.sheetByName(name, 'WorksheetCollection.getItem'));
  }
}

class MockWorksheet {
  constructor(
    private readonly context: MockContext,
    readonly ref: SheetRef,
  ) {}

  get name(): never {
    throw notLoaded('Worksheet.name');
  }

  getRange(address?: string): MockRange {
    if (address === undefined) throw new MockViolation('Worksheet.getRange() without an address (whole sheet)');
    return new MockRange(this.context, this.ref, address);
  }

  activate(): void {
    this.context.enqueue('Worksheet.activate', () => {
      const sheet = this.ref();
      sheet.activations += 1;
      this.context.excel.activeSheet = sheet;
    });
  }

  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this.context.enqueue('WorksheetFreezePanes.freezeRows', () => {
          this.ref().frozenRows = count;
        }),
    };
  }

  get tables(): { add(source: MockRange | string, hasHeaders: boolean): MockTable } {
    return {
      add: (source: MockRange | string, hasHeaders: boolean) => {
        // Office.js: "If the address does not contain a sheet name, the currently-active sheet is used."
        if (!(source instanceof MockRange)) throw new MockViolation(`tables.add("${source}"): pass a Range; a bare address means the active sheet`);
        const box = source.box;
        const holder: { table?: TableModel } = {};
        this.context.enqueue('TableCollection.add', () => {
          const sheet = this.ref();
          if (source.ref() !== sheet) throw new MockViolation('tables.add with a range on another sheet');
          if (!hasHeaders) throw new MockViolation('tables.add without a header row');
          for (const other of this.context.excel.tables.filter((t) => t.sheet === sheet)) {
            const o = parseAddress(other.address);
            if (!(o.right < box.left || o.left > box.right || o.bottom < box.top || o.top > box.bottom)) {
              throw new RichApiError('InvalidArgument', `table overlaps ${other.name}`, 'TableCollection.add');
            }
          }
          const headers = [];
          for (let c = box.left; c <= box.right; c++) headers.push(sheet.cells.get(cellKey(box.top, c))?.value ?? '');
          let n = 1;
          while (this.context.excel.tables.some((t) => t.name === `Table${n}`)) n++;
          holder.table = { seq: this.context.excel.nextSeq(), name: `Table${n}`, sheet, address: boxAddress(box), headers };
          this.context.excel.tables.push(holder.table);
        });
        return new MockTable(this.context, () => {
          if (!holder.table) throw new RichApiError('ItemNotFound', 'table was not added', 'Table');
          return holder.table;
        });
      },
    };
  }

  get charts(): { add(type: string, source: MockRange, seriesBy?: string): MockChart } {
    return {
      add: (type: string, source: MockRange, seriesBy?: string) => {
        if (!(source instanceof MockRange)) throw new MockViolation('charts.add needs a Range');
        const holder: { chart?: ChartModel } = {};
        this.context.enqueue('ChartCollection.add', () => {
          const sheet = this.ref();
          if (source.ref() !== sheet) throw new MockViolation('chart data on another sheet');
          holder.chart = { seq: this.context.excel.nextSeq(), type, source: source.address, seriesBy: seriesBy ?? 'Auto', series: [{ values: source.address }] };
          sheet.charts.push(holder.chart);
        });
        return new MockChart(this.context, () => {
          if (!holder.chart) throw new RichApiError('ItemNotFound', 'chart was not added', 'Chart');
          return holder.chart;
        });
      },
    };
  }
}

class MockTable {
  constructor(
    private readonly context: MockContext,
    private readonly ref: () => TableModel,
  ) {}

  set name(name: string) {
    this.context.enqueue('Table.name', () => {
      const table = this.ref();
      const taken = [...this.context.excel.tables.filter((t) => t !== table).map((t) => t.name), ...this.context.excel.names];
      if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) throw new RichApiError('InvalidArgument', `name "${name}" is taken`, 'Table.name');
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new RichApiError('InvalidArgument', `bad table name "${name}"`, 'Table.name');
      table.name = name;
    });
  }

  get name(): string {
    throw notLoaded('Table.name');
  }

  set style(style: string) {
    this.context.enqueue('Table.style', () => {
      this.ref().style = style;
    });
  }

  get style(): string {
    throw notLoaded('Table.style');
  }
}

class MockChart {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): MockSeries; add(name?: string): MockSeries };

  constructor(
    private readonly context: MockContext,
    private readonly ref: () => ChartModel,
  ) {
    this.title = {
      set text(text: string) {
        context.enqueue('ChartTitle.text', () => {
          ref().title = text;
        });
      },
      get text(): string {
        throw notLoaded('ChartTitle.text');
      },
    };
    this.series = {
      getItemAt: (index: number) =>
        new MockSeries(context, () => {
          const series = ref().series[index];
          if (!series) throw new RichApiError('ItemNotFound', `no series ${index}`, 'ChartSeriesCollection.getItemAt');
          return series;
        }),
      add: (name?: string) => {
        const model: SeriesModel = {};
        context.enqueue('ChartSeriesCollection.add', () => {
          if (name !== undefined) model.name = name;
          ref().series.push(model);
        });
        return new MockSeries(context, () => model);
      },
    };
  }

  setPosition(start: string, end?: string): void {
    if (typeof start !== 'string') throw new MockViolation('setPosition: pass addresses');
    this.context.enqueue('Chart.setPosition', () => {
      this.ref().position = end === undefined ? [start] : [start, end];
    });
  }
}

class MockSeries {
  constructor(
    private readonly context: MockContext,
    private readonly ref: () => SeriesModel,
  ) {}

  setXAxisValues(range: MockRange): void {
    this.context.enqueue('ChartSeries.setXAxisValues', () => {
      this.ref().xAxis = range.address;
    });
  }

  setValues(range: MockRange): void {
    this.context.enqueue('ChartSeries.setValues', () => {
      this.ref().values = range.address;
    });
  }
}

class MockRange {
  readonly box: Box;
  readonly address: string;

  constructor(
    private readonly context: MockContext,
    readonly ref: SheetRef,
    address: string,
  ) {
    this.box = parseAddress(address);
    this.address = boxAddress(this.box);
  }

  private get rows(): number {
    return this.box.bottom - this.box.top + 1;
  }

  private get cols(): number {
    return this.box.right - this.box.left + 1;
  }

  private checkShape(property: string, data: unknown, allowSingle: boolean): readonly (readonly unknown[])[] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) throw new MockViolation(`Range.${property} must be a 2-D array`);
    const rows = data as unknown[][];
    const single = allowSingle && rows.length === 1 && rows[0]?.length === 1;
    if (!single && (rows.length !== this.rows || rows.some((row) => row.length !== this.cols))) {
      throw new RichApiError('InvalidArgument', `Range.${property}: ${rows.length}×${rows[0]?.length ?? 0} array for ${this.address} (${this.rows}×${this.cols})`, `Range.${property}`);
    }
    return rows.map((row) => [...row]);
  }

  private write(property: WriteProperty, input: unknown): void {
    const data = this.checkShape(property, input, false);
    this.context.enqueue(`Range.${property}`, () => {
      const sheet = this.ref();
      sheet.writes.push({ seq: this.context.excel.nextSeq(), property, address: this.address, data });
      data.forEach((row, r) =>
        row.forEach((value, c) => {
          const key = cellKey(this.box.top + r, this.box.left + c);
          const numberFormat = sheet.cells.get(key)?.numberFormat ?? 'General';
          sheet.cells.set(key, typeCell(value, numberFormat, property));
        }),
      );
    });
  }

  set values(data: unknown[][]) {
    this.write('values', data);
  }
  get values(): unknown[][] {
    throw notLoaded('Range.values');
  }
  set formulas(data: unknown[][]) {
    this.write('formulas', data);
  }
  get formulas(): unknown[][] {
    throw notLoaded('Range.formulas');
  }
  set formulasLocal(data: unknown[][]) {
    this.write('formulasLocal', data);
  }
  get formulasLocal(): unknown[][] {
    throw notLoaded('Range.formulasLocal');
  }

  set numberFormat(input: unknown[][]) {
    const data = this.checkShape('numberFormat', input, true);
    this.context.enqueue('Range.numberFormat', () => {
      const sheet = this.ref();
      sheet.numberFormats.push({ seq: this.context.excel.nextSeq(), address: this.address, path: 'numberFormat', value: data });
      for (let r = 0; r < this.rows; r++) {
        for (let c = 0; c < this.cols; c++) {
          const format = String(data.length === 1 && data[0]?.length === 1 ? data[0][0] : data[r]?.[c]);
          const key = cellKey(this.box.top + r, this.box.left + c);
          const cell = sheet.cells.get(key);
          if (cell) cell.numberFormat = format;
          else sheet.cells.set(key, { numberFormat: format, kind: 'blank', value: '' });
        }
      }
    });
  }
  get numberFormat(): unknown[][] {
    throw notLoaded('Range.numberFormat');
  }

  /** `format.font.*`, `format.fill.color`, `format.columnWidth`: write-only. */
  get format(): { font: Record<string, unknown>; fill: Record<string, unknown>; columnWidth: number } {
    const setter = (path: string) => (value: unknown) =>
      this.context.enqueue(`RangeFormat.${path}`, () => {
        const sheet = this.ref();
        sheet.formats.push({ seq: this.context.excel.nextSeq(), address: this.address, path, value });
        if (path === 'columnWidth') for (let c = this.box.left; c <= this.box.right; c++) sheet.columnWidths.set(c, Number(value));
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

  get dataValidation(): { rule: unknown } {
    const enqueue = (rule: unknown) =>
      this.context.enqueue('DataValidation.rule', () => {
        this.ref().validations.push({ seq: this.context.excel.nextSeq(), address: this.address, rule: JSON.parse(JSON.stringify(rule)) });
      });
    return {
      set rule(rule: unknown) {
        enqueue(rule);
      },
      get rule(): unknown {
        throw notLoaded('DataValidation.rule');
      },
    };
  }

  get conditionalFormats(): { add(type: string): { cellValue: { format: { fill: Record<string, unknown>; font: Record<string, unknown> }; rule: unknown } } } {
    return {
      add: (type: string) => {
        const model: { cf?: ConditionalFormatModel } = {};
        this.context.enqueue('ConditionalFormatCollection.add', () => {
          model.cf = { seq: this.context.excel.nextSeq(), address: this.address, type };
          this.ref().conditionalFormats.push(model.cf);
        });
        const cf = (): ConditionalFormatModel => {
          if (!model.cf) throw new RichApiError('ItemNotFound', 'conditional format not added', 'ConditionalFormat');
          return model.cf;
        };
        const context = this.context;
        const colour = (which: 'fill' | 'font') =>
          writeOnly(which === 'fill' ? 'ConditionalFill' : 'ConditionalFont', ['color'], () => (value: unknown) =>
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

/** An object whose listed properties can be set (queued) but never read. */
function writeOnly(label: string, properties: readonly string[], setter: (property: string) => (value: unknown) => void): Record<string, unknown> {
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
      if (typeof prop === 'string' && !properties.includes(prop)) throw new MockViolation(`${label}.${prop} is not in the mock object model`);
      return Reflect.set(obj, prop, value);
    },
  });
}

/** How Excel types what was written into a cell with a given number format. */
export function typeCell(input: unknown, numberFormat: string, via: WriteProperty): CellModel {
  if (input === null || input === undefined || input === '') return { numberFormat, kind: 'blank', value: '', via };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RichApiError('InvalidArgument', `non-finite number ${input}`, `Range.${via}`);
    return { numberFormat, kind: numberFormat === '@' ? 'text' : 'number', value: numberFormat === '@' ? String(input) : input, via };
  }
  if (typeof input === 'boolean') return { numberFormat, kind: 'boolean', value: input, via };
  if (typeof input !== 'string') throw new MockViolation(`cell value of type ${typeof input}`);
  if (input.startsWith("'")) return { numberFormat, kind: 'text', value: input.slice(1), via };
  const looksLikeFormula = /^[=+\-@]./.test(input);
  if (numberFormat === '@') return { numberFormat, kind: 'text', value: input, via, ...(looksLikeFormula ? { formulaAsText: true } : {}) };
  if (looksLikeFormula && !DATE_OR_NUMBER.test(input)) return { numberFormat, kind: 'formula', value: input, via };
  if (DATE_OR_NUMBER.test(input)) return { numberFormat, kind: 'number', value: input, via, converted: true };
  return { numberFormat, kind: 'text', value: input, via };
}
