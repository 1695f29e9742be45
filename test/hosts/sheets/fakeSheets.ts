/**
 * A strict in-memory fake of the Apps Script services the Google Sheets host calls
 * (src/hosts/sheets/sheetsApi.ts), for tests and the bench — Google cannot be reached from here.
 *
 * Strict: every object handed out is a Proxy; reading a member the fake does not implement throws
 * naming it, so a host that starts calling something new fails its tests until the fake (and the
 * subset type) learn it. What Sheets refuses, the fake refuses: a `setValues` whose array does not
 * match the range, a range outside the sheet, a duplicate sheet or range name, a named-range name
 * Sheets would reject. What Sheets parses, the fake parses: text written to a cell not formatted
 * `@` becomes a formula (`=…`), a number, a boolean or a date, as if typed. Dates are stored as day
 * serials and handed out as `Date`s in the spreadsheet's time zone; formulas are not computed unless
 * an evaluator is given. Every call on a handed-out object counts as one service call.
 */
import { serialFromDate, spellSalesCalls } from '../../../src/core';
import { isDate, serialOfDate } from '../../../src/hosts/sheets/sheetsCells';
import type {
  FontWeight,
  SheetsApp,
  SheetsChartBuilder,
  SheetsConditionalFormatRule,
  SheetsConditionalFormatRuleBuilder,
  SheetsDataValidation,
  SheetsDataValidationBuilder,
  SheetsEmbeddedChart,
  SheetsHtmlOutput,
  SheetsHtmlService,
  SheetsLock,
  SheetsLockService,
  SheetsMenu,
  SheetsNamedRange,
  SheetsRange,
  SheetsRangeList,
  SheetsServices,
  SheetsSession,
  SheetsSheet,
  SheetsSpreadsheet,
  SheetsUi,
} from '../../../src/hosts/sheets/sheetsApi';

export interface FakeCell {
  value?: number | string | boolean;
  formula?: string;
  note?: string;
  format?: string;
  validation?: FakeValidation;
  bold?: boolean;
}

/** Computes a formula cell for `getValues` (0-based position); without one, formula cells read as `''`. */
export type FormulaEvaluator = (sheet: string, row: number, column: number, formula: string) => number | string | boolean;

export class FakeServiceError extends Error {}

/** Service-call counter shared by every proxy of one fake. */
class Calls {
  total = 0;
  readonly byName = new Map<string, number>();
  count(name: string): void {
    this.total++;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }
}

const PASS_THROUGH = new Set<string | symbol>(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'constructor']);

