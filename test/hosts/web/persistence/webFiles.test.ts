/**
 * The web host's autosave over a headless Univer and a recording server client: an edit is saved
 * after the debounce with the revision it started from; hiding the page saves at once; a refused
 * save (409) turns into "conflict" and stops saving; a failed one is retried; opening a snapshot
 * with tables saves nothing by itself; imported sheets arrive whole.
 */
import type { IWorkbookData } from '@univerjs/core';
import { TEMPLATES, planTemplate } from '../../../../src/core';
import { type LoadedWorkbook, type ServerClient, ServerError } from '../../../../src/hosts/web/persistence/serverClient';
import { type WebFiles, createWebFiles } from '../../../../src/hosts/web/persistence/webFiles';
import { type HeadlessUniver, createHeadlessUniver } from '../../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../../src/hosts/web/univerWorkbook';
import { type SnapshotPatch, changedRows, patchedSnapshot } from '../../../../src/files/snapshotPatch';
import type { SaveState } from '../../../../src/workbook/files';

const DELAY = 40;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class RecordingClient {
  readonly saves: { base: number; keepalive: boolean; body: string; kind: 'whole' | 'patch'; change?: unknown }[] = [];
  revision = 7;
  /** Refuses patches only (as a server that cannot apply one does). */
  failPatchesWith: Error | undefined;
  /** The workbook as the server holds it: whole saves replace it, patches apply to it. */
  stored: IWorkbookData | undefined;
  failWith: Error | undefined;
  /** What the file on disk holds: the server writes it right after each save unless told otherwise. */
  file: { exportedRevision?: number; hold?: 'outside' | 'locked'; error?: { zh: string; en: string } } = {};
  fileStatusOf(revision: number) {
    return {
      fileName: 'x.xlsx',
      target: 'original' as const,
      targetName: 'x.xlsx',
      lost: [],
      lostText: { zh: '', en: '' },
      readOnly: false,
      revision,
      exportedRevision: this.file.exportedRevision ?? this.revision,
      ...(this.file.hold
        ? { hold: this.file.hold, holdText: { zh: '另一个程序修改了此文件', en: 'Another program changed the file' } }
        : {}),
      ...(this.file.error ? { error: this.file.error } : {}),
    };
  }
  readonly client: ServerClient = {
    book: null,
    load: async () => {
      throw new Error('not used');
    },
    save: async (base, body, keepalive = false, change) => this.received('whole', base, body, keepalive, change),
    savePatch: async (base, body, keepalive = false, change) => this.received('patch', base, body, keepalive, change),
    versions: async () => [],
    restore: async () => ({ revision: 1 }),
    fileStatus: async (revision) => this.fileStatusOf(revision),
    setTarget: async () => this.fileStatusOf(this.revision),
    resolveOutside: async () => this.fileStatusOf(this.revision),
    restoreFile: async () => ({ revision: 1 }),
    books: async () => ({ books: [], started: 'x.xlsx', folder: '/w' }),
    upload: async () => ({ book: 'x.xlsx', notices: [] }),
    download: async () => ({ blob: new Blob([]), fileName: 'x.xlsx', frozenToValues: 0 }),
    importFile: async () => ({
      sheet: {
        name: '导入',
        rowCount: 2,
        columnCount: 2,
        cellData: { 0: { 0: { v: '编号', t: 1 } }, 1: { 0: { v: '00123', t: 1 }, 1: { v: 5, t: 2 } } },
        columnWidths: { 0: 64 },
        frozenRows: 1,
      },
      notImported: [],
    }),
  };

  private received(kind: 'whole' | 'patch', base: number, body: string, keepalive: boolean, change: unknown) {
    this.saves.push({ base, keepalive, body, kind, ...(change ? { change } : {}) });
    const failure = this.failWith ?? (kind === 'patch' ? this.failPatchesWith : undefined);
    if (failure) throw failure;
    if (kind === 'whole') this.stored = JSON.parse(body) as IWorkbookData;
    else if (!this.stored) throw new ServerError(422, 'a patch before any whole snapshot');
    else this.stored = patchedSnapshot(this.stored, JSON.parse(body) as SnapshotPatch);
    this.revision = base + 1;
    return { revision: this.revision, savedAt: new Date().toISOString() };
  }
}

function fakeLifecycle() {
  const windowTarget = new EventTarget();
  const documentTarget = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return { window: windowTarget as unknown as Window, document: documentTarget as unknown as Document, documentTarget };
}

let host: HeadlessUniver;
let files: WebFiles;
let server: RecordingClient;
let states: SaveState['kind'][];
let lifecycle: ReturnType<typeof fakeLifecycle>;

