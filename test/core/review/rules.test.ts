/** Step 3's rules (DOMAIN §4) on the documents' samples, and the cause suggestions by dimension. */
import {
  DIMENSION_KEYS,
  MAX_ROW_FINDINGS,
  type Finding,
  analyseWorkbook,
  causeSuggestions,
  diagnose,
  dimensionLabel,
} from '../../../src/core';
import { DIMENSION_LABELS } from '../../../src/core/templates/specs/method';
import { TODAY, edit, rowOf, sampleData } from './fixtures';

const findingsOf = (
  data = sampleData(),
  locale: 'zh-CN' | 'en-US' = 'zh-CN',
  extra: Partial<Parameters<typeof diagnose>[1]> = {},
): Finding[] => diagnose(analyseWorkbook(data, { today: TODAY }), { locale, today: TODAY, ...extra });

const byId = (findings: readonly Finding[], id: string): Finding | undefined => findings.find((f) => f.id === id);

describe('表2 under target', () => {
  it('华南区 3月 165/180 = 91.7% → a 中 finding, impact 15万 = 3.0% of the 500万 quarter target', () => {
    const finding = byId(findingsOf(sampleData(), 'zh-CN', { moneyUnit: '万' }), 'goals.belowTarget:r3');
    expect(finding).toEqual({
      id: 'goals.belowTarget:r3',
      dimension: 'goals',
      problem: '华南区(区域经理) 2024-03 未达成月度目标:达成率 91.7%(实际 165万 / 目标 180万)',
      impact: '差距 15万,占季度目标 500万 的 3.0%',
      cause: '受竞品促销影响,下周加大高端客户拜访频次',
      severity: 'medium',
      origin: 'rule',
      rule: 'goals.belowTarget',
      // The money at stake ranks it among every rule's findings.
      atStake: 15,
      rows: [3],
    });
  });

  it('a region below target in three months is one finding naming each month, the largest gap first', () => {
    const goals = sampleData().goals!;
    const row = (month: string, region: string, target: number, actual: number) =>
      rowOf(goals, {
        季度: '2024 Q1',
        季度目标: 500,
        月份: month,
        月度分解目标: target,
        负责区域: region,
        负责人: '经理',
        月度实际完成: actual,
      });
    const data = {
      goals: {
        ...goals,
        rows: [
          row('2024-01', '华东区', 50, 45),
          row('2024-01', '华南区', 60, 30),
          row('2024-02', '华南区', 60, 40),
          row('2024-03', '华南区', 60, 50),
        ],
      },
    };
    const below = findingsOf(data).filter((f) => f.rule === 'goals.belowTarget');
    expect(below.map((f) => f.problem)).toEqual([
      '华南区(经理) 有 3 个月未达成月度目标:2024-01 50.0%、2024-02 66.7%、2024-03 83.3%(合计实际 120 / 目标 180)',
      '华东区(经理) 2024-01 未达成月度目标:达成率 90.0%(实际 45 / 目标 50)',
    ]);
    expect(below[0]?.severity).toBe('high');
  });

  it('makes no unit up when none is given, and speaks English', () => {
    expect(byId(findingsOf(), 'goals.belowTarget:r3')?.impact).toBe('差距 15,占季度目标 500 的 3.0%');
    const en = byId(findingsOf(sampleData('en-US'), 'en-US'), 'goals.belowTarget:r3');
    expect(en?.problem).toBe(
      'South China (Regional manager) 2024-03: below the monthly target, attainment 91.7% (actual 165 / target 180)',
    );
    expect(en?.impact).toBe('Gap of 15, 3.0% of the period target 500');
  });

  it('severity follows the editable thresholds: 高 < 80%, 中 < 95%, 低 < 100%', () => {
    const severityAt = (actual: number, thresholds?: Parameters<typeof diagnose>[1]['thresholds']) => {
      const data = sampleData();
      const goals = data.goals!;
      data.goals = edit(goals, {
        0: rowOf(goals, { 季度: '2024 Q1', 季度目标: 500, 月份: '2024-03', 月度分解目标: 100, 负责区域: '华南区', 月度实际完成: actual }),
      });
      return byId(findingsOf(data, 'zh-CN', thresholds ? { thresholds } : {}), 'goals.belowTarget:r3')?.severity;
    };
    expect(severityAt(79)).toBe('high');
    expect(severityAt(80)).toBe('medium');
    expect(severityAt(94)).toBe('medium');
    expect(severityAt(95)).toBe('low');
    expect(severityAt(100)).toBeUndefined();
    expect(severityAt(91.7, { attainmentHigh: 0.8, attainmentMedium: 0.9, stageDays: 30, slaBreachRate: 0.2 })).toBe('low');
  });

  it('many rows under target → one finding per region instead', () => {
    const data = sampleData();
    const goals = data.goals!;
    const rows = Array.from({ length: MAX_ROW_FINDINGS + 5 }, (_, i) =>
      rowOf(goals, {
        季度: '2024 Q1',
        季度目标: 5000,
        月份: `M${i}`,
        月度分解目标: 100,
        负责区域: i % 2 ? '华南区' : '华北区',
        月度实际完成: i % 2 ? 70 : 90,
      }),
    );
    data.goals = { ...goals, rows };
    const found = findingsOf(data).filter((f) => f.rule?.startsWith('goals.'));
    expect(found.map((f) => [f.id, f.severity])).toEqual([
      ['goals.regionBelowTarget:华南区', 'high'],
      ['goals.regionBelowTarget:华北区', 'medium'],
    ]);
    expect(found[0]?.impact).toBe('差距 360,占季度目标 5,000 的 7.2%');
  });
});

