/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import type { TableLocation, TableSnapshot } from '../../../src/workbook/port';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import {
  addActionAndContinue,
  fillAction,
  findingCards,
  group,
  heading,
  LOG,
  next,
  ofReview,
  PLAN,
  readWorkbook,
  records,
  renderWizard,
  REVIEW_ID,
  T1,
  T3,
  toActionsStep,
  user,
  withSamples,
} from './helpers';

describe('ReviewWizard: steps', () => {
  it('SMART issues show on their fields and block Next and the later steps until fixed', async () => {
    const workbook = await withSamples(new MemoryWorkbook());
    renderWizard(workbook);
    await toActionsStep();
    await user().click(screen.getByRole('button', { name: '添加措施' }));
    const card = group('措施 1');
    const nextButton = screen.getByRole('button', { name: '下一步' });
    expect(nextButton.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('还有 5 处不符合 SMART,改正后才能写入。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '第 5 步:持续跟踪' }).getAttribute('aria-disabled')).toBe('true');
    const message = (field: HTMLElement) =>
      document.getElementById(
        field
          .getAttribute('aria-describedby')
          ?.split(' ')
          .find((id) => id.includes('validationMessage')) ?? '',
      )?.textContent;
    const owner = within(card).getByRole('textbox', { name: /负责人/ });
    expect(owner.getAttribute('aria-invalid')).toBe('true');
    expect(message(owner)).toBe('请指定一位负责人。');
    expect(message(within(card).getByLabelText(/^完成时间/))).toBe('请填写完成时间(日期)。');
    expect(message(within(card).getByRole('textbox', { name: /目标指标/ }))).toMatch(/^请写明衡量指标和目标值/);
    expect(message(within(card).getByRole('combobox', { name: /对应问题/ }))).toBe('请关联一个诊断出的问题。');

    // A due date that is not after today, and a target that is not a number, say so.
    await user().type(within(card).getByLabelText(/^完成时间/), '2024-04-10');
    expect(message(within(card).getByLabelText(/^完成时间/))).toBe('完成时间须晚于今天。');
    await user().type(within(card).getByRole('textbox', { name: /目标值/ }), '很多');
    expect(message(within(card).getByRole('textbox', { name: /目标值/ }))).toBe('请输入数字(可带 %)');
    await user().click(nextButton);
    expect(heading().textContent).toBe('第 4 步,共 5 步:改进措施');

    await user().clear(within(card).getByLabelText(/^完成时间/));
    await user().clear(within(card).getByRole('textbox', { name: /目标值/ }));
    await fillAction(1, '华南区');
    expect(owner.getAttribute('aria-invalid')).not.toBe('true');
    expect(nextButton.getAttribute('aria-disabled')).toBeNull();
    await next();
    expect(heading().textContent).toBe('第 5 步,共 5 步:持续跟踪');
    expect(screen.getByRole('button', { name: '写回工作簿' }).getAttribute('aria-disabled')).toBeNull();

    // Back on step 4, a new incomplete action blocks the write again.
    await user().click(screen.getByRole('button', { name: '第 4 步:改进措施' }));
    await user().click(screen.getByRole('button', { name: '添加措施' }));
    await user().click(screen.getByRole('button', { name: '第 5 步:持续跟踪' }));
    expect(heading().textContent).toBe('第 4 步,共 5 步:改进措施');
    await user().click(screen.getByRole('button', { name: '删除措施 2' }));
    await next();
    expect(workbook.writes).toHaveLength(0);
  });

  it('names the missing sheets, inserts one without samples on request, and inserts missing targets before writing', async () => {
    const workbook = await withSamples(new MemoryWorkbook(), ['goals']);
    renderWizard(workbook);
    await readWorkbook();
    const missing = screen.getByRole('region', { name: '缺少的工作表' });
    expect(within(missing).getByText('销售漏斗')).toBeTruthy();
    expect(within(missing).queryByText('表2 销售目标分解与跟踪表')).toBeNull();
    await user().click(screen.getByRole('button', { name: '插入模板 销售漏斗' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: '缺少的工作表' })).queryByText('销售漏斗')).toBeNull());
    const funnel = workbook.sheet('销售漏斗');
    expect(
      funnel.rows.every((row) => row.every((cell, c) => cell === null || funnel.formulas.has(`${funnel.rows.indexOf(row)}:${c}`))),
    ).toBe(true);

    await next();
    await next();
    expect(
      findingCards().some((g) => (within(g).getByRole('textbox', { name: /^问题/ }) as HTMLTextAreaElement).value.includes('华南区')),
    ).toBe(true);
    await next();
    await addActionAndContinue();
    expect(screen.getByText('没有以往复盘的未结措施。')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: '写回工作簿' }));
    await screen.findByText(`已写入复盘 ${REVIEW_ID}`);
    expect(screen.getByText(/已先插入缺少的表:/).textContent).toContain(T1);
    for (const name of [T1, PLAN, T3, LOG]) expect(ofReview(records(workbook, name)).length).toBeGreaterThan(0);
    expect(ofReview(records(workbook, T1)).length).toBe(records(workbook, T1).filter((r) => r['具体问题描述'] !== null).length);
  });

  it('shows read progress by sheet and row count', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class SlowWorkbook extends MemoryWorkbook {
      override async readTable(location: TableLocation, onProgress?: (read: number, total: number) => void): Promise<TableSnapshot> {
        if (location.sheetName.startsWith('表2')) {
          onProgress?.(12000, 100000);
          await gate;
        }
        return super.readTable(location, onProgress);
      }
    }
    const workbook = await withSamples(new SlowWorkbook(), ['goals']);
    renderWizard(workbook);
    await user().click(screen.getByRole('button', { name: '读取工作簿' }));
    expect((await screen.findByText('读取 表2 销售目标分解与跟踪表… 12,000/100,000 行')).closest('[role="status"]')).toBeTruthy();
    expect(screen.getByRole('button', { name: '读取工作簿' }).hasAttribute('disabled')).toBe(true);
    release();
    await screen.findByText(/已读取 1 张表。/);
  });

  it('a failing read shows the error and keeps the step blocked', async () => {
    const workbook = await withSamples(new MemoryWorkbook(), ['goals']);
    workbook.failWith = new Error('The workbook is busy');
    renderWizard(workbook, 'en-US');
    expect(screen.getByText('Read the workbook first.')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Read workbook' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the workbook: The workbook is busy');
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    expect(heading().textContent).toBe('Step 1 of 5: Data analysis');
  });

  it('reading again keeps edited findings, leaves deleted ones out and keeps the actions typed', async () => {
    const workbook = await withSamples(new MemoryWorkbook());
    renderWizard(workbook);
    await readWorkbook();
    await next();
    await next();
    const count = findingCards().length;
    const problem = (card: HTMLElement) => (within(card).getByRole('textbox', { name: /^问题/ }) as HTMLTextAreaElement).value;
    const [first, second] = findingCards();
    if (!first || !second) throw new Error('expected proposed findings');
    const deleted = problem(first);
    await user().click(within(first).getByRole('button', { name: '删除问题 1' }));
    expect(findingCards()).toHaveLength(count - 1);
    const edited = findingCards()[0];
    if (!edited) throw new Error('no finding left');
    await user().type(within(edited).getByRole('textbox', { name: '影响' }), '(已核实)');
    const editedText = problem(edited);
    await next();
    await user().click(screen.getByRole('button', { name: '添加措施' }));
    await user().type(within(group('措施 1')).getByRole('textbox', { name: /负责人/ }), '销售经理');

    await user().click(screen.getByRole('button', { name: '第 1 步:数据分析' }));
    await user().click(screen.getByRole('button', { name: '重新读取' }));
    await screen.findByText(/已读取 \d+ 张表。/);
    await user().click(screen.getByRole('button', { name: '第 3 步:问题诊断' }));
    expect(findingCards()).toHaveLength(count - 1);
    expect(findingCards().map(problem)).not.toContain(deleted);
    const kept = findingCards().find((card) => problem(card) === editedText);
    expect((within(kept as HTMLElement).getByRole('textbox', { name: '影响' }) as HTMLInputElement).value.endsWith('(已核实)')).toBe(true);
    await user().click(screen.getByRole('button', { name: '第 4 步:改进措施' }));
    expect((within(group('措施 1')).getByRole('textbox', { name: /负责人/ }) as HTMLInputElement).value).toBe('销售经理');
  });

  it('works from the keyboard alone', async () => {
    const workbook = await withSamples(new MemoryWorkbook());
    renderWizard(workbook, 'en-US');
    const u = user();
    const read = screen.getByRole('button', { name: 'Read workbook' });
    for (let i = 0; i < 10 && document.activeElement !== read; i++) await u.tab();
    expect(document.activeElement).toBe(read);
    await u.keyboard('{Enter}');
    await screen.findByText(/Read \d+ tables\./);
    const nextButton = screen.getByRole('button', { name: 'Next' });
    for (let i = 0; i < 40 && document.activeElement !== nextButton; i++) await u.tab();
    expect(document.activeElement).toBe(nextButton);
    await u.keyboard(' ');
    expect(heading().textContent).toBe('Step 2 of 5: Process evaluation');
    expect(document.activeElement).toBe(heading());
    await u.tab();
    await u.keyboard('Team is short of two reps');
    expect(screen.getAllByRole('textbox').some((t) => (t as HTMLTextAreaElement).value === 'Team is short of two reps')).toBe(true);
  });

  it('keeps the review when the pane shows another tab and comes back', async () => {
    const workbook = await withSamples(new MemoryWorkbook(), ['goals']);
    const first = renderWizard(workbook);
    await readWorkbook();
    await next();
    await user().type(within(group('市场')).getByRole('textbox'), '竞品促销');
    first.unmount();
    renderWizard(workbook);
    expect(heading().textContent).toBe('第 2 步,共 5 步:过程评估');
    expect((within(group('市场')).getByRole('textbox') as HTMLTextAreaElement).value).toBe('竞品促销');
  });
});
