/**
 * The web host's WorkbookFiles: autosave of the Univer workbook to the local server, and the File
 * tab's open / download / import / versions over serverClient.ts.
 *
 * Autosave: every mutation of the workbook (typing, paste, template insertion, wizard write, goal
 * breakdown — Univer carries them all out as mutations) marks it changed; the change is sent
 * 2 s after the last one, at once when the page is hidden or left, and again after a failure
 * (with a growing pause). What is sent is what changed — rows, or whole sheets — when the
 * mutations say exactly that (changeTracker.ts), else the whole snapshot. A save is based on the
 * revision this page loaded or last saved; when another tab saved first the server refuses it and
 * this page says so instead of overwriting.
 */
import { CommandType } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
import type { FWorkbook } from '@univerjs/sheets/facade';
import { uniqueSheetName } from '../../../core';
import type { ImportOutcome, WorkbookFiles } from '../../../workbook/files';
import { Autosave, type AutosaveOptions } from './autosave';
import type { ChangeTracker } from './changeTracker';
import type { ServerClient } from './serverClient';

export interface WebFilesOptions extends AutosaveOptions {
  /** Opens another workbook of the folder (`null`: the one the server started with). */
  readonly navigate: (book: string | null) => void;
  readonly reloadPage: () => void;
  /** Starts a download of a file (an anchor click in the browser). */
  readonly deliver: (blob: Blob, fileName: string) => void;
  /** Where page lifecycle events come from (the browser's window and document). */
  readonly lifecycle?: { readonly window: Window; readonly document: Document };
}

export interface WebFiles extends WorkbookFiles {
  dispose(): void;
}

/**
 * Marks the workbook changed on every mutation that is an edit. Opening a snapshot makes the plugins
 * register what they derive from it (structured-reference tables, table themes) as mutations of
 * their own. Those are not edits: until the first command (every user action, facade call and undo
 * is one) only mutations inside a command count.
 */
function watchEdits(api: FUniver, tracker: ChangeTracker, edited: () => void): { dispose(): void } {
  let commandDepth = 0;
  let anyCommand = false;
  const starting = api.onBeforeCommandExecute((command) => {
    if (command.type === CommandType.COMMAND) {
      commandDepth++;
      anyCommand = true;
    }
  });
  const changed = api.onCommandExecuted((command, execution) => {
    if (command.type === CommandType.COMMAND) {
      commandDepth = Math.max(0, commandDepth - 1);
      return;
    }
    // Every change of the workbook counts for what the next save sends, local ones (formula results) too.
    if (command.type === CommandType.MUTATION && !execution?.fromChangeset) tracker.record(command.id, command.params);
    // Formula results and other local-only mutations are recomputed on load: they are not edits.
    if (command.type !== CommandType.MUTATION || execution?.onlyLocal || execution?.fromChangeset) return;
    // Only the workbook's own mutations: the cell editor's scratch document mutates too.
    const unitId = (command.params as { unitId?: string } | undefined)?.unitId;
    if (unitId !== api.getActiveWorkbook()?.getId()) return;
    if (!anyCommand && commandDepth === 0) return;
    edited();
  });
  return {
    dispose() {
      changed.dispose();
      starting.dispose();
    },
  };
}

