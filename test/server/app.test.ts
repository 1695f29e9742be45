/**
 * The local server as an attacker and as two tabs would meet it: refused requests (no token,
 * foreign Origin or Host, names outside workbooks/, oversized bodies) change no file; bad uploads
 * (zip bomb, truncated, a .txt renamed, 0 bytes) get a message and leave nothing behind; saves,
 * revision conflicts, versions and restore; damaged versions are set aside on start; an .xlsx
 * edited outside opens as a new version.
 */
import { createHash } from 'node:crypto';
import { promises as fs, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { type App, createApp } from '../../src/server/app';
import { blankSnapshot } from '../../src/files/snapshot';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { readXlsx } from '../../src/files/xlsxRead';
import { WorkbookStore } from '../../src/server/store';
import * as opener from '../../src/server/xlsxOpener';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request (fetch cannot forge Host or Origin). */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Uint8Array | string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function folderState(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, name.name);
      hash.update(path);
      if (name.isDirectory()) walk(path);
      else if (name.isFile()) hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

let root: string;
let workbooks: string;
let app: App;
let port: number;
let token: string;
const auth = () => ({ 'x-sales-review-token': token });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'srv-'));
  workbooks = join(root, 'workbooks');
  await fs.mkdir(join(root, 'dist'), { recursive: true });
  await fs.mkdir(workbooks);
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  app = createApp({
    distDir: join(root, 'dist'),
    workbooksDir: workbooks,
    startFile: join(workbooks, 'sales-review.xlsx'),
    exportDelayMs: 50,
  });
  await app.store(null);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  port = (app.server.address() as AddressInfo).port;
  token = app.token;
}, 60_000);

afterAll(async () => {
  await app.close();
});

const snapshotBody = (marker: string): string => {
  const s = blankSnapshot('m', 'zh-CN');
  const sheet = s.sheets[s.sheetOrder[0] as string];
  if (sheet) sheet.cellData = { 0: { 0: { v: marker, t: 1 } } };
  return JSON.stringify(s);
};

