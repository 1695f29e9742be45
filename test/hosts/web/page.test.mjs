// Browser test of `npm start`'s page: the built web host in real (headless) Chromium.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, cellText, useWebHost } from '../../support/browser.mjs';

const host = useWebHost();

const openPage = (lang) => host.openPage({ lang });

test('inserting 表2 computes 91.7% in the 达成率 cell', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage();
  // The spreadsheet's own UI speaks the page's language (its ribbon once showed `ui.ribbon.start`).
  await page.locator('#sheet').getByText('开始', { exact: true }).first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#sheet').getByText('ui.ribbon.start').count(), 0);
  await page.getByRole('button', { name: '插入 表2 销售目标分解与跟踪表' }).click();
  await page.getByText('已插入工作表“表2 销售目标分解与跟踪表”').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () =>
      window.salesReview.api.getActiveWorkbook().getSheetByName('表2 销售目标分解与跟踪表')?.getRange('H3').getDisplayValue() === '91.7%',
    null,
    { timeout: 30_000 },
  );
  assert.equal(await cellText(page, '表2 销售目标分解与跟踪表', 'H3'), '91.7%');
  assert.equal(await cellText(page, '表2 销售目标分解与跟踪表', 'I3'), '15.0');
  assert.equal(await cellText(page, '表2 销售目标分解与跟踪表', 'H4'), '');
  await page.screenshot({ path: join(ARTIFACTS, 'web-host-goals.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
