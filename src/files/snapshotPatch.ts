/**
 * What changed in a workbook since a saved revision, as the web page sends it instead of the whole
 * snapshot (src/hosts/web/persistence/changeTracker.ts builds it, src/server/store.ts applies it):
 * per changed sheet, either whole rows — their cells and their row formats, each as the page holds
 * it now, or null where the page holds nothing — or the whole sheet (a new sheet, inserted rows, a
 * merge, a width), or that the sheet is gone; plus the sheet order, the workbook's style table and
 * its plugins' resources, which a cell edit may add to without a change of its own.
 *
 * Applied to the snapshot of the revision it was made from, a patch gives the snapshot the page
 * would have sent whole: rows and sheets are replaced, never merged, so what the page deleted is
 * deleted.
 */
import type { ICellData, IRowData, IWorkbookData } from '@univerjs/core';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

export interface SheetRowsPatch {
  /** Row index → that row's cells (column index → cell) as they are now, or null: the row holds none. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, ICellData | null>> | null>>;
  /** Row index → the row's format (height, hidden, auto height) as it is now, or null: none. */
  readonly rows: Readonly<Record<string, IRowData | null>>;
}

/** A sheet as it is now (new, or changed in more than its rows). */
export interface WholeSheetPatch {
  readonly whole: SheetSnapshot;
}

/** A sheet the workbook no longer holds. */
export interface RemovedSheetPatch {
  readonly removed: true;
}

export type SheetPatch = SheetRowsPatch | WholeSheetPatch | RemovedSheetPatch;

export interface SnapshotPatch {
  /** Sheet id → how it changed. */
  readonly sheets: Readonly<Record<string, SheetPatch>>;
  /** The sheet order now (absent: as it was). */
  readonly sheetOrder?: readonly string[];
  /** The workbook's whole style table now (null: it has none). */
  readonly styles: IWorkbookData['styles'] | null;
  /** The plugins' resources now (tables, validation, conditional formats, notes, names…), whole. */
  readonly resources: IWorkbookData['resources'] | null;
}

const isWholeSheet = (change: SheetPatch): change is WholeSheetPatch => 'whole' in change;
const isRemovedSheet = (change: SheetPatch): change is RemovedSheetPatch => 'removed' in change;

/** The rows a patch changes, by sheet (sheets it replaces or removes are not listed). */
export function changedRows(patch: SnapshotPatch): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const [id, change] of Object.entries(patch.sheets))
    if (!isWholeSheet(change) && !isRemovedSheet(change)) rows.set(id, Object.keys(change.cells));
  return rows;
}

/**
 * Why a patch cannot apply to a snapshot, or undefined: rows or a removal of a sheet the snapshot
 * does not hold, or a sheet order that does not name the sheets the workbook would hold.
 */
export function patchMismatch(snapshot: WorkbookSnapshot, patch: SnapshotPatch): string | undefined {
  const held = new Set(Object.keys(snapshot.sheets));
  for (const [id, change] of Object.entries(patch.sheets)) {
    if (isWholeSheet(change)) held.add(id);
    else if (!held.has(id)) return `the workbook holds no sheet ${id}`;
    else if (isRemovedSheet(change)) held.delete(id);
  }
  const order = patch.sheetOrder ?? snapshot.sheetOrder;
  if (order.length === 0 || order.length !== held.size || !order.every((id) => held.has(id)))
    return 'the sheet order does not name the sheets the workbook holds';
  return undefined;
}

/**
 * `snapshot` with `patch` applied, as a new object sharing every part the patch does not change (the
 * changed sheets get new cell and row maps): `snapshot` itself stays as it was.
 */
export function patchedSnapshot(snapshot: WorkbookSnapshot, patch: SnapshotPatch): WorkbookSnapshot {
  const sheets: Record<string, SheetSnapshot> = { ...snapshot.sheets };
  for (const [id, change] of Object.entries(patch.sheets)) {
    if (isWholeSheet(change)) {
      sheets[id] = change.whole;
      continue;
    }
    if (isRemovedSheet(change)) {
      delete sheets[id];
      continue;
    }
    const sheet = sheets[id];
    if (!sheet) throw new Error(`the workbook holds no sheet ${id}`);
    const cellData: Record<string, unknown> = { ...sheet.cellData };
    replaceEntries(cellData, change.cells);
    const rowData: Record<string, unknown> = { ...sheet.rowData };
    replaceEntries(rowData, change.rows);
    sheets[id] = { ...sheet, cellData, rowData } as SheetSnapshot;
  }
  const next: Record<string, unknown> = { ...snapshot, sheets };
  if (patch.sheetOrder) next.sheetOrder = [...patch.sheetOrder];
  if (patch.styles === null) delete next.styles;
  else next.styles = patch.styles;
  if (patch.resources === null) delete next.resources;
  else next.resources = patch.resources;
  return next as unknown as WorkbookSnapshot;
}

function replaceEntries(target: Record<string, unknown>, entries: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(entries)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}
