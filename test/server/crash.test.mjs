// Crash test of the local server: 50 SIGKILLs at random moments while a 5 MB workbook is being
// saved — whole snapshots and row patches in turn, as the page sends them — (and its .xlsx exported). After every kill the server starts again and the workbook opens,
// and what it shows is one of the versions that were sent — never a corrupt or half-written one.
// The .xlsx on disk is always a whole zip workbook.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import { ROOT } from '../support/browser.mjs';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);

function startServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), join(dir, 'workbooks', 'team.xlsx')], {
      env: { ...process.env, PORT: '0', SALES_REVIEW_DIST: join(dir, 'dist'), SALES_REVIEW_WORKBOOKS: join(dir, 'workbooks') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      const m = /http:\/\/localhost:(\d+)\//.exec(String(chunk));
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}`, stderr: () => err });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

async function tokenOf(base) {
  const html = await (await fetch(`${base}/`)).text();
  return /name="sales-review-token" content="([^"]+)"/.exec(html)[1];
}

/** A ~5 MB snapshot whose cell A1 names the version. */
function bigSnapshot(marker) {
  const cellData = { 0: { 0: { v: marker, t: 1 } } };
  for (let r = 1; r < 18000; r++) {
    const row = {};
    for (let c = 0; c < 10; c++) row[c] = c % 2 ? { v: r * 10 + c, t: 2 } : { v: `客户${r}-${c}-${marker}`, t: 1 };
    cellData[r] = row;
  }
  return JSON.stringify({
    id: 'crash',
    name: 'team',
    appVersion: '0.25.1',
    locale: 'zhCN',
    styles: {},
    sheetOrder: ['s1'],
    resources: [],
    sheets: { s1: { id: 's1', name: '客户', rowCount: 18000, columnCount: 20, cellData } },
  });
}

test(`the workbook survives ${KILLS} SIGKILLs during saves of a 5 MB workbook`, { timeout: 900_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'workbooks'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  const sent = new Set();
  let counter = 0;
  let shown = new Set();
  let patched = 0;
  const body = bigSnapshot('probe');
  assert.ok(body.length > 5_000_000, `snapshot is ${body.length} bytes`);

  for (let kill = 0; kill < KILLS; kill++) {
    const server = await startServer(dir);
    const token = await tokenOf(server.base);
    const headers = { 'x-sales-review-token': token };
    const loaded = await (await fetch(`${server.base}/api/workbook`, { headers })).json();
    const marker = loaded.snapshot.sheets[loaded.snapshot.sheetOrder[0]]?.cellData?.[0]?.[0]?.v;
    if (kill > 0)
      assert.ok(sent.has(marker) || marker === undefined, `after kill ${kill} the workbook shows "${marker}", which was never sent`);
    if (marker !== undefined) shown.add(marker);
    let revision = loaded.revision;
    const deadline = Date.now() + 50 + Math.random() * 1500;
    const killer = new Promise((resolve) => setTimeout(resolve, deadline - Date.now())).then(() => server.child.kill('SIGKILL'));
    // Save as fast as the server takes it until the kill lands (each save may also start an export).
    while (Date.now() < deadline) {
      const name = `v${++counter}`;
      sent.add(name);
      try {
        // A patch of row 1 (cell A1 names the version), applied to the 5 MB version before it.
        const patch = { sheets: { s1: { cells: { 0: { 0: { v: name, t: 1 } } }, rows: {} } }, styles: {}, resources: [] };
        const method = counter % 2 ? 'PUT' : 'PATCH';
        const reply = await fetch(`${server.base}/api/workbook`, {
          method,
          headers: { ...headers, 'x-base-revision': String(revision) },
          body: counter % 2 ? bigSnapshot(name).replace('"probe"', '"x"') : JSON.stringify(patch),
        });
        if (reply.ok) revision = (await reply.json()).revision;
        if (reply.ok && method === 'PATCH') patched++;
      } catch {
        break; // killed mid-request
      }
    }
    await killer;
    await new Promise((resolve) => server.child.once('exit', resolve).once('error', resolve) && setTimeout(resolve, 2000));
    const xlsx = join(dir, 'workbooks', 'team.xlsx');
    if (existsSync(xlsx)) {
      const zip = await JSZip.loadAsync(readFileSync(xlsx));
      assert.ok(zip.file('xl/workbook.xml'), `after kill ${kill} team.xlsx is not a whole workbook`);
    }
  }
  // One last start: it opens, and shows a version that was sent.
  const server = await startServer(dir);
  const token = await tokenOf(server.base);
  const loaded = await (await fetch(`${server.base}/api/workbook`, { headers: { 'x-sales-review-token': token } })).json();
  const marker = loaded.snapshot.sheets[loaded.snapshot.sheetOrder[0]].cellData[0][0].v;
  assert.ok(sent.has(marker), `the final workbook shows "${marker}"`);
  server.child.kill('SIGKILL');
  assert.ok(patched > 0, 'no patch was saved');
  console.log(`# ${KILLS} kills, ${counter} saves sent (${patched} patches landed), ${shown.size} distinct versions seen after restarts`);
});
