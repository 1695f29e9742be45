/** The breakdown as 表2 rows: sheet column order and language, formulas at the landing row, append only. */
import { TEMPLATES, planTemplate } from '../../../src/core';
import { type GoalBreakdown, breakDownGoal, goalTableWrite } from '../../../src/core/goals';

const goals = TEMPLATES.find((t) => t.id === 'goals')!;

function example(): GoalBreakdown {
  const result = breakDownGoal({
    period: '2024 Q1',
    target: 500,
    months: ['1月', '2月', '3月'],
    seasonality: [1, 1, 1.2],
    regions: [
      { name: '华南区', owner: '区域经理', weight: 0.6 },
      { name: '华东区', weight: 0.4 },
    ],
    unit: 0.01,
  });
  if (!result.ok) throw new Error('invalid example');
  return result.breakdown;
}

const headerOf = (locale: 'zh-CN' | 'en-US') =>
  planTemplate(goals, { locale, samples: false, portable: false }).columns.map((c) => c.label);

describe('goalTableWrite', () => {
  it('one row per month × region in the template order, formulas for 达成率 and 差距, no key', () => {
    const header = headerOf('zh-CN');
    const plan = goalTableWrite(example(), {
      sheetName: '表2 销售目标分解与跟踪表',
      tableName: 'GoalTracking',
      header,
      firstColumn: 0,
      headerRow: 1,
    });
    if (!plan.ok) throw new Error(plan.message['en-US']);
    const { write } = plan;
    expect(plan.rows).toBe(6);
    expect(write.key).toBeUndefined();
    expect(write.location).toEqual({ sheetName: '表2 销售目标分解与跟踪表', tableName: 'GoalTracking' });
    expect(write.header).toEqual(header);
    expect(write.computed).toEqual([false, false, false, false, false, false, false, true, true, false, false, false, true]);
    // 冲刺目标 and 挑战目标 stay blank without tiers; 达成档位 is the template's native formula.
    const TIER = '=IF(OR(G6="",D6=""),"",IF(AND(L6<>"",G6>=L6),"挑战",IF(AND(K6<>"",G6>=K6),"冲刺",IF(G6>=D6,"目标","未达成"))))';
    const values = write.rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? cell.formulaAt(5) : cell)));
    expect(values).toEqual([
      ['2024 Q1', 500, '1月', 93.75, '华南区', '区域经理', null, '=SALES.ATTAINMENT(G6,D6)', '=SALES.GAP(G6,D6)', null, null, null, TIER],
      ['2024 Q1', 500, '1月', 62.5, '华东区', null, null, '=SALES.ATTAINMENT(G6,D6)', '=SALES.GAP(G6,D6)', null, null, null, TIER],
      ['2024 Q1', 500, '2月', 93.75, '华南区', '区域经理', null, '=SALES.ATTAINMENT(G6,D6)', '=SALES.GAP(G6,D6)', null, null, null, TIER],
      ['2024 Q1', 500, '2月', 62.5, '华东区', null, null, '=SALES.ATTAINMENT(G6,D6)', '=SALES.GAP(G6,D6)', null, null, null, TIER],
      ['2024 Q1', 500, '3月', 112.5, '华南区', '区域经理', null, '=SALES.ATTAINMENT(G6,D6)', '=SALES.GAP(G6,D6)', null, null, null, TIER],
      ['2024 Q1', 500, '3月', 75, '华东区', null, null, '=SALES.ATTAINMENT(G6,D6)', '=SALES.GAP(G6,D6)', null, null, null, TIER],
    ]);
    expect(values.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(500);
  });

  it('follows a reordered English header that starts in column C, with portable formulas', () => {
    const header = ['Region', 'Month', 'Monthly target', 'Quarter', 'Quarter target', 'Owner', 'Notes', 'Monthly actual', 'Attainment'];
    const plan = goalTableWrite(example(), { sheetName: 'T2', header, firstColumn: 2, headerRow: 3 }, { portable: true });
    if (!plan.ok) throw new Error(plan.message['en-US']);
    expect(plan.locale).toBe('en-US');
    expect(plan.write.location).toEqual({ sheetName: 'T2' });
    expect(plan.write.computed).toEqual([false, false, false, false, false, false, false, false, true]);
    const first = plan.write.rows[0]!;
    expect(first.slice(0, 8)).toEqual(['华南区', '1月', 93.75, '2024 Q1', 500, '区域经理', null, null]);
    const formula = (first[8] as { formulaAt: (row: number) => string }).formulaAt(4);
    // Monthly actual is sheet column J (2 + 7), Monthly target E (2 + 2); native formula, no SALES call.
    expect(formula).not.toContain('SALES.');
    expect(formula).toContain('J5');
    expect(formula).toContain('E5');
  });

  it('leaves a formula blank when its columns are gone, and names missing input columns', () => {
    const header = headerOf('zh-CN').filter((label) => label !== '月度实际完成');
    const plan = goalTableWrite(example(), { sheetName: '表2', header, firstColumn: 0, headerRow: 1 });
    expect(plan.ok && plan.write.rows[0]![6]).toBeNull();

    const broken = goalTableWrite(example(), {
      sheetName: '表2',
      header: headerOf('zh-CN').filter((l) => l !== '负责区域' && l !== '季度'),
      firstColumn: 0,
      headerRow: 1,
    });
    expect(broken).toMatchObject({ ok: false, sheetName: '表2', missing: ['季度', '负责区域'] });
    expect(!broken.ok && broken.message['zh-CN']).toBe(
      '工作表“表2”缺少列“季度”、“负责区域”(或已改名)。请恢复列标题后重试;未写入任何内容。',
    );
  });

  it('skips cells whose target is 0', () => {
    const result = breakDownGoal({
      period: 'Q',
      target: 10,
      months: ['a', 'b'],
      seasonality: [1, 0],
      regions: [{ name: 'x' }],
      equalSplit: true,
      unit: 1,
    });
    if (!result.ok) throw new Error();
    const plan = goalTableWrite(result.breakdown, { sheetName: 'S', header: headerOf('en-US'), firstColumn: 0, headerRow: 1 });
    expect(plan.ok && plan.write.rows.map((r) => r[2])).toEqual(['a']);
  });
});
