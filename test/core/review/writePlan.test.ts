/**
 * Step 6 on the documents' samples: the write plan's content, carried out by the in-memory port
 * with the shared placement rules — twice, with no duplicates; user text stays text; a missing
 * sheet, a renamed column or a due date that is not a date stops everything with a message.
 */
import {
  type Action,
  type Locale,
  type ReviewDraft,
  TEMPLATES,
  type TableWrite,
  type WorkbookData,
  analyseWorkbook,
  diagnose,
  emptyDraft,
  planReviewWrite,
  planTemplate,
  serialFromDate,
  toReadTable,
} from '../../../src/core';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import { TODAY, edit, sampleData } from './fixtures';

const HYPERLINK = '=HYPERLINK("http://x","y")';
const REVIEW = 'R2024-04-01';

function draftFor(data: WorkbookData, locale: Locale = 'zh-CN'): ReviewDraft {
  const analysis = analyseWorkbook(data, { today: TODAY });
  const south = diagnose(analysis, { locale, today: TODAY, moneyUnit: '万' }).filter((f) => f.id === 'goals.belowTarget:r3');
  const manual = {
    id: 'm1',
    dimension: 'tools' as const,
    problem: HYPERLINK,
    impact: '+1 day',
    cause: '@mention',
    severity: 'low' as const,
    origin: 'manual' as const,
  };
  const action: Action = {
    id: 'a1',
    findingId: 'goals.belowTarget:r3',
    task: '加大高端客户拜访频次',
    owner: '区域经理',
    start: null,
    due: serialFromDate(2024, 4, 30),
    output: '拜访记录',
    resources: '销售部',
    metric: '月度达成率',
    targetValue: 1,
  };
  return {
    ...emptyDraft({ today: TODAY, existingIds: [] }),
    participants: '销售经理、区域经理',
    findings: [...south, manual],
    actions: [action],
    followUps: [
      {
        row: 1,
        actual: serialFromDate(2024, 3, 28),
        quality: 'Excellent',
        metric: '数据录入完整率',
        before: 0.7,
        after: 0.9,
        goalChange: 0.2,
      },
    ],
  };
}

/** A write with each formula evaluated at one row, for comparing plans. */
const comparable = (writes: readonly TableWrite[]) =>
  JSON.stringify(
    writes.map((w) => ({ ...w, rows: w.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c.formulaAt(9) : c))) })),
  );

function planned(draft: ReviewDraft, data: WorkbookData, locale: Locale = 'zh-CN', portable = false): TableWrite[] {
  const plan = planReviewWrite(draft, data, { locale, portable });
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.writes;
}

