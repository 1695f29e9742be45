/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import type { TableWrite, TableWriteResult } from '../../../src/workbook/port';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import {
  ACTION,
  addActionAndContinue,
  EVALUATION,
  fillAction,
  findingCards,
  group,
  heading,
  HYPERLINK,
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

describe('ReviewWizard: end to end and write-back', () => {
  it('walks the five steps on the samples and writes the review back, keyed by its id; a second write updates', async () => {
    const workbook = await withSamples(new MemoryWorkbook());
    const samplesT1 = records(workbook, T1).slice(0, 3);
    renderWizard(workbook);
    expect(heading().textContent).toBe('第 1 步,共 5 步:数据分析');
    expect(screen.getByRole('button', { name: '第 1 步:数据分析' }).getAttribute('aria-current')).toBe('step');

    // 1 数据分析: cleaning report before the KPI summary.
    await readWorkbook();
    const cleaning = screen.getByRole('heading', { name: '数据清洗' });
    // 数据体检 comes first; the samples agree with each other (表2, the register and the forecast all in 万元): nothing to report.
    const checks = screen.getByRole('heading', { name: '数据体检' });
    expect(checks.compareDocumentPosition(cleaning) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText(/很可能单位不同/)).toBeNull();
    expect(screen.getByText('没有发现数据问题。')).toBeTruthy();
    // 截至日期 comes from the data (the samples' latest month with an actual), not from the clock.
    expect(screen.getByText(/^按数据的日期 \d{4}-\d{2}-\d{2}/)).toBeTruthy();
    const kpi = screen.getByRole('heading', { name: 'KPI 汇总' });
    expect(cleaning.compareDocumentPosition(kpi) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('table', { name: '按区域' }).textContent).toContain('91.7%');
    expect(screen.getByText('瓶颈阶段:需求确认')).toBeTruthy();
    expect(screen.getByRole('table', { name: '线索响应超时率' })).toBeTruthy();
    expect(screen.getByText(/共 2 项,已完成 2 项/)).toBeTruthy();
    // The deal register's samples: open pipeline by stage, and the per-stage follow-up limits to edit.
    expect(screen.getByRole('table', { name: '在途商机(按阶段)' }).textContent).toContain('商务谈判');
    expect(screen.getByRole('table', { name: '输单原因排名' }).textContent).toContain('价格');
    // The comparisons: the latest month against target (the samples have no month before it), and the team ranked.
    expect(screen.getByText(/^2024-03:实际 165 \/ 目标 180\(91\.7%\);环比 .+;同比 .+$/)).toBeTruthy();
    expect(screen.getByRole('table', { name: '团队排名' }).textContent).toContain('团队平均');
    await user().click(screen.getByRole('button', { name: '诊断阈值' }));
    expect(screen.getByRole('textbox', { name: '商务谈判:未跟进超过(天)' })).toBeTruthy();

    // 2 过程评估: four areas with evidence; a note survives moving away and back.
    await next();
    expect(heading().textContent).toBe('第 2 步,共 5 步:过程评估');
    expect(document.activeElement).toBe(heading());
    expect(['销售流程', '销售团队', '客户', '市场'].map((name) => group(name).textContent)).toHaveLength(4);
    await user().type(within(group('市场')).getByRole('textbox'), '竞品促销冲击华南');
    await next();
    await user().click(screen.getByRole('button', { name: '上一步' }));
    expect((within(group('市场')).getByRole('textbox') as HTMLTextAreaElement).value).toBe('竞品促销冲击华南');
    await next();

    // 3 问题诊断: the 华南区 finding is proposed as 中 with its 15 gap; add a manual one typed as a formula.
    expect(heading().textContent).toBe('第 3 步,共 5 步:问题诊断');
    const south = findingCards().find((g) =>
      (within(g).getByRole('textbox', { name: /^问题/ }) as HTMLTextAreaElement).value.includes('华南区(区域经理)'),
    );
    if (!south) throw new Error('no 华南区 finding');
    expect((within(south).getByRole('combobox', { name: '影响程度' }) as HTMLSelectElement).value).toBe('medium');
    expect((within(south).getByRole('textbox', { name: '影响' }) as HTMLInputElement).value).toMatch(/15/);
    await user().click(screen.getByRole('button', { name: '添加问题' }));
    const manual = findingCards().at(-1);
    if (!manual) throw new Error('no manual finding');
    expect(within(manual).getByText('手动添加')).toBeTruthy();
    expect(screen.getByText('1 个问题缺少描述。')).toBeTruthy();
    await user().type(within(manual).getByRole('textbox', { name: /^问题/ }), HYPERLINK);
    await user().selectOptions(within(manual).getByRole('combobox', { name: '问题维度' }), '工具');
    const chip = within(manual).getAllByRole('button', { name: /^填入原因/ })[0];
    if (!chip) throw new Error('no cause suggestions for 工具');
    await user().click(chip);
    expect((within(manual).getByRole('textbox', { name: '原因' }) as HTMLTextAreaElement).value).toBe(chip.textContent);
    const findingCount = findingCards().length;
    await next();

    // 4 改进措施
    expect(heading().textContent).toBe('第 4 步,共 5 步:改进措施');
    await user().click(screen.getByRole('button', { name: '添加措施' }));
    await fillAction(1, '华南区');
    expect(screen.queryByText(/不符合 SMART/)).toBeNull();
    await next();

    // 5 持续跟踪: earlier actions with their status; record the effect of the completed one.
    expect(heading().textContent).toBe('第 5 步,共 5 步:持续跟踪');
    const crm = group('CRM系统数据录入规范培训');
    expect(within(crm).getByText('延期 3 天')).toBeTruthy();
    const scripts = group('客户跟进话术标准化');
    expect(within(scripts).getByText('按时')).toBeTruthy();
    await user().type(within(scripts).getByRole('textbox', { name: '效果指标' }), '客户跟进及时率');
    await user().type(within(scripts).getByRole('textbox', { name: '优化前' }), '60%');
    await user().type(within(scripts).getByRole('textbox', { name: '优化后' }), '85%');

    await user().click(screen.getByRole('button', { name: '写回工作簿' }));
    const done = await screen.findByText(`已写入复盘 ${REVIEW_ID}`);
    expect(done.closest('[role="status"]')?.textContent).toContain(`${T1}:新增 ${findingCount} 行`);

    const findings = ofReview(records(workbook, T1));
    expect(findings).toHaveLength(findingCount);
    expect(findings.some((r) => String(r['具体问题描述']).includes('华南区') && r['影响程度'] === '中')).toBe(true);
    const typed = findings.find((r) => r['具体问题描述'] === HYPERLINK);
    expect(typed).toBeTruthy();
    const t1 = workbook.sheet(T1);
    const typedRow = t1.rows.findIndex((row) => row[1] === HYPERLINK);
    expect(t1.formulas.has(`${typedRow}:1`)).toBe(false);
    expect(records(workbook, T1).slice(0, 3)).toEqual(samplesT1);
    expect(ofReview(records(workbook, PLAN)).map((r) => r['任务内容'])).toEqual([ACTION]);
    // The target is written as typed (100%), not as the bare number 1.
    expect(String(ofReview(records(workbook, PLAN))[0]?.['输出成果'])).toContain('华南区月度达成率 100%');
    expect(ofReview(records(workbook, T3)).map((r) => r['优化措施'])).toEqual([ACTION]);
    expect(ofReview(records(workbook, EVALUATION)).map((r) => [r['指标'], r['优化前'], r['优化后']])).toEqual([
      ['客户跟进及时率', 0.6, 0.85],
    ]);
    const log = ofReview(records(workbook, LOG));
    expect(log).toHaveLength(1);
    expect(log[0]?.['改进措施数']).toBe(1);
    expect(String(log[0]?.['过程评估'])).toContain('竞品促销冲击华南');
    // One batch for the review; the report's ranking (复盘排名) is a batch of its own.
    const reviewBatches = () => workbook.writes.filter((batch) => batch.some((w) => w.location.sheetName === T1));
    expect(reviewBatches()).toHaveLength(1);
    expect(workbook.writes.at(-1)?.map((w) => w.location.sheetName)).toEqual(['复盘排名']);

    // Writing the same review again updates its rows.
    const sizes = [T1, PLAN, T3, EVALUATION, LOG].map(
      (name) => workbook.sheet(name).rows.filter((r) => r.some((c) => c !== null && c !== '')).length,
    );
    await user().click(screen.getByRole('button', { name: '写回工作簿' }));
    await waitFor(() => expect(reviewBatches()).toHaveLength(2));
    await screen.findByText(`已写入复盘 ${REVIEW_ID}`);
    expect(
      [T1, PLAN, T3, EVALUATION, LOG].map((name) => workbook.sheet(name).rows.filter((r) => r.some((c) => c !== null && c !== '')).length),
    ).toEqual(sizes);
    expect(ofReview(records(workbook, T1))).toHaveLength(findings.length);
    expect(ofReview(records(workbook, LOG))).toHaveLength(1);
    expect(screen.getByText(new RegExp(`${T1}:新增 0 行,更新 ${findings.length} 行`))).toBeTruthy();

    // The last step also writes the 复盘报告 of this review, with the draft's findings and actions; the second write replaced it.
    const report = workbook.reports.get(`复盘报告 ${REVIEW_ID}`);
    expect(report).toBeDefined();
    const cells = report?.plan.cells.flat() ?? [];
    expect(cells).toContain(HYPERLINK);
    expect(cells).toContain(ACTION);
    await screen.findByText(`已更新工作表“复盘报告 ${REVIEW_ID}”(同一复盘编号的报告被替换)。`, { exact: false });
  });

  it('a renamed column stops the write with a message naming the sheet and column, and nothing is written', async () => {
    const workbook = await withSamples(new MemoryWorkbook());
    renderWizard(workbook);
    await toActionsStep();
    await addActionAndContinue();
    const t1 = workbook.sheet(T1);
    t1.header[3] = '严重程度';
    const before = JSON.stringify(workbook.sheets.map((s) => s.rows));
    await user().click(screen.getByRole('button', { name: '写回工作簿' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(T1);
    expect(alert.textContent).toContain('影响程度');
    expect(alert.textContent).toContain('未写入任何内容');
    expect(JSON.stringify(workbook.sheets.map((s) => s.rows))).toBe(before);
    expect(workbook.writes).toHaveLength(0);
  });

  it('a header changed after the re-read makes the host refuse: the WorkbookError shows and nothing is written', async () => {
    class RenamingWorkbook extends MemoryWorkbook {
      override async writeTables(writes: readonly TableWrite[]): Promise<readonly TableWriteResult[]> {
        this.sheet(T3).header[1] = '执行人';
        return super.writeTables(writes);
      }
    }
    const workbook = await withSamples(new RenamingWorkbook());
    renderWizard(workbook);
    await toActionsStep();
    await addActionAndContinue();
    const before = JSON.stringify(workbook.sheets.map((s) => s.rows));
    await user().click(screen.getByRole('button', { name: '写回工作簿' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('写入失败,未写入任何内容');
    // The in-memory host words its refusal in English; the pane shows it as it is.
    expect(alert.textContent).toContain(`"${T3}" has no column "责任人"`);
    expect(JSON.stringify(workbook.sheets.map((s) => s.rows))).toBe(before);
  });
});