function strict<T extends object>(target: T, label: string, calls: Calls): T {
  return new Proxy(target, {
    get(object, prop, receiver) {
      if (typeof prop === 'symbol' || PASS_THROUGH.has(prop)) return Reflect.get(object, prop, receiver);
      const member = Reflect.get(object, prop, receiver) as unknown;
      if (typeof member !== 'function' || prop.startsWith('_')) {
        throw new FakeServiceError(`fake Apps Script: ${label}.${String(prop)} is not implemented`);
      }
      return (...args: unknown[]) => {
        calls.count(`${label}.${prop}`);
        return (member as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

const isDateFormat = (format: string | undefined): boolean =>
  format !== undefined && format !== '@' && /[yd]/i.test(format.replace(/"[^"]*"/g, ''));

/** The moment whose wall clock in `timeZone` is the serial's (the inverse of serialOfDate). */
export function dateOfSerial(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - 25569) * 86_400_000);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const shown = Math.round((serialOfDate(new Date(guess), timeZone) - 25569) * 86_400_000);
    guess += wall - shown;
  }
  return new Date(guess);
}

/** What Sheets makes of text written to a cell that is not plain text, as if the user typed it. */
function parseTyped(text: string): { value?: number | string | boolean; formula?: string; format?: string } {
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100, format: '0%' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(trimmed);
  if (date) return { value: serialFromDate(Number(date[1]), Number(date[2]), Number(date[3] ?? 1)), format: 'yyyy-mm-dd' };
  return { value: text };
}

interface FakeValidation extends SheetsDataValidation {
  /** A drop-down's values, or a number range's bounds. */
  readonly list?: readonly string[];
  readonly numberBetween?: readonly [number, number];
  readonly helpText?: string;
  readonly allowInvalid: boolean;
}

class FakeBook {
  readonly calls = new Calls();
  readonly sheets: FakeSheet[] = [];
  readonly named = new Map<string, { name: string; sheet: FakeSheet; row: number; column: number; rows: number; columns: number }>();
  active: FakeSheet;
  current: { sheet: FakeSheet; row: number; column: number } | null = null;
  lockHeld = false;
  /** Ids of inserted charts (0 marks a chart built but not inserted). */
  nextChartId = 1;
  private nextId = 0;

  /** Reads so far of each IMPORTRANGE cell (sheet id, row, column, formula): it loads first. */
  readonly importReads = new Map<string, number>();
  sleeps = 0;

  constructor(
    readonly timeZone: string,
    readonly evaluate: FormulaEvaluator | undefined,
    readonly linked: Readonly<Record<string, FakeLinkedSpreadsheet>> = {},
    readonly importLoadingReads = 1,
  ) {
    this.active = this.addSheet('Sheet1', 0);
  }

  /**
   * What an IMPORTRANGE cell gives, as Sheets does: #N/A while loading, #REF! when the source is
   * not allowed or has no such range, else the range's values (spilling right and down).
   */
  imported(sheet: FakeSheet, row: number, column: number, formula: string, count: boolean): readonly (readonly unknown[])[] {
    const key = `${sheet.id},${row},${column},${formula}`;
    const reads = this.importReads.get(key) ?? 0;
    if (count) this.importReads.set(key, reads + 1);
    if (reads < this.importLoadingReads) return [['#N/A']];
    const call = parseImportRange(formula);
    const source = call ? this.linked[call.url] : undefined;
    const values = source?.allowed ? source.ranges[call?.range ?? ''] : undefined;
    if (!values || values.length === 0) return [['#REF!']];
    // An array that would overwrite a cell is not expanded: the anchor shows #REF!.
    for (let r = 0; r < values.length; r++)
      for (let c = 0; c < (values[r]?.length ?? 0); c++) {
        if (r === 0 && c === 0) continue;
        const cell = sheet.cell(row + r, column + c);
        if (cell?.value !== undefined || cell?.formula !== undefined) return [['#REF!']];
      }
    return values;
  }

  private readonly raws = new WeakMap<object, object>();

  wrap<T extends object>(target: T, label: string): T {
    const proxy = strict(target, label, this.calls);
    this.raws.set(proxy, target);
    return proxy;
  }

  /** The object behind a handed-out proxy, for the fake's own bookkeeping (not counted). */
  unwrap<T extends object>(proxy: object): T {
    return (this.raws.get(proxy) ?? proxy) as T;
  }

  addSheet(name: string, index: number): FakeSheet {
    if (name.trim() === '' || name.length > 100) throw new FakeServiceError(`Invalid sheet name "${name}".`);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeServiceError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`fake: no sheet ${name}`);
    return sheet;
  }
}

/** An embedded chart as the fake keeps it: what its builder was given. */
export interface FakeChart {
  readonly id: number;
  readonly sheet: FakeSheet;
  readonly type: 'BAR' | 'COLUMN' | 'LINE' | null;
  readonly ranges: readonly string[];
  readonly numHeaders: number | null;
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: { readonly row: number; readonly column: number } | null;
}

class FakeSheet {
  hidden = false;
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  readonly widths = new Map<number, number>();
  rules: SheetsConditionalFormatRule[] = [];
  cells = new Map<string, FakeCell>();
  charts: FakeChart[] = [];

  constructor(
    readonly book: FakeBook,
    readonly name: string,
    readonly id: number,
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  edit(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = {}));
    return cell;
  }

  /** Last 1-based row / column holding a value, a formula or an imported array's value; 0 when none. */
  last(axis: 0 | 1): number {
    let last = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      const [row, column] = key.split(',').map(Number) as [number, number];
      let end = axis === 0 ? row : column;
      if (isImport(cell.formula)) {
        const values = this.book.imported(this, row, column, cell.formula, false);
        end += axis === 0 ? values.length - 1 : Math.max(...values.map((v) => v.length)) - 1;
      }
      last = Math.max(last, end);
    }
    return last;
  }

  /** The value an imported array spills into an empty cell, if one does. */
  spilled(row: number, column: number): unknown {
    for (const [key, cell] of this.cells) {
      if (!isImport(cell.formula)) continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (r > row || c > column || (r === row && c === column)) continue;
      const values = this.book.imported(this, r, c, cell.formula, false);
      const value = values[row - r]?.[column - c];
      if (value !== undefined) return value;
    }
    return undefined;
  }

  range(row: number, column: number, rows: number, columns: number): SheetsRange {
    for (const n of [row, column, rows, columns])
      if (!Number.isInteger(n) || n < 1) throw new FakeServiceError(`Invalid range argument ${n}.`);
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) {
      throw new FakeServiceError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.book.wrap(new FakeRange(this, row, column, rows, columns), 'Range');
  }

  shiftRows(after: number, howMany: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      moved.set(`${r > after ? r + howMany : r},${c}`, cell);
    }
    this.cells = moved;
    this.maxRows += howMany;
  }
}

