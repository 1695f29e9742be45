// The built Google Sheets sidebar (dist/sheets/Sidebar.html) in headless Chromium, 300 px wide as
// Sheets shows it, with a google.script.run stand-in that sends every call (as JSON, like the real
// one) to the Apps Script server code running in Node over the strict fake of SpreadsheetApp.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { ARTIFACTS, ROOT, launchBrowser } from '../../support/browser.mjs';

const { createFakeSheets } = await tsImport('./fakeSheets.ts', import.meta.url);
const { computeInUniver } = await tsImport('./fakeToUniver.ts', import.meta.url);
const { createSheetsServer } = await tsImport('../../../src/hosts/sheets/sheetsServer.ts', import.meta.url);

const SIDEBAR = join(ROOT, 'dist', 'sheets', 'Sidebar.html');
let browser;
before(async () => {
  assert.ok(existsSync(SIDEBAR), `${SIDEBAR} is missing: run "npm run build" first (npm test does).`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function openSidebar(fake) {
  const server = createSheetsServer(fake.services, () => new Date(Date.UTC(2024, 2, 25, 4)));
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.exposeFunction('salesReviewServerInNode', (method, payload) => server.handle(method, payload));
  await page.addInitScript(() => {
    const runner = () => {
      const handlers = { success: () => {}, failure: () => {} };
      const chain = {
        withSuccessHandler: (handler) => ((handlers.success = handler), chain),
        withFailureHandler: (handler) => ((handlers.failure = handler), chain),
        salesReviewServer: (method, payload) => {
          window.salesReviewServerInNode(method, payload).then(handlers.success, handlers.failure);
        },
      };
      return chain;
    };
    window.google = {
      script: {
        get run() {
          return runner();
        },
      },
    };
  });
  await page.goto(pathToFileURL(SIDEBAR).href);
  return { page, errors };
}

test('the sidebar inserts 表2 through google.script.run and the sheet computes 91.7%', { timeout: 120_000 }, async () => {
  const fake = createFakeSheets({ userLocale: 'zh_CN' });
  const { page, errors } = await openSidebar(fake);
  const insert = page.getByRole('button', { name: /^插入 表2 销售目标分解与跟踪表/ });
  await insert.waitFor({ timeout: 30_000 });
  await insert.click();
  await page.getByText('已插入工作表“表2 销售目标分解与跟踪表”').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(ARTIFACTS, 'sheets-sidebar.png') });
  assert.deepEqual(fake.sheetNames(), ['Sheet1', '表2 销售目标分解与跟踪表']);
  assert.deepEqual(fake.cell('表2 销售目标分解与跟踪表', 2, 7)?.formula, '=SALES_ATTAINMENT(G3,D3)');
  const shown = await computeInUniver(fake, 'zh-CN', 45376);
  assert.equal(shown('表2 销售目标分解与跟踪表', 2, 7), '91.7%');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the pane fits the 300 px sidebar (overflow ${overflow} px)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sidebar speaks the Google account’s language', { timeout: 120_000 }, async () => {
  const fake = createFakeSheets({ userLocale: 'en' });
  const { page, errors } = await openSidebar(fake);
  await page.getByRole('button', { name: /^Insert T2 Goal Breakdown/ }).waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
  assert.deepEqual(errors, []);
  await page.close();
});
