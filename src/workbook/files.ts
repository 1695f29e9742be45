/**
 * The workbook as a file: where it lives, whether the last change is saved, its versions, and
 * moving whole workbooks or sheets in and out. The web host implements it over its local server
 * (hosts/web/persistence); Excel keeps its own files and passes none, so the pane shows no File tab
 * there. Like WorkbookPort, the pane reaches it only through this interface.
 */

/** A text the server wrote in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export type SaveState =
  | { readonly kind: 'saved'; readonly at: string }
  /** The work goes to a copy beside the user's file, which is written at the first change (nothing is written on opening). */
  | { readonly kind: 'unwritten' }
  | { readonly kind: 'saving' }
  /** Saved as a version in the history (nothing can be lost now); the file is being written from it. */
  | { readonly kind: 'writingFile'; readonly at: string }
  /** A change waits for the save that follows the last edit. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'unsaved'; readonly reason: Bilingual }
  /** Another tab saved this workbook first: this page must reload to go on. */
  | { readonly kind: 'conflict' }
  /** Saved in the history, but the file is not written: another program changed it (choose) or holds it open. */
  | { readonly kind: 'held'; readonly hold: 'outside' | 'locked'; readonly reason: Bilingual };

export interface VersionEntry {
  /** A version of the workbook; a file kept byte for byte (the original, an outside change) has `file` instead. */
  readonly revision?: number;
  readonly file?: string;
  readonly savedAt: string;
  readonly bytes: number;
  readonly source: 'new' | 'edit' | 'restore' | 'import' | 'original' | 'outside';
  /** What made it: 插入模板 表2 / 导入 300 个商机 / 复盘写回 R2026-03-31 / 外部修改 … */
  readonly label: Bilingual;
  /** Kept beyond the rolling window (the version before an import, link, write-back or restore). */
  readonly pinned?: boolean;
}

/** Where the work is written, and whether the file on disk holds the last save. */
export interface FileStatus {
  /** The user's file (the one the workbook was opened from). */
  readonly fileName: string;
  /** `copy`: the user's file is never written; the work goes to `targetName` beside it. */
  readonly target: 'original' | 'copy';
  readonly targetName: string;
  /** What the user's file holds that our copy cannot keep, per feature. */
  readonly lost: readonly { readonly kind: string; readonly count: number }[];
  /** The same, in words: "3 个图表、1 个数据透视表" / "3 charts, 1 pivot table". */
  readonly lostText: Bilingual;
  readonly readOnly: boolean;
  /** Why the user's file could not be read (it stays as it is). */
  readonly unreadable?: string;
  readonly revision: number;
  /** The newest revision the file on disk holds. */
  readonly exportedRevision: number;
  /** Writing waits: another program changed the file, or holds it open (lock file). */
  readonly hold?: 'outside' | 'locked';
  readonly holdText?: Bilingual;
  /** The last write of the file failed (the versions are safe). */
  readonly error?: Bilingual;
}

/** What made a change, for the version history; `pinBefore` keeps the version before it beyond the rolling window. */
export interface ChangeLabel {
  readonly label: Bilingual;
  readonly pinBefore?: boolean;
}

export type ImportOutcome =
  | {
      readonly kind: 'inserted';
      readonly sheetName: string;
      readonly rows: number;
      readonly notImported: readonly string[];
      readonly encoding?: string;
    }
  /** An .xlsx with several sheets: choose one and import again. */
  | { readonly kind: 'chooseSheet'; readonly sheetNames: readonly string[] };

export interface WorkbookFiles {
  readonly fileName: string;
  /** What opening the workbook found worth saying (versions set aside, parts not imported…). */
  readonly notices: readonly Bilingual[];
  getState(): SaveState;
  /** Calls `listener` on every state change; returns the unsubscribe. */
  subscribe(listener: (state: SaveState) => void): () => void;
  /** Saves now if anything waits (after the debounce it happens by itself). */
  saveNow(): Promise<void>;
  listBooks(): Promise<{ readonly books: readonly string[]; readonly current: string; readonly folder: string }>;
  /** Switches the page to another workbook of the workbooks folder (saves first). */
  openBook(name: string): Promise<void>;
  /** Copies an .xlsx into the workbooks folder (checked first; the original is never changed) and opens it. */
  uploadWorkbook(file: Blob, name: string): Promise<{ readonly notices: readonly Bilingual[] }>;
  /** Downloads the workbook as .xlsx; `portable` replaces SALES formulas by native ones. */
  download(portable: boolean): Promise<{ readonly fileName: string; readonly frozenToValues: number }>;
  /** A CSV or one sheet of an .xlsx as a new sheet of this workbook. */
  importSheet(file: Blob, name: string, sheet?: string): Promise<ImportOutcome>;
  listVersions(): Promise<readonly VersionEntry[]>;
  /** Makes an earlier version the newest (nothing is lost: the current one stays in the history) and shows it. */
  restoreVersion(revision: number): Promise<void>;
  /** Makes a file kept in the history (the original, an outside change) the newest version and shows it. */
  restoreKept(file: string): Promise<void>;
  /** Reloads the workbook from the server (after a conflict). */
  reload(): void;
  /** Where the work is written and whether the file is up to date. */
  getFileStatus(): FileStatus | undefined;
  /** Writes to the user's file (a deliberate conversion) or to the copy beside it. */
  setTarget(target: 'original' | 'copy'): Promise<void>;
  /** After another program changed the file: open its version (`theirs`) or overwrite it (`mine`). */
  resolveOutside(choice: 'theirs' | 'mine'): Promise<void>;
  /** Names what the next save is (插入模板 表2 …) for the version history; saves pending edits first when the version before must be kept. */
  labelNextSave(change: ChangeLabel): Promise<void>;
}
