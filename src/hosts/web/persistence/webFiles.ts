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
import { CommandType, type IWorkbookData, type Univer } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
import type { FWorkbook } from '@univerjs/sheets/facade';
import { type Locale, uniqueSheetName } from '../../../core';
import type { Bilingual, ChangeLabel, FileStatus, ImportOutcome, SaveState, WorkbookFiles } from '../../../workbook/files';
import { ChangeTracker, type TrackedChanges, patchOf, resourcesOf } from './changeTracker';
import { type LoadedWorkbook, type ServerClient, ServerError } from './serverClient';

const AUTOSAVE_DELAY_MS = 2000;
const RETRY_MS = [2000, 5000, 10000, 30000];

export interface WebFilesOptions {
  /** The Univer the workbook lives in (its plugins' resources go with every save), and its facade. */
  readonly univer: Univer;
  readonly api: FUniver;
  readonly client: ServerClient;
  readonly loaded: LoadedWorkbook;
  readonly locale: Locale;
  readonly delayMs?: number;
  /** Opens another workbook of the folder (`null`: the one the server started with). */
  readonly navigate: (book: string | null) => void;
  readonly reloadPage: () => void;
  /** Starts a download of a file (an anchor click in the browser). */
  readonly deliver: (blob: Blob, fileName: string) => void;
  /** Where page lifecycle events come from (the browser's window and document). */
  readonly lifecycle?: { readonly window: Window; readonly document: Document };
  /**
   * The stored workbook could not be shown, and a blank one stands in: nothing typed there is
   * saved (it would replace the user's workbook), and this says why; the File tab's Restore works.
   */
  readonly holdSaves?: Bilingual;
}

const reasonOf = (error: unknown): Bilingual => {
  if (error instanceof ServerError)
    return {
      zh: `服务器拒绝保存(${error.status}):${error.message}`,
      en: `The server refused the save (${error.status}): ${error.message}`,
    };
  const text = error instanceof Error ? error.message : String(error);
  return {
    zh: `无法连接本地服务器(${text})。请确认 npm start 仍在运行;恢复后会自动保存。`,
    en: `Cannot reach the local server (${text}). Check that npm start is still running; saving resumes by itself.`,
  };
};

/** The server could not take a patch as sent (not the revision: that is a conflict, 409). */
const refusedPatch = (error: unknown): boolean => error instanceof ServerError && (error.status === 400 || error.status === 422);

export interface WebFiles extends WorkbookFiles {
  dispose(): void;
}

