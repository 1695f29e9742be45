/**
 * The recorded workbook behind the Excel mock (`mockExcel.ts`): A1 addresses, Office-shaped errors,
 * the cell/sheet/table models, and how Excel types what is written into a cell.
 */
import { columnLetter } from '../../../src/core';
import type { ExcelLocale, ExcelProfile } from './excelProfiles';

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
  if (box.bottom < box.top || box.right < box.left)
    throw new RichApiError('InvalidArgument', `mock: reversed range "${address}"`, 'Worksheet.getRange');
  return box;
}

export const boxAddress = (b: Box): string =>
  b.top === b.bottom && b.left === b.right
    ? `${columnLetter(b.left)}${b.top + 1}`
    : `${columnLetter(b.left)}${b.top + 1}:${columnLetter(b.right)}${b.bottom + 1}`;

/** Column letters of the first columns, cached: cell keys are built millions of times for 100,000-row sheets. */
const LETTERS = Array.from({ length: 256 }, (_v, i) => columnLetter(i));

const cellKey = (row: number, col: number): string => (LETTERS[col] ?? columnLetter(col)) + String(row + 1);

/** Row and column of a cell key (`AB12`), parsed by hand: scans over every cell of a sheet use it. */
function keyCell(key: string): { readonly row: number; readonly col: number } {
  let col = 0;
  let i = 0;
  for (; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 65) break;
    col = col * 26 + (code - 64);
  }
  return { row: Number(key.slice(i)) - 1, col: col - 1 };
}

export const boxRows = (b: Box): number => b.bottom - b.top + 1;
export const boxCols = (b: Box): number => b.right - b.left + 1;

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/**
 * A sheet's cells: Map-like by A1 key (`H3`) for tests, stored row by row so that the mock's own
 * loops over 100,000-row sheets (`at`, `put`, `cellsAt`) build no strings.
 */
export class CellGrid {
  private readonly rows: (CellModel | undefined)[][] = [];
  private count = 0;

  at(row: number, col: number): CellModel | undefined {
    return this.rows[row]?.[col];
  }

  put(row: number, col: number, cell: CellModel): void {
    let cells = this.rows[row];
    if (!cells) {
      cells = [];
      this.rows[row] = cells;
    }
    if (cells[col] === undefined) this.count++;
    cells[col] = cell;
  }

  remove(row: number, col: number): boolean {
    const cells = this.rows[row];
    if (!cells || cells[col] === undefined) return false;
    cells[col] = undefined;
    this.count--;
    return true;
  }

  /** Every cell, row by row: [row, col, cell]. */
  *cellsAt(): Generator<[number, number, CellModel]> {
    for (let row = 0; row < this.rows.length; row++) {
      const cells = this.rows[row];
      if (!cells) continue;
      for (let col = 0; col < cells.length; col++) {
        const cell = cells[col];
        if (cell) yield [row, col, cell];
      }
    }
  }

  /** Moves the cells of columns left..right from row `from` down by `count` rows (inserted rows). */
  shiftDown(from: number, left: number, right: number, count: number): void {
    for (let row = this.rows.length - 1; row >= from; row--) {
      for (let col = left; col <= right; col++) {
        const cell = this.at(row, col);
        if (cell && this.remove(row, col)) this.put(row + count, col, cell);
      }
    }
  }

  get size(): number {
    return this.count;
  }
  get(key: string): CellModel | undefined {
    const { row, col } = keyCell(key);
    return this.at(row, col);
  }
  set(key: string, cell: CellModel): this {
    const { row, col } = keyCell(key);
    this.put(row, col, cell);
    return this;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  delete(key: string): boolean {
    const { row, col } = keyCell(key);
    return this.remove(row, col);
  }
  *entries(): Generator<[string, CellModel]> {
    for (const [row, col, cell] of this.cellsAt()) yield [cellKey(row, col), cell];
  }
  *keys(): Generator<string> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): Generator<CellModel> {
    for (const [, , cell] of this.cellsAt()) yield cell;
  }
  [Symbol.iterator](): Generator<[string, CellModel]> {
    return this.entries();
  }
}

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

export const notLoaded = (what: string): MockViolation =>
  new MockViolation(`read of ${what}, which was not loaded (or is write-only here)`);

// ——— the recorded workbook ———

export type CellKind = 'blank' | 'text' | 'number' | 'boolean' | 'formula';
export type WriteProperty = 'values' | 'formulas' | 'formulasLocal';

export interface CellModel {
  numberFormat: string;
  kind: CellKind;
  /** What Excel shows/stores: the formula text, the text (without a `'` prefix), the number… */
  value: string | number | boolean;
  /** A formula cell's computed value, when the test gave one (the mock does not calculate). */
  result?: string | number | boolean;
  via?: WriteProperty;
  /** A formula typed into a text (`@`) cell: Excel keeps it as text. */
  formulaAsText?: boolean;
  /** A string Excel would turn into a number or date (not a text cell). */
  converted?: boolean;
  /** A formula naming a function this Excel does not know as typed (its result is #NAME?). */
  nameError?: boolean;
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
  /** Header row + data rows (no totals row in the mock); grows when written below or resized. */
  address: string;
  readonly headers: readonly unknown[];
  style?: string;
  /** A filter hides some of its rows (`AutoFilter.isDataFiltered`). */
  filtered?: boolean;
}

/**
 * A table's data body grows to `bottom`: the new rows' cells take the number formats of the row
 * above (kept values keep their type), as Excel's table expansion does.
 */
