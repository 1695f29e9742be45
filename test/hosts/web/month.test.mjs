// The month of issue 21 through the pane, in headless Chromium, on data this test makes: goals in 万元
// (目标分解), a GBK 纷享销客-style export in 元 with departments for regions and blank lost reasons, a
// typed actual that survives a cancelled link and comes back after "undo link", a second export a
// week later whose changes are named deal by deal, both snapshots kept under their export dates, and
// step 1 of the review naming the blank lost reasons. The same month in English with USD headers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { ARTIFACTS, useWebHost } from '../../support/browser.mjs';

const host = useWebHost();

/** 30 deals over three regions and Q1 2026: won, lost (some without a reason) and open ones. */
function week1(regions) {
  return Array.from({ length: 30 }, (_v, i) => ({
    id: `FX-${i + 1}`,
    region: regions[i % 3],
    state: i < 6 ? 'open' : i % 4 === 0 ? 'lost' : 'won',
    yuan: 120_000 + ((i * 51_713) % 800_000) + 0.5,
    close: `2026-0${1 + (i % 3)}-${String(1 + (i % 27)).padStart(2, '0')}`,
    reason: i % 8 === 0 ? '价格' : '',
  }));
}

/** A week later: FX-1 won, FX-2 slipped into April, FX-3 grew, FX-4 lost without a reason, FX-31 new. */
function week2(deals, regions) {
  const next = deals.map((d) => ({ ...d }));
  const at = (id) => next.find((d) => d.id === id);
  at('FX-1').state = 'won';
  at('FX-1').close = '2026-03-25';
  at('FX-2').close = '2026-04-15';
  at('FX-3').yuan += 100_000;
  at('FX-4').state = 'lost';
  next.push({ id: 'FX-31', region: regions[0], state: 'open', yuan: 333_000, close: '2026-03-30', reason: '' });
  return next;
}

const STAGE = { zh: { won: '赢单', lost: '输单', open: '商务谈判' }, en: { won: 'Closed Won', lost: 'Closed Lost', open: 'Negotiation' } };

function csvOf(deals, lang) {
  const zh = lang === 'zh';
  const header = zh
    ? '商机编号,商机名称,负责人,所属部门,商机阶段,商机金额(元),结单日期,输单原因'
    : 'Opportunity ID,Opportunity Name,Owner,Department,Stage,Amount (USD),Close Date,Loss Reason';
  const dept = (r) => (zh ? `${r}销售部` : `${r} Sales Team`);
  const owner = (r) => (zh ? `${r}销售` : `${r} Rep`);
  const money = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2 });
  return [
    header,
    ...deals.map(
      (d) =>
        `${d.id},${zh ? '商机' : 'Deal '}${d.id},${owner(d.region)},${dept(d.region)},${STAGE[lang][d.state]},"${money(d.yuan)}",${d.close},${d.state === 'lost' ? d.reason : ''}`,
    ),
  ].join('\r\n');
}

/** 表2's actual for a month and region: the won deals closing in it, in the workbook's unit. */
const oracle = (deals, month, region, scale) =>
  deals.filter((d) => d.state === 'won' && d.region === region && d.close.startsWith(month)).reduce((a, d) => a + d.yuan, 0) / scale;

const readTable = (page, sheetName) => page.evaluate((name) => window.salesReview.workbook.readTable({ sheetName: name }), sheetName);

async function setCell(page, sheetName, row, column, value) {
  await page.evaluate(
    ([name, r, c, v]) => {
      const sheet = window.salesReview.api.getActiveWorkbook().getSheetByName(name);
      sheet.getRange(r, c).setValue(v);
    },
    [sheetName, row, column, value],
  );
}

async function checkActuals(page, sheet, actualLabel, deals, scale) {
  const table = await readTable(page, sheet);
  const [monthAt, regionAt, actualAt] = [
    table.header.indexOf(sheet.startsWith('表2') ? '月份' : 'Month'),
    table.header.indexOf(sheet.startsWith('表2') ? '负责区域' : 'Region'),
    table.header.indexOf(actualLabel),
  ];
  assert.ok(actualAt >= 0, `${actualLabel} in ${table.header.join(' | ')}`);
  const rows = table.rows.filter((r) => typeof r[monthAt] === 'string' && r[monthAt] !== '');
  assert.equal(rows.length, 9, 'three months × three regions');
  for (const r of rows) {
    const want = oracle(deals, r[monthAt], r[regionAt], scale);
    assert.ok(Math.abs(r[actualAt] - want) < 1e-6, `${r[monthAt]} ${r[regionAt]}: ${r[actualAt]} = ${want}`);
  }
  return { table, actualAt };
}

