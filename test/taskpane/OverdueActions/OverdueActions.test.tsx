/** @jest-environment jsdom */
/**
 * On open, the pane names the meeting action items overdue today and goes to the first (issue 25);
 * nothing is shown when none is overdue or the workbook has no 行动项. Step 5 lists the items to
 * follow, done ones left out, and drafts the next meeting's agenda into 销售例会.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { actionItemsToFollow, analyseWorkbook, diagnose, planTemplate, serialFromDate, templateById, toReadTable } from '../../../src/core';
import { OverdueActions } from '../../../src/taskpane/OverdueActions/OverdueActions';
import { AgendaCard } from '../../../src/taskpane/ReviewWizard/AgendaCard';
import { FollowUpStep } from '../../../src/taskpane/ReviewWizard/FollowUpStep';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import { emptyDraft } from '../../../src/core';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

// 2024-03-25: the samples with their last two items reopened — 与售后建立客户问题共享群 (due 03-15) is 10 days
// overdue, 法务提前介入 is due 03-29; the script stays done.
const NOW = () => new Date(2024, 2, 25, 9);
const TODAY = serialFromDate(2024, 3, 25);

async function withItems(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.insertTemplate(planTemplate(templateById('actionItems'), { locale: 'zh-CN', samples: true, portable: true }));
  const sheet = workbook.sheet('行动项');
  const [status, doneOn] = ['状态', '完成日期'].map((label) => sheet.header.indexOf(label)) as [number, number];
  for (const [row, reopened] of [
    [1, '进行中'],
    [2, '未开始'],
  ] as const) {
    (sheet.rows[row] as unknown[])[status] = reopened;
    (sheet.rows[row] as unknown[])[doneOn] = null;
  }
  return workbook;
}

const renderWith = (workbook: MemoryWorkbook, ui: ReactElement) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>{ui}</WorkbookContext.Provider>
    </FluentProvider>,
  );

test('the banner names the overdue item and opens 行动项 at its row', async () => {
  const workbook = await withItems();
  renderWith(workbook, <OverdueActions locale="zh-CN" now={NOW} />);
  expect(await screen.findByText('1 项例会行动项已逾期')).toBeTruthy();
  expect(screen.getByText(/与售后建立客户问题共享群/).textContent).toContain('与售后建立客户问题共享群(华南区经理,逾期 10 天)');
  expect(screen.queryByText(/客户跟进话术标准化/)).toBeNull(); // done
  expect(screen.queryByText(/法务提前介入/)).toBeNull(); // not yet due
  await userEvent.click(screen.getByRole('button', { name: '打开行动项' }));
  expect(workbook.active).toBe('行动项');
});

test('no banner without 行动项 or with nothing overdue', async () => {
  const { container } = renderWith(new MemoryWorkbook(), <OverdueActions locale="zh-CN" now={NOW} />);
  const early = () => new Date(2024, 2, 1);
  const workbook = await withItems();
  const second = renderWith(workbook, <OverdueActions locale="zh-CN" now={early} />);
  await new Promise((r) => setTimeout(r, 50));
  expect(container.textContent).toBe('');
  expect(second.container.textContent).toBe('');
});

test('step 5 lists the items to follow, done ones left out; the agenda is drafted into 销售例会', async () => {
  const workbook = await withItems();
  const table = await workbook.readTable({ sheetName: '行动项' });
  const data = { actionItems: toReadTable('actionItems', table) };
  const analysis = analyseWorkbook(data, { today: TODAY });
  renderWith(
    workbook,
    <>
      <FollowUpStep
        locale="zh-CN"
        actionItems={actionItemsToFollow(analysis.summary.meetings)}
        items={[]}
        draft={emptyDraft({ today: TODAY, existingIds: [] })}
        raw={{}}
        dispatch={() => undefined}
      />
      <AgendaCard
        locale="zh-CN"
        analysis={analysis}
        findings={diagnose(analysis, { locale: 'zh-CN', today: TODAY })}
        today={TODAY}
        portable
      />
    </>,
  );
  const list = screen.getByRole('table', { name: '例会行动项(待跟进)' });
  expect(list.textContent).toContain('华南区经理 · 与售后建立客户问题共享群');
  expect(list.textContent).toContain('已逾期');
  expect(list.textContent).toContain('大客户经理 · 大客户合同法务提前介入');
  expect(list.textContent).not.toContain('客户跟进话术标准化');

  await userEvent.click(screen.getByRole('button', { name: '起草下次例会议程' }));
  expect((await screen.findByText(/已在“销售例会”新增会议/)).textContent).toContain('M2024-03-25(2024-03-25)');
  const meetings = workbook.sheet('销售例会');
  const agenda = meetings.rows.map((r) => r[meetings.header.indexOf('议程')]).find((v) => typeof v === 'string' && v.startsWith('1.'));
  expect(String(agenda)).toContain('上次行动项未完成:与售后建立客户问题共享群(华南区经理,逾期 10 天)');
});