async function open(
  snapshot?: IWorkbookData,
  extra: { holdSaves?: { zh: string; en: string } } = {},
  file?: LoadedWorkbook['file'],
): Promise<void> {
  host = createHeadlessUniver('zh-CN');
  if (snapshot) host.api.createWorkbook(snapshot);
  server = new RecordingClient();
  server.stored = JSON.parse(JSON.stringify(host.api.getActiveWorkbook()?.save())) as IWorkbookData;
  lifecycle = fakeLifecycle();
  const loaded: LoadedWorkbook = {
    fileName: 'team.xlsx',
    revision: 7,
    savedAt: new Date().toISOString(),
    notices: [],
    snapshot: {},
    ...(file ? { file } : {}),
  };
  files = createWebFiles({
    univer: host.univer,
    api: host.api,
    client: server.client,
    loaded,
    locale: 'zh-CN',
    delayMs: DELAY,
    navigate: () => undefined,
    reloadPage: () => undefined,
    deliver: () => undefined,
    lifecycle,
    ...extra,
  });
  states = [];
  files.subscribe((s) => states.push(s.kind));
}

afterEach(async () => {
  files.dispose();
  await host.dispose();
});

const typeInto = (a1: string, value: string | number) => host.api.getActiveWorkbook()?.getActiveSheet().getRange(a1).setValue(value);

test('an edit is saved once after the debounce, based on the loaded revision; the next on the new one', async () => {
  await open();
  typeInto('A1', 150);
  typeInto('A2', 160);
  expect(files.getState().kind).toBe('pending');
  expect(server.saves).toEqual([]);
  await wait(DELAY * 4);
  expect(server.saves.map((s) => s.base)).toEqual([7]);
  // Two typed cells travel as their rows, not as the whole workbook; the server's copy holds them.
  expect(server.saves[0]?.kind).toBe('patch');
  expect(Object.values(JSON.parse(server.saves[0]?.body ?? '{}').sheets ?? {})).toEqual([
    { cells: { 0: { 0: { v: 150, t: 2 } }, 1: { 0: { v: 160, t: 2 } } }, rows: { 0: null, 1: null } },
  ]);
  expect(server.stored).toEqual(JSON.parse(JSON.stringify(host.api.getActiveWorkbook()?.save())));
  expect(files.getState().kind).toBe('saved');
  expect(states).toEqual(['pending', 'saving', 'writingFile', 'saved']);
  typeInto('A3', 170);
  await wait(DELAY * 4);
  expect(server.saves.map((s) => s.base)).toEqual([7, 8]);
});

test('hiding the page saves at once (keepalive for small bodies), without waiting for the debounce', async () => {
  await open();
  typeInto('A1', 1);
  lifecycle.documentTarget.visibilityState = 'hidden';
  lifecycle.documentTarget.dispatchEvent(new Event('visibilitychange'));
  await wait(5);
  expect(server.saves.length).toBe(1);
  expect(server.saves[0]?.keepalive).toBe(true);
});

test('a save refused because another tab saved first becomes a conflict, and nothing more is sent', async () => {
  await open();
  server.failWith = new ServerError(409, 'conflict', 9);
  typeInto('A1', 1);
  await wait(DELAY * 4);
  expect(files.getState().kind).toBe('conflict');
  typeInto('A2', 2);
  await wait(DELAY * 4);
  expect(server.saves.length).toBe(1);
  await expect(files.saveNow()).rejects.toThrow(/另一个窗口/);
});

test('a failed save says why and is retried until it lands', async () => {
  await open();
  server.failWith = new TypeError('Failed to fetch');
  typeInto('A1', 1);
  await wait(DELAY * 3);
  const state = files.getState();
  expect(state.kind).toBe('unsaved');
  expect(state.kind === 'unsaved' && state.reason.zh).toMatch(/无法连接本地服务器/);
  server.failWith = undefined;
  await files.saveNow();
  expect(files.getState().kind).toBe('saved');
  expect(server.saves.at(-1)?.base).toBe(7);
});

test('a failed save keeps its rows for the next one; a patch the server cannot apply is followed by the whole workbook', async () => {
  await open();
  server.failWith = new TypeError('Failed to fetch');
  typeInto('A1', 1);
  await wait(DELAY * 3);
  server.failWith = undefined;
  typeInto('A5', 5);
  await files.saveNow();
  // The retry carries both edits' rows, and the server's copy is the page's workbook.
  expect(server.saves.map((s) => s.kind)).toEqual(['patch', 'patch']);
  const retried = JSON.parse(server.saves[1]?.body ?? '{}') as SnapshotPatch;
  expect([...changedRows(retried).values()]).toEqual([['0', '4']]);
  expect(server.stored).toEqual(JSON.parse(JSON.stringify(host.api.getActiveWorkbook()?.save())));

  server.failPatchesWith = new ServerError(422, 'the workbook holds no sheet x');
  typeInto('A2', 2);
  await files.saveNow();
  expect(server.saves.slice(2).map((s) => s.kind)).toEqual(['patch', 'whole']);
  expect(server.stored).toEqual(JSON.parse(JSON.stringify(host.api.getActiveWorkbook()?.save())));
  expect(files.getState().kind).toBe('saved');
});