const columnLetters = (column: number): string => {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

class FakeRange implements SheetsRange {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _column: number,
    readonly _rows: number,
    readonly _columns: number,
  ) {}

  getRow = () => this._row;
  getColumn = () => this._column;
  getNumRows = () => this._rows;
  getNumColumns = () => this._columns;
  getSheet = (): SheetsSheet => this._sheet.book.wrap(new FakeSheetApi(this._sheet), 'Sheet');
  setNote(note: string | null): SheetsRange {
    for (let r = 0; r < this._rows; r++)
      for (let c = 0; c < this._columns; c++) {
        const cell = this._sheet.edit(this._row + r, this._column + c);
        if (note === null || note === '') delete cell.note;
        else cell.note = note;
      }
    return this._sheet.book.wrap(this, 'Range');
  }
  activate(): SheetsRange {
    const book = this._sheet.book;
    book.active = this._sheet;
    book.current = { sheet: this._sheet, row: this._row, column: this._column };
    return book.wrap(this, 'Range');
  }
  getA1Notation(): string {
    const start = `${columnLetters(this._column)}${this._row}`;
    if (this._rows === 1 && this._columns === 1) return start;
    return `${start}:${columnLetters(this._column + this._columns - 1)}${this._row + this._rows - 1}`;
  }

  private _map<T>(read: (cell: FakeCell | undefined, row: number, column: number) => T): T[][] {
    return Array.from({ length: this._rows }, (_r, r) =>
      Array.from({ length: this._columns }, (_c, c) =>
        read(this._sheet.cell(this._row + r, this._column + c), this._row + r, this._column + c),
      ),
    );
  }

  private _each<T>(matrix: readonly (readonly T[])[], what: string, write: (cell: FakeCell, value: T) => void): void {
    if (!Array.isArray(matrix) || matrix.length !== this._rows) {
      throw new FakeServiceError(
        `The number of rows in the ${what} does not match the number of rows in the range. The data has ${matrix?.length} but the range has ${this._rows}.`,
      );
    }
    matrix.forEach((row) => {
      if (!Array.isArray(row) || row.length !== this._columns) {
        throw new FakeServiceError(
          `The number of columns in the ${what} does not match the number of columns in the range. The data has ${row?.length} but the range has ${this._columns}.`,
        );
      }
    });
    matrix.forEach((row, r) => row.forEach((value: T, c: number) => write(this._sheet.edit(this._row + r, this._column + c), value)));
  }

  getValues(): unknown[][] {
    const { book } = this._sheet;
    return this._map((cell, row, column) => {
      if (isImport(cell?.formula)) return book.imported(this._sheet, row, column, cell.formula, true)[0]?.[0] ?? '';
      if (cell?.formula !== undefined) return book.evaluate ? book.evaluate(this._sheet.name, row - 1, column - 1, cell.formula) : '';
      const value = cell?.value;
      if (value === undefined) {
        const spilled = this._sheet.spilled(row, column);
        return spilled === undefined || spilled === null ? '' : spilled;
      }
      if (typeof value === 'number' && isDateFormat(cell?.format)) return dateOfSerial(value, book.timeZone);
      return value;
    });
  }

  getFormulas = (): string[][] => this._map((cell) => cell?.formula ?? '');
  getNumberFormats = (): string[][] => this._map((cell) => cell?.format ?? 'General');
  getDataValidations = (): (SheetsDataValidation | null)[][] => this._map((cell) => cell?.validation ?? null);

  setValues(values: unknown[][]): SheetsRange {
    const { timeZone } = this._sheet.book;
    this._each(values, 'data', (cell, value) => {
      delete cell.formula;
      delete cell.value;
      if (value === '' || value === null || value === undefined) return;
      if (isDate(value)) {
        cell.value = serialOfDate(value, timeZone);
        if (!isDateFormat(cell.format)) cell.format = 'yyyy-mm-dd';
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new FakeServiceError(`Invalid number ${value}.`);
        cell.value = value;
      } else if (typeof value === 'boolean') cell.value = value;
      else if (typeof value === 'string') {
        if (cell.format === '@') cell.value = value;
        else {
          const typed = parseTyped(value);
          Object.assign(cell, typed.formula !== undefined ? { formula: typed.formula } : { value: typed.value });
          if (typed.format !== undefined && (cell.format === undefined || cell.format === 'General')) cell.format = typed.format;
        }
      } else throw new FakeServiceError(`Cannot write a ${typeof value} to a cell.`);
    });
    return this._sheet.book.wrap(this, 'Range');
  }

  setNumberFormats(formats: string[][]): SheetsRange {
    this._each(formats, 'number formats', (cell, format) => {
      if (typeof format !== 'string') throw new FakeServiceError('A number format must be text.');
      cell.format = format;
    });
    return this._sheet.book.wrap(this, 'Range');
  }

  setDataValidation(rule: SheetsDataValidation | null): SheetsRange {
    return this.setDataValidations(Array.from({ length: this._rows }, () => Array<SheetsDataValidation | null>(this._columns).fill(rule)));
  }

  setDataValidations(rules: (SheetsDataValidation | null)[][]): SheetsRange {
    this._each(rules, 'data validations', (cell, rule) => {
      if (rule === null) delete cell.validation;
      else cell.validation = rule as FakeValidation;
    });
    return this._sheet.book.wrap(this, 'Range');
  }

  setFormula(formula: string): SheetsRange {
    if (this._rows !== 1 || this._columns !== 1) throw new FakeServiceError('fake: setFormula on more than one cell is not modelled');
    const cell = this._sheet.edit(this._row, this._column);
    delete cell.value;
    cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
    return this._sheet.book.wrap(this, 'Range');
  }

  setFontWeight(weight: FontWeight | null): SheetsRange {
    this._map((_cell, row, column) => (this._sheet.edit(row, column).bold = weight === 'bold'));
    return this._sheet.book.wrap(this, 'Range');
  }
}

