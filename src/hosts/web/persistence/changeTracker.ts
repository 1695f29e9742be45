/**
 * Which rows and sheets of the workbook changed since the last save, read from the mutations Univer
 * carries out, so a save at 100,000 rows sends those rows (src/files/snapshotPatch.ts) instead of
 * the whole snapshot. A mutation of one sheet that is not a row change here (inserted rows, a
 * merge, a width) sends that sheet whole; one whose effect is not known here makes the next save a
 * whole one: only a change this file can name exactly travels as a patch.
 *
 * Every mutation of the workbook counts, local ones included: formula results are written into the
 * cells by local mutations, and a whole save would carry them too.
 */
import { IResourceManagerService, type IWorkbookData, type Univer, UniverInstanceType } from '@univerjs/core';
import type { SheetPatch, SheetRowsPatch, SnapshotPatch } from '../../../files/snapshotPatch';

/** What changed: rows by sheet id and whole sheets, or `whole` when only the whole snapshot can say it. */
export type TrackedChanges =
  | { readonly whole: true }
  | { readonly whole: false; readonly rows: ReadonlyMap<string, ReadonlySet<number>>; readonly sheets: ReadonlySet<string> };

interface RowRange {
  readonly startRow: number;
  readonly endRow: number;
}

/** More changed rows than this and the whole snapshot is cheaper to say than the rows. */
const MOST_ROWS = 200_000;

const keysOf = (value: unknown): number[] => (typeof value === 'object' && value !== null ? Object.keys(value).map(Number) : [Number.NaN]);
function* rowsOf(ranges: unknown): Iterable<number> {
  if (!Array.isArray(ranges)) {
    yield Number.NaN;
    return;
  }
  for (const range of ranges as RowRange[]) {
    if (!Number.isInteger(range?.startRow) || !Number.isInteger(range?.endRow)) yield Number.NaN;
    else for (let row = range.startRow; row <= range.endRow; row++) yield row;
  }
}

type Params = Record<string, unknown>;

/** Mutations that change rows of one sheet (its cells or row formats), and which rows. */
const ROW_MUTATIONS: Readonly<Record<string, (params: Params) => Iterable<number>>> = {
  'sheet.mutation.set-range-values': (p) => keysOf(p.cellValue),
  'sheet.mutation.set-worksheet-row-height': (p) => rowsOf(p.ranges),
  'sheet.mutation.set-worksheet-row-is-auto-height': (p) => rowsOf(p.ranges),
  'sheet.mutation.set-worksheet-row-auto-height': (p) =>
    Array.isArray(p.rowsAutoHeightInfo) ? (p.rowsAutoHeightInfo as { row: number }[]).map((info) => info?.row) : [Number.NaN],
  'sheet.mutation.set-row-data': (p) => keysOf(p.rowData),
  'sheet.mutation.set.numfmt': (p) =>
    typeof p.values === 'object' && p.values !== null
      ? Object.values(p.values as Record<string, { ranges?: unknown }>).flatMap((value) => [...rowsOf(value?.ranges)])
      : [Number.NaN],
  'sheet.mutation.remove.numfmt': (p) => rowsOf(p.ranges),
};

/**
 * Mutations that leave the snapshot's sheets and top level as they were: the formula engine's own
 * state (its results reach the cells by set-range-values), marks for redrawing, and the plugins
 * whose data lives in the resources, which every patch carries whole.
 */
const SNAPSHOT_UNCHANGED = [
  /^formula\.mutation\./,
  /^data-validation\.mutation\./,
  /^sheet\.mutation\.(empty|data-validation-formula-mark-dirty|mark-dirty-filter-change)$/,
  /^sheet\.mutation\.(add|delete|set|move)-conditional-rule$/,
  /^sheet\.mutation\.(add-table|delete-table|set-sheet-table|set-table-filter)$/,
  /^sheet\.mutation\.(remove-note|update-note|update-note-position|toggle-note-popup)$/,
  /^sheet\.mutation\.(add|remove|set)-range-theme$/,
  /^sheet\.mutation\.(register|unregister|set|remove)-worksheet-range-theme-style$/,
];

/** Mutations of the workbook's sheet list: the sheet order goes with every patch. */
const SHEET_ADDED = 'sheet.mutation.insert-sheet';
const SHEET_LIST = new Set([SHEET_ADDED, 'sheet.mutation.remove-sheet', 'sheet.mutation.set-worksheet-order']);

export class ChangeTracker {
  private whole = false;
  private rows = new Map<string, Set<number>>();
  private sheets = new Set<string>();
  private count = 0;

  /** `unitId`: the workbook whose mutations count (the cell editor's scratch document mutates too). */
  constructor(private readonly unitId: () => string | undefined) {}