describe('planReviewWrite: content', () => {
  const data = sampleData();
  const draft = draftFor(data);
  const plan = planReviewWrite(draft, data, { locale: 'zh-CN', portable: false });
  if (!plan.ok) throw new Error('plan failed');
  const write = (sheet: string) => plan.writes.find((w) => w.location.sheetName === sheet)!;

  it('writes 表1, 执行计划表, 表3, 效果评估 and 复盘记录, each keyed by the review id', () => {
    expect(plan.writes.map((w) => [w.location.sheetName, w.key])).toEqual([
      ['表1 销售现状诊断表', { column: 7, value: REVIEW }],
      ['执行计划表', { column: 7, value: REVIEW }],
      ['表3 优化方案执行跟踪表', { column: 8, value: REVIEW }],
      ['效果评估', { column: 7, value: REVIEW }],
      ['复盘记录', { column: 0, value: REVIEW }],
    ]);
    expect(plan.summary).toEqual({ findings: 2, planRows: 1, executionRows: 1, followUpUpdates: 1, evaluationRows: 1, reviewLogRows: 1 });
  });

  it('the 表1 row: dimension, problem → impact → cause, 中, source and date, review id', () => {
    const t1 = write('表1 销售现状诊断表');
    expect(t1.header).toEqual(['问题维度', '具体问题描述', '影响', '影响程度', '根本原因分析', '来源', '记录日期', '复盘编号']);
    expect(t1.rows[0]).toEqual([
      '目标达成',
      '华南区(区域经理) 2024-03 未达成月度目标:达成率 91.7%(实际 165万 / 目标 180万)',
      '差距 15万,占季度目标 500万 的 3.0%',
      '中',
      '受竞品促销影响,下周加大高端客户拜访频次',
      `复盘 ${REVIEW}`,
      TODAY,
      REVIEW,
    ]);
    expect(t1.rows[1]?.slice(0, 5)).toEqual(['工具', HYPERLINK, '+1 day', '低', '@mention']);
    expect(t1.computed.every((c) => !c)).toBe(true);
  });

  it('the action in 执行计划表 (start = the review date, target with the output) and 表3, with formulas at the landing row', () => {
    const [row] = write('执行计划表').rows;
    expect(row?.slice(0, 6)).toEqual([
      '加大高端客户拜访频次',
      '区域经理',
      TODAY,
      serialFromDate(2024, 4, 30),
      '拜访记录(目标:月度达成率 1)',
      '销售部',
    ]);
    const duration = row?.[6];
    if (duration === null || typeof duration !== 'object' || duration === undefined) throw new Error('工期 is a formula');
    expect(duration.formulaAt(9)).toBe('=IF(OR(C10="",D10=""),"",D10-C10+1)');
    const t3 = write('表3 优化方案执行跟踪表');
    expect(t3.rows[0]?.slice(0, 6)).toEqual(['加大高端客户拜访频次', '区域经理', serialFromDate(2024, 4, 30), null, null, null]);
    expect(t3.computed).toEqual([false, false, false, false, false, false, true, true, false]);
    const delay = t3.rows[0]?.[6];
    expect(delay !== null && typeof delay === 'object' && delay?.formulaAt(4)).toBe('=SALES.DELAY(C5,D5)');
  });

  it('the follow-up: a guarded update of the CRM training row, and its before/after into 效果评估', () => {
    expect(write('表3 优化方案执行跟踪表').updates).toEqual([
      {
        row: 1,
        expect: [{ column: 0, value: 'CRM系统数据录入规范培训' }],
        cells: [
          { column: 3, value: serialFromDate(2024, 3, 28) },
          { column: 4, value: '优' },
        ],
      },
    ]);
    expect(write('效果评估').rows[0]?.filter((c) => c === null || typeof c !== 'object')).toEqual([
      '数据录入完整率',
      null,
      0.7,
      0.9,
      0.2,
      REVIEW,
      null, // 成员 and 分组: a review's metric is no pilot member
      null,
      null, // 试点开始: nor a pilot over the register
    ]);
  });

  it('the review-log row', () => {
    expect(write('复盘记录').rows).toEqual([
      [
        REVIEW,
        TODAY,
        '2024-04',
        '销售经理、区域经理',
        '总体达成率 91.7%;漏斗瓶颈:需求确认;线索超时率 B 100.0%;措施完成率 100.0%,逾期 0 项',
        '',
        `[中] 华南区(区域经理) 2024-03 未达成月度目标:达成率 91.7%(实际 165万 / 目标 180万);[低] ${HYPERLINK}`,
        1,
        TODAY + 30,
      ],
    ]);
  });

  it('the same draft twice gives the same writes', () => {
    expect(comparable(planned(draft, data))).toBe(comparable(plan.writes));
  });

  it('portable formulas use the native equivalents', () => {
    const t3 = planned(draft, data, 'zh-CN', true).find((w) => w.location.sheetName === '表3 优化方案执行跟踪表')!;
    const delay = t3.rows[0]?.[6];
    expect(delay !== null && typeof delay === 'object' && delay?.formulaAt(4)).not.toContain('SALES.');
  });
});

describe('planReviewWrite: carried out by the in-memory port', () => {
  async function workbookWithSamples(locale: Locale): Promise<MemoryWorkbook> {
    const book = new MemoryWorkbook();
    for (const spec of TEMPLATES) await book.insertTemplate(planTemplate(spec, { locale, samples: true, portable: false }));
    return book;
  }
  async function read(book: MemoryWorkbook): Promise<WorkbookData> {
    const data: WorkbookData = {};
    for (const spec of TEMPLATES) {
      const sheet = book.sheets.find((s) => s.plan?.templateId === spec.id);
      if (sheet) data[spec.id] = toReadTable(spec.id, await book.readTable({ sheetName: sheet.name }));
    }
    return data;
  }

  it.each(['zh-CN', 'en-US'] as const)('writes twice without duplicates; =HYPERLINK stays text (%s sheets)', async (locale) => {
    const book = await workbookWithSamples(locale);
    const draft = draftFor(await read(book), locale);
    for (let run = 0; run < 2; run++) {
      const data = await read(book);
      await book.writeTables(planned(draft, data, locale));
    }
    const sheet = (id: string) => book.sheets.find((s) => s.plan?.templateId === id)!;
    const keyed = (id: string, key: number) => sheet(id).rows.filter((r) => r[key] === REVIEW);
    expect(keyed('diagnosis', 7)).toHaveLength(2);
    expect(keyed('plan', 7)).toHaveLength(1);
    expect(keyed('execution', 8)).toHaveLength(1);
    expect(keyed('evaluation', 7)).toHaveLength(1);
    expect(keyed('reviewLog', 0)).toHaveLength(1);

    const t1 = sheet('diagnosis');
    const at = t1.rows.findIndex((r) => r[1] === HYPERLINK);
    expect(at).toBe(4); // after the three samples and the 华南区 row, in the first blank rows
    expect(t1.formulas.has(`${at}:1`)).toBe(false);
    expect(t1.rows[3]?.[3]).toBe(locale === 'zh-CN' ? '中' : 'Medium');
    expect(t1.rows[3]?.[0]).toBe(locale === 'zh-CN' ? '目标达成' : 'Goal attainment');
    expect(t1.rows[3]?.[5]).toBe(locale === 'zh-CN' ? `复盘 ${REVIEW}` : `Review ${REVIEW}`);
    expect(t1.rows.slice(0, 3).map((r) => r[7])).toEqual([null, null, null]); // the samples untouched

    const t3 = sheet('execution');
    expect(t3.rows[1]?.slice(3, 5)).toEqual([serialFromDate(2024, 3, 28), locale === 'zh-CN' ? '优' : 'Excellent']);
    const actionRow = t3.rows.findIndex((r) => r[8] === REVIEW);
    expect(t3.rows[actionRow]?.[6]).toBe(`=SALES.DELAY(C${actionRow + 3},D${actionRow + 3})`);
    expect(book.writes[1]!.map((w) => w.location.sheetName)).toEqual(book.writes[0]!.map((w) => w.location.sheetName));
  });

  it('a second run with fewer findings clears the dropped row instead of leaving it', async () => {
    const book = await workbookWithSamples('zh-CN');
    const draft = draftFor(await read(book));
    await book.writeTables(planned(draft, await read(book)));
    await book.writeTables(planned({ ...draft, findings: draft.findings.slice(0, 1) }, await read(book)));
    const t1 = book.sheets.find((s) => s.plan?.templateId === 'diagnosis')!;
    expect(t1.rows.filter((r) => r[7] === REVIEW)).toHaveLength(1);
    expect(t1.rows.some((r) => r[1] === HYPERLINK)).toBe(false);
  });
});

