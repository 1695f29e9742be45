// The server on a user's workbook: it serves at once and reads the workbook behind that (a
// 100,000-row file takes seconds), saying when it has; the page's first request waits for the read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serveDist } from '../support/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let server;
after(() => server?.child.kill('SIGKILL'));

test('the server listens first, then says it has opened the workbook; the page waits for it', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-'));
  const book = join(dir, 'team.xlsx');
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts', 'workbook.mjs'), 'new', book], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  server = await serveDist({ workbooksDir: dir, workbook: book });
  const page = await fetch(server.url);
  assert.equal(page.status, 200);
  const token = /name="sales-review-token" content="([^"]+)"/.exec(await page.text())?.[1];
  assert.ok(token);
  const loaded = await fetch(new URL('/api/workbook', server.url), { headers: { 'x-sales-review-token': token } });
  assert.equal(loaded.status, 200);
  const body = await loaded.json();
  assert.equal(Object.keys(body.snapshot.sheets).length, 23); // every gallery template
  assert.match(server.output(), /is running at http:\/\/localhost:\d+\/[\s\S]*Opened team\.xlsx in \d+\.\d s\./);
});