export function createWebFiles(options: WebFilesOptions): WebFiles {
  const { api, client, loaded } = options;
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  let revision = loaded.revision;
  let fileStatus: FileStatus | undefined = loaded.file;
  let nextChange: ChangeLabel | undefined;
  // 已保存 means the version and the file: a copy not written yet says so instead.
  const unwritten = loaded.file !== undefined && loaded.file.target === 'copy' && loaded.file.exportedRevision === 0;
  let state: SaveState = unwritten ? { kind: 'unwritten' } : { kind: 'saved', at: loaded.savedAt };
  let dirty = false;
  let saving: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const listeners = new Set<(state: SaveState) => void>();

  const setState = (next: SaveState): void => {
    state = next;
    listeners.forEach((listener) => listener(next));
  };
  const workbook = (): FWorkbook => {
    const active = api.getActiveWorkbook();
    if (!active) throw new Error('no workbook');
    return active;
  };

  const schedule = (ms: number): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, ms);
  };

  async function save(keepalive = false): Promise<void> {
    if (state.kind === 'conflict') return;
    if (options.holdSaves) {
      if (dirty) setState({ kind: 'unsaved', reason: options.holdSaves });
      dirty = false;
      return;
    }
    if (saving) {
      await saving;
      if (dirty) return save(keepalive);
      return;
    }
    if (!dirty) return;
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    dirty = false;
    setState({ kind: 'saving' });
    const changes = tracker.take();
    const patch = changes.whole
      ? undefined
      : patchOf(workbook().getWorkbook().getSnapshot(), changes, resourcesOf(options.univer, workbook().getId()));
    const body = JSON.stringify(patch ?? (workbook().save() satisfies IWorkbookData));
    const change = nextChange;
    nextChange = undefined;
    saving = (async () => {
      try {
        const result = patch
          ? await client.savePatch(revision, body, keepalive, change).catch((error: unknown) => {
              // A patch the server cannot apply: the whole workbook says the same, at once.
              if (!refusedPatch(error)) throw error;
              return client.save(revision, JSON.stringify(workbook().save()), keepalive, change);
            })
          : await client.save(revision, body, keepalive, change);
        revision = result.revision;
        failures = 0;
        if (dirty) {
          setState({ kind: 'pending' });
          schedule(delay);
          return;
        }
        // 已保存 means the version and the file: the version is kept now, the file follows.
        setState({ kind: 'writingFile', at: result.savedAt });
        await settleFile(result.revision, result.savedAt);
      } catch (error) {
        if (error instanceof ServerError && error.status === 409) {
          setState({ kind: 'conflict' });
          return;
        }
        if (change && !nextChange) nextChange = change;
        putBack(changes, error);
        dirty = true;
        setState({ kind: 'unsaved', reason: reasonOf(error) });
        schedule(RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] as number);
        failures++;
      }
    })();
    try {
      await saving;
    } finally {
      saving = undefined;
    }
  }

  /** What a save that did not land had taken goes back; a patch the server could not apply, as the whole. */
  function putBack(changes: TrackedChanges, error: unknown): void {
    if (refusedPatch(error) && !changes.whole) tracker.needWhole();
    else tracker.putBack(changes);
  }

  let fileTimer: ReturnType<typeof setTimeout> | undefined;
  /** Follows the file until it holds `target` (or is held, or failed), then says so. */
  async function settleFile(target: number, savedAt: string): Promise<void> {
    if (fileTimer) clearTimeout(fileTimer);
    fileTimer = undefined;
    let status: FileStatus;
    try {
      status = await client.fileStatus(target);
    } catch (error) {
      setState({ kind: 'unsaved', reason: reasonOf(error) });
      fileTimer = setTimeout(() => void settleFile(target, savedAt), RETRY_MS[1]);
      return;
    }
    fileStatus = status;
    if (dirty || revision !== target) return; // a newer save follows this one
    if (status.exportedRevision >= target) setState({ kind: 'saved', at: savedAt });
    else if (status.hold && status.holdText) {
      setState({ kind: 'held', hold: status.hold, reason: status.holdText });
      // A lock file goes away when the other program closes: look again.
      if (status.hold === 'locked') fileTimer = setTimeout(() => void settleFile(target, savedAt), RETRY_MS[0]);
    } else if (status.error) {
      setState({ kind: 'unsaved', reason: status.error });
      fileTimer = setTimeout(() => void settleFile(target, savedAt), RETRY_MS[2]);
    } else void settleFile(target, savedAt); // still writing: the server answered after its wait
  }

  // Opening a snapshot makes the plugins register what they derive from it (structured-reference
  // tables, table themes) as mutations of their own. Those are not edits: until the first command
  // (every user action, facade call and undo is one) only mutations inside a command count.
  let commandDepth = 0;
  let anyCommand = false;
  const starting = api.onBeforeCommandExecute((command) => {
    if (command.type === CommandType.COMMAND) {
      commandDepth++;
      anyCommand = true;
    }
  });
  const tracker = new ChangeTracker(() => api.getActiveWorkbook()?.getId());
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
    dirty = true;
    if (state.kind === 'saved' || state.kind === 'unwritten' || state.kind === 'writingFile') setState({ kind: 'pending' });
    if (state.kind !== 'saving' && state.kind !== 'conflict') schedule(delay);
  });

  const lifecycle = options.lifecycle;
  const onHidden = (): void => {
    if (lifecycle?.document.visibilityState === 'hidden' && dirty) void save(true);
  };
  const onPageHide = (): void => {
    if (dirty) void save(true);
  };
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (dirty || saving) event.preventDefault();
  };
  lifecycle?.document.addEventListener('visibilitychange', onHidden);
  lifecycle?.window.addEventListener('pagehide', onPageHide);
  lifecycle?.window.addEventListener('beforeunload', onBeforeUnload);

  const saveNow = async (): Promise<void> => {
    await save();
    // A blank stand-in for a workbook that could not be shown is never saved: leaving it (to restore
    // a version, open or upload another book) loses nothing.
    if (options.holdSaves) return;
    if (state.kind === 'unsaved') throw new Error(options.locale === 'zh-CN' ? state.reason.zh : state.reason.en);
    if (state.kind === 'conflict')
      throw new Error(
        options.locale === 'zh-CN' ? '另一个窗口已保存了此工作簿,请重新加载。' : 'Another tab saved this workbook: reload it.',
      );
  };

  function insertImported(sheetData: NonNullable<Awaited<ReturnType<ServerClient['importFile']>>['sheet']>): string {
    const book = workbook();
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

  return {
    fileName: loaded.fileName,
    notices: loaded.notices,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    saveNow,
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
    async importSheet(file, name, sheet): Promise<ImportOutcome> {
      const result = await client.importFile(file, name, sheet, options.locale);
      if (result.sheetNames) return { kind: 'chooseSheet', sheetNames: result.sheetNames };
      if (!result.sheet) throw new Error('the server returned no sheet');
      const sheetName = insertImported(result.sheet);
      return {
        kind: 'inserted',
        sheetName,
        rows: result.sheet.rowCount,
        notImported: result.notImported,
        ...(result.encoding ? { encoding: result.encoding } : {}),
      };
    },
    listVersions: () => client.versions(),
    async restoreVersion(target) {
      await saveNow();
      await client.restore(target, revision);
      options.reloadPage();
    },
    async restoreKept(file) {
      await saveNow();
      await client.restoreFile(file, revision);
      options.reloadPage();
    },
    reload: () => options.reloadPage(),
    getFileStatus: () => fileStatus,
    async setTarget(target) {
      await saveNow();
      fileStatus = await client.setTarget(target);
      await settleFile(revision, state.kind === 'saved' ? state.at : new Date().toISOString());
    },
    async resolveOutside(choice) {
      fileStatus = await client.resolveOutside(choice);
      if (choice === 'theirs') options.reloadPage();
      else await settleFile(revision, new Date().toISOString());
    },
    async labelNextSave(change) {
      // The version before an import, link or write-back is its own version, kept beyond the window.
      if (change.pinBefore && dirty) await save();
      nextChange = change;
    },
    dispose() {
      if (fileTimer) clearTimeout(fileTimer);
      changed.dispose();
      starting.dispose();
      if (timer) clearTimeout(timer);
      lifecycle?.document.removeEventListener('visibilitychange', onHidden);
      lifecycle?.window.removeEventListener('pagehide', onPageHide);
      lifecycle?.window.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}