  /** Takes note of a mutation Univer carried out. */
  record(id: string, params: unknown): void {
    const p = (typeof params === 'object' && params !== null ? params : {}) as Params;
    if (p.unitId !== undefined && p.unitId !== this.unitId()) return;
    if (this.whole || SNAPSHOT_UNCHANGED.some((pattern) => pattern.test(id))) return;
    if (SHEET_LIST.has(id)) {
      const sheetId = id === SHEET_ADDED ? (p.sheet as { id?: unknown } | undefined)?.id : p.subUnitId;
      if (typeof sheetId !== 'string') this.needWhole();
      else if (id !== 'sheet.mutation.set-worksheet-order') this.wholeSheet(sheetId);
      return;
    }
    // Without its unit and sheet a mutation acts on whatever is active: not exactly known here.
    if (typeof p.unitId !== 'string' || typeof p.subUnitId !== 'string') {
      this.needWhole();
      return;
    }
    const rowsIn = ROW_MUTATIONS[id];
    if (!rowsIn) {
      // A change of one sheet beyond its rows' contents: that sheet goes whole.
      this.wholeSheet(p.subUnitId);
      return;
    }
    if (this.sheets.has(p.subUnitId)) return;
    let rows = this.rows.get(p.subUnitId);
    if (!rows) this.rows.set(p.subUnitId, (rows = new Set()));
    for (const row of rowsIn(p)) {
      if (!Number.isInteger(row) || row < 0) {
        this.wholeSheet(p.subUnitId);
        return;
      }
      if (!rows.has(row)) {
        rows.add(row);
        if (++this.count > MOST_ROWS) {
          this.needWhole();
          return;
        }
      }
    }
  }

  private wholeSheet(sheetId: string): void {
    this.sheets.add(sheetId);
    this.count -= this.rows.get(sheetId)?.size ?? 0;
    this.rows.delete(sheetId);
  }

  /** The next save says the whole snapshot. */
  needWhole(): void {
    this.whole = true;
    this.rows = new Map();
    this.sheets = new Set();
    this.count = 0;
  }

  /** What changed since the last take (and starts afresh). */
  take(): TrackedChanges {
    const taken: TrackedChanges = this.whole ? { whole: true } : { whole: false, rows: this.rows, sheets: this.sheets };
    this.whole = false;
    this.rows = new Map();
    this.sheets = new Set();
    this.count = 0;
    return taken;
  }

  /** Puts back what a save that did not land had taken. */
  putBack(changes: TrackedChanges): void {
    if (changes.whole) {
      this.needWhole();
      return;
    }
    if (this.whole) return;
    for (const sheetId of changes.sheets) this.wholeSheet(sheetId);
    for (const [sheetId, rows] of changes.rows) {
      if (this.sheets.has(sheetId)) continue;
      const mine = this.rows.get(sheetId) ?? new Set<number>();
      for (const row of rows) {
        if (mine.has(row)) continue;
        mine.add(row);
        this.count++;
      }
      this.rows.set(sheetId, mine);
    }
    if (this.count > MOST_ROWS) this.needWhole();
  }
}

/**
 * The patch saying `changes` of `workbook` (Univer's live snapshot, read, never changed), with its
 * sheet order, style table and `resources`; undefined when a sheet whose rows changed is gone
 * without its removal being seen (then say it whole).
 */
export function patchOf(
  workbook: IWorkbookData,
  changes: Extract<TrackedChanges, { whole: false }>,
  resources: IWorkbookData['resources'],
): SnapshotPatch | undefined {
  const sheets: Record<string, SheetPatch> = {};
  for (const sheetId of changes.sheets) {
    const sheet = workbook.sheets[sheetId];
    sheets[sheetId] = sheet ? { whole: sheet } : { removed: true };
  }
  for (const [sheetId, changed] of changes.rows) {
    const sheet = workbook.sheets[sheetId];
    if (!sheet) return undefined;
    const cellData = (sheet.cellData ?? {}) as Record<number, SheetRowsPatch['cells'][string]>;
    const rowData = (sheet.rowData ?? {}) as Record<number, SheetRowsPatch['rows'][string]>;
    const cells: Record<number, SheetRowsPatch['cells'][string]> = {};
    const formats: Record<number, SheetRowsPatch['rows'][string]> = {};
    for (const row of changed) {
      cells[row] = cellData[row] ?? null;
      formats[row] = rowData[row] ?? null;
    }
    sheets[sheetId] = { cells, rows: formats };
  }
  return { sheets, sheetOrder: workbook.sheetOrder, styles: workbook.styles ?? null, resources: resources ?? null };
}

/** The plugins' resources of a workbook, as FWorkbook.save() puts them in the snapshot. */
export function resourcesOf(univer: Univer, unitId: string): IWorkbookData['resources'] {
  return univer.__getInjector().get(IResourceManagerService).getResources(unitId, UniverInstanceType.UNIVER_SHEET);
}