describe('effect and KPI metrics respect their direction', () => {
  it('新人平均上岗周期 60→45 days (−25%, lower is better, target −25%) is not flagged', () => {
    const findings = findingsOf();
    expect(findings.filter((f) => f.rule?.startsWith('evaluation.'))).toEqual([]);
  });

  it('flags a lower-is-better metric that fell short, and one that got worse', () => {
    const data = sampleData();
    const evaluation = data.evaluation!;
    data.evaluation = edit(evaluation, {
      1: rowOf(evaluation, { 指标: '新人平均上岗周期(天)', 方向: '越低越好', 优化前: 60, 优化后: 55, 目标变化: -0.25 }),
      2: rowOf(evaluation, { 指标: '客户投诉数', 方向: '越低越好', 优化前: 20, 优化后: 25 }),
      3: rowOf(evaluation, { 指标: '复购率', 方向: '越高越好', 优化前: 0.3, 优化后: 0.25, 目标变化: 0.1 }),
    });
    const found = findingsOf(data).filter((f) => f.rule?.startsWith('evaluation.'));
    expect(found.map((f) => [f.id, f.severity, f.dimension])).toEqual([
      ['evaluation.worse:r5', 'high', 'feedback'],
      ['evaluation.missed:r6', 'high', 'goals'],
      ['evaluation.missed:r4', 'medium', 'capability'],
    ]);
    expect(found[2]?.problem).toBe('“新人平均上岗周期(天)”未达到目标变化:60→55(-8.3%),目标 -25.0%');
  });

  it('KPI: 平均成交周期 45 against 60 (lower is better) passes, 70 is 83.3% → 中', () => {
    const data = sampleData();
    const kpi = data.kpi!;
    data.kpi = edit(kpi, {
      0: rowOf(kpi, { 类别: '效率', 指标: '平均成交周期', 方向: '越低越好', 单位: '天', 目标: 60, 实际: 45 }),
      1: rowOf(kpi, { 类别: '效率', 指标: '平均成交周期(华东)', 方向: '越低越好', 单位: '天', 目标: 60, 实际: 70 }),
      2: rowOf(kpi, { 类别: '结果', 指标: '销售额', 方向: '越高越好', 目标: 500, 实际: 380 }),
      3: [],
      4: [],
    });
    const found = findingsOf(data).filter((f) => f.rule === 'kpi.belowTarget');
    expect(found.map((f) => [f.id, f.severity, f.dimension])).toEqual([
      ['kpi.belowTarget:r5', 'high', 'goals'],
      ['kpi.belowTarget:r4', 'medium', 'conversion'],
    ]);
    expect(found[1]?.problem).toBe('KPI“平均成交周期(华东)”达成率 83.3%(实际 70天 / 目标 60天,越低越好)');
  });
});

