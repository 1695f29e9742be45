/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEMPLATES, planTemplate } from '../../../src/core';
import { GoalBreakdown } from '../../../src/taskpane/GoalBreakdown/GoalBreakdown';
import { numberOrNaN } from '../../../src/taskpane/GoalBreakdown/form';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

const goals = TEMPLATES.find((t) => t.id === 'goals')!;
const JAN_2024 = () => new Date(2024, 0, 15);

function renderGoals(workbook: MemoryWorkbook, locale: 'zh-CN' | 'en-US' = 'zh-CN', portable = false) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <GoalBreakdown locale={locale} now={JAN_2024} portable={portable} />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

async function replace(label: string | RegExp, text: string) {
  const input = screen.getByRole('textbox', { name: label });
  await userEvent.clear(input);
  if (text !== '') await userEvent.type(input, text);
}

/** 500 over 2024-01…03 with seasonality 1/1/1.2, 华南区 0.6 / 华东区 0.4. */
async function fillExample() {
  await replace('期间目标', '500');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: '取整单位' }), '0.01');
  await userEvent.click(screen.getByRole('switch', { name: '按季节性权重分配月份' }));
  await replace('月份 3 季节性权重', '1.2');
  await userEvent.click(screen.getByRole('button', { name: '添加区域' }));
  await userEvent.click(screen.getByRole('switch', { name: '各区域平均分配' }));
  await replace('区域 1 名称', '华南区');
  await replace('区域 1 负责人', '区域经理');
  await replace('区域 1 权重', '0.6');
  await replace('区域 2 名称', '华东区');
  await replace('区域 2 权重', '0.4');
}

const ATT = (row: number) => `=SALES.ATTAINMENT(G${row},D${row})`;
const GAP = (row: number) => `=SALES.GAP(G${row},D${row})`;
/** 表2's 达成档位 (core/domain/tiers.ts); 冲刺目标 and 挑战目标 stay blank without tiers. */
const TIER = (row: number) =>
  `=IF(OR(G${row}="",D${row}=""),"",IF(AND(L${row}<>"",G${row}>=L${row}),"挑战",IF(AND(K${row}<>"",G${row}>=K${row}),"冲刺",IF(G${row}>=D${row},"目标","未达成"))))`;

/** The six rows the example writes, for data rows landing on sheet rows `first`… (1-based). */
const exampleRows = (first: number) =>
  [
    ['2024-01', 93.75, '华南区', '区域经理'],
    ['2024-01', 62.5, '华东区', null],
    ['2024-02', 93.75, '华南区', '区域经理'],
    ['2024-02', 62.5, '华东区', null],
    ['2024-03', 112.5, '华南区', '区域经理'],
    ['2024-03', 75, '华东区', null],
  ].map(([month, target, region, owner], i) => [
    '2024 Q1',
    500,
    month,
    target,
    region,
    owner,
    null,
    ATT(first + i),
    GAP(first + i),
    null,
    null,
    null,
    TIER(first + i),
  ]);

