/** @jest-environment jsdom */
/**
 * 预测提报 in the pane: a call is a new row of 预测提报 (inserted when missing) with the week, the
 * period and the time; the manager's adjustment is another row that keeps the rep's call; reps of
 * 组织架构 who have not called are flagged; the scope narrows the list to the viewer's team.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { planTemplate, serialFromDate, templateById } from '../../../src/core';
import { ForecastCalls } from '../../../src/taskpane/ForecastCalls/ForecastCalls';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

// Wednesday 2024-03-20, 10:30: the week of Monday 2024-03-18, in 2024 Q1.
const NOW = () => new Date(2024, 2, 20, 10, 30);

async function workbookWithOrg(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.insertTemplate(planTemplate(templateById('orgChart'), { locale: 'zh-CN', samples: true, portable: true }));
  return workbook;
}

function renderCalls(workbook: MemoryWorkbook) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <ForecastCalls locale="zh-CN" portable now={NOW} />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

async function type(label: string, text: string) {
  // The rep field offers 组织架构's names (a datalist): a combobox.
  const input = screen.getByRole(label === '负责人' ? 'combobox' : 'textbox', { name: label });
  await userEvent.clear(input);
  await userEvent.type(input, text);
}

/** The data rows of 预测提报 as objects keyed by header label (money headers carry their unit). */
function callRows(workbook: MemoryWorkbook) {
  const sheet = workbook.sheet('预测提报');
  return sheet.rows
    .filter((row) => row[1] !== null && row[1] !== undefined)
    .map((row) => Object.fromEntries(sheet.header.map((h, i) => [h.replace(/\(.*\)$/, ''), row[i]])));
}

test('a call, then the manager’s adjustment: two rows, the rep’s call kept; reps without a call are flagged', async () => {
  const workbook = await workbookWithOrg();
  renderCalls(workbook);
  const table = await screen.findByRole('table', { name: '各负责人的最新预测' });
  // 组织架构's reps in force, none has called.
  expect(within(table).getAllByText('从未提报')).toHaveLength(3);

  await type('负责人', '华南区销售');
  await type('承诺', '90');
  await type('最可能', '110');
  await type('提报人', '华南区销售');
  await userEvent.click(screen.getByRole('button', { name: '提交预测' }));
  await screen.findByText('已在“预测提报”追加一行:华南区销售 承诺 90(第 2024-03-18 周)。');
  const [first] = callRows(workbook);
  expect(first).toMatchObject({
    提报周: serialFromDate(2024, 3, 18),
    负责人: '华南区销售',
    期间开始: serialFromDate(2024, 1, 1),
    期间结束: serialFromDate(2024, 3, 31),
    提报承诺: 90,
    提报最可能: 110,
    经理调整承诺: null,
    提报人: '华南区销售',
  });
  expect(first?.['提报时间']).toBeCloseTo(serialFromDate(2024, 3, 20) + 10.5 / 24, 9);
  expect(within(screen.getByRole('table', { name: '各负责人的最新预测' })).getAllByText('从未提报')).toHaveLength(2);

  await type('查看人', '华南区经理');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: '调整谁的承诺' }), '华南区销售');
  await type('调整后承诺', '80');
  await userEvent.click(screen.getByRole('button', { name: '保存调整' }));
  expect(await screen.findByText('请写明调整原因。')).toBeTruthy();
  await type('调整说明', '客户A合同仍在法务审核');
  await userEvent.click(screen.getByRole('button', { name: '保存调整' }));
  await screen.findByText('已追加调整:华南区销售 采用承诺 80,原提报保留。');
  const rows = callRows(workbook);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toEqual(first);
  expect(rows[1]).toMatchObject({
    负责人: '华南区销售',
    提报承诺: 90,
    经理调整承诺: 80,
    调整说明: '客户A合同仍在法务审核',
    提报人: '华南区经理',
  });
  const south = within(screen.getByRole('table', { name: '各负责人的最新预测' }))
    .getByText('华南区销售')
    .closest('tr');
  expect(south?.textContent).toContain('80(经理调整,原 90)');
});

test('the scope: 下属 shows the viewer’s team only; a rep must be named and a commit be a number', async () => {
  const workbook = await workbookWithOrg();
  renderCalls(workbook);
  await screen.findByRole('table', { name: '各负责人的最新预测' });
  await type('查看人', '华东区经理');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: '范围' }), '下属');
  const table = screen.getByRole('table', { name: '各负责人的最新预测' });
  expect(within(table).queryByText('华南区销售')).toBeNull();
  expect(within(table).getByText('华东区销售')).toBeTruthy();

  await userEvent.click(screen.getByRole('button', { name: '提交预测' }));
  expect(await screen.findByText('请填写负责人。')).toBeTruthy();
  await type('负责人', '华东区销售');
  await type('承诺', '五十');
  await userEvent.click(screen.getByRole('button', { name: '提交预测' }));
  expect(await screen.findByText('请输入数字,例如 80。')).toBeTruthy();
  expect(workbook.sheets.map((s) => s.name)).not.toContain('预测提报 (2)');
});