describe('funnel, lead SLA and actions', () => {
  it('the bottleneck stage and stages slower than the days threshold', () => {
    const data = sampleData();
    const funnel = data.funnel!;
    const slow = [...funnel.rows[3]!];
    slow[funnel.header.indexOf('平均停留天数')] = 45;
    data.funnel = edit(funnel, { 3: slow });
    const findings = findingsOf(data);
    expect(byId(findings, 'funnel.bottleneck')).toMatchObject({
      severity: 'medium',
      dimension: 'conversion',
      problem: '销售漏斗瓶颈在“需求确认”:阶段转化率 50.0%(初步接洽 60 → 30)',
      impact: '该阶段流失 30 个商机,占首阶段的 30.0%',
    });
    expect(byId(findings, 'funnel.slowStage:方案提交')).toMatchObject({
      severity: 'medium',
      problem: '“方案提交”阶段平均停留 45 天,超过 30 天',
    });
  });

  it('SLA breach rate per grade over the threshold (B answered after 26 h)', () => {
    expect(byId(findingsOf(), 'leads.slaBreach:B')).toMatchObject({ severity: 'high', dimension: 'leads' });
    expect(findingsOf().some((f) => f.id === 'leads.slaBreach:A')).toBe(false);
  });

  it('the CRM training, done 3 days late, with its reason as the cause', () => {
    expect(byId(findingsOf(), 'actions.late:r4')).toMatchObject({
      severity: 'low',
      problem: '措施“CRM系统数据录入规范培训”延期 3 天完成(计划 2024-03-25,实际 2024-03-28)',
      cause: '部分销售人员出差,延期3天',
    });
  });

  it('overdue actions and a low completion rate', () => {
    const data = sampleData();
    const execution = data.execution!;
    data.execution = edit(execution, {
      2: rowOf(execution, { 优化措施: '线索分级试点', 责任人: '销售经理', 计划完成时间: TODAY - 20 }),
      3: rowOf(execution, { 优化措施: '客户画像工具评估', 责任人: 'IT部工程师', 计划完成时间: TODAY - 3 }),
      4: rowOf(execution, { 优化措施: '季度复盘会', 责任人: '销售经理', 计划完成时间: TODAY - 1 }),
    });
    const findings = findingsOf(data);
    expect(byId(findings, 'actions.overdue:r5')).toMatchObject({
      severity: 'high',
      problem: '措施“线索分级试点”已逾期 20 天(计划 2024-03-12 完成,尚未完成)',
    });
    expect(byId(findings, 'actions.overdue:r6')?.severity).toBe('medium');
    expect(byId(findings, 'actions.lowCompletion')).toMatchObject({ severity: 'high', problem: '到期措施完成率 40.0%(2/5),低于 80.0%' });
  });
});

describe('findings', () => {
  it('have stable ids and a severity order (高 first)', () => {
    const first = findingsOf();
    expect(findingsOf()).toEqual(first);
    expect(new Set(first.map((f) => f.id)).size).toBe(first.length);
    const ranks = first.map((f) => ({ high: 0, medium: 1, low: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort());
    expect(first.every((f) => f.origin === 'rule' && f.problem !== '' && f.impact !== '')).toBe(true);
  });
});

describe('dimensions and cause suggestions', () => {
  it('labels come from the one 表1 list', () => {
    expect(DIMENSION_KEYS.map((d) => dimensionLabel(d, 'zh-CN'))).toEqual(DIMENSION_LABELS.map((d) => d['zh-CN']));
    expect(dimensionLabel('goals', 'en-US')).toBe('Goal attainment');
  });

  it('suggest the documents’ causes with English twins', () => {
    expect(causeSuggestions('leads').map((c) => c['zh-CN'])).toEqual(expect.arrayContaining(['无明确责任人', '缺乏提醒工具']));
    expect(causeSuggestions('teamwork').map((c) => c['zh-CN'])).toEqual(expect.arrayContaining(['客户信息未共享', '沟通渠道缺失']));
    expect(causeSuggestions('conversion').map((c) => c['zh-CN'])).toEqual(expect.arrayContaining(['方案定制流程繁琐', '决策链不清晰']));
    expect(causeSuggestions('capability').map((c) => c['zh-CN'])).toContain('新人缺乏客户分级技巧');
    for (const d of DIMENSION_KEYS) {
      expect(causeSuggestions(d).length).toBeGreaterThanOrEqual(3);
      expect(causeSuggestions(d).every((c) => c['en-US'] !== '' && c['zh-CN'] !== '')).toBe(true);
    }
  });
});

describe('ranking across rules', () => {
  it('within a severity, the findings with the most money at stake come first, those without money last', () => {
    // Samples plus a few slipped and stale deals: goal gaps, deal and forecast findings compete.
    const findings = diagnose(analyseWorkbook(sampleData(), { today: TODAY + 60 }), { locale: 'zh-CN', today: TODAY + 60 });
    const severities = ['high', 'medium', 'low'] as const;
    expect(findings.map((f) => severities.indexOf(f.severity as (typeof severities)[number]))).toEqual(
      [...findings.map((f) => severities.indexOf(f.severity as (typeof severities)[number]))].sort((a, b) => a - b),
    );
    for (const severity of severities) {
      const stakes = findings.filter((f) => f.severity === severity).map((f) => f.atStake ?? -1);
      expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
    }
    expect(new Set(findings.filter((f) => f.atStake !== undefined).map((f) => f.rule?.split('.')[0])).size).toBeGreaterThan(1);
  });
});
