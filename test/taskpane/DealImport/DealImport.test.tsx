/** @jest-environment jsdom */
/**
 * The 导入 Import tab on an in-memory workbook: a CRM export of the user's own shape is mapped by
 * hand (columns and an unknown stage), previewed with its bad row listed, imported; the next
 * week's file is mapped by the saved mapping alone and changes nothing twice; then a snapshot
 * and the register link.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DealImport } from '../../../src/taskpane/DealImport/DealImport';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

const OWN_CRM = [
  'Opp Ref,Title,Phase,Value,Expected,Rep',
  'X-1,Store POS,Demo Done,120万,2024/3/28,South rep',
  'X-2,Warehouse,Demo Done,50000,2024/4/15,East rep',
  'X-3,Broken,Demo Done,lots,2024/4/15,East rep',
].join('\n');

function file(text: string, name = 'own-crm.csv'): File {
  const bytes = new TextEncoder().encode(text);
  const f = new File([bytes], name);
  // jsdom's File may lack arrayBuffer(); the pane reads files through it.
  if (typeof f.arrayBuffer !== 'function') Object.assign(f, { arrayBuffer: async () => bytes.buffer });
  return f;
}

function renderImport(workbook: MemoryWorkbook) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <DealImport locale="zh-CN" />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

const select = (name: RegExp | string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

test('map by hand, answer a stage, preview, import; next week the saved mapping does it alone', async () => {
  const user = userEvent.setup();
  const workbook = new MemoryWorkbook();
  renderImport(workbook);
  await user.upload(screen.getByTestId('deal-import-input'), file(OWN_CRM, 'own-crm-20240301.csv'));
  await screen.findByText(/own-crm-20240301\.csv:3 行,6 列/);
  // The export's own day, from its file name: the snapshot is kept under it.
  const exportDate = screen.getByRole('textbox', { name: /导出日期/ }) as HTMLInputElement;
  expect(exportDate.value).toBe('2024-03-01');

  // Nothing recognises "Opp Ref" or "Phase": the required fields say so, and the import waits.
  expect(screen.getByRole('alert').textContent).toMatch(/商机编号/);
  expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).getAttribute('aria-disabled')).toBe('true');
  await user.selectOptions(select(/^商机编号/), 'Opp Ref');
  await user.selectOptions(select(/^商机名称/), 'Title');
  await user.selectOptions(select(/^阶段/), 'Phase');
  await user.selectOptions(select(/^金额/), 'Value');
  await user.selectOptions(select(/^预计成交日期/), 'Expected');
  await user.selectOptions(select(/^负责人/), 'Rep');
  expect(screen.queryByRole('alert')).toBeNull();

  // "Demo Done" is asked once for its three rows; until answered those rows are problems.
  expect(screen.getByText('0 个商机可以导入;3 行有问题,将不导入')).toBeTruthy();
  await user.selectOptions(select('“Demo Done”(3 行)'), '方案提交');
  expect(screen.getByText('2 个商机可以导入;1 行有问题,将不导入')).toBeTruthy();
  const problems = screen.getByRole('table', { name: '有问题的行(行、列、值、原因)' });
  expect(within(problems).getByText('lots')).toBeTruthy();

  await user.clear(screen.getByRole('textbox', { name: '保存映射为(下次自动沿用)' }));
  await user.type(screen.getByRole('textbox', { name: '保存映射为(下次自动沿用)' }), '自有CRM');
  await user.clear(exportDate);
  await user.type(exportDate, '3月1日');
  expect(screen.getByText('请填写日期,如 2026-03-05')).toBeTruthy();
  expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).getAttribute('aria-disabled')).toBe('true');
  await user.clear(exportDate);
  await user.type(exportDate, '2024-03-01');
  await user.click(screen.getByRole('button', { name: '导入' }));
  await screen.findByText('新增 2,更新 0,未变 0,标记移除 0,未导入 1 行');
  // The first import is the baseline: no "changes" of deals that were simply there already.
  expect(screen.getByText(/首次导入:这份快照是基线/)).toBeTruthy();
  expect(workbook.active).toBe('商机明细');
  const register = await workbook.readTable({ sheetName: '商机明细' });
  expect(register.rows.map((r) => r[0]).filter(Boolean)).toEqual(['X-1', 'X-2']);
  expect(register.rows[0]?.[register.header.indexOf('阶段')]).toBe('方案提交');

  // Next week: the same source is recognised by the saved mapping, stage answer included.
  await user.upload(screen.getByTestId('deal-import-input'), file(OWN_CRM.replace('120万', '130万'), 'own-crm-20240308.csv'));
  await waitFor(() => expect(select('映射').value).toBe('自有CRM'));
  expect(screen.getByText('2 个商机可以导入;1 行有问题,将不导入')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '导入' }));
  await screen.findByText('新增 0,更新 1,未变 1,标记移除 0,未导入 1 行');
  expect(screen.getByRole('table', { name: '本周变动(与 2024-03-01 相比)' }).textContent).toContain('金额增加');
  // The deal behind the count, and a link to its register row.
  expect(screen.getByText(/X-1 · Store POS · South rep · 1,300,000:1,200,000 → 1,300,000/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '转到第 3 行' }));
  expect(workbook.selection).toEqual({ sheet: '商机明细', row: 2, col: 0 });
  // Both exports are kept, each under its own day.
  const snapshots = await workbook.readTable({ sheetName: '商机快照' });
  expect(new Set(snapshots.rows.map((r) => r[0]).filter(Boolean))).toEqual(new Set(['S-2024-03-01', 'S-2024-03-08']));
  const again = await workbook.readTable({ sheetName: '商机明细' });
  expect(again.rows.map((r) => r[0]).filter(Boolean)).toEqual(['X-1', 'X-2']);

  // 保存快照 and the register link.
  await user.click(screen.getByRole('button', { name: '保存快照' }));
  await screen.findByText(/已保存 2 个商机的快照到“商机快照”/);
  await user.click(screen.getByRole('button', { name: '用商机明细计算漏斗、表2 和预测' }));
  await screen.findByText(/已链接:漏斗 0 行、表2 0 行、预测 2 行\(新增 2 行\)/);
});

test('a file that is no export says so and changes nothing', async () => {
  const user = userEvent.setup({ applyAccept: false });
  const workbook = new MemoryWorkbook();
  renderImport(workbook);
  await user.upload(screen.getByTestId('deal-import-input'), file('x', 'notes.pdf'));
  await screen.findByText(/只能导入 \.csv 或 \.xlsx 文件:notes\.pdf/);
  expect(await workbook.listSheets()).toEqual([]);
});