/** `=IMPORTRANGE("link","range")` with literal arguments (the only form the host writes). */
function parseImportRange(formula: string): { url: string; range: string } | undefined {
  const match = /^=IMPORTRANGE\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/i.exec(formula.trim());
  return match ? { url: (match[1] as string).replace(/""/g, '"'), range: (match[2] as string).replace(/""/g, '"') } : undefined;
}

const isImport = (formula: string | undefined): formula is string => formula !== undefined && /^=IMPORTRANGE\(/i.test(formula);

function parseA1(a1: string): [number, number, number, number] {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!match) throw new FakeServiceError(`Range not found: ${a1}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1] = [Number(match[2]), col(match[1] as string)];
  const [r2, c2] = match[3] ? [Number(match[4]), col(match[3])] : [r1, c1];
  return [r1, c1, r2 - r1 + 1, c2 - c1 + 1];
}

class FakeSheetApi implements SheetsSheet {
  constructor(private readonly _sheet: FakeSheet) {}
  private get _book() {
    return this._sheet.book;
  }
  getName = () => this._sheet.name;
  getSheetId = () => this._sheet.id;
  getMaxRows = () => this._sheet.maxRows;
  getMaxColumns = () => this._sheet.maxColumns;
  getLastRow = () => this._sheet.last(0);
  getLastColumn = () => this._sheet.last(1);
  hideSheet(): SheetsSheet {
    if (this._book.sheets.every((s) => s === this._sheet || s.hidden))
      throw new FakeServiceError("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    return this._book.wrap(this, 'Sheet');
  }
  insertRowsAfter(after: number, howMany: number): SheetsSheet {
    if (after < 1 || after > this._sheet.maxRows || howMany < 1) throw new FakeServiceError('Those rows are out of bounds.');
    this._sheet.shiftRows(after, howMany);
    return this._book.wrap(this, 'Sheet');
  }
  insertColumnsAfter(after: number, howMany: number): SheetsSheet {
    if (after !== this._sheet.maxColumns || howMany < 1) throw new FakeServiceError('fake: only columns at the end are modelled');
    this._sheet.maxColumns += howMany;
    return this._book.wrap(this, 'Sheet');
  }
  getRange = (row: number, column: number, rows: number, columns: number) => this._sheet.range(row, column, rows, columns);
  getRangeList(a1Notations: string[]): SheetsRangeList {
    const ranges = a1Notations.map((a1) => this._sheet.range(...parseA1(a1)));
    const list: SheetsRangeList = {
      setFontWeight: (weight: FontWeight | null) => {
        for (const range of ranges) range.setFontWeight(weight);
        return this._book.wrap(list, 'RangeList');
      },
    };
    return this._book.wrap(list, 'RangeList');
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this._sheet.maxRows) throw new FakeServiceError('Invalid frozen row count.');
    this._sheet.frozenRows = rows;
  }
  setColumnWidth(column: number, width: number): SheetsSheet {
    if (column < 1 || column > this._sheet.maxColumns) throw new FakeServiceError('Column out of bounds.');
    this._sheet.widths.set(column, width);
    return this._book.wrap(this, 'Sheet');
  }
  getConditionalFormatRules = () => [...this._sheet.rules];
  setConditionalFormatRules(rules: SheetsConditionalFormatRule[]): void {
    this._sheet.rules = [...rules];
  }
  clear(): SheetsSheet {
    this._sheet.cells = new Map();
    return this._book.wrap(this, 'Sheet');
  }
  newChart(): SheetsChartBuilder {
    const sheet = this._sheet;
    const book = this._book;
    const draft: { -readonly [K in keyof FakeChart]: FakeChart[K] } = {
      id: 0,
      sheet,
      type: null,
      ranges: [],
      numHeaders: null,
      options: {},
      position: null,
    };
    const builder: SheetsChartBuilder = {
      asBarChart: () => ((draft.type = 'BAR'), wrapped),
      asColumnChart: () => ((draft.type = 'COLUMN'), wrapped),
      asLineChart: () => ((draft.type = 'LINE'), wrapped),
      addRange: (range) => {
        const r = book.unwrap<FakeRange>(range);
        if (r._sheet !== sheet) throw new FakeServiceError('The chart range must be on the chart’s sheet.');
        draft.ranges = [...draft.ranges, r.getA1Notation()];
        return wrapped;
      },
      setNumHeaders: (headers) => ((draft.numHeaders = headers), wrapped),
      setOption: (option, value) => ((draft.options = { ...draft.options, [option]: value }), wrapped),
      setPosition: (row, column) => {
        if (row < 1 || row > sheet.maxRows || column < 1 || column > sheet.maxColumns)
          throw new FakeServiceError('The chart position is outside the sheet.');
        draft.position = { row, column };
        return wrapped;
      },
      build: () => {
        if (draft.type === null) throw new FakeServiceError('fake: pick the chart type (as…Chart) before build');
        if (draft.ranges.length === 0) throw new FakeServiceError('A chart needs a data range.');
        const chart: FakeChart = { ...draft };
        return book.wrap({ getChartId: () => null, _fake: chart } as SheetsEmbeddedChart, 'EmbeddedChart');
      },
    };
    const wrapped = book.wrap(builder, 'EmbeddedChartBuilder');
    return wrapped;
  }
  insertChart(chart: SheetsEmbeddedChart): void {
    const fake = this._book.unwrap<{ _fake?: FakeChart }>(chart as object)._fake;
    if (!fake || fake.sheet !== this._sheet) throw new FakeServiceError('That chart was built for another sheet.');
    if (fake.id !== 0) throw new FakeServiceError('That chart is on the sheet already.');
    this._sheet.charts.push({ ...fake, id: this._book.nextChartId++ });
  }
  getCharts(): SheetsEmbeddedChart[] {
    return this._sheet.charts.map((chart) =>
      this._book.wrap({ getChartId: () => chart.id, _fake: chart } as SheetsEmbeddedChart, 'EmbeddedChart'),
    );
  }
  removeChart(chart: SheetsEmbeddedChart): void {
    const fake = this._book.unwrap<{ _fake?: FakeChart }>(chart as object)._fake;
    const at = this._sheet.charts.findIndex((c) => c.id === fake?.id && fake?.id !== 0);
    if (at < 0) throw new FakeServiceError('That chart is not on this sheet.');
    this._sheet.charts.splice(at, 1);
  }
  activate(): SheetsSheet {
    this._book.active = this._sheet;
    this._book.current = { sheet: this._sheet, row: 1, column: 1 };
    return this._book.wrap(this, 'Sheet');
  }
}

/** A stored conditional format rule: its condition, colours and ranges (as positions, so rows inserted above do not matter here). */
export interface FakeRuleData {
  condition: [string, ...unknown[]] | null;
  background: string | null;
  font: string | null;
  ranges: SheetsRange[];
}

const ruleData = new WeakMap<SheetsConditionalFormatRule, FakeRuleData>();

function ruleBuilder(book: FakeBook, data: FakeRuleData): SheetsConditionalFormatRuleBuilder {
  const self = (): SheetsConditionalFormatRuleBuilder => builder;
  const when =
    (name: string) =>
    (...args: unknown[]) => {
      data.condition = [name, ...args];
      return self();
    };
  const builder: SheetsConditionalFormatRuleBuilder = book.wrap(
    {
      whenNumberLessThan: when('whenNumberLessThan'),
      whenNumberGreaterThan: when('whenNumberGreaterThan'),
      whenNumberGreaterThanOrEqualTo: when('whenNumberGreaterThanOrEqualTo'),
      whenNumberBetween: when('whenNumberBetween'),
      whenTextEqualTo: when('whenTextEqualTo'),
      whenFormulaSatisfied: when('whenFormulaSatisfied'),
      setBackground: (color: string | null) => ((data.background = color), self()),
      setFontColor: (color: string | null) => ((data.font = color), self()),
      setRanges: (ranges: SheetsRange[]) => ((data.ranges = [...ranges]), self()),
      build: (): SheetsConditionalFormatRule => {
        if (data.condition === null) throw new FakeServiceError('A conditional format rule needs a condition.');
        if (data.ranges.length === 0) throw new FakeServiceError('A conditional format rule needs ranges.');
        const frozen: FakeRuleData = { ...data, ranges: [...data.ranges] };
        const rule = book.wrap<SheetsConditionalFormatRule>(
          { copy: () => ruleBuilder(book, { ...frozen, ranges: [...frozen.ranges] }), getRanges: () => [...frozen.ranges] },
          'ConditionalFormatRule',
        );
        ruleData.set(rule, frozen);
        return rule;
      },
    },
    'ConditionalFormatRuleBuilder',
  );
  return builder;
}

function validationBuilder(book: FakeBook): SheetsDataValidationBuilder {
  let list: readonly string[] | undefined;
  let numberBetween: readonly [number, number] | undefined;
  let helpText: string | undefined;
  let allowInvalid = true;
  const builder: SheetsDataValidationBuilder = book.wrap(
    {
      requireValueInList: (values: string[]) => ((list = [...values]), (numberBetween = undefined), builder),
      requireNumberBetween: (start: number, end: number) => {
        if (typeof start !== 'number' || typeof end !== 'number' || !(start <= end))
          throw new FakeServiceError('requireNumberBetween needs two numbers, start ≤ end.');
        numberBetween = [start, end];
        list = undefined;
        return builder;
      },
      setHelpText: (text: string) => ((helpText = String(text)), builder),
      setAllowInvalid: (allow: boolean) => ((allowInvalid = allow), builder),
      build: (): SheetsDataValidation => {
        if (list === undefined && numberBetween === undefined) throw new FakeServiceError('A data validation needs a criterion.');
        const rule: FakeValidation = {
          ...(list ? { list } : {}),
          ...(numberBetween ? { numberBetween } : {}),
          ...(helpText !== undefined ? { helpText } : {}),
          allowInvalid,
          copy: () => rule,
        };
        return rule;
      },
    },
    'DataValidationBuilder',
  );
  return builder;
}

const NAMED_RANGE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|R\d*C\d*)$/i;

function spreadsheetApi(book: FakeBook): SheetsSpreadsheet {
  const sheetApi = (sheet: FakeSheet) => book.wrap(new FakeSheetApi(sheet), 'Sheet');
  const position = (range: SheetsRange) => {
    const raw = book.unwrap<FakeRange>(range);
    if (!(raw instanceof FakeRange)) throw new FakeServiceError('fake: not a range of this spreadsheet');
    return { sheet: raw._sheet, row: raw._row, column: raw._column, rows: raw._rows, columns: raw._columns };
  };
  const namedApi = (name: string): SheetsNamedRange => {
    const named: SheetsNamedRange = book.wrap(
      {
        getName: () => name,
        getRange: () => {
          const n = book.named.get(name.toLowerCase());
          if (!n) throw new FakeServiceError(`Named range ${name} was removed.`);
          return n.sheet.range(n.row, n.column, n.rows, n.columns);
        },
        setRange: (range: SheetsRange) => {
          book.named.set(name.toLowerCase(), { name, ...position(range) });
          return named;
        },
      },
      'NamedRange',
    );
    return named;
  };
  return book.wrap<SheetsSpreadsheet>(
    {
      getSheets: () => book.sheets.map(sheetApi),
      getSheetByName: (name: string) => {
        const sheet = book.sheets.find((s) => s.name === name);
        return sheet ? sheetApi(sheet) : null;
      },
      insertSheet: (name: string, index: number) => {
        if (index < 0 || index > book.sheets.length) throw new FakeServiceError('Sheet index out of range.');
        return sheetApi(book.addSheet(name, index));
      },
      deleteSheet: (sheet: SheetsSheet) => {
        const raw = book.sheets.find((s) => s.name === sheet.getName());
        if (!raw) throw new FakeServiceError('fake: not a sheet of this spreadsheet');
        if (book.sheets.length === 1) throw new FakeServiceError("You can't remove all the sheets in a document.");
        book.sheets.splice(book.sheets.indexOf(raw), 1);
        for (const [name, named] of book.named) if (named.sheet === raw) book.named.delete(name);
        if (book.active === raw) book.active = book.sheets[0] as FakeSheet;
        if (book.current?.sheet === raw) book.current = null;
      },
      getNumSheets: () => book.sheets.length,
      getNamedRanges: () => [...book.named.values()].map((n) => namedApi(n.name)),
      setNamedRange: (name: string, range: SheetsRange) => {
        if (!NAMED_RANGE.test(name) || LOOKS_LIKE_CELL.test(name) || /^(true|false)$/i.test(name)) {
          throw new FakeServiceError(`Invalid named range name "${name}".`);
        }
        if (book.named.has(name.toLowerCase())) throw new FakeServiceError(`A named range "${name}" already exists.`);
        book.named.set(name.toLowerCase(), { name, ...position(range) });
      },
      getActiveSheet: () => sheetApi(book.active),
      getCurrentCell: () => (book.current ? book.current.sheet.range(book.current.row, book.current.column, 1, 1) : null),
      getActiveRange: () => (book.current ? book.current.sheet.range(book.current.row, book.current.column, 1, 1) : null),
      getSpreadsheetTimeZone: () => book.timeZone,
    },
    'Spreadsheet',
  );
}

export interface FakeSheetsOptions {
  readonly timeZone?: string;
  readonly evaluate?: FormulaEvaluator;
  /** What Session.getActiveUserLocale() answers (default `zh_CN`, as Apps Script spells it). */
  readonly userLocale?: string;
  /** The HTML files of the project (default: Sidebar). */
  readonly htmlFiles?: readonly string[];
  /** Other spreadsheets by link, for IMPORTRANGE (none by default: every import is #REF!). */
  readonly linked?: Readonly<Record<string, FakeLinkedSpreadsheet>>;
  /** Reads an IMPORTRANGE answers "#N/A" (Loading...) before its result arrives (default 1). */
  readonly importLoadingReads?: number;
}

/**
 * Another spreadsheet as IMPORTRANGE sees it: whether the user has allowed this one to import from
 * it, and its ranges by name (a named range, or `A1` of the first sheet) as values.
 */
export interface FakeLinkedSpreadsheet {
  allowed: boolean;
  readonly ranges: Readonly<Record<string, readonly (readonly unknown[])[]>>;
}

export interface FakeMenu {
  readonly items: readonly ({ readonly caption: string; readonly functionName: string } | 'separator')[];
}

export interface FakeSheets {
  /** The services as the host receives them (each call counted). */
  readonly services: SheetsServices;
  /** Utilities.sleep calls so far. */
  sleeps(): number;
  hiddenSheets(): readonly string[];
  /** A named range's values as getValues gives them (what IMPORTRANGE of that name imports). */
  namedValues(name: string): unknown[][];
  /** Service calls made so far; `reset()` starts a new count. */
  calls(): { readonly total: number; readonly byName: ReadonlyMap<string, number> };
  resetCalls(): void;
  /** Test hooks (not counted): stored cells, selection, sheet details. */
  cell(sheet: string, row: number, column: number): FakeCell | undefined;
  select(sheet: string, row: number, column: number): void;
  sheetNames(): string[];
  sheet(name: string): {
    readonly frozenRows: number;
    readonly maxRows: number;
    readonly widths: ReadonlyMap<number, number>;
    readonly rules: readonly FakeRuleData[];
    readonly charts: readonly FakeChart[];
  };
  namedRanges(): { name: string; sheet: string; a1: string }[];
  /** Add-on menus added to the UI, in order. */
  menus(): readonly FakeMenu[];
  /** The sidebars shown, in order: file and title. */
  sidebars(): readonly { readonly file: string; readonly title: string | undefined }[];
  readonly timeZone: string;
}

export function createFakeSheets(options: FakeSheetsOptions = {}): FakeSheets {
  const book = new FakeBook(options.timeZone ?? 'Asia/Shanghai', options.evaluate, options.linked, options.importLoadingReads);
  const menus: FakeMenu[] = [];
  const sidebars: { file: string; title: string | undefined }[] = [];
  const outputs = new WeakMap<object, { file: string; title: string | undefined }>();
  const htmlFiles = new Set(options.htmlFiles ?? ['Sidebar']);
  const ui: SheetsUi = book.wrap<SheetsUi>(
    {
      createAddonMenu: () => {
        const items: FakeMenu['items'][number][] = [];
        const menu: SheetsMenu = book.wrap<SheetsMenu>(
          {
            addItem: (caption: string, functionName: string) => {
              if (!/^[A-Za-z_$][\w$]*$/.test(functionName) || functionName.endsWith('_')) {
                throw new FakeServiceError(`A menu item must name a public top-level function, not "${functionName}".`);
              }
              items.push({ caption, functionName });
              return menu;
            },
            addSeparator: () => (items.push('separator'), menu),
            addToUi: () => void menus.push({ items }),
          },
          'Menu',
        );
        return menu;
      },
      showSidebar: (output: SheetsHtmlOutput) => {
        const shown = outputs.get(book.unwrap(output));
        if (!shown) throw new FakeServiceError('showSidebar needs an HtmlOutput.');
        sidebars.push({ ...shown });
      },
    },
    'Ui',
  );
  const html: SheetsHtmlService = book.wrap<SheetsHtmlService>(
    {
      createHtmlOutputFromFile: (file: string) => {
        if (!htmlFiles.has(file)) throw new FakeServiceError(`No HTML file named ${file} was found.`);
        const state = { file, title: undefined as string | undefined };
        const output: SheetsHtmlOutput = book.wrap<SheetsHtmlOutput>(
          { setTitle: (title: string) => ((state.title = title), output) },
          'HtmlOutput',
        );
        outputs.set(book.unwrap(output), state);
        return output;
      },
    },
    'HtmlService',
  );
  const session: SheetsSession = book.wrap<SheetsSession>({ getActiveUserLocale: () => options.userLocale ?? 'zh_CN' }, 'Session');
  const app: SheetsApp = book.wrap(
    {
      getActiveSpreadsheet: () => spreadsheetApi(book),
      getUi: () => ui,
      newConditionalFormatRule: () => ruleBuilder(book, { condition: null, background: null, font: null, ranges: [] }),
      newDataValidation: () => validationBuilder(book),
      flush: () => undefined,
    },
    'SpreadsheetApp',
  );
  const lock: SheetsLock = book.wrap(
    {
      waitLock: () => {
        if (book.lockHeld) throw new FakeServiceError('Lock timeout: another process was holding the lock for too long.');
        book.lockHeld = true;
      },
      releaseLock: () => {
        book.lockHeld = false;
      },
    },
    'Lock',
  );
  const lockService: SheetsLockService = book.wrap({ getDocumentLock: () => lock }, 'LockService');
  return {
    services: {
      app,
      lock: lockService,
      html,
      session,
      utilities: book.wrap(
        {
          sleep: (ms: number) => {
            if (!Number.isInteger(ms) || ms < 0 || ms > 300_000) throw new FakeServiceError(`Invalid sleep ${ms}.`);
            book.sleeps += 1;
          },
        },
        'Utilities',
      ),
    },
    sleeps: () => book.sleeps,
    hiddenSheets: () => book.sheets.filter((s) => s.hidden).map((s) => s.name),
    namedValues: (name: string) => {
      const n = book.named.get(name.toLowerCase());
      if (!n) throw new Error(`fake: no named range ${name}`);
      return new FakeRange(n.sheet, n.row, n.column, n.rows, n.columns).getValues();
    },
    calls: () => ({ total: book.calls.total, byName: new Map(book.calls.byName) }),
    resetCalls: () => {
      book.calls.total = 0;
      book.calls.byName.clear();
    },
    cell: (sheet, row, column) => book.sheet(sheet).cell(row + 1, column + 1),
    select: (sheet, row, column) => {
      book.active = book.sheet(sheet);
      book.current = { sheet: book.active, row: row + 1, column: column + 1 };
    },
    sheetNames: () => book.sheets.map((s) => s.name),
    sheet: (name) => {
      const s = book.sheet(name);
      return {
        frozenRows: s.frozenRows,
        maxRows: s.maxRows,
        widths: s.widths,
        rules: s.rules.map((r) => ruleData.get(r) as FakeRuleData),
        charts: [...s.charts],
      };
    },
    namedRanges: () =>
      [...book.named.values()].map((n) => ({
        name: n.name,
        sheet: n.sheet.name,
        a1: new FakeRange(n.sheet, n.row, n.column, n.rows, n.columns).getA1Notation(),
      })),
    menus: () => [...menus],
    sidebars: () => [...sidebars],
    timeZone: book.timeZone,
  };
}

/** The port contract's hooks over a fake (test/workbook/portContract.ts): stored content, formulas in their en-US spelling, and the selection. */
export function contractHooks(fake: FakeSheets) {
  return {
    rawCell(sheetName: string, row: number, column: number) {
      const cell = fake.cell(sheetName, row, column);
      if (cell?.formula !== undefined) return { formula: spellSalesCalls(cell.formula, '.') };
      return cell?.value ?? null;
    },
    select: (sheetName: string, row: number, column: number) => fake.select(sheetName, row, column),
  };
}