export function growTable(table: TableModel, bottom: number): void {
  const box = parseAddress(table.address);
  for (let r = box.bottom + 1; r <= bottom; r++)
    for (let c = box.left; c <= box.right; c++) {
      const format = table.sheet.cells.at(box.bottom, c)?.numberFormat ?? 'General';
      const cell = table.sheet.cells.at(r, c);
      table.sheet.cells.put(r, c, cell ? { ...cell, numberFormat: format } : { numberFormat: format, kind: 'blank', value: '' });
    }
  table.address = boxAddress({ ...box, bottom });
}

export interface SheetModel {
  name: string;
  readonly cells: CellGrid;
  readonly writes: BlockWrite[];
  readonly numberFormats: FormatWrite[];
  readonly formats: FormatWrite[];
  readonly validations: { readonly seq: number; readonly address: string; readonly rule: unknown; readonly errorAlert?: unknown }[];
  readonly conditionalFormats: ConditionalFormatModel[];
  readonly columnWidths: Map<number, number>;
  frozenRows?: number;
  readonly charts: ChartModel[];
  /** Cell notes by address. */
  readonly notes: Map<string, string>;
  /** Comments (ExcelApi 1.10) by address, where an older Excel gets the header prompts. */
  readonly comments: Map<string, string>;
  activations: number;
  /** Sheet protection: every write to it fails with AccessDenied. */
  protected?: boolean;
  /** `Visible`, `Hidden` or `VeryHidden`: Find finds nothing on a hidden sheet (office-js#6349). */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Sheet rows (0-based) a filter hides: Find skips them. */
  readonly filteredRows: Set<number>;
}

/** A seeded cell: text, number, boolean, blank (null), or a formula with the result reads return. */
export type SeedCell = string | number | boolean | null | { readonly formula: string; readonly result?: string | number | boolean };

export interface ExistingSheet {
  readonly name: string;
  /** Cells by A1 address of the top-left cell (2-D). Strings are stored as text, as typed with `'`. */
  readonly cells?: Readonly<Record<string, readonly (readonly SeedCell[])[]>>;
  /** Number formats by range address, applied before the cells. */
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** A table with `filteredRows` (sheet rows, 1-based as Excel shows them) has a filter hiding those rows. */
  readonly tables?: readonly { readonly name: string; readonly address: string; readonly filteredRows?: readonly number[] }[];
  readonly protected?: boolean;
  readonly visibility?: 'Hidden' | 'VeryHidden';
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
  /** The active cell (`workbook.getActiveCell()`); default A1 of the first sheet. */
  readonly activeCell?: { readonly sheet: string; readonly address: string };
  /**
   * A sync whose response (the JSON of everything it loaded) exceeds this many bytes fails with
   * ResponsePayloadSizeLimitExceeded, as Excel on the web does past 5 MB. Default 5 MB.
   */
  readonly maxResponseBytes?: number;
  /**
   * Which Excel this is (excelProfiles.ts; default: the EXCEL_PROFILE the suite runs under): as in
   * Office.js, touching a member of a set it lacks throws ApiNotFound at once, and isSetSupported
   * answers from it.
   */
  readonly profile?: ExcelProfile;
  /** AutoCorrect's "Include new rows and columns in table" (default on): rows written directly below a table join it. */
  readonly tableAutoExpand?: boolean;
  /** The display language and region formulas are typed under (mockFormulas.ts); none: not checked. */
  readonly locale?: ExcelLocale;
}

export const newSheet = (name: string): SheetModel => ({
  name,
  cells: new CellGrid(),
  writes: [],
  numberFormats: [],
  formats: [],
  validations: [],
  conditionalFormats: [],
  columnWidths: new Map(),
  charts: [],
  notes: new Map(),
  comments: new Map(),
  activations: 0,
  visibility: 'Visible',
  filteredRows: new Set(),
});

export const SHEET_NAME_BAD = /[:\\/?*[\]]/;
const DATE_OR_NUMBER = /^\s*[-+]?(\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?|\d+(\.\d+)?%?|\d{1,2}:\d{2}(:\d{2})?)\s*$/;
/** Other strings Excel turns into something else when typed into a non-text cell: booleans, error values, Chinese dates. */
const OTHER_CONVERSIONS =
  /^\s*(true|false|#N\/A|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#NULL!|\d{1,4}年\d{1,2}月(\d{1,2}日)?|\d{1,2}月\d{1,2}日)\s*$/i;

/** A seeded cell's model (strings are text whatever they look like: the test typed them with `'`). */
export function seedCell(seed: SeedCell, numberFormat: string): CellModel | undefined {
  if (seed === null) return undefined;
  if (typeof seed === 'object') {
    return { numberFormat, kind: 'formula', value: seed.formula, ...(seed.result !== undefined ? { result: seed.result } : {}) };
  }
  if (typeof seed === 'string') return seed === '' ? undefined : { numberFormat, kind: 'text', value: seed };
  return { numberFormat, kind: typeof seed === 'number' ? 'number' : 'boolean', value: seed };
}

/** What `Range.values` returns for a cell: '' for blank, a formula's result (its text when none was given). */
export function readValue(cell: CellModel | undefined): string | number | boolean {
  if (!cell || cell.kind === 'blank') return '';
  if (cell.kind === 'formula') return cell.result ?? cell.value;
  return cell.value;
}

/** The size of a payload as sent over the wire: UTF-8 bytes of its JSON. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

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
  if (DATE_OR_NUMBER.test(input) || OTHER_CONVERSIONS.test(input))
    return { numberFormat, kind: 'number', value: input, via, converted: true };
  return { numberFormat, kind: 'text', value: input, via };
}