/** Saves at once when the page is hidden or left, and asks before leaving with changes unsaved. */
function watchLifecycle(lifecycle: WebFilesOptions['lifecycle'], autosave: Autosave): { dispose(): void } {
  const onHidden = (): void => {
    if (lifecycle?.document.visibilityState === 'hidden' && autosave.dirty) void autosave.save(true);
  };
  const onPageHide = (): void => {
    if (autosave.dirty) void autosave.save(true);
  };
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (autosave.dirty || autosave.saving) event.preventDefault();
  };
  lifecycle?.document.addEventListener('visibilitychange', onHidden);
  lifecycle?.window.addEventListener('pagehide', onPageHide);
  lifecycle?.window.addEventListener('beforeunload', onBeforeUnload);
  return {
    dispose() {
      lifecycle?.document.removeEventListener('visibilitychange', onHidden);
      lifecycle?.window.removeEventListener('pagehide', onPageHide);
      lifecycle?.window.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}

type ImportedSheet = NonNullable<Awaited<ReturnType<ServerClient['importFile']>>['sheet']>;

/** An imported sheet, inserted after the last one under a free name and shown. */
function insertImported(book: FWorkbook, sheetData: ImportedSheet): string {
  const name = uniqueSheetName(
    sheetData.name,
    book.getSheets().map((s) => s.getSheetName()),
  );
  // The whole sheet in one insertion: cell by cell (setValues) takes seconds for 50,000 rows.
  const columnData = Object.fromEntries(Object.entries(sheetData.columnWidths).map(([c, w]) => [c, { w }]));
  const sheet = book.insertSheet(name, {
    index: book.getSheets().length,
    sheet: {
      name,
      rowCount: Math.max(1000, sheetData.rowCount + 1),
      columnCount: Math.max(20, sheetData.columnCount),
      cellData: sheetData.cellData,
      columnData,
      ...(sheetData.frozenRows > 0
        ? { freeze: { xSplit: 0, ySplit: sheetData.frozenRows, startRow: sheetData.frozenRows, startColumn: -1 } }
        : {}),
    },
  });
  book.setActiveSheet(sheet);
  return name;
}

export function createWebFiles(options: WebFilesOptions): WebFiles {
  const { api, client, loaded } = options;
  const autosave = new Autosave(options);
  const edits = watchEdits(api, autosave.tracker, () => autosave.edited());
  const pageLife = watchLifecycle(options.lifecycle, autosave);
  const saveNow = (): Promise<void> => autosave.saveNow();
  return {
    ...fileActions(options, autosave),
    fileName: loaded.fileName,
    notices: loaded.notices,
    getState: () => autosave.state,
    subscribe: (listener) => autosave.subscribe(listener),
    saveNow,
    async importSheet(file, name, sheet): Promise<ImportOutcome> {
      const result = await client.importFile(file, name, sheet, options.locale);
      if (result.sheetNames) return { kind: 'chooseSheet', sheetNames: result.sheetNames };
      if (!result.sheet) throw new Error('the server returned no sheet');
      const sheetName = insertImported(autosave.workbook(), result.sheet);
      return {
        kind: 'inserted',
        sheetName,
        rows: result.sheet.rowCount,
        notImported: result.notImported,
        ...(result.encoding ? { encoding: result.encoding } : {}),
      };
    },
    getFileStatus: () => autosave.fileStatus,
    async labelNextSave(change) {
      // The version before an import, link or write-back is its own version, kept beyond the window.
      if (change.pinBefore && autosave.dirty) await autosave.save();
      autosave.nextChange = change;
    },
    dispose() {
      autosave.dispose();
      edits.dispose();
      pageLife.dispose();
    },
  };
}

/** The File tab's actions that save first and then open, download or restore. */
function fileActions(
  options: WebFilesOptions,
  autosave: Autosave,
): Pick<
  WorkbookFiles,
  | 'listBooks'
  | 'openBook'
  | 'uploadWorkbook'
  | 'download'
  | 'listVersions'
  | 'restoreVersion'
  | 'restoreKept'
  | 'reload'
  | 'setTarget'
  | 'resolveOutside'
> {
  const { client } = options;
  const saveNow = (): Promise<void> => autosave.saveNow();
  return {
    async listBooks() {
      const { books, started, folder } = await client.books();
      return { books, current: client.book ?? started, folder };
    },
    async openBook(name) {
      await saveNow();
      options.navigate(name);
    },
    async uploadWorkbook(file, name) {
      await saveNow();
      const { book, notices } = await client.upload(file, name, options.locale);
      options.navigate(book);
      return { notices };
    },
    async download(portable) {
      await saveNow();
      const { blob, fileName, frozenToValues } = await client.download(portable);
      options.deliver(blob, fileName);
      return { fileName, frozenToValues };
    },
    listVersions: () => client.versions(),
    async restoreVersion(target) {
      await saveNow();
      await client.restore(target, autosave.revision);
      options.reloadPage();
    },
    async restoreKept(file) {
      await saveNow();
      await client.restoreFile(file, autosave.revision);
      options.reloadPage();
    },
    reload: () => options.reloadPage(),
    async setTarget(target) {
      await saveNow();
      autosave.fileStatus = await client.setTarget(target);
      const at = autosave.state.kind === 'saved' ? autosave.state.at : new Date().toISOString();
      await autosave.settleFile(autosave.revision, at);
    },
    async resolveOutside(choice) {
      autosave.fileStatus = await client.resolveOutside(choice);
      if (choice === 'theirs') options.reloadPage();
      else await autosave.settleFile(autosave.revision, new Date().toISOString());
    },
  };
}
