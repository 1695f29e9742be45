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
  | { readonly kind: 'saving' }
  /** A change waits for the save that follows the last edit. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'unsaved'; readonly reason: Bilingual }
  /** Another tab saved this workbook first: this page must reload to go on. */
  | { readonly kind: 'conflict' };

export interface VersionEntry {
  readonly revision: number;
  readonly savedAt: string;
  readonly bytes: number;
  readonly source: 'new' | 'edit' | 'restore' | 'import';
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
  /** Reloads the workbook from the server (after a conflict). */
  reload(): void;
}