test(
  'the month in Chinese: 万元 goals, a GBK 元 export, names, a guarded link, a week of named changes',
  { timeout: 420_000 },
  async () => {
    const { page, errors } = await host.openPage({ width: 1400, height: 900 });
    const regions = ['华南', '华东', '华北'];
    const first = week1(regions);

    // 目标分解: 2026 Q1, 500 万元, three regions with their owners.
    await page.getByRole('tab', { name: '目标分解' }).click();
    await page.getByRole('textbox', { name: /^周期/ }).fill('2026 Q1');
    await page.getByRole('textbox', { name: /^期间目标/ }).fill('500');
    await page.getByRole('combobox', { name: /^金额单位/ }).selectOption({ label: '万元' });
    for (let i = 0; i < 3; i++) {
      if (i > 0) await page.getByRole('button', { name: '添加区域' }).click();
      await page.getByRole('textbox', { name: new RegExp(`^区域 ${i + 1} 名称`) }).fill(regions[i]);
      await page.getByRole('textbox', { name: new RegExp(`^区域 ${i + 1} 负责人`) }).fill(`${regions[i]}销售`);
    }
    await page.getByRole('button', { name: '写入表2' }).click();
    await page.getByText(/已新建工作表“表2 销售目标分解与跟踪表”并写入 9 行/).waitFor({ timeout: 60_000 });
    const T2 = '表2 销售目标分解与跟踪表';
    const goals = await readTable(page, T2);
    const actualAt = goals.header.indexOf('月度实际完成(万元)');
    assert.ok(actualAt >= 0, `money headers show the unit: ${goals.header.join(' | ')}`);
    // A manager types an actual before any link.
    await setCell(page, T2, goals.headerRow + 1, actualAt, 99);

    // Week 1: a GBK export in 元 with departments; the first import is the baseline.
    await page.getByRole('tab', { name: '导入' }).click();
    const upload = (name, deals) =>
      page
        .getByTestId('deal-import-input')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: iconv.encode(csvOf(deals, 'zh'), 'gb18030') });
    await upload('商机_20260320.csv', first);
    await page.getByText('金额将从 元 换算为工作簿的单位 万元').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByRole('textbox', { name: /导出日期/ }).inputValue(), '2026-03-20');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('新增 30,更新 0,未变 0,标记移除 0,未导入 0 行').waitFor({ timeout: 60_000 });
    await page.getByText(/首次导入:这份快照是基线/).waitFor();

    // The link asks before replacing the typed actual; cancelling changes nothing.
    await page.getByRole('button', { name: '用商机明细计算漏斗、表2 和预测' }).click();
    await page.getByText(/链接会用商机明细的数字替换表2 中 1 个手工填写的月度实际完成\(合计 99\)/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await page.getByText('未链接:工作簿没有任何改动。').waitFor();
    assert.equal((await readTable(page, T2)).rows[0][actualAt], 99, 'the typed actual survives a cancelled link');

    await page.getByRole('button', { name: '用商机明细计算漏斗、表2 和预测' }).click();
    await page.getByRole('button', { name: '替换并链接' }).click();
    await page.getByText(/已链接/).waitFor({ timeout: 60_000 });
    await checkActuals(page, T2, '月度实际完成(万元)', first, 10_000);

    // Undo brings the typed value back; link again for the weeks to come.
    await page.getByRole('button', { name: '撤销链接' }).click();
    await page.getByText('已撤销:恢复了表2 中 1 个手工填写的值。').waitFor({ timeout: 60_000 });
    assert.equal((await readTable(page, T2)).rows[0][actualAt], 99, 'undo restores the typed actual');
    await page.getByRole('button', { name: '用商机明细计算漏斗、表2 和预测' }).click();
    await page.getByRole('button', { name: '替换并链接' }).click();
    await page.getByText(/已链接/).waitFor({ timeout: 60_000 });

    // Week 2: every change named, with a link to the deal's row.
    const second = week2(first, regions);
    await upload('商机_20260327.csv', second);
    await page.getByText('31 个商机可以导入;0 行有问题,将不导入').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('新增 1,更新 4,未变 26,标记移除 0,未导入 0 行').waitFor({ timeout: 60_000 });
    const changes = await page.getByRole('table', { name: '本周变动(与 2026-03-20 相比)' }).textContent();
    for (const type of ['新增', '赢单', '输单', '推迟', '金额增加']) assert.ok(changes.includes(type), `${type} in ${changes}`);
    await page
      .getByText(/商机FX-1 · 华南销售 · .*:商务谈判 → 赢单/)
      .first()
      .waitFor();
    await page.getByText(/FX-2 · 商机FX-2 · 华东销售 · .*:2026-02-02 → 2026-04-15/).waitFor();
    await page
      .getByText(/FX-3 · 商机FX-3 · 华北销售 · .*:\d+(\.\d+)? → \d+(\.\d+)?/)
      .first()
      .waitFor();
    await page.getByText(/FX-31 · 商机FX-31 · 华南销售 · 33\.3:— → 商务谈判/).waitFor();
    const goTo = page.getByRole('button', { name: /^转到第 \d+ 行$/ }).first();
    const row = Number((await goTo.textContent()).match(/\d+/)[0]);
    await goTo.click();
    const active = await page.evaluate(() => {
      const book = window.salesReview.api.getActiveWorkbook();
      const range = book.getActiveRange();
      return { sheet: book.getActiveSheet().getSheetName(), row: range?.getRow() };
    });
    assert.deepEqual(active, { sheet: '商机明细', row: row - 1 });

    // Both exports kept, each under its own day; 表2 follows the register.
    const snapshots = await readTable(page, '商机快照');
    assert.deepEqual([...new Set(snapshots.rows.map((r) => r[0]).filter(Boolean))], ['S-2026-03-20', 'S-2026-03-27']);
    await checkActuals(page, T2, '月度实际完成(万元)', second, 10_000);

    // Step 1 of the review: the blank lost reasons are a data check, with the fix.
    await page.locator('#pane').getByRole('tab', { name: '复盘', exact: true }).click();
    await page.getByRole('button', { name: '读取工作簿' }).click();
    await page.getByText(/已读取 \d+ 张表。/).waitFor({ timeout: 120_000 });
    const blank = second.filter((d) => d.state === 'lost' && d.reason === '').length;
    await page.getByText(`${blank} 个输单没有填写输单原因`).waitFor();
    await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'month-zh-step1.png') });
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test('the month in English: USD goals, a USD export with sales teams for regions, named changes', { timeout: 300_000 }, async () => {
  const { page, errors } = await host.openPage({ lang: 'en-US', width: 1400, height: 900 });
  const regions = ['South', 'East', 'North'];
  const first = week1(regions);

  await page.getByRole('tab', { name: 'Goals' }).click();
  await page.getByRole('textbox', { name: 'Period', exact: true }).fill('2026 Q1');
  await page.getByRole('textbox', { name: /^Period target/ }).fill('5000');
  await page.getByRole('combobox', { name: /^Money unit/ }).selectOption({ label: 'USD thousands' });
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add region' }).click();
    await page.getByRole('textbox', { name: new RegExp(`^Region ${i + 1} name`) }).fill(regions[i]);
    await page.getByRole('textbox', { name: new RegExp(`^Region ${i + 1} owner`) }).fill(`${regions[i]} Rep`);
  }
  await page.getByRole('button', { name: 'Write to T2' }).click();
  await page.getByText(/created the sheet “T2 Goal Breakdown & Tracking” and wrote 9 rows/).waitFor({ timeout: 60_000 });
  const T2 = 'T2 Goal Breakdown & Tracking';

  await page.getByRole('tab', { name: 'Import' }).click();
  const upload = (name, deals) =>
    page.getByTestId('deal-import-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csvOf(deals, 'en'), 'utf8') });
  await upload('opportunities-2026-03-20.csv', first);
  await page.getByText("Amounts will be converted from USD to the workbook's USD thousands").waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('30 new, 0 updated, 0 unchanged, 0 marked removed, 0 rows left out').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Compute the funnel, T2 and forecast from the register' }).click();
  await page.getByText(/^Linked:/).waitFor({ timeout: 60_000 });
  await checkActuals(page, T2, 'Monthly actual (USD thousands)', first, 1_000);

  const second = week2(first, regions);
  await upload('opportunities-2026-03-27.csv', second);
  await page.getByText('31 deals ready; 0 rows have problems and will be left out').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('1 new, 4 updated, 26 unchanged, 0 marked removed, 0 rows left out').waitFor({ timeout: 60_000 });
  await page.getByRole('table', { name: 'What changed (since 2026-03-20)' }).waitFor();
  await page.getByText(/FX-2 · Deal FX-2 · East Rep · .*: 2026-02-02 → 2026-04-15/).waitFor();
  await page
    .getByText(/FX-1 · Deal FX-1 · South Rep · .*: Negotiation → Won/)
    .first()
    .waitFor();
  await checkActuals(page, T2, 'Monthly actual (USD thousands)', second, 1_000);
  await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'month-en-import.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
