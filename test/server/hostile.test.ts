/**
 * Files that would take gigabytes or minutes to read are refused in seconds with a message naming
 * the file and the part, while another tab's saves go on; nothing lands in workbooks/.
 */
import { promises as fs, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankSnapshot } from '../../src/files/snapshot';
import { type App, createApp } from '../../src/server/app';
import { WorkbookStore } from '../../src/server/store';
import { farCell, sharedStringBomb } from '../support/hostileXlsx';

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

let app: App;
let port: number;
let workbooks: string;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'hostile-'));
  workbooks = join(root, 'workbooks');
  await fs.mkdir(join(root, 'dist'), { recursive: true });
  await fs.mkdir(workbooks);
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  app = createApp({ distDir: join(root, 'dist'), workbooksDir: workbooks, startFile: join(workbooks, 'team.xlsx'), exportDelayMs: 20 });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

test.each([
  [
    'poc-shared-strings (a 1 MB shared string in 30,000 cells)',
    sharedStringBomb,
    /xl\/worksheets\/sheet1\.xml's cells repeat long texts of xl\/sharedStrings\.xml/,
  ],
  ['a sheet whose only cell is XFD1048576', farCell, /xl\/worksheets\/sheet1\.xml reaches XFD1048576/],
])('%s is refused within 10 s while a second tab saves', async (_label, make, why) => {
  const bytes = await make();
  expect(bytes.length).toBeLessThan(200 * 1024);
  const auth = { 'x-sales-review-token': app.token };
  const before = readdirSync(workbooks);
  const started = Date.now();
  const upload = send(port, 'POST', '/api/upload?name=hostile.xlsx&lang=en-US', auth, bytes);
  // The other tab: load, then save, while the upload is being checked.
  const loaded = JSON.parse((await send(port, 'GET', '/api/workbook', auth)).body) as { revision: number };
  const snapshot = blankSnapshot('t', 'en-US');
  const saved = await send(port, 'PUT', '/api/workbook', { ...auth, 'x-base-revision': String(loaded.revision) }, JSON.stringify(snapshot));
  expect(saved.status).toBe(200);
  const refused = await upload;
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(refused.status).toBe(422);
  expect(JSON.parse(refused.body).error).toMatch(/"hostile\.xlsx" is beyond what the web spreadsheet can open/);
  expect(JSON.parse(refused.body).error).toMatch(why);
  expect(readdirSync(workbooks).filter((n) => n.startsWith('hostile'))).toEqual(before.filter((n) => n.startsWith('hostile')));
});

test('started on such a file, the server keeps it as it is and opens a blank workbook that saves to a copy', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-start-'));
  const path = join(dir, 'far.xlsx');
  const bytes = await farCell();
  writeFileSync(path, bytes);
  const started = Date.now();
  const store = new WorkbookStore(path, { locale: 'en-US' });
  await store.open();
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(store.fileStatus()).toMatchObject({ target: 'copy', targetName: 'far (销售复盘).xlsx' });
  expect(store.fileStatus().unreadable).toMatch(/reaches XFD1048576/);
  expect(readdirSync(dir)).toEqual(['far.xlsx']);
});
