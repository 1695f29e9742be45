// Browser tests of the task pane in the web host (issue 4): keyboard-only use, a 320 px pane, axe-core.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, cellText, paneOverflow, paneViolations, useWebHost } from '../../support/browser.mjs';

const host = useWebHost();

const focusedName = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.getAttribute('aria-label') ?? ''}|${el?.textContent ?? ''}`;
  });

test('a template is inserted with the keyboard only: F6 into the pane, Tab to Insert, Enter', { timeout: 180_000 }, async () => {
  const { page, errors } = await host.openPage();
  // The spreadsheet takes focus once it has loaded; start from there, as a user would.
  await page.waitForFunction(() => document.activeElement?.closest('#sheet') !== null, null, { timeout: 30_000 });
  // Focus starts in the spreadsheet, which keeps Tab for itself; F6 moves to the pane as in Office.
  await page.keyboard.press('F6');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#pane') !== null), 'F6 moves focus into the pane');
  const wanted = '插入 表2 销售目标分解与跟踪表';
  let presses = 0;
  while (!(await focusedName(page)).startsWith(wanted)) {
    await page.keyboard.press('Tab');
    presses += 1;
    assert.ok(presses < 80, `the Insert button for 表2 is reachable by Tab (focused: ${await focusedName(page)})`);
  }
  await page.keyboard.press('Enter');
  await page.getByText('已插入工作表“表2 销售目标分解与跟踪表”').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () =>
      window.salesReview.api.getActiveWorkbook().getSheetByName('表2 销售目标分解与跟踪表')?.getRange('H3').getDisplayValue() === '91.7%',
    null,
    { timeout: 30_000 },
  );
  assert.equal(await cellText(page, '表2 销售目标分解与跟踪表', 'H3'), '91.7%');
  // Focus stays on the pane while and after inserting (a disabled button would drop it to the page).
  assert.ok(
    await page.evaluate(() => document.activeElement?.closest('#pane') !== null),
    `focus stays in the pane (${await focusedName(page)})`,
  );
  // F6 again returns to the sheet.
  await page.keyboard.press('F6');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#sheet') !== null), 'F6 moves focus back to the sheet');
  assert.deepEqual(errors, []);
  await page.close();
});

test(
  'every tab fits a 320 px pane without horizontal scroll, and axe finds no serious or critical violation',
  { timeout: 240_000 },
  async () => {
    for (const lang of ['zh-CN', 'en-US']) {
      const { page, errors } = await host.openPage({ lang, width: 1024, height: 900 });
      await page.addStyleTag({ content: ':root { --pane-width: 320px; }' });
      const tabs = page.locator('#pane [role="tab"]');
      const count = await tabs.count();
      assert.equal(count, 8, "the web host's pane has its eight tabs (File included)");
      for (let i = 0; i < count; i++) {
        const tab = tabs.nth(i);
        const name = (await tab.textContent()) ?? String(i);
        await tab.click();
        await page.waitForTimeout(300);
        const width = await page.evaluate(() => document.querySelector('#pane').getBoundingClientRect().width);
        assert.ok(Math.abs(width - 320) <= 1, `pane is 320 px wide (${width})`);
        assert.equal(await paneOverflow(page), 0, `${lang} ${name}: no horizontal overflow in a 320 px pane`);
        await page.locator('#pane').screenshot({ path: join(ARTIFACTS, `pane-320-${lang}-${i}.png`) });
        const violations = await paneViolations(page);
        assert.deepEqual(violations, [], `${lang} ${name}: axe serious/critical violations`);
      }
      assert.deepEqual(errors, []);
      await page.close();
    }
  },
);

test('a goal breakdown is written into a new 表2 and read back from the sheet', { timeout: 180_000 }, async () => {
  const { page, errors } = await host.openPage();
  await page.getByRole('tab', { name: '目标分解' }).click();
  await page.getByRole('textbox', { name: /^期间目标/ }).fill('500');
  await page.getByRole('textbox', { name: /^区域 1 名称/ }).fill('华南区');
  await page.getByRole('textbox', { name: /^区域 1 负责人/ }).fill('区域经理');
  await page.getByRole('button', { name: '添加区域' }).click();
  await page.getByRole('textbox', { name: /^区域 2 名称/ }).fill('华东区');
  await page.getByRole('textbox', { name: /^区域 2 负责人/ }).fill('区域经理');
  await page.getByRole('switch', { name: /各区域平均分配/ }).click();
  await page.getByRole('textbox', { name: /^区域 1 权重/ }).fill('0.6');
  await page.getByRole('textbox', { name: /^区域 2 权重/ }).fill('0.4');
  await page.getByRole('switch', { name: /按季节性权重分配月份/ }).click();
  await page.getByRole('textbox', { name: /^月份 3 季节性权重/ }).fill('1.2');
  await page.getByRole('button', { name: '写入表2' }).click();
  await page.getByText(/已新建工作表“表2 销售目标分解与跟踪表”并写入 6 行/).waitFor({ timeout: 60_000 });

  const table = await page.evaluate(() => window.salesReview.workbook.readTable({ sheetName: '表2 销售目标分解与跟踪表' }));
  const col = (label) => table.header.indexOf(label);
  const rows = table.rows.filter((row) => row[col('月度分解目标')] !== null);
  assert.equal(rows.length, 6, 'three months × two regions');
  const sum = rows.reduce((total, row) => total + row[col('月度分解目标')], 0);
  assert.ok(Math.abs(sum - 500) < 1e-9, `the cells add up to 500 exactly (${sum})`);
  const byRegion = (name) => rows.filter((row) => row[col('负责区域')] === name).reduce((t, row) => t + row[col('月度分解目标')], 0);
  assert.ok(Math.abs(byRegion('华南区') - 300) <= 0.1 && Math.abs(byRegion('华东区') - 200) <= 0.1, 'regions get 60% / 40%');
  assert.ok(
    rows.every((row) => row[col('季度目标')] === 500),
    'every row carries the period target',
  );
  // A second write appends below the first, never over it.
  await page.getByRole('button', { name: '写入表2' }).click();
  await page.getByText(/已在工作表“表2 销售目标分解与跟踪表”末尾追加 6 行/).waitFor({ timeout: 60_000 });
  const again = await page.evaluate(() => window.salesReview.workbook.readTable({ sheetName: '表2 销售目标分解与跟踪表' }));
  const filled = again.rows.filter((row) => row[col('月度分解目标')] !== null);
  assert.equal(filled.length, 12);
  assert.deepEqual(filled.slice(0, 6), rows, 'the first write is untouched');
  await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'goal-breakdown.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a forecast call and the manager’s adjustment are written from the 预测提报 tab and read back', { timeout: 180_000 }, async () => {
  const { page, errors } = await host.openPage();
  await page.getByRole('tab', { name: '预测提报' }).click();
  // The rep field offers the names of 组织架构 (a datalist), so it is a combobox.
  await page.getByRole('combobox', { name: /^负责人/ }).fill('华南区销售');
  await page.getByRole('textbox', { name: /^承诺/ }).fill('90');
  await page.getByRole('textbox', { name: /^最可能/ }).fill('110');
  await page.getByRole('button', { name: '提交预测' }).click();
  await page.getByText(/已在“预测提报”追加一行:华南区销售 承诺 90/).waitFor({ timeout: 60_000 });
  await page.getByRole('combobox', { name: /^调整谁的承诺/ }).selectOption('华南区销售');
  await page.getByRole('textbox', { name: /^调整后承诺/ }).fill('80');
  await page.getByRole('textbox', { name: /^调整说明/ }).fill('客户A合同仍在法务审核');
  await page.getByRole('button', { name: '保存调整' }).click();
  await page.getByText('已追加调整:华南区销售 采用承诺 80,原提报保留。').waitFor({ timeout: 60_000 });

  const table = await page.evaluate(() => window.salesReview.workbook.readTable({ sheetName: '预测提报' }));
  const col = (label) => table.header.findIndex((h) => h.startsWith(label));
  const rows = table.rows.filter((row) => row[col('负责人')] === '华南区销售');
  assert.equal(rows.length, 2, 'the call and the adjustment, each a row');
  assert.deepEqual(
    rows.map((row) => [row[col('提报承诺')], row[col('经理调整承诺')], row[col('采用承诺')]]),
    [
      [90, null, 90],
      [90, 80, 80],
    ],
    'the rep’s call is kept; the adjustment counts',
  );
  await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'forecast-calls.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a GBK 纷享销客 export is imported from the Import tab, previewed, and linked to a forecast', { timeout: 240_000 }, async () => {
  const { page, errors } = await host.openPage({ width: 1024, height: 900 });
  await page.addStyleTag({ content: ':root { --pane-width: 320px; }' });
  await page.getByRole('tab', { name: '导入' }).click();
  await page.getByTestId('deal-import-input').setInputFiles(join(process.cwd(), 'test', 'fixtures', 'crm', 'fxiaoke-opportunities.csv'));
  await page.getByText('4 个商机可以导入;1 行有问题,将不导入').waitFor({ timeout: 60_000 });
  assert.equal(await paneOverflow(page), 0, 'the mapping and the preview fit a 320 px pane');
  assert.deepEqual(await paneViolations(page), [], 'axe: the import preview has no serious or critical violation');
  await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'pane-320-import-preview.png') });
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByText('新增 4,更新 0,未变 0,标记移除 0,未导入 1 行').waitFor({ timeout: 60_000 });
  const register = await page.evaluate(() => window.salesReview.workbook.readTable({ sheetName: '商机明细' }));
  assert.deepEqual(
    register.rows.map((row) => row[0]).filter((id) => id !== null && id !== ''),
    ['FX-0001', 'FX-0002', 'FX-0003', 'FX-0004'],
  );
  await page.getByRole('button', { name: '用商机明细计算漏斗、表2 和预测' }).click();
  await page.getByText(/已链接:漏斗 0 行、表2 0 行、预测 2 行/).waitFor({ timeout: 60_000 });
  const forecast = await page.evaluate(() => window.salesReview.workbook.readTable({ sheetName: '销售预测' }));
  // This export's header names no unit (its cells say 120万, ￥500,000): the workbook has said none, so the headers show none.
  const col = (label) => forecast.header.indexOf(label);
  const owners = forecast.rows.filter((row) => row[col('负责人')]).map((row) => [row[col('负责人')], typeof row[col('已赢单')]]);
  assert.deepEqual(owners, [
    ['华南区销售', 'number'],
    ['华东区销售', 'number'],
  ]);
  assert.deepEqual(errors, []);
  await page.close();
});
