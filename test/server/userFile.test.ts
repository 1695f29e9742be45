/**
 * The user's file as the store treats it: nothing written at start-up; a lossy workbook saves to a
 * copy and converts only when asked; a read-only file is never replaced; a symlink is written at
 * its target; the mode is kept; an outside change is kept and holds the write until the user
 * chooses; a lock file holds the write; a full disk leaves a message and no temp file; a history
 * folder that is a symlink is refused; a snapshot the page could not open is refused; versions
 * say what made them and the one before an import is kept.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { blankSnapshot } from '../../src/files/snapshot';
import { readXlsx } from '../../src/files/xlsxRead';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { WorkbookStore } from '../../src/server/store';
import { stopXlsxExporter } from '../../src/server/xlsxExporter';

afterAll(() => stopXlsxExporter());

const body = (marker: string): string => {
  const s = blankSnapshot('m', 'en-US');
  const sheet = s.sheets[s.sheetOrder[0] as string];
  if (sheet) sheet.cellData = { 0: { 0: { v: marker, t: 1 } } };
  return JSON.stringify(s);
};

const cellA1 = async (bytes: Buffer): Promise<unknown> => {
  const { snapshot } = await readXlsx(bytes, 'x.xlsx', 'en-US');
  return snapshot.sheets[snapshot.sheetOrder[0] as string]?.cellData?.[0]?.[0]?.v;
};

/** A workbook our round trip keeps whole (written by our own writer). */
const plainXlsx = async (marker: string): Promise<Buffer> => (await writeXlsx(JSON.parse(body(marker)))).buffer;

/** A workbook with what our copy cannot keep: a chart part (the round trip keeps no charts). */
async function lossyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.getCell('A1').value = 100;
  ws.getCell('A2').value = 200;
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

const fresh = () => mkdtempSync(join(tmpdir(), 'userfile-'));

async function edited(store: WorkbookStore, marker: string): Promise<void> {
  await store.save(store.current().revision, body(marker));
  await store.flush();
}

test('starting writes nothing: no history folder, the file untouched, until the first save', async () => {
  const dir = fresh();
  const path = join(dir, 'team.xlsx');
  writeFileSync(path, await plainXlsx('as given'));
  const before = readFileSync(path);
  const store = new WorkbookStore(path, { exportDelayMs: 5 });
  await store.open();
  await new Promise((r) => setTimeout(r, 100));
  expect(readdirSync(dir)).toEqual(['team.xlsx']);
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(store.fileStatus()).toMatchObject({ target: 'original', targetName: 'team.xlsx', lost: [] });
  await edited(store, 'typed');
  expect(await cellA1(readFileSync(path))).toBe('typed');
  // The file as it came is kept byte for byte in the history.
  const kept = readdirSync(store.historyDir).find((n) => n.startsWith('original-')) ?? '';
  expect(readFileSync(join(store.historyDir, kept)).equals(before)).toBe(true);
});

test('a workbook the copy would lose parts of is never written: the work goes to a copy; converting is deliberate', async () => {
  const dir = fresh();
  const path = join(dir, 'budget.xlsx');
  const original = await lossyXlsx();
  writeFileSync(path, original);
  const store = new WorkbookStore(path, { exportDelayMs: 5, locale: 'en-US' });
  await store.open();
  const status = store.fileStatus();
  expect(status).toMatchObject({ target: 'copy', targetName: 'budget (销售复盘).xlsx' });
  expect(status.lostText.en).toBe('1 chart');
  expect(status.lostText.zh).toBe('1 个图表');
  expect(store.current().notices[0]?.en).toMatch(/"budget\.xlsx" holds what the web spreadsheet cannot keep: 1 chart/);
  await edited(store, 'on the copy');
  expect(readFileSync(path).equals(original)).toBe(true);
  expect(await cellA1(readFileSync(join(dir, 'budget (销售复盘).xlsx')))).toBe('on the copy');
  // A restart keeps writing the same copy.
  const again = new WorkbookStore(path, { exportDelayMs: 5 });
  await again.open();
  expect(again.fileStatus().targetName).toBe('budget (销售复盘).xlsx');
  await edited(again, 'second run');
  expect(readFileSync(path).equals(original)).toBe(true);
  expect(await cellA1(readFileSync(join(dir, 'budget (销售复盘).xlsx')))).toBe('second run');
  // Converting deliberately writes the original; its old bytes stay in the history.
  await again.setTarget('original');
  expect(await cellA1(readFileSync(path))).toBe('second run');
  const kept = readdirSync(again.historyDir).find((n) => n.startsWith('original-')) ?? '';
  expect(readFileSync(join(again.historyDir, kept)).equals(original)).toBe(true);
});

