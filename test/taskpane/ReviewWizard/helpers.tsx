/** Shared set-up for the review wizard's component tests: a sample workbook, the rendered wizard, step helpers. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Locale, TEMPLATES, type TemplateId, planTemplate, serialFromDate, templateById } from '../../../src/core';
import { ReviewWizard } from '../../../src/taskpane/ReviewWizard/ReviewWizard';
import { WorkbookContext } from '../../../src/taskpane/workbookContext';
import type { CellValue } from '../../../src/workbook/port';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

const TODAY = serialFromDate(2024, 4, 10);
export const REVIEW_ID = 'R2024-04-10';
export const T1 = '表1 销售现状诊断表';
export const T3 = '表3 优化方案执行跟踪表';
export const PLAN = '执行计划表';
export const LOG = '复盘记录';
export const EVALUATION = '效果评估';
export const ACTION = '华南区高端客户拜访计划';
export const HYPERLINK = '=HYPERLINK("http://x","y")';

export async function withSamples(
  workbook: MemoryWorkbook,
  ids: readonly TemplateId[] = TEMPLATES.map((t) => t.id),
): Promise<MemoryWorkbook> {
  for (const id of ids) {
    const spec = templateById(id);
    await workbook.insertTemplate(planTemplate(spec, { locale: 'zh-CN', samples: true, portable: false }));
  }
  return workbook;
}

export function renderWizard(workbook: MemoryWorkbook, locale: Locale = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookContext.Provider value={workbook}>
        <ReviewWizard locale={locale} today={TODAY} />
      </WorkbookContext.Provider>
    </FluentProvider>,
  );
}

/** The rows of a sheet as records by header label. */
export function records(workbook: MemoryWorkbook, name: string): Record<string, CellValue>[] {
  const sheet = workbook.sheet(name);
  return sheet.rows.map((row) => Object.fromEntries(sheet.header.map((h, c) => [h, row[c] ?? null])));
}
export const ofReview = (rows: Record<string, CellValue>[]) => rows.filter((r) => r['复盘编号'] === REVIEW_ID);

export const user = () => userEvent.setup({ delay: null });
export const heading = () => screen.getByRole('heading', { level: 2 });
export const next = async () => user().click(screen.getByRole('button', { name: '下一步' }));
export const group = (name: string | RegExp) => screen.getByRole('group', { name });
export const findingCards = () => screen.getAllByRole('group', { name: /^问题 \d+$/ });

export async function readWorkbook() {
  await user().click(screen.getByRole('button', { name: /读取/ }));
  await screen.findByText(/已读取 \d+ 张表。/);
}

/** Fills action `n` so it passes SMART, linked to the finding whose text contains `finding`. */
export async function fillAction(n: number, finding: string) {
  const card = group(`措施 ${n}`);
  const select = within(card).getByRole('combobox', { name: /对应问题/ });
  const option = within(select)
    .getAllByRole<HTMLOptionElement>('option')
    .find((o) => o.textContent?.includes(finding));
  if (!option) throw new Error(`no finding option with ${finding}`);
  await user().selectOptions(select, option);
  await user().type(within(card).getByRole('textbox', { name: /措施内容/ }), ACTION);
  await user().type(within(card).getByRole('textbox', { name: /负责人/ }), '区域经理');
  await user().type(within(card).getByLabelText(/^完成时间/), '2024-05-31');
  await user().type(within(card).getByRole('textbox', { name: /目标指标/ }), '华南区月度达成率');
  await user().type(within(card).getByRole('textbox', { name: /目标值/ }), '100%');
}

/** From a fresh wizard: read the workbook and go on to step 4 (actions). */
export async function toActionsStep() {
  await readWorkbook();
  await next();
  await next();
  await next();
}

/** On step 4: add one SMART action linked to the 华南区 finding and go on to step 5. */
export async function addActionAndContinue() {
  await user().click(screen.getByRole('button', { name: '添加措施' }));
  await fillAction(1, '华南区');
  await next();
}