describe('only its own page may use the server', () => {
  test('the page carries the token; the token is not guessable', async () => {
    const page = await send(port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="sales-review-token" content="${token}"`);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  test.each([
    ['no token', {}, '/api/workbook'],
    ['a wrong token', { 'x-sales-review-token': 'x'.repeat(32) }, '/api/workbook'],
    ['a foreign Origin', { origin: 'http://evil.example' }, '/api/workbook'],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:80' }, '/api/workbook'],
    ['a name outside workbooks/', {}, `/api/workbook?book=${encodeURIComponent('../x.xlsx')}`],
    ['an absolute path', {}, `/api/workbook?book=${encodeURIComponent('/etc/x.xlsx')}`],
    ['a NUL byte', {}, `/api/workbook?book=${encodeURIComponent('a\0.xlsx')}`],
  ])('a save with %s is refused (4xx) and changes no file', async (_label, headers, path) => {
    const before = folderState(root);
    const reply = await send(
      port,
      'PUT',
      path,
      {
        ...auth(),
        'x-base-revision': '1',
        ...(headers as Record<string, string>),
        ...(_label === 'no token' ? { 'x-sales-review-token': '' } : {}),
      },
      snapshotBody('attack'),
    );
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(JSON.parse(reply.body).error).toMatch(/Refused/);
    await new Promise((r) => setTimeout(r, 150));
    expect(folderState(root)).toBe(before);
  });

  test('a foreign Host cannot even read the page (its token)', async () => {
    const reply = await send(port, 'GET', '/', { host: 'evil.example' });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain(token);
  });

  test('a symlink out of workbooks/ is refused', async () => {
    const outside = join(root, 'secret.xlsx');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(workbooks, 'link.xlsx'));
    const reply = await send(port, 'GET', '/api/workbook?book=link.xlsx', auth());
    expect(reply.status).toBe(403);
    expect(readFileSync(outside, 'utf8')).toBe('secret');
  });

  test('an oversized body is refused with a clear message', async () => {
    const reply = await send(port, 'POST', '/api/upload?name=big.xlsx', { ...auth(), 'content-length': String(65 * 1024 * 1024) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toMatch(/Too large: the limit is 64 MB/);
  });
});

describe('bad uploads get a message naming the file and leave nothing behind', () => {
  const bomb = async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(200 * 1024 * 1024));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  };
  const truncated = async () => {
    const { buffer } = await writeXlsx(blankSnapshot('t', 'en-US'));
    return buffer.subarray(0, buffer.length - 200);
  };
  test.each([
    ['zip bomb', bomb, /absurd/],
    ['truncated xlsx', truncated, /damaged or incomplete/],
    ['a .txt renamed .xlsx', async () => new TextEncoder().encode('hello'), /not an \.xlsx workbook/],
    ['a 0-byte file', async () => new Uint8Array(), /empty/],
  ])(
    '%s',
    async (_label, make, message) => {
      const before = folderState(root);
      const reply = await send(port, 'POST', '/api/upload?name=team.xlsx&lang=en-US', auth(), await make());
      expect(reply.status).toBe(422);
      expect(JSON.parse(reply.body).error).toMatch(/"team\.xlsx"/);
      expect(JSON.parse(reply.body).error).toMatch(message);
      expect(folderState(root)).toBe(before);
      // The current workbook is as it was.
      expect((await send(port, 'GET', '/api/workbook', auth())).status).toBe(200);
    },
    60_000,
  );
});

describe('saves, conflicts, versions', () => {
  test('a save based on the newest revision lands; one based on an older one is refused (409)', async () => {
    const current = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    const first = await send(
      port,
      'PUT',
      '/api/workbook',
      { ...auth(), 'x-base-revision': String(current.revision) },
      snapshotBody('tab A'),
    );
    expect(first.status).toBe(200);
    const second = await send(
      port,
      'PUT',
      '/api/workbook',
      { ...auth(), 'x-base-revision': String(current.revision) },
      snapshotBody('tab B'),
    );
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body)).toEqual({ error: 'conflict', revision: current.revision + 1 });
    const now = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    expect(now.snapshot.sheets[now.snapshot.sheetOrder[0]].cellData[0][0].v).toBe('tab A');
  });

  test('what is not a workbook snapshot is refused', async () => {
    const current = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    const reply = await send(port, 'PUT', '/api/workbook', { ...auth(), 'x-base-revision': String(current.revision) }, '{"hello":1}');
    expect(reply.status).toBe(400);
  });

  test('a patch saves the rows it names as a whole version; the file follows; conflicts and bad patches are refused', async () => {
    const current = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    const sheetId = current.snapshot.sheetOrder[0] as string;
    const patch = (rows: object, extra: object = {}) =>
      JSON.stringify({
        sheets: { [sheetId]: { cells: rows, rows: { 5: { h: 40 } } } },
        styles: { bold: { bl: 1 } },
        resources: [],
        ...extra,
      });
    const headers = (base: number) => ({
      ...auth(),
      'x-base-revision': String(base),
      'x-change': encodeURIComponent('{"zh":"补丁","en":"patch"}'),
    });
    const reply = await send(
      port,
      'PATCH',
      '/api/workbook',
      headers(current.revision),
      patch({ 0: null, 5: { 2: { v: '新', t: 1, s: 'bold' } } }),
    );
    expect(reply.status).toBe(200);
    let { revision } = JSON.parse(reply.body) as { revision: number };
    const now = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    const expected = structuredClone(current.snapshot);
    delete expected.sheets[sheetId].cellData[0];
    expected.sheets[sheetId].cellData[5] = { 2: { v: '新', t: 1, s: 'bold' } };
    expected.sheets[sheetId].rowData = { ...expected.sheets[sheetId].rowData, 5: { h: 40 } };
    expected.styles = { bold: { bl: 1 } };
    expected.resources = [];
    expect(now.revision).toBe(revision);
    expect(now.snapshot).toEqual(expected);
    // The version in the history is the whole workbook, labelled as the page said.
    const history = join(workbooks, '.sales-review.xlsx.history');
    const file = readdirSync(history).find((name) => name.startsWith(`r${String(revision).padStart(8, '0')}-`)) ?? 'none';
    const versions = JSON.parse((await send(port, 'GET', '/api/versions', auth())).body).versions as {
      revision?: number;
      label: { en: string };
    }[];
    expect(versions.find((v) => v.revision === revision)?.label.en).toBe('patch');
    expect(JSON.parse(readFileSync(join(history, file), 'utf8'))).toEqual(expected);
    const written = JSON.parse((await send(port, 'GET', `/api/file?revision=${revision}`, auth())).body);
    expect(written.exportedRevision).toBeGreaterThanOrEqual(revision);

    // A new sheet goes whole with the new order; a removed one goes with the order without it.
    const added = await send(
      port,
      'PATCH',
      '/api/workbook',
      headers(revision),
      JSON.stringify({
        sheets: { n1: { whole: { id: 'n1', name: '导入', cellData: { 0: { 0: { v: 'x', t: 1 } } } } } },
        sheetOrder: [sheetId, 'n1'],
        styles: null,
        resources: null,
      }),
    );
    expect(added.status).toBe(200);
    const withSheet = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    expect(withSheet.snapshot.sheetOrder).toEqual([sheetId, 'n1']);
    expect(withSheet.snapshot.sheets.n1.cellData[0][0].v).toBe('x');
    const removed = await send(
      port,
      'PATCH',
      '/api/workbook',
      headers(withSheet.revision),
      JSON.stringify({ sheets: { n1: { removed: true } }, sheetOrder: [sheetId], styles: null, resources: null }),
    );
    expect(removed.status).toBe(200);
    const without = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    expect(Object.keys(without.snapshot.sheets)).toEqual([sheetId]);
    for (const [body, status] of [
      [JSON.stringify({ sheets: { n2: { whole: { name: '' } } }, styles: null, resources: null }), 400],
      [JSON.stringify({ sheets: { n2: { removed: 'yes' } }, styles: null, resources: null }), 400],
      [JSON.stringify({ sheets: {}, sheetOrder: [sheetId, 'ghost'], styles: null, resources: null }), 422],
      [JSON.stringify({ sheets: { [sheetId]: { removed: true } }, sheetOrder: [], styles: null, resources: null }), 422],
    ] as const) {
      const refused = await send(port, 'PATCH', '/api/workbook', headers(without.revision), body);
      expect([body, refused.status]).toEqual([body, status]);
    }
    revision = without.revision;

    // Based on an older revision: refused, as a whole save is.
    const stale = await send(port, 'PATCH', '/api/workbook', headers(current.revision), patch({ 1: null }));
    expect(stale.status).toBe(409);
    // Not a patch, a forbidden key, a sheet the workbook does not hold: refused, nothing saved.
    for (const [body, status] of [
      ['{"sheets":[]}', 400],
      [patch({ 1: { 0: { v: 1 } } }, { styles: JSON.parse('{"__proto__":{"x":1}}') }), 400],
      [patch({ '-1': null }), 400],
      [JSON.stringify({ sheets: { nosuch: { cells: {}, rows: {} } }, styles: null, resources: null }), 422],
    ] as const) {
      const refused = await send(port, 'PATCH', '/api/workbook', headers(revision), body);
      expect([body, refused.status]).toEqual([body, status]);
    }
    expect(JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body).revision).toBe(revision);
  });

  /** Saves the newest snapshot with these fields on its first sheet. */
  async function saveWithSheetFields(sheetFields: object) {
    const current = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    const snapshot = JSON.parse(snapshotBody('merged'));
    Object.assign(snapshot.sheets[snapshot.sheetOrder[0]], sheetFields);
    const headers = { ...auth(), 'x-base-revision': String(current.revision) };
    return send(port, 'PUT', '/api/workbook', headers, JSON.stringify(snapshot));
  }

  test.each([
    ['a merge that is null (the page cannot render it)', { mergeData: [null] }],
    ['a merge without its corners', { mergeData: [{ startRow: 0, endRow: 1 }] }],
    ['a merge that ends before it starts', { mergeData: [{ startRow: 3, endRow: 1, startColumn: 0, endColumn: 0 }] }],
    ['a merge whose corners are text', { mergeData: [{ startRow: '0', endRow: '1', startColumn: 0, endColumn: 1 }] }],
  ])('a snapshot with %s is refused before it is stored', async (_why, sheetFields) => {
    const reply = await saveWithSheetFields(sheetFields);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toMatch(/merge/);
  });

  test('a snapshot with a good merge is stored', async () => {
    const reply = await saveWithSheetFields({ mergeData: [{ startRow: 0, endRow: 1, startColumn: 0, endColumn: 2 }] });
    expect(reply.status).toBe(200);
  });

  test('the .xlsx on disk follows the saves; restore brings an earlier version back as a new one', async () => {
    const base = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body).revision;
    await send(port, 'PUT', '/api/workbook', { ...auth(), 'x-base-revision': String(base) }, snapshotBody('edit 1'));
    await send(port, 'PUT', '/api/workbook', { ...auth(), 'x-base-revision': String(base + 1) }, snapshotBody('edit 2'));
    await app.flush();
    const onDisk = await readXlsx(readFileSync(join(workbooks, 'sales-review.xlsx')), 'x.xlsx', 'en-US');
    const cell = (s: typeof onDisk.snapshot) => s.sheets[s.sheetOrder[0] as string]?.cellData?.[0]?.[0]?.v;
    expect(cell(onDisk.snapshot)).toBe('edit 2');
    const { versions } = JSON.parse((await send(port, 'GET', '/api/versions', auth())).body);
    expect(versions[0].revision).toBe(base + 2);
    const restored = await send(port, 'POST', `/api/restore?revision=${base + 1}&base=${base + 2}`, auth());
    expect(JSON.parse(restored.body).revision).toBe(base + 3);
    const now = JSON.parse((await send(port, 'GET', '/api/workbook', auth())).body);
    expect(now.snapshot.sheets[now.snapshot.sheetOrder[0]].cellData[0][0].v).toBe('edit 1');
    expect(JSON.parse((await send(port, 'GET', '/api/versions', auth())).body).versions.length).toBe(versions.length + 1);
  });

  test('an upload is parsed once: the check before it is kept serves the store that opens it', async () => {
    const { buffer } = await writeXlsx(blankSnapshot('parsed-once', 'en-US'));
    const opened = jest.spyOn(opener, 'openXlsxBounded');
    try {
      const reply = JSON.parse((await send(port, 'POST', '/api/upload?name=parsed-once.xlsx', auth(), buffer)).body);
      expect(reply.book).toBe('parsed-once.xlsx');
      expect(opened).toHaveBeenCalledTimes(1);
    } finally {
      opened.mockRestore();
    }
  });

  test('a good upload is copied into workbooks/ under a free name; the original bytes are kept as sent', async () => {
    const { buffer } = await writeXlsx(blankSnapshot('team', 'en-US'));
    const first = JSON.parse((await send(port, 'POST', '/api/upload?name=team.xlsx', auth(), buffer)).body);
    const second = JSON.parse((await send(port, 'POST', '/api/upload?name=team.xlsx', auth(), buffer)).body);
    expect([first.book, second.book]).toEqual(['team.xlsx', 'team (2).xlsx']);
    const { books } = JSON.parse((await send(port, 'GET', '/api/books', auth())).body);
    expect(books).toEqual(expect.arrayContaining(['sales-review.xlsx', 'team.xlsx', 'team (2).xlsx']));
    const download = await send(port, 'GET', '/api/download?book=team.xlsx&portable=1', auth());
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''team.xlsx");
  });
});

describe('starting on damaged or outside-edited files', () => {
  test('versions that do not parse are set aside (.invalid) and the newest good one opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const path = join(dir, 'team.xlsx');
    const store = new WorkbookStore(path, { exportDelayMs: 10 });
    await store.open();
    await store.save(1, snapshotBody('good'));
    await store.flush();
    const history = store.historyDir;
    writeFileSync(join(history, 'r00000003-20261201T000000000Z-edit.json'), '{"id":"w","sheetOrder":[');
    const reopened = new WorkbookStore(path);
    await reopened.open();
    expect(JSON.parse(reopened.current().snapshotText).sheets).toBeDefined();
    expect(reopened.current().snapshotText).toContain('good');
    expect(readdirSync(history)).toContain('r00000003-20261201T000000000Z-edit.json.invalid');
    expect(reopened.current().notices[0]?.en).toMatch(/Version 3 was damaged/);
  });

  test('an .xlsx changed outside opens as a new version; the old one stays in the history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const path = join(dir, 'team.xlsx');
    const store = new WorkbookStore(path, { exportDelayMs: 10 });
    await store.open();
    await store.save(1, snapshotBody('ours'));
    await store.flush();
    const outside = (await writeXlsx(JSON.parse(snapshotBody('edited in Excel')))).buffer;
    writeFileSync(path, outside);
    writeFileSync(join(dir, 'outside.bin'), outside);
    const reopened = new WorkbookStore(path);
    await reopened.open();
    expect(reopened.current().snapshotText).toContain('edited in Excel');
    expect(reopened.current().notices[0]?.en).toMatch(/changed outside/);
    const versions = await reopened.versions();
    expect(versions.filter((v) => v.revision !== undefined).map((v) => v.source)).toEqual(['outside', 'edit', 'new']);
    expect(versions[0]?.label).toEqual({ zh: '外部修改', en: 'Outside change' });
    // The file as it came is kept byte for byte.
    const kept = readdirSync(reopened.historyDir).find((n) => n.startsWith('outside-'));
    expect(readFileSync(join(reopened.historyDir, kept ?? 'none'))).toEqual(readFileSync(join(dir, 'outside.bin')));
  });

  test('an .xlsx that does not parse stays exactly where it is; a blank workbook opens, saving to a copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, 'not a zip');
    const store = new WorkbookStore(path, { locale: 'en-US', exportDelayMs: 10 });
    await store.open();
    expect(readdirSync(dir)).toEqual(['broken.xlsx']);
    expect(store.fileStatus()).toMatchObject({ target: 'copy', targetName: 'broken (销售复盘).xlsx' });
    expect(store.current().notices[0]?.en).toMatch(
      /Could not read "broken\.xlsx": .*not an \.xlsx workbook.*\(not renamed, not replaced\)/,
    );
    await store.save(store.current().revision, snapshotBody('typed'));
    await store.flush();
    expect(readFileSync(path, 'utf8')).toBe('not a zip');
    const copy = await readXlsx(readFileSync(join(dir, 'broken (销售复盘).xlsx')), 'c.xlsx', 'en-US');
    expect(JSON.stringify(copy.snapshot)).toContain('typed');
  });

  test('versions are pruned to the newest 20 plus one per day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = new WorkbookStore(join(dir, 'team.xlsx'), { exportDelayMs: 10_000 });
    await store.open();
    await fs.mkdir(store.historyDir);
    writeFileSync(join(store.historyDir, 'r00000000-20261120T080000000Z-edit.json'), snapshotBody('old day'));
    for (let i = 0; i < 30; i++) await store.save(i + 1, snapshotBody(`v${i}`));
    const versions = await store.versions();
    expect(versions.length).toBe(21);
    expect(versions.at(-1)?.savedAt.slice(0, 10)).toBe('2026-11-20');
    await store.flush();
  });
});
