/**
 * The workbook commands and a manager's own file: `import`, `link` and `report` write in place only
 * when that loses nothing the file holds; otherwise they refuse (exit 1, naming what) before doing
 * any work, and `--output FILE` writes the result elsewhere, the original untouched. Real
 * workbooks from the corpus (test/fixtures/corpus/corpus.json).
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runWorkbookCli } from '../../src/cli/workbook';
import { inventoryXlsx, lostFeatures } from '../../src/files/xlsxInventory';
import { corpusFiles, requireCorpus } from '../support/corpus';

const dir = mkdtempSync(join(tmpdir(), 'cli-userfile-'));
const CSV = join(__dirname, '..', 'fixtures', 'crm', 'hubspot-deals.csv');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const corpus = (name: string): string => {
  const file = corpusFiles().find((f) => f.name === name);
  if (!file) throw new Error(`${name} is not in the corpus`);
  const copy = join(dir, name);
  copyFileSync(file.local, copy);
  return copy;
};

const sheetNames = async (path: string): Promise<string[]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => ws.name);
};

beforeAll(() => requireCorpus());

test.each([
  ['import', (book: string) => ['import', book, CSV]],
  ['link', (book: string) => ['link', book]],
  ['report', (book: string) => ['report', book, '--as-of', '2024-04-01']],
])('%s refuses to rewrite a workbook with charts, pivots and pictures in place, naming them', async (_command, args) => {
  const book = corpus('loadExample.xlsx');
  const before = readFileSync(book);
  const run = capture();
  expect(await runWorkbookCli(args(book), run.io)).toBe(1);
  expect(run.err.join('\n')).toMatch(
    /loadExample\.xlsx holds what this command's rewrite would not keep: 2 charts, 2 pivot tables, 2 pictures, .*Nothing was written\. Give --output FILE/,
  );
  expect(readFileSync(book).equals(before)).toBe(true);
});

test('with --output the result goes to another file and the original stays byte for byte', async () => {
  const book = corpus('loadExample.xlsx');
  const before = readFileSync(book);
  const out = join(dir, 'loadExample-imported.xlsx');
  const run = capture();
  expect(await runWorkbookCli(['import', book, CSV, '--output', out], run.io)).toBe(0);
  expect(run.out.join('\n')).toMatch(/Imported into .*loadExample-imported\.xlsx/);
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(await sheetNames(out)).toContain('商机明细');
  // An existing output is not replaced without --force.
  const again = capture();
  expect(await runWorkbookCli(['import', book, CSV, '--output', out], again.io)).toBe(1);
  expect(again.err.join('\n')).toMatch(/exists: pass --force/);
});

test('a workbook the rewrite keeps whole is written in place, every counted feature kept', async () => {
  const book = corpus('deaths.xlsx');
  const before = await inventoryXlsx(readFileSync(book));
  expect(await runWorkbookCli(['import', book, CSV], capture().io)).toBe(0);
  const after = await inventoryXlsx(readFileSync(book));
  expect(lostFeatures(before, after)).toEqual([]);
  expect(await sheetNames(book)).toContain('商机明细');
});

test('a read-only workbook is refused in place; a symlinked one is written at its target with its mode', async () => {
  const readOnly = corpus('clippy.xlsx');
  chmodSync(readOnly, 0o444);
  const run = capture();
  expect(await runWorkbookCli(['import', readOnly, CSV], run.io)).toBe(1);
  expect(run.err.join('\n')).toMatch(/clippy\.xlsx is read-only\. Nothing was written/);
  mkdirSync(join(dir, 'real'));
  const target = join(dir, 'real', 'geometry.xlsx');
  copyFileSync(corpus('geometry.xlsx'), target);
  chmodSync(target, 0o640);
  const link = join(dir, 'linked.xlsx');
  symlinkSync(target, link);
  expect(await runWorkbookCli(['import', link, CSV], capture().io)).toBe(0);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(statSync(target).mode & 0o777).toBe(0o640);
  expect(await sheetNames(target)).toContain('商机明细');
});

test('while Excel holds a lock file the command stops and the file stays as it was', async () => {
  const book = corpus('datasets.xlsx');
  const before = readFileSync(book);
  writeFileSync(join(dir, '~$datasets.xlsx'), 'lock');
  const run = capture();
  expect(await runWorkbookCli(['import', book, CSV], run.io)).toBe(1);
  expect(run.err.join('\n')).toMatch(/open in another program \(lock file ~\$datasets\.xlsx\)/);
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(existsSync(join(dir, '.datasets.xlsx.tmp'))).toBe(false);
});