// 已保存 means the version and the file: a copy that does not exist yet holds nothing.
test('a copy not yet written is not reported as holding the work, before the first edit nor after a restart', async () => {
  const dir = fresh();
  const path = join(dir, 'budget.xlsx');
  writeFileSync(path, await lossyXlsx());
  const copy = join(dir, 'budget (销售复盘).xlsx');
  const store = new WorkbookStore(path, { exportDelayMs: 5 });
  await store.open();
  expect(store.fileStatus()).toMatchObject({ target: 'copy', exportedRevision: 0 });
  expect(store.current().revision).toBeGreaterThan(0);
  const restarted = new WorkbookStore(path, { exportDelayMs: 5 });
  await restarted.open();
  await new Promise((r) => setTimeout(r, 100));
  expect(restarted.fileStatus()).toMatchObject({ target: 'copy', exportedRevision: 0 });
  expect(existsSync(copy)).toBe(false); // and a restart writes nothing either
  await edited(restarted, 'on the copy');
  expect(restarted.fileStatus().exportedRevision).toBe(restarted.current().revision);
  const again = new WorkbookStore(path, { exportDelayMs: 5 });
  await again.open();
  expect(again.fileStatus().exportedRevision).toBe(again.current().revision);
});

test('a read-only file is opened read-only and never replaced', async () => {
  const dir = fresh();
  const path = join(dir, 'locked.xlsx');
  writeFileSync(path, await plainXlsx('read only'));
  chmodSync(path, 0o444);
  const before = readFileSync(path);
  const store = new WorkbookStore(path, { exportDelayMs: 5, locale: 'en-US' });
  await store.open();
  expect(store.fileStatus()).toMatchObject({ readOnly: true, target: 'copy', targetName: 'locked (销售复盘).xlsx' });
  expect(store.current().notices[0]?.en).toMatch(/read-only/);
  await edited(store, 'typed');
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(statSync(path).mode & 0o777).toBe(0o444);
  await expect(store.setTarget('original')).rejects.toThrow(/read-only/);
});

test('a symlinked workbook is written at its target; the link stays a link; the mode is kept', async () => {
  const dir = fresh();
  mkdirSync(join(dir, 'real'));
  const target = join(dir, 'real', 'team.xlsx');
  writeFileSync(target, await plainXlsx('via link'));
  chmodSync(target, 0o640);
  const link = join(dir, 'team.xlsx');
  symlinkSync(target, link);
  const store = new WorkbookStore(link, { exportDelayMs: 5 });
  await store.open();
  await edited(store, 'through the link');
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(await cellA1(readFileSync(target))).toBe('through the link');
  expect(statSync(target).mode & 0o777).toBe(0o640);
});