test('opening a snapshot with tables, lists and formats saves nothing by itself', async () => {
  const maker = createHeadlessUniver('zh-CN');
  const port = createUniverWorkbook(maker.api);
  for (const spec of TEMPLATES) await port.insertTemplate(planTemplate(spec, { locale: 'zh-CN', samples: true, portable: false }));
  const snapshot = JSON.parse(JSON.stringify(maker.api.getActiveWorkbook()?.save())) as IWorkbookData;
  await maker.dispose();
  host = createHeadlessUniver('zh-CN');
  server = new RecordingClient();
  const loaded: LoadedWorkbook = { fileName: 'team.xlsx', revision: 3, savedAt: new Date().toISOString(), notices: [], snapshot };
  lifecycle = fakeLifecycle();
  // The listeners are in place before the snapshot opens, as in the page.
  files = createWebFiles({
    univer: host.univer,
    api: host.api,
    client: server.client,
    loaded,
    locale: 'zh-CN',
    delayMs: DELAY,
    navigate: () => undefined,
    reloadPage: () => undefined,
    deliver: () => undefined,
    lifecycle,
  });
  host.api.createWorkbook(snapshot);
  await host.api.getFormula().onCalculationResultApplied();
  await wait(DELAY * 5);
  expect(server.saves).toEqual([]);
  expect(files.getState().kind).toBe('saved');
});

test('an imported sheet arrives whole, typed, after the other sheets, and is saved', async () => {
  await open();
  const outcome = await files.importSheet(new Blob(['x']), '导入.csv');
  expect(outcome).toMatchObject({ kind: 'inserted', sheetName: '导入', rows: 2 });
  const sheet = host.api.getActiveWorkbook()?.getSheetByName('导入');
  expect(sheet?.getRange('A2').getValue()).toBe('00123');
  expect(sheet?.getRange('B2').getValue()).toBe(5);
  expect(
    host.api
      .getActiveWorkbook()
      ?.getSheets()
      .map((s) => s.getSheetName()),
  ).toEqual(['Sheet1', '导入']);
  await wait(DELAY * 4);
  expect(server.saves.length).toBe(1);
});

test('已保存 only once the file holds the save; a held or failed file write says why', async () => {
  await open();
  server.file = { exportedRevision: 7, hold: 'outside' };
  typeInto('A1', 1);
  await wait(DELAY * 4);
  expect(files.getState()).toMatchObject({ kind: 'held', hold: 'outside', reason: { zh: '另一个程序修改了此文件' } });
  server.file = { exportedRevision: 7, error: { zh: '磁盘已满,请腾出空间', en: 'the disk is full; free some space' } };
  typeInto('A2', 2);
  await wait(DELAY * 4);
  expect(files.getState()).toMatchObject({ kind: 'unsaved', reason: { en: 'the disk is full; free some space' } });
  server.file = {};
  typeInto('A3', 3);
  await wait(DELAY * 4);
  expect(files.getState().kind).toBe('saved');
});

// 已保存 means the version and the file: opening a lossy workbook writes no copy yet.
test('a copy not written yet is not 已保存 on opening; the first edit writes it and then it is', async () => {
  const copy = { fileName: 'team.xlsx', target: 'copy', targetName: 'team (销售复盘).xlsx', lost: [{ kind: 'chart', count: 1 }] } as const;
  await open(undefined, {}, { ...copy, lostText: { zh: '1 个图表', en: '1 chart' }, readOnly: false, revision: 7, exportedRevision: 0 });
  expect(files.getState().kind).toBe('unwritten');
  typeInto('A1', 1);
  await wait(DELAY * 4);
  expect(states).toEqual(['pending', 'saving', 'writingFile', 'saved']);
});

test('a labelled change travels with the next save; the edits before it are saved first when it pins', async () => {
  await open();
  typeInto('A1', 1);
  await files.labelNextSave({ label: { zh: '导入 3 个商机', en: 'Imported 3 deals' }, pinBefore: true });
  expect(server.saves).toHaveLength(1);
  expect(server.saves[0]?.change).toBeUndefined();
  typeInto('A2', 2);
  await wait(DELAY * 4);
  expect(server.saves[1]?.change).toEqual({ label: { zh: '导入 3 个商机', en: 'Imported 3 deals' }, pinBefore: true });
  typeInto('A3', 3);
  await wait(DELAY * 4);
  expect(server.saves[2]?.change).toBeUndefined();
});

test('when the stored workbook could not be shown, nothing typed in the stand-in is saved', async () => {
  const why = { zh: '此版本无法在网页表格中显示', en: 'This version cannot be shown' };
  await open(undefined, { holdSaves: why });
  typeInto('A1', 1);
  await wait(DELAY * 4);
  expect(server.saves).toEqual([]);
  expect(files.getState()).toMatchObject({ kind: 'unsaved', reason: why });
});

test('when the stored workbook could not be shown, Restore still works after typing in the stand-in', async () => {
  const why = { zh: '此版本无法在网页表格中显示', en: 'This version cannot be shown' };
  await open(undefined, { holdSaves: why });
  typeInto('A1', 1);
  await wait(DELAY * 2);
  const restored: number[] = [];
  server.client.restore = async (revision) => {
    restored.push(revision);
    return { revision: 9, savedAt: new Date().toISOString() };
  };
  await files.restoreVersion(5);
  expect(restored).toEqual([5]);
  expect(server.saves).toEqual([]);
});
