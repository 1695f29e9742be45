// Browser test of a manager's own workbook, as the README invites: `npm start -- path/to/team.xlsx`
// on real workbooks no one here wrote (test/fixtures/corpus/corpus.json: Excel for Windows, Mac and
// the web, LibreOffice, libraries). For each: start the server on it and wait — the file is
// untouched; open the page, type into a cell with the keyboard, wait for 已保存, stop the server —
// at the user's path the file is byte for byte the original or keeps every counted feature, and the
// typed value is in the file the pane names. Then an outside change while served: the page is told
// and nothing is overwritten until the user chooses.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { tsImport } from 'tsx/esm/api';
import { ROOT, launchBrowser, openPage, serveDist } from '../../support/browser.mjs';

const { inventoryXlsx, lostFeatures } = await tsImport('../../../src/files/xlsxInventory.ts', import.meta.url);
const corpus = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'corpus.json'), 'utf8')).files;
const CORPUS_DIR = process.env.SALES_REVIEW_CORPUS ?? join(ROOT, '.cache', 'corpus');
const TYPED = '销售复盘 e2e 42';

// Files of every maker, with charts, pivots, pictures, names, hyperlinks, 1904 dates, outlines,
// tab colours, rich text, threaded comments, and two that our reader cannot parse.
// CORPUS_ONLY=a.xlsx,b.xlsx runs just those (when looking into one file).
const CHOSEN = process.env.CORPUS_ONLY
  ? process.env.CORPUS_ONLY.split(',')
  : [
      'loadExample.xlsx',
      'loadPivotTables.xlsx',
      'loadThreadComment.xlsx',
      'namedRegions3.xlsx',
      'groupTest.xlsx',
      'ColorTabs3.xlsx',
      'readTest.xlsx',
      'deaths.xlsx',
      'datasets.xlsx',
      'type-me.xlsx',
      'ExampleExcelFile_1904.xlsx',
      'latin-1.xlsx',
      'sheets_order.xlsx',
      'utf8.xlsx',
      'namespace.xlsx',
      'no_cell_ids.xlsx',
      'natlongsurv.templ.xlsx',
      'test_data.xlsx',
    ];

let browser;
const servers = [];
before(async () => {
  const missing = corpus.filter((f) => !existsSync(join(CORPUS_DIR, 'files', f.package, f.name)));
  assert.equal(missing.length, 0, 'the corpus is missing: run "bash scripts/fetch-corpus.sh" (npm test does)');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of servers) s.child.kill('SIGKILL');
});

async function waitState(page, state, timeout = 30_000) {
  await page.waitForFunction((s) => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === s, state, { timeout });
}

/** Types into an empty cell below and right of the first visible sheet's data, from the keyboard; resolves once the sheet shows it. */
async function typeIntoSheet(page, text) {
  const address = await page.evaluate(() => {
    const book = window.salesReview.api.getActiveWorkbook();
    const sheet = book.getSheets().find((s) => !s.isSheetHidden()) ?? book.getSheets()[0];
    book.setActiveSheet(sheet);
    // Below and right of the data: clear of the sheet's own drop-downs and validations.
    const row = Math.min(sheet.getLastRow() + 2, sheet.getMaxRows() - 1);
    const column = Math.min(sheet.getLastColumn() + 2, sheet.getMaxColumns() - 1);
    sheet.getRange(row, column).activate();
    return { sheet: sheet.getSheetName(), row, column };
  });
  // The keyboard route of the README: focus the pane, then F6 gives the sheet the keyboard. A page
  // that has only just drawn may not take the first keys yet: try again (at most three times).
  const shows = (timeout) =>
    page
      .waitForFunction(
        ([sheetName, row, column, typed]) =>
          String(window.salesReview.api.getActiveWorkbook().getSheetByName(sheetName).getRange(row, column).getValue() ?? '') === typed,
        [address.sheet, address.row, address.column, text],
        { timeout },
      )
      .then(
        () => true,
        () => false,
      );
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.evaluate(
      ([sheetName, row, column]) => window.salesReview.api.getActiveWorkbook().getSheetByName(sheetName).getRange(row, column).activate(),
      [address.sheet, address.row, address.column],
    );
    await page.locator('#pane [role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('F6');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    if (await shows(attempt === 3 ? 20_000 : 5_000)) return;
    await page.keyboard.press('Escape');
  }
  assert.fail(`the typed value did not reach ${address.sheet}`);
}