test('a change another program saves while we run is kept, and nothing is written until the user chooses', async () => {
  const dir = fresh();
  const path = join(dir, 'team.xlsx');
  writeFileSync(path, await plainXlsx('start'));
  const store = new WorkbookStore(path, { exportDelayMs: 5 });
  await store.open();
  await edited(store, 'mine 1');
  const theirs = await plainXlsx('saved by Excel');
  writeFileSync(path, theirs);
  await edited(store, 'mine 2');
  expect(store.fileStatus().hold).toBe('outside');
  expect(store.fileStatus().holdText?.zh).toMatch(/另一个程序修改了此文件/);
  expect(readFileSync(path).equals(theirs)).toBe(true);
  const kept = readdirSync(store.historyDir).find((n) => n.startsWith('outside-')) ?? '';
  expect(readFileSync(join(store.historyDir, kept)).equals(theirs)).toBe(true);
  expect((await store.versions()).some((v) => v.file === kept && v.label.zh === '外部修改')).toBe(true);
  // Reload: their version becomes the newest.
  await store.resolveOutside('theirs');
  expect(store.current().snapshotText).toContain('saved by Excel');
  await edited(store, 'after reload');
  expect(await cellA1(readFileSync(path))).toBe('after reload');
  // Keep mine: overwrite after another outside change.
  writeFileSync(path, await plainXlsx('again by Excel'));
  await edited(store, 'mine 3');
  expect(store.fileStatus().hold).toBe('outside');
  await store.resolveOutside('mine');
  expect(await cellA1(readFileSync(path))).toBe('mine 3');
});

test.each([
  ['Excel', '~$team.xlsx'],
  ['LibreOffice', '.~lock.team.xlsx#'],
])('an %s lock file holds the write until it goes away', async (_app, lock) => {
  const dir = fresh();
  const path = join(dir, 'team.xlsx');
  writeFileSync(path, await plainXlsx('start'));
  const store = new WorkbookStore(path, { exportDelayMs: 5 });
  await store.open();
  writeFileSync(join(dir, lock), 'lock');
  await edited(store, 'while open elsewhere');
  expect(store.fileStatus()).toMatchObject({ hold: 'locked' });
  expect(store.fileStatus().holdText?.en).toContain(lock);
  expect(await cellA1(readFileSync(path))).toBe('start');
  rmSync(join(dir, lock));
  // The held write is retried by itself (every few seconds) once the lock is gone.
  const deadline = Date.now() + 15_000;
  while (store.fileStatus().exportedRevision < store.current().revision && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  expect(store.fileStatus()).toMatchObject({ exportedRevision: store.current().revision });
  expect(store.fileStatus().hold).toBeUndefined();
  expect(await cellA1(readFileSync(path))).toBe('while open elsewhere');
});

test('a history folder that is a symlink is refused', async () => {
  const dir = fresh();
  mkdirSync(join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'elsewhere'), join(dir, '.team.xlsx.history'));
  const store = new WorkbookStore(join(dir, 'team.xlsx'));
  await expect(store.open()).rejects.toThrow(/symbolic link/);
});

test.each([
  ['a prototype key', '{"id":"w","sheetOrder":["s"],"sheets":{"s":{"name":"S","__proto__":{"x":1}}}}', /__proto__/],
  [
    'a prototype key spelt with escapes',
    '{"id":"w","sheetOrder":["s"],"sheets":{"s":{"name":"S","__proto\\u005f_":{"x":1}}}}',
    /__proto__/,
  ],
  ['a constructor key after spaces', '{"id":"w","sheetOrder":["s"],"sheets":{"s":{"name":"S",  \n "constructor" : {}}}}', /constructor/],
  ['a sheet that is not an object', '{"id":"w","sheetOrder":["s"],"sheets":{"s":"x"}}', /not an object/],
  ['cells that are not objects', '{"id":"w","sheetOrder":["s"],"sheets":{"s":{"name":"S","cellData":{"0":{"0":5}}}}}', /bad cell/],
  ['a nameless sheet', '{"id":"w","sheetOrder":["s"],"sheets":{"s":{}}}', /no name/],
])('a snapshot with %s is refused before it is stored', async (_label, text, why) => {
  const dir = fresh();
  const store = new WorkbookStore(join(dir, 'team.xlsx'));
  await store.open();
  await expect(store.save(store.current().revision, text)).rejects.toThrow(why);
  expect(existsSync(store.historyDir)).toBe(false);
});

test('text in a cell that reads like a prototype key is a value, and is stored', async () => {
  const dir = fresh();
  const store = new WorkbookStore(join(dir, 'team.xlsx'));
  await store.open();
  const text = JSON.stringify({
    id: 'w',
    sheetOrder: ['s'],
    sheets: { s: { name: 'S', cellData: { 0: { 0: { v: '{"constructor": 1, "__proto__": {}}', t: 1 } } } } },
  });
  await expect(store.save(store.current().revision, text)).resolves.toMatchObject({ revision: 2 });
});

