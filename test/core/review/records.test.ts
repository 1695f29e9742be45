/**
 * The review reads the team's own records (core/review/summaryRecords.ts, rulesRecords.ts): each new
 * rule fires on a sample built for it and not on the templates' samples, and 过程评估 cites them.
 */
import {
  type Finding,
  type WorkbookData,
  COMMITMENT_STATE_LABELS,
  analyseWorkbook,
  commitmentsToFollow,
  diagnose,
  evaluateProcess,
  serialFromDate,
} from '../../../src/core';
import { TODAY, sampleData, tableOf } from './fixtures';

const d = (m: number, day: number) => serialFromDate(2024, m, day);

const rules = (data: WorkbookData): Finding[] => diagnose(analyseWorkbook(data, { today: TODAY }), { locale: 'zh-CN', today: TODAY });
const fired = (data: WorkbookData, rule: string) => rules(data).filter((f) => f.rule === rule);
const NEW_RULES = [
  'records.lowActivity',
  'records.satisfactionFalling',
  'records.complaintsRising',
  'records.slowResponse',
  'records.commitmentMissed',
];

test('none of the records rules fires on the templates’ samples', () => {
  const found = rules(sampleData()).map((f) => f.rule);
  expect(found.filter((r) => r !== undefined && NEW_RULES.includes(r))).toEqual([]);
});

test('a rep far below the team’s activity', () => {
  const busy = Array.from({ length: 10 }, (_v, i) => ({
    日期: d(3, 18 + (i % 2)),
    负责人: '华南区销售',
    客户: `客户${i}`,
    类型: i % 2 ? '电话' : '拜访',
  }));
  const quiet = [
    { 日期: d(3, 18), 负责人: '华东区销售', 客户: '客户B', 类型: '电话' },
    { 日期: d(3, 19), 负责人: '华东区销售', 客户: '客户H', 类型: '电话' },
  ];
  const [finding, ...more] = fired({ activity: tableOf('activity', [...busy, ...quiet]) }, 'records.lowActivity');
  expect(more).toEqual([]);
  expect(finding).toMatchObject({
    id: 'records.lowActivity:华东区销售',
    dimension: 'followUp',
    severity: 'medium',
    problem: '华东区销售 日均跟进 1 次,只有团队平均(3 次)的 33.3%',
    impact: '客户接触不足,商机推进变慢',
    cause: '电话 2、拜访 0,覆盖 2 个客户,赢单 0 个',
  });
});

describe('customer feedback', () => {
  const feedback = tableOf('feedback', [
    { 日期: d(2, 10), 客户: '客户A', 类型: '建议', 满意度: 5, '响应时长(小时)': 4 },
    { 日期: d(2, 20), 客户: '客户C', 类型: '表扬', 满意度: 4, '响应时长(小时)': 2 },
    { 日期: d(3, 5), 客户: '客户A', 类型: '投诉', 问题类别: '交付', 满意度: 3, '响应时长(小时)': 30 },
    { 日期: d(3, 12), 客户: '客户B', 类型: '投诉', 问题类别: '交付', 满意度: 2, '响应时长(小时)': 48, 是否解决: '否' },
    { 日期: d(3, 20), 客户: '客户D', 类型: '咨询', 满意度: 4, '响应时长(小时)': 6 },
  ]);
  const list = rules({ feedback });

  test('satisfaction falling month on month, with the month’s top complaint as the cause', () => {
    expect(list.find((f) => f.rule === 'records.satisfactionFalling')).toMatchObject({
      dimension: 'feedback',
      severity: 'high',
      problem: '客户满意度下降:2024-02 4.5 分 → 2024-03 3 分',
      cause: '本月投诉最多:交付(2 件)',
    });
  });

  test('complaints of one category rising', () => {
    expect(list.find((f) => f.rule === 'records.complaintsRising')).toMatchObject({
      id: 'records.complaintsRising:2024-03:交付',
      problem: '“交付”类投诉增加:2024-02 0 件 → 2024-03 2 件',
    });
  });

  test('feedback answered later than the 24-hour limit', () => {
    expect(list.find((f) => f.rule === 'records.slowResponse')?.problem).toBe('客户反馈响应超时率 40.0%(2/5 条超过 24 小时)');
  });

  test('客户 evidence: satisfaction, complaint types, response and unresolved', () => {
    const customer = evaluateProcess(analyseWorkbook({ feedback }, { today: TODAY }), 'zh-CN').find((a) => a.area === 'customer');
    expect(customer?.evidence).toEqual(
      expect.arrayContaining(['客户满意度平均 3.6 分(5 条反馈)', '投诉类型:交付 2', '平均响应 18 小时,2 条超过 24 小时;未解决 1 条']),
    );
  });
});

test('a one-on-one commitment past its date and not done', () => {
  const oneOnOne = tableOf('oneOnOne', [
    { 日期: d(3, 1), 销售人员: '华东区销售', 承诺事项: '每周五提交跟进记录', 承诺完成日期: d(3, 15) },
    { 日期: d(3, 1), 销售人员: '华南区销售', 承诺事项: '签下客户A', 承诺完成日期: d(3, 31), 实际完成日期: d(3, 28) },
  ]);
  expect(fired({ oneOnOne }, 'records.commitmentMissed')).toEqual([
    expect.objectContaining({
      id: 'records.commitmentMissed:r3',
      dimension: 'teamwork',
      problem: '华东区销售 在一对一面谈中承诺的“每周五提交跟进记录”已过 2024-03-15 未完成',
    }),
  ]);
  // 持续跟踪 lists the one still to follow up, not the one kept.
  const analysis = analyseWorkbook({ oneOnOne }, { today: TODAY });
  expect(commitmentsToFollow(analysis.summary.records).map((c) => [c.rep, COMMITMENT_STATE_LABELS[c.state]['zh-CN']])).toEqual([
    ['华东区销售', '已逾期'],
  ]);
  const team = evaluateProcess(analysis, 'zh-CN').find((a) => a.area === 'team');
  expect(team?.evidence).toContain('一对一承诺按时兑现 1/2');
});

test('团队 and 市场 evidence from the samples: activity per rep and per win, untouched customers, reports, market news', () => {
  const areas = evaluateProcess(analyseWorkbook(sampleData(), { today: TODAY }), 'zh-CN');
  const team = areas.find((a) => a.area === 'team')?.evidence.join('\n') ?? '';
  expect(team).toMatch(/跟进活动:华南区销售 日均 1 次,华东区销售 日均 1 次/);
  expect(team).toMatch(/周报提交率 100.0%\(2\/2\)/);
  expect(team).toMatch(/个在途商机的客户 30 天内无人跟进/);
  const market = areas.find((a) => a.area === 'market')?.evidence.join('\n') ?? '';
  expect(market).toMatch(/周报市场信息:竞品在华南促销/);
});
