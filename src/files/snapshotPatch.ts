/**
 * What changed in a workbook since a saved revision, as the web page sends it instead of the whole
 * snapshot (src/hosts/web/persistence/changeTracker.ts builds it, src/server/store.ts applies it):
 * whole rows of the sheets that changed — their cells and their row formats, each as the page holds
 * it now, or null where the page holds nothing — plus the workbook's style table and its plugins'
 * resources, which a cell edit may add to without a change of its own.
 *
 * Applied to the snapshot of the revision it was made from, a patch gives the snapshot the page
 * would have sent whole: rows are replaced, never merged, so what the page deleted is deleted.
 */
import type { ICellData, IRowData, IWorkbookData } from '@univerjs/core';
import type { WorkbookSnapshot } from './snapshot';

export interface SheetRowsPatch {
  /** Row index → that row's cells (column index → cell) as they are now, or null: the row holds none. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, ICellData | null>> | null>>;
  /** Row index → the row's format (height, hidden, auto height) as it is now, or null: none. */
  readonly rows: Readonly<Record<string, IRowData | null>>;
}

export interface SnapshotPatch {
  /** Sheet id → its changed rows. */
  readonly sheets: Readonly<Record<string, SheetRowsPatch>>;
  /** The workbook's whole style table now (null: it has none). */
  readonly styles: IWorkbookData['styles'] | null;
  /** The plugins' resources now (tables, validation, conditional formats, notes, names…), whole. */
  readonly resources: IWorkbookData['resources'] | null;
}

/** Why a patch cannot apply to a snapshot (it names a sheet the snapshot does not hold), or undefined. */
export function patchMismatch(snapshot: WorkbookSnapshot, patch: SnapshotPatch): string | undefined {
  const missing = Object.keys(patch.sheets).find((id) => !Object.prototype.hasOwnProperty.call(snapshot.sheets, id));
  return missing === undefined ? undefined : `the workbook holds no sheet ${missing}`;
}

/**
 * `snapshot` with `patch` applied, as a new object sharing every part the patch does not change (the
 * changed sheets get new cell and row maps): `snapshot` itself stays as it was.
 */
export function patchedSnapshot(snapshot: WorkbookSnapshot, patch: SnapshotPatch): WorkbookSnapshot {
  const sheets = { ...snapshot.sheets };
  for (const [id, change] of Object.entries(patch.sheets)) {
    const sheet = sheets[id];
    if (!sheet) throw new Error(`the workbook holds no sheet ${id}`);
    const cellData: Record<string, unknown> = { ...sheet.cellData };
    replaceEntries(cellData, change.cells);
    const rowData: Record<string, unknown> = { ...sheet.rowData };
    replaceEntries(rowData, change.rows);
    sheets[id] = { ...sheet, cellData, rowData } as typeof sheet;
  }
  const next: Record<string, unknown> = { ...snapshot, sheets };
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