describe('planReviewWrite: checks before any write', () => {
  const data = sampleData();
  const draft = draftFor(data);
  const errorsOf = (d: ReviewDraft, w: WorkbookData) => {
    const plan = planReviewWrite(d, w, { locale: 'zh-CN', portable: false });
    return plan.ok ? [] : plan.errors.map((e) => ({ sheet: e.sheet, column: e.column, zh: e.message['zh-CN'] }));
  };

  it('names a target sheet that is absent (the pane inserts it first)', () => {
    const { diagnosis: _gone, ...rest } = data;
    expect(errorsOf(draft, rest)).toEqual([
      { sheet: '表1 销售现状诊断表', column: undefined, zh: '工作表“表1 销售现状诊断表”不存在。请先插入该模板,再写入;未写入任何内容。' },
    ]);
  });

  it('names a missing or renamed column', () => {
    const plan = data.plan!;
    const renamed = edit(
      plan,
      {},
      plan.header.map((h) => (h === '完成时间' ? '截止日期' : h)),
    );
    expect(errorsOf(draft, { ...data, plan: renamed })).toEqual([
      { sheet: '执行计划表', column: '完成时间', zh: '工作表“执行计划表”缺少列“完成时间”(或已改名)。请恢复列标题后重试;未写入任何内容。' },
    ]);
  });

  it('refuses a due date that is not a date, naming sheet and column', () => {
    const bad = { ...draft, actions: draft.actions.map((a) => ({ ...a, due: Number.NaN })) };
    expect(errorsOf(bad, data)).toEqual([
      { sheet: '执行计划表', column: '完成时间', zh: '“执行计划表”的“完成时间”是日期列,措施“加大高端客户拜访频次”的值“NaN”不是日期。' },
      {
        sheet: '表3 优化方案执行跟踪表',
        column: '计划完成时间',
        zh: '“表3 优化方案执行跟踪表”的“计划完成时间”是日期列,措施“加大高端客户拜访频次”的值“NaN”不是日期。',
      },
    ]);
    const text = { ...draft, actions: draft.actions.map((a) => ({ ...a, due: '下周' as unknown as number })) };
    expect(errorsOf(text, data)[0]?.column).toBe('完成时间');
  });

  it('refuses empty required text and a follow-up of a row that is not there', () => {
    const bad = { ...draft, findings: [{ ...draft.findings[0]!, problem: ' ' }], followUps: [{ row: 40, actual: null, quality: '' }] };
    expect(errorsOf(bad, data).map((e) => [e.sheet, e.column])).toEqual([
      ['表1 销售现状诊断表', '具体问题描述'],
      ['表3 优化方案执行跟踪表', undefined],
    ]);
  });

  it('an unneeded sheet may be absent; an empty review id is refused', () => {
    const { evaluation: _e, ...rest } = data;
    expect(planReviewWrite({ ...draft, followUps: [] }, rest, { locale: 'zh-CN', portable: false }).ok).toBe(true);
    expect(errorsOf({ ...draft, reviewId: '' }, data)[0]?.zh).toBe('复盘编号为空。');
  });

  it('an analysis passed in is used for the log instead of recomputing', () => {
    const analysis = analyseWorkbook({}, { today: TODAY });
    const plan = planReviewWrite(draft, data, { locale: 'zh-CN', portable: false, analysis });
    expect(plan.ok && plan.writes.at(-1)?.rows[0]?.[4]).toBe('');
  });
});
