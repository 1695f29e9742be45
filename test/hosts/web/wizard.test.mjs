// Browser test of the review wizard in the web host (issue 5): insert the sample sheets, run the
// five steps, write back, read the written rows from the Univer sheets, write again (no duplicates).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, useWebHost } from '../../support/browser.mjs';

const host = useWebHost();

const HYPERLINK = '=HYPERLINK("http://x","y")';
const ACTION = '华南区高端客户拜访计划';
const SHEETS = {
  t1: '表1 销售现状诊断表',
  t3: '表3 优化方案执行跟踪表',
  plan: '执行计划表',
  log: '复盘记录',
};

/** A sheet's table as records by header label, read through the page's own WorkbookPort. */
function records(page, sheetName) {
  return page.evaluate(async (name) => {
    const table = await window.salesReview.workbook.readTable({ sheetName: name });
    return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]])));
  }, sheetName);
}

/** Where a text sits in a sheet and whether that cell holds a formula. */
function cellHolding(page, sheetName, text) {
  return page.evaluate(
    ([name, wanted]) => {
      const sheet = window.salesReview.api.getActiveWorkbook().getSheetByName(name);
      const range = sheet.getRange(0, 0, sheet.getMaxRows(), 12);
      const values = range.getValues();
      const formulas = range.getFormulas();
      for (let r = 0; r < values.length; r++) {
        for (let c = 0; c < values[r].length; c++) {
          if (values[r][c] === wanted) return { row: r, col: c, formula: formulas[r][c] ?? '' };
        }
      }
      return null;
    },
    [sheetName, text],
  );
}

test('the wizard runs end to end on the samples and writes back; a second run updates, text stays text', { timeout: 420_000 }, async () => {
  const { page, errors } = await host.openPage({ width: 1400, height: 900 });

  // Every template, with the documents' sample rows (the gallery's default).
  const inserts = page.locator('#pane button', { hasText: '插入' });
  const count = await inserts.count();
  assert.equal(count, 23, 'one Insert button per template');
  for (let i = 0; i < count; i++) {
    const button = inserts.nth(i);
    const label = await button.getAttribute('aria-label');
    await button.click();
    await page.getByText(`已插入工作表“${label.replace(/^插入 /, '')}`).waitFor({ timeout: 60_000 });
  }
  const t1Before = (await records(page, SHEETS.t1)).filter((r) => r['具体问题描述']).length;

  await page.locator('#pane').getByRole('tab', { name: '复盘', exact: true }).click();
  // 1 数据分析
  await page.getByRole('button', { name: '读取工作簿' }).click();
  await page.getByText(/已读取 \d+ 张表。/).waitFor({ timeout: 120_000 });
  assert.ok(
    await page
      .getByRole('table', { name: '按区域' })
      .textContent()
      .then((t) => t.includes('91.7%')),
  );
  await page.getByRole('button', { name: '下一步' }).click();
  // 2 过程评估
  await page.getByRole('group', { name: '市场' }).getByRole('textbox').fill('竞品促销冲击华南');
  await page.getByRole('button', { name: '下一步' }).click();
  // 3 问题诊断: the 华南区 finding is proposed; add one typed as a formula.
  const south = page.getByRole('group', { name: /^问题 \d+$/ }).filter({ has: page.locator('textarea', { hasText: '华南区' }) });
  assert.ok((await south.count()) >= 1, 'the 华南区 finding is proposed');
  await page.getByRole('button', { name: '添加问题' }).click();
  const manual = page.getByRole('group', { name: /^问题 \d+$/ }).last();
  await manual.getByRole('textbox', { name: /^问题/ }).fill(HYPERLINK);
  await page.getByRole('button', { name: '下一步' }).click();
  // 4 改进措施
  await page.getByRole('button', { name: '添加措施' }).click();
  const card = page.getByRole('group', { name: '措施 1' });
  const findingSelect = card.getByRole('combobox', { name: /对应问题/ });
  const option = await findingSelect.locator('option', { hasText: '华南区' }).first().getAttribute('value');
  await findingSelect.selectOption(option);
  await card.getByRole('textbox', { name: /措施内容/ }).fill(ACTION);
  await card.getByRole('textbox', { name: /负责人/ }).fill('区域经理');
  await card.getByLabel(/^完成时间/).fill('2099-05-31');
  await card.getByRole('textbox', { name: /目标指标/ }).fill('华南区月度达成率');
  await card.getByRole('textbox', { name: /目标值/ }).fill('100%');
  await page.getByRole('button', { name: '下一步' }).click();
  // 5 持续跟踪 (the samples' actions are from 2024: long closed, so not listed as open follow-ups today).
  await page.getByRole('heading', { name: /持续跟踪/ }).waitFor();
  await page.getByRole('button', { name: '写回工作簿' }).click();
  await page.getByText(/^已写入复盘 R/).waitFor({ timeout: 60_000 });
  // The write-back is followed by the review's 复盘报告, its charts placed as pictures on the sheet.
  await page.getByText('图表 4 张已作为图片放在工作表上。', { exact: false }).waitFor({ timeout: 60_000 });
  await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'wizard-written.png') });

  const written = async () => ({
    t1: await records(page, SHEETS.t1),
    t3: await records(page, SHEETS.t3),
    plan: await records(page, SHEETS.plan),
    log: await records(page, SHEETS.log),
  });
  const first = await written();
  const reviewId = first.log.find((r) => r['复盘编号'])?.['复盘编号'];
  assert.match(String(reviewId), /^R\d{4}-\d{2}-\d{2}/);
  const ofReview = (rows) => rows.filter((r) => r['复盘编号'] === reviewId);
  assert.ok(
    ofReview(first.t1).some((r) => String(r['具体问题描述']).includes('华南区') && r['影响程度'] === '中'),
    '表1 gains the 华南区 row',
  );
  assert.ok(
    ofReview(first.t1).some((r) => r['具体问题描述'] === HYPERLINK),
    '表1 keeps the typed formula as text',
  );
  assert.ok(
    ofReview(first.plan).some((r) => r['任务内容'] === ACTION),
    '执行计划表 gains the action',
  );
  assert.ok(
    ofReview(first.t3).some((r) => r['优化措施'] === ACTION),
    '表3 gains the action',
  );
  assert.equal(ofReview(first.log).length, 1, '复盘记录 gains one summary row');
  assert.equal(first.t1.filter((r) => r['具体问题描述']).length - t1Before, ofReview(first.t1).length, 'sample rows untouched');
  const hyperlink = await cellHolding(page, SHEETS.t1, HYPERLINK);
  assert.ok(hyperlink, 'the typed formula text is in the sheet');
  assert.equal(hyperlink.formula, '', 'and it is not a formula');

  // The same review written again updates its rows instead of adding new ones.
  await page.getByRole('button', { name: '写回工作簿' }).click();
  await page
    .getByText(/更新 \d+ 行/)
    .first()
    .waitFor({ timeout: 60_000 });
  const second = await written();
  for (const key of Object.keys(SHEETS)) {
    assert.equal(ofReview(second[key]).length, ofReview(first[key]).length, `${key}: no duplicates after a second write`);
    assert.equal(second[key].length, first[key].length, `${key}: the table did not grow`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
