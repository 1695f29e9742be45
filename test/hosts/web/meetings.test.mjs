// Browser test of issue 25's pane pieces in the web host: a meeting's action item left open past its
// due date is named in a banner when the pane opens (and "打开行动项" goes to it); the review's step 5
// drafts the next 销售例会 with that item on its agenda, into the sheet.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, useWebHost } from '../../support/browser.mjs';

const host = useWebHost();
const ITEMS = '行动项';
const MEETINGS = '销售例会';

/** A sheet's table as records by header label, read through the page's own WorkbookPort. */
function records(page, sheetName) {
  return page.evaluate(async (name) => {
    const table = await window.salesReview.workbook.readTable({ sheetName: name });
    return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]])));
  }, sheetName);
}

test('an overdue action item is named on open, and step 5 drafts it into the next meeting', { timeout: 300_000 }, async () => {
  const { page, errors } = await host.openPage({ width: 1400, height: 900 });
  await page.locator('#pane button[aria-label="插入 销售例会"]').click();
  await page.getByText(`已插入工作表“${MEETINGS}`).waitFor({ timeout: 60_000 });
  assert.equal(await page.getByText(/项例会行动项已逾期/).count(), 0, 'the samples are all done: no banner');

  // Reopen the first sample item: not started, due 2024-03-01 — overdue whatever today is.
  const item = await page.evaluate(async (name) => {
    const table = await window.salesReview.workbook.readTable({ sheetName: name });
    const sheet = window.salesReview.api.getActiveWorkbook().getSheetByName(name);
    const col = (label) => table.firstColumn + table.header.indexOf(label);
    const row = table.headerRow + 1;
    sheet.getRange(row, col('状态')).setValue('未开始');
    sheet.getRange(row, col('完成日期')).setValue('');
    sheet.getRange(row, col('截止日期')).setValue(45352); // 2024-03-01
    return { item: table.rows[0][table.header.indexOf('行动项')], owner: table.rows[0][table.header.indexOf('负责人')] };
  }, ITEMS);
  await page.waitForFunction(() => document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved', null, {
    timeout: 30_000,
  });

  await page.reload();
  await page.getByRole('heading', { name: '销售复盘' }).waitFor({ timeout: 60_000 });
  const banner = page.getByText('1 项例会行动项已逾期');
  await banner.waitFor({ timeout: 60_000 });
  assert.ok((await page.locator('#pane').textContent()).includes(`${item.item}(${item.owner},逾期`), 'the item and its owner are named');
  await page.getByRole('button', { name: '打开行动项' }).click();
  await page.waitForFunction((name) => window.salesReview.api.getActiveWorkbook().getActiveSheet().getSheetName() === name, ITEMS);
  await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'meetings-overdue.png') });

  // The review, straight to step 5.
  await page.locator('#pane').getByRole('tab', { name: '复盘', exact: true }).click();
  await page.getByRole('button', { name: '读取工作簿' }).click();
  await page.getByText(/已读取 \d+ 张表。/).waitFor({ timeout: 120_000 });
  for (let step = 1; step < 5; step++) await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('heading', { name: /持续跟踪/ }).waitFor();
  const held = async () => (await records(page, MEETINGS)).filter((r) => r['会议编号']);
  const before = (await held()).length;
  await page.getByRole('button', { name: '起草下次例会议程' }).click();
  await page.getByText(/已在“销售例会”新增会议/).waitFor({ timeout: 60_000 });
  const after = await held();
  assert.equal(after.length, before + 1, 'one meeting appended');
  const agenda = String(after.at(-1)['议程']);
  assert.ok(agenda.startsWith('1.'), agenda);
  assert.ok(agenda.includes(`上次行动项未完成:${item.item}(${item.owner},逾期`), agenda);
  assert.deepEqual(errors, []);
});
