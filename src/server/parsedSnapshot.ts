/**
 * The newest version of a workbook kept parsed, for the saves that send only what changed
 * (src/files/snapshotPatch.ts): a patch applies to the object, and the new version's text is made
 * from the rows it changed (src/server/snapshotText.ts) — not 25 MB parsed and serialised again
 * per save at 100,000 rows.
 */
import type { WorkbookSnapshot } from '../files/snapshot';
import { type SnapshotPatch, changedRows, patchMismatch, patchedSnapshot } from '../files/snapshotPatch';
import { WorkbookFileError } from '../files/xlsxGuard';
import { STORE_MESSAGES } from './messages';
import { SnapshotTextWriter } from './snapshotText';

export class ParsedSnapshot {
  private object: WorkbookSnapshot | undefined;
  private readonly writer = new SnapshotTextWriter();

  /** `newestText`: the newest version's text, parsed when a patch first needs it. */
  constructor(private readonly newestText: () => string) {}

  /** The newest version is now `parsed` (already parsed), or only known as text (undefined). */
  set(parsed: WorkbookSnapshot | undefined): void {
    this.object = parsed;
  }

  /** Parses the newest version and makes its text blocks ahead of the first patch. */
  prepare(): void {
    if (this.object) return;
    this.object = JSON.parse(this.newestText()) as WorkbookSnapshot;
    this.writer.text(this.object);
  }

  /**
   * The newest version with `patch` applied, and its text; the kept object stays as it was (a new
   * one shares what did not change) until set() says the result was stored. Refuses (422) a patch
   * naming a sheet the workbook does not hold.
   */
  apply(patch: SnapshotPatch): { readonly snapshot: WorkbookSnapshot; readonly text: string } {
    const base = this.object ?? (JSON.parse(this.newestText()) as WorkbookSnapshot);
    this.object = base;
    const mismatch = patchMismatch(base, patch);
    if (mismatch) throw new WorkbookFileError(STORE_MESSAGES.badSnapshot(mismatch).en, 422);
    const snapshot = patchedSnapshot(base, patch);
    return { snapshot, text: this.writer.text(snapshot, { base, rows: changedRows(patch) }) };
  }
}
