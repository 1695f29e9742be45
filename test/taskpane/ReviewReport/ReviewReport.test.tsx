/** @jest-environment jsdom */
/**
 * 报告生成 from step 1: the report of the automatic findings is written as the sheet
 * 复盘报告 <review id> through the port, the pane shows its key figures and one captioned figure per
 * chart (each described in words for screen readers), and a second report of the same review
 * replaces the sheet; a host failure is shown, not thrown.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import { REVIEW_ID, readWorkbook, renderWizard, user, withSamples } from '../ReviewWizard/helpers';

const SHEET = `复盘报告 ${REVIEW_ID}`;

test('step 1 writes the report of the automatic findings and shows its figures and four charts', async () => {
  const workbook = await withSamples(new MemoryWorkbook());
  renderWizard(workbook);
  await readWorkbook();
  await user().click(screen.getByRole('button', { name: '生成复盘报告(自动诊断)' }));
  await screen.findByText(`已写入工作表“${SHEET}”。`, { exact: false });
  const written = workbook.reports.get(SHEET);
  expect(written?.plan.cells[0]?.[0]).toBe(SHEET);
  expect(written?.plan.charts.map((c) => c.chart.id)).toEqual(['funnel', 'targetVsActual', 'trend', 'ranking']);
  expect(screen.getByText('此宿主的工作表不能放图表:图表数据在工作表上,图表见下方,可导出图片。', { exact: false })).toBeTruthy();

  const region = screen.getByRole('region', { name: '复盘报告' });
  expect(within(region).getByRole('table', { name: '关键指标' }).textContent).toContain('91.7%');
  // The first report has no earlier one to compare ranks with; its ranking is kept for the next.
  expect(within(region).getByRole('table', { name: '排名与变化' }).textContent).toContain('—');
  expect(workbook.sheet('复盘排名').rows.filter((row) => row[0] === REVIEW_ID).length).toBeGreaterThan(1);
  const charts = await within(region).findByRole('group', { name: '报告图表' });
  const figures = within(charts).getAllByRole('figure');
  expect(figures.map((f) => f.getAttribute('data-chart'))).toEqual(['funnel', 'targetVsActual', 'trend', 'ranking']);
  const funnel = within(charts).getByRole('figure', { name: '销售漏斗' });
  const words = document.getElementById(funnel.getAttribute('aria-describedby') ?? '');
  expect(words?.textContent).toMatch(/^销售漏斗的数据: 线索获取: 数量 100;/);
  expect(funnel.querySelector('svg')).not.toBeNull();

  await user().click(screen.getByRole('button', { name: '生成复盘报告(自动诊断)' }));
  await screen.findByText(`已更新工作表“${SHEET}”(同一复盘编号的报告被替换)。`, { exact: false });
  expect(workbook.sheets.filter((s) => s.name === SHEET)).toHaveLength(1);
});

test('a host that refuses the report shows why; nothing else changes', async () => {
  const workbook = await withSamples(new MemoryWorkbook());
  renderWizard(workbook);
  await readWorkbook();
  workbook.failWith = new Error('The workbook is protected');
  await user().click(screen.getByRole('button', { name: '生成复盘报告(自动诊断)' }));
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert.textContent).toContain('未能写入报告:The workbook is protected'));
  expect(workbook.reports.size).toBe(0);
});