test('versions say what made them; the one before an import is kept beyond the rolling window', async () => {
  const dir = fresh();
  const store = new WorkbookStore(join(dir, 'team.xlsx'), { keepLatest: 3, exportDelayMs: 10_000 });
  await store.open();
  await store.save(1, body('before import'));
  const pinned = store.current().revision;
  await store.save(pinned, body('imported'), { zh: '导入 300 个商机', en: 'Imported 300 deals' }, true);
  expect((await store.versions()).find((v) => v.revision === pinned + 1)?.label).toEqual({
    zh: '导入 300 个商机',
    en: 'Imported 300 deals',
  });
  for (let i = 0; i < 6; i++) await store.save(store.current().revision, body(`edit ${i}`));
  const versions = await store.versions();
  expect(versions.find((v) => v.revision === pinned)).toMatchObject({ pinned: true });
  // Pruned to the newest 3 (and today's newest), plus the pinned one.
  expect(versions.filter((v) => v.revision !== undefined).map((v) => v.revision)).toEqual([pinned + 7, pinned + 6, pinned + 5, pinned]);
  const restored = await store.restore(pinned, store.current().revision);
  expect((await store.versions()).find((v) => v.revision === restored.revision)?.label.zh).toBe(`恢复到第 ${pinned} 版`);
  await store.flush();
});

// A real full disk: a 1 MB tmpfs (needs root and mount, as in CI).
const canMount = (() => {
  try {
    return process.getuid?.() === 0 && existsSync('/bin/mount');
  } catch {
    return false;
  }
})();
(canMount ? test : test.skip)('a full disk: the page is told the last change is not saved, and no temp file is left', async () => {
  const dir = fresh();
  const mount = join(dir, 'small');
  mkdirSync(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
  } catch (error) {
    // A sandbox without mount(2) cannot make a small disk; say so rather than pass silently.
    console.warn(`full-disk test not run: ${String(error)}`);
    return;
  }
  try {
    const path = join(mount, 'team.xlsx');
    writeFileSync(path, await plainXlsx('start'));
    const store = new WorkbookStore(path, { exportDelayMs: 5 });
    await store.open();
    await store.save(store.current().revision, body('small'));
    // Fill the disk, then save a change whose .xlsx cannot fit.
    try {
      writeFileSync(join(mount, 'filler'), Buffer.alloc(2 * 1024 * 1024));
    } catch {
      /* filled up */
    }
    const big = blankSnapshot('m', 'en-US');
    const sheet = big.sheets[big.sheetOrder[0] as string];
    if (sheet)
      sheet.cellData = Object.fromEntries(Array.from({ length: 3000 }, (_, r) => [r, { 0: { v: `row ${r} ${'x'.repeat(50)}`, t: 1 } }]));
    await expect(store.save(store.current().revision, JSON.stringify(big))).rejects.toThrow(/disk is full/);
    expect(readdirSync(mount).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(readdirSync(store.historyDir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(await cellA1(readFileSync(path))).toBe('start');
  } finally {
    execFileSync('umount', ['-l', mount]);
  }
});

test('an export killed mid-write leaves a temp file beside the workbook: the next start removes ours, nothing else', async () => {
  const dir = fresh();
  const path = join(dir, 'team.xlsx');
  writeFileSync(path, await plainXlsx('as given'));
  // A writer that is gone (no such pid), one still running (this process), and files that are not ours.
  const gone = '.team.xlsx.tmp-2147483646-0badc0de';
  const running = `.team.xlsx.tmp-${process.pid}-12345678`;
  const others = ['.other.xlsx.tmp-2147483646-0badc0de', 'notes.tmp-1', '.team.xlsx.bak'];
  for (const name of [gone, running, ...others]) writeFileSync(join(dir, name), 'partial');
  const store = new WorkbookStore(path, { exportDelayMs: 5 });
  await store.open();
  expect(readdirSync(dir).sort()).toEqual([running, ...others, 'team.xlsx'].sort());
});