/** After an edit: the save starts, then settles on `state`. */
async function waitSettled(page, state) {
  await page
    .waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') !== 'saved', null, {
      timeout: 20_000,
    })
    .catch(() => undefined);
  await waitState(page, state);
}

async function stop(server) {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

async function holdsText(path, text) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = Object.keys(zip.files).filter((n) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n));
  const xml = await Promise.all(parts.map((n) => zip.file(n).async('string')));
  return xml.join('').includes(text);
}

for (const name of CHOSEN) {
  const entry = corpus.find((f) => f.name === name);
  test(`${entry.package}/${name} (${entry.madeBy}): nothing of the user's file is lost`, { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-'));
    const path = join(dir, name);
    copyFileSync(join(CORPUS_DIR, 'files', entry.package, name), path);
    const original = readFileSync(path);
    const server = await serveDist({ workbook: path, workbooksDir: join(dir, 'workbooks') });
    servers.push(server);
    // Started and left alone: nothing is written.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.ok(readFileSync(path).equals(original), 'the file is untouched after start-up');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n !== 'workbooks'),
      [name],
    );

    const { page, errors } = await openPage(browser, server, { book: null });
    const pane = await page.locator('[data-save-state]');
    const target = await pane.getAttribute('data-save-file');
    if (target !== name) {
      // 已保存 means the version and the file: the copy is not written before the first change.
      assert.equal(await pane.getAttribute('data-save-state'), 'unwritten');
      assert.equal(existsSync(join(dir, target)), false);
    }
    await typeIntoSheet(page, TYPED);
    await waitSettled(page, 'saved');
    const shown = await page.locator('#pane').textContent();
    if (target !== name) assert.match(shown, new RegExp(`保存到“${target.replace(/[()]/g, '\\$&')}”`), 'the pane names the copy');
    await page.close();
    await stop(server);

    const after = readFileSync(path);
    if (!after.equals(original)) assert.deepEqual(lostFeatures(await inventoryXlsx(original), await inventoryXlsx(after)), []);
    assert.ok(await holdsText(join(dir, target), TYPED), `the typed value is in ${target}`);
    assert.deepEqual(errors, []);
  });
}

test('a change another program saves while served is kept, the page is told, and Keep mine overwrites', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'own-outside-'));
  const path = join(dir, 'deaths.xlsx');
  copyFileSync(join(CORPUS_DIR, 'files', 'r-cran-readxl', 'deaths.xlsx'), path);
  const server = await serveDist({ workbook: path, workbooksDir: join(dir, 'workbooks') });
  servers.push(server);
  const { page } = await openPage(browser, server, { book: null });
  await typeIntoSheet(page, 'first');
  await waitSettled(page, 'saved');
  // Another program saves the file (here: the corpus's geometry.xlsx in its place).
  const theirs = readFileSync(join(CORPUS_DIR, 'files', 'r-cran-readxl', 'geometry.xlsx'));
  writeFileSync(path, theirs);
  await typeIntoSheet(page, 'second');
  await waitSettled(page, 'held');
  assert.match(await page.locator('#pane').textContent(), /另一个程序修改了此文件/);
  assert.ok(readFileSync(path).equals(theirs), 'their version is not overwritten');
  const history = join(dir, '.deaths.xlsx.history');
  const kept = readdirSync(history).find((n) => n.startsWith('outside-'));
  assert.ok(kept && readFileSync(join(history, kept)).equals(theirs), 'their version is kept in the history');
  await page.getByRole('button', { name: '保留我的' }).click();
  await waitState(page, 'saved');
  assert.ok(await holdsText(path, 'second'));
  await stop(server);
});