describe('GoalBreakdown', () => {
  it('shows the month × region grid with totals that add up to the target', async () => {
    renderGoals(new MemoryWorkbook());
    await fillExample();
    const grid = screen.getByTestId('goal-preview');
    const rows = within(grid)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['月份', '华南区', '华东区', '合计'],
      ['2024-01', '93.75', '62.50', '156.25'],
      ['2024-02', '93.75', '62.50', '156.25'],
      ['2024-03', '112.50', '75.00', '187.50'],
      ['合计', '300.00', '200.00', '500.00'],
    ]);
    // The grid scrolls inside its own focusable box, never the pane.
    expect(screen.getByRole('region', { name: '分解结果(可横向滚动)' }).tabIndex).toBe(0);
  });

  it('rounds to the default unit of 0.1 (what 表2 shows), still adding up to the target', async () => {
    renderGoals(new MemoryWorkbook());
    await fillExample();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '取整单位' }), '0.1');
    const rows = [...screen.getByTestId('goal-preview').querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((c) => c.textContent),
    );
    // 华南区 300 and 华东区 200 stay exact; the one spare 0.1 goes to the earlier of two equal cells.
    expect(rows).toEqual([
      ['93.8', '62.5', '156.3'],
      ['93.7', '62.5', '156.2'],
      ['112.5', '75.0', '187.5'],
      ['300.0', '200.0', '500.0'],
    ]);
  });

  it('validation messages sit on the fields: target > 0, weights ≥ 0 and not all zero, names required', async () => {
    const workbook = new MemoryWorkbook();
    renderGoals(workbook);
    await replace('期间目标', '0');
    await userEvent.tab();
    expect(screen.getByText('目标必须大于 0。')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '期间目标' }).getAttribute('aria-invalid')).toBe('true');

    await replace('期间目标', 'abc');
    await userEvent.tab();
    expect(screen.getByText('请输入目标数字,例如 500。')).toBeTruthy();

    await userEvent.click(screen.getByRole('switch', { name: '各区域平均分配' }));
    await replace('区域 1 权重', '-1');
    await userEvent.tab();
    expect(screen.getByText('权重不能为负数。')).toBeTruthy();
    await replace('区域 1 权重', '0');
    await userEvent.tab();
    expect(screen.getByText('区域权重不能全为 0;请至少给一个区域大于 0 的权重,或打开“平均分配”。').getAttribute('role')).toBe('alert');

    // A refused write: every remaining problem shows, the first invalid field gets focus, nothing is written.
    await replace('期间目标', '500');
    await userEvent.click(screen.getByRole('button', { name: '写入表2' }));
    expect(await screen.findByText('请填写第 1 个区域的名称,例如 华南区。')).toBeTruthy();
    expect(screen.getByText(/有 2 处输入需要修改/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '区域 1 名称' }));
    expect(workbook.sheets).toEqual([]);
    expect(workbook.writes).toEqual([]);
  });

  it('inserts 表2 when absent, writes the exact rows, and a second write appends without overwriting', async () => {
    const workbook = new MemoryWorkbook();
    renderGoals(workbook);
    await fillExample();
    await userEvent.click(screen.getByRole('button', { name: '写入表2' }));
    await screen.findByText('工作簿中没有表2,已新建工作表“表2 销售目标分解与跟踪表”并写入 6 行(2024 Q1)。');

    const sheet = workbook.sheet('表2 销售目标分解与跟踪表');
    expect(sheet.plan?.rows.every((row) => row[0] === null)).toBe(true); // inserted without samples
    // Header on sheet row 2: data starts on row 3; the template's 10 blank rows take the first six.
    expect(sheet.rows.slice(0, 6)).toEqual(exampleRows(3));
    expect(sheet.rows.slice(0, 6).reduce((sum, row) => sum + (row[3] as number), 0)).toBe(500);
    expect(sheet.rows.slice(6).every((row) => row[0] === null && row[3] === null)).toBe(true);
    expect(workbook.active).toBe('表2 销售目标分解与跟踪表');

    await userEvent.click(screen.getByRole('button', { name: '写入表2' }));
    await screen.findByText('已在工作表“表2 销售目标分解与跟踪表”末尾追加 6 行(2024 Q1)。');
    expect(workbook.sheets).toHaveLength(1);
    expect(sheet.rows.slice(0, 6)).toEqual(exampleRows(3));
    expect(sheet.rows.slice(6, 12)).toEqual(exampleRows(9));
    expect(sheet.rows).toHaveLength(12);
    expect(workbook.writes.every((batch) => batch.every((w) => w.key === undefined))).toBe(true);
  });

  it('goal tiers typed are split like the target into 冲刺目标 and 挑战目标; a stretch below the target is refused on its field', async () => {
    const workbook = new MemoryWorkbook();
    renderGoals(workbook);
    await fillExample();
    await replace('冲刺目标(可选)', '400');
    await userEvent.tab();
    expect(screen.getByText('冲刺目标不能低于目标。')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '冲刺目标(可选)' }).getAttribute('aria-invalid')).toBe('true');
    await replace('冲刺目标(可选)', '550');
    await replace('挑战目标(可选)', '600');
    await userEvent.click(screen.getByRole('button', { name: '写入表2' }));
    await screen.findByText(/写入 6 行/);
    const sheet = workbook.sheet('表2 销售目标分解与跟踪表');
    const header = sheet.plan?.columns.map((c) => c.label) ?? [];
    const [stretch, challenge] = ['冲刺目标', '挑战目标'].map((label) => header.findIndex((h) => h.startsWith(label)));
    const rows = sheet.rows.slice(0, 6);
    expect(rows.reduce((sum, row) => sum + (row[stretch as number] as number), 0)).toBeCloseTo(550, 9);
    expect(rows.reduce((sum, row) => sum + (row[challenge as number] as number), 0)).toBeCloseTo(600, 9);
    // March 华南区: 550 × 1.2/3.2 × 0.6 = 123.75, to the cent.
    expect(rows[4]?.[stretch as number]).toBe(123.75);
  });

  it('appends after the rows of an existing 表2 in English, with portable formulas', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.insertTemplate(planTemplate(goals, { locale: 'en-US', samples: true, portable: true }));
    const sheet = workbook.sheet('T2 Goal Breakdown & Tracking');
    const samples = sheet.rows.slice(0, 2).map((row) => [...row]);
    renderGoals(workbook, 'en-US', true);
    await replace('Period target', '100');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rounding unit' }), '0.01');
    await replace('Region 1 name', 'North');
    await userEvent.click(screen.getByRole('button', { name: 'Write to T2' }));
    await screen.findByText('Appended 3 rows (2024 Q1) to the sheet “T2 Goal Breakdown & Tracking”.');
    expect(sheet.rows.slice(0, 2)).toEqual(samples);
    expect(sheet.rows.slice(2, 5).map((row) => row.slice(0, 6))).toEqual([
      ['2024 Q1', 100, '2024-01', 33.34, 'North', null],
      ['2024 Q1', 100, '2024-02', 33.33, 'North', null],
      ['2024 Q1', 100, '2024-03', 33.33, 'North', null],
    ]);
    expect(String(sheet.rows[2]![7])).not.toContain('SALES.');
    expect(String(sheet.rows[2]![7])).toContain('G5');
  });

  it('a renamed column: the message names sheet and column, nothing is written', async () => {
    const workbook = new MemoryWorkbook();
    const header = goals.columns.map((c) => (c.key === 'region' ? '大区' : c.label['zh-CN']));
    workbook.addTable('表2 销售目标分解与跟踪表', 'GoalTracking', header, []);
    renderGoals(workbook);
    await replace('期间目标', '500');
    await replace('区域 1 名称', '华南区');
    await userEvent.click(screen.getByRole('button', { name: '写入表2' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('工作表“表2 销售目标分解与跟踪表”缺少列“负责区域”(或已改名)。请恢复列标题后重试;未写入任何内容。');
    expect(workbook.writes).toEqual([]);
  });

  it('the button is busy while writing', async () => {
    const workbook = new MemoryWorkbook();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = workbook.writeTables.bind(workbook);
    workbook.writeTables = async (writes) => {
      await gate;
      return write(writes);
    };
    renderGoals(workbook, 'en-US');
    await replace('Period target', '500');
    await replace('Region 1 name', 'East');
    await userEvent.click(screen.getByRole('button', { name: 'Write to T2' }));
    const busy = await screen.findByRole('button', { name: 'Writing…' });
    // Disabled but still focused, so keyboard users keep their place.
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(busy);
    await userEvent.click(busy); // ignored while busy
    release();
    await screen.findByText(/created the sheet “T2 Goal Breakdown & Tracking” and wrote 3 rows/);
    expect(screen.getByRole('button', { name: 'Write to T2' }).getAttribute('aria-disabled')).toBeNull();
    expect(workbook.writes).toHaveLength(1);
  });

  it('the money unit chosen is kept in the workbook, so imports convert into it', async () => {
    const workbook = new MemoryWorkbook();
    renderGoals(workbook);
    await replace('期间目标', '500');
    await replace('区域 1 名称', '华南');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /金额单位/ }), 'CNY 10k');
    await userEvent.click(screen.getByRole('button', { name: '写入表2' }));
    await screen.findByText(/写入 3 行/);
    const { findSettings, workbookMoneyUnit } = await import('../../../src/workbook/dealImport');
    expect(workbookMoneyUnit(await findSettings(workbook))).toEqual({ scale: 10_000, currency: 'CNY' });
  });

  it('a host failure says what to do', async () => {
    const workbook = new MemoryWorkbook();
    workbook.failWith = new Error('The sheet is protected.');
    renderGoals(workbook, 'en-US');
    await replace('Period target', '500');
    await replace('Region 1 name', 'East');
    await userEvent.click(screen.getByRole('button', { name: 'Write to T2' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Could not write to “T2 Goal Breakdown & Tracking”: The sheet is protected. Leave cell-edit mode, check the sheet is not protected, and try again; existing rows were not changed.',
    );
  });

  it('adds and removes rows by keyboard', async () => {
    renderGoals(new MemoryWorkbook(), 'en-US');
    screen.getByRole('button', { name: 'Add month' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Month 4' })).toBeTruthy();
    screen.getByRole('button', { name: 'Remove month 1' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getAllByRole('textbox', { name: /^Month \d$/ }).map((i) => (i as HTMLInputElement).value)).toEqual([
      '2024-02',
      '2024-03',
      '',
    ]);
    expect(screen.getByRole('button', { name: 'Remove region 1' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('numberOrNaN', () => {
  it('reads what people type', () => {
    expect(numberOrNaN('500')).toBe(500);
    expect(numberOrNaN(' 1,250.5 ')).toBe(1250.5);
    expect(numberOrNaN('60%')).toBe(0.6);
    expect(numberOrNaN('５００')).toBe(500);
    expect(numberOrNaN('')).toBeNaN();
    expect(numberOrNaN('5万')).toBeNaN();
    expect(numberOrNaN('1e3')).toBe(1000);
  });
});
