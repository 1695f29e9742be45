/**
 * 试点组 vs 对照组 over a measure of the register or the records (issue 25): 效果评估 names the
 * measure and 试点开始, 组织架构 marks the groups. Each rep's win rate, won amount and activities
 * since the pilot began against as many days before equal an oracle computed here row by row; the
 * comparison is core's on those changes; a clearly worse pilot is a finding; what cannot be used
 * (an unknown measure, a pilot not begun, a rep in both groups, no groups marked, groups too small)
 * is said, with its row, and the definition rows are no metrics of 效果评估 of their own.
 */
import { type CellValue, analyseWorkbook, comparePilot, diagnose, type WorkbookData } from '../../../src/core';
import { tableOf } from './fixtures';

const TODAY = 46000;
const START = TODAY - 29; // 30 days since the pilot began, so the 30 days before it are compared
const BEFORE = [START - 30, START - 1] as const;

const PILOT = ['甲', '乙', '丙', '丁', '戊'].map((n) => `销售${n}`);
const CONTROL = ['子', '丑', '寅', '卯', '辰'].map((n) => `销售${n}`);
const LEFT_TEAM = '销售巳'; // marked 试点组 but gone before the pilot began
const BOTH = '销售午'; // marked in both groups
const QUIET = '销售未'; // 对照组, closes nothing before the pilot

/** A small seeded generator, so the deals are varied but the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

type Deal = { rep: string; status: '赢单' | '输单' | '进行中'; amount: number; close: number; created: number };

/** Won amounts fall for the pilot and rise for the control: the pilot clearly did worse on them. */
function makeDeals(): Deal[] {
  const random = seeded(7);
  const deals: Deal[] = [];
  for (const rep of [...PILOT, ...CONTROL, LEFT_TEAM, BOTH, QUIET]) {
    const pilot = PILOT.includes(rep);
    for (let k = 0; k < 8; k++) {
      const after = k % 2 === 1;
      if (rep === QUIET && !after) continue;
      const close = after ? START + Math.floor(random() * 30) : BEFORE[0] + Math.floor(random() * 30);
      const status = random() < 0.15 ? '进行中' : random() < 0.5 ? '赢单' : '输单';
      const amount = 10 + Math.floor(random() * 10) + (after ? (pilot ? -8 : 8) : 0);
      deals.push({ rep, status, amount, close, created: close - 20 - Math.floor(random() * 40) });
    }
  }
  // Outside both spans: must not count.
  deals.push({ rep: PILOT[0] as string, status: '赢单', amount: 999, close: BEFORE[0] - 1, created: BEFORE[0] - 40 });
  deals.push({ rep: CONTROL[0] as string, status: '赢单', amount: 999, close: TODAY + 1, created: TODAY });
  return deals;
}

const activities = (): { rep: string; day: number }[] =>
  [...PILOT, ...CONTROL].flatMap((rep, r) =>
    Array.from({ length: 6 + r }, (_x, k) => ({ rep, day: (k % 3 === 0 ? BEFORE[0] : START) + ((k * 7 + r) % 30) })),
  );

function workbook(options: { marks?: boolean } = {}): WorkbookData {
  const deals = makeDeals();
  const org = [
    ...PILOT.map((rep) => ({ 区域: '华南区', 经理: '经理一', 销售: rep, 开始日期: START - 400, 试点分组: '试点组' })),
    ...CONTROL.map((rep) => ({ 区域: '华东区', 经理: '经理二', 销售: rep, 开始日期: START - 400, 试点分组: '对照组' })),
    { 区域: '华南区', 经理: '经理一', 销售: LEFT_TEAM, 开始日期: START - 400, 结束日期: START - 10, 试点分组: '试点组' },
    { 区域: '华南区', 经理: '经理一', 销售: BOTH, 开始日期: START - 400, 试点分组: '试点组' },
    { 区域: '华东区', 经理: '经理二', 销售: BOTH, 开始日期: START - 400, 试点分组: '对照组' },
    { 区域: '华东区', 经理: '经理二', 销售: QUIET, 开始日期: START - 400, 试点分组: '对照组' },
  ].map((row): Record<string, CellValue> => (options.marks === false ? { ...row, 试点分组: null } : row));
  return {
    deals: tableOf(
      'deals',
      deals.map((d, i) => ({
        商机编号: `D${i + 1}`,
        商机名称: `商机${i + 1}`,
        负责人: d.rep,
        阶段: d.status === '进行中' ? '商务谈判' : '成交签约',
        状态: d.status,
        金额: d.amount,
        预计成交日期: d.close,
        创建日期: d.created,
      })),
    ),
    activity: tableOf(
      'activity',
      activities().map((a) => ({ 日期: a.day, 负责人: a.rep, 客户: '客户', 类型: '拜访' })),
    ),
    orgChart: tableOf('orgChart', org),
    evaluation: tableOf('evaluation', [
      { 指标: '线索转化率', 方向: '越高越好', 优化前: 0.12, 优化后: 0.18 },
      { 指标: '赢单率', 试点开始: START },
      { 指标: '赢单金额', 试点开始: START },
      { 指标: 'Activities', 试点开始: START },
      { 指标: '客户满意度', 试点开始: START },
      { 指标: '新增商机数', 试点开始: TODAY + 5 },
    ]),
  };
}

/** The oracle: each member's value in a span, straight from the rows written above. */
function oracle(measure: 'winRate' | 'wonAmount' | 'activities') {
  const deals = makeDeals();
  const acts = activities();
  const value = (rep: string, from: number, to: number): number | undefined => {
    if (measure === 'activities') return acts.filter((a) => a.rep === rep && a.day >= from && a.day <= to).length;
    let won = 0;
    let lost = 0;
    let amount = 0;
    for (const d of deals) {
      if (d.rep !== rep || d.close < from || d.close > to || d.status === '进行中') continue;
      if (d.status === '赢单') {
        won += 1;
        amount += d.amount;
      } else lost += 1;
    }
    if (measure === 'wonAmount') return amount;
    return won + lost === 0 ? undefined : won / (won + lost);
  };
  const changes = (reps: readonly string[]) =>
    reps.flatMap((rep) => {
      const [b, a] = [value(rep, ...BEFORE), value(rep, START, TODAY)];
      return b === undefined || a === undefined ? [] : [a - b];
    });
  // 销售未 is on the team: no activity counts as 0, no closed deal leaves a win rate undefined.
  return comparePilot(changes(PILOT), changes([...CONTROL, QUIET]));
}

test('each measure’s comparison equals the oracle’s, with its spans and the reps left out', () => {
  const { summary } = analyseWorkbook(workbook(), { today: TODAY });
  const measured = (summary.pilots ?? []).filter((p) => p.measured !== undefined);
  expect(measured.map((p) => [p.metric, p.measured?.measure, p.rows])).toEqual([
    ['赢单率', 'winRate', [4]],
    ['赢单金额', 'wonAmount', [5]],
    ['Activities', 'activities', [6]],
  ]);
  const [winRate, wonAmount, acts] = measured;
  expect(winRate?.comparison).toEqual(oracle('winRate'));
  expect(wonAmount?.comparison).toEqual(oracle('wonAmount'));
  expect(acts?.comparison).toEqual(oracle('activities'));
  expect(winRate?.measured?.windows).toEqual({ before: [...BEFORE], after: [START, TODAY] });
  expect(winRate?.measured?.leftOut).toEqual([QUIET]); // no deal closed before the pilot
  expect(wonAmount?.measured?.leftOut).toEqual([]); // nothing won counts as 0
  expect(winRate?.comparison.pilotMembers).toBe(5);
  expect(winRate?.statement['zh-CN']).toContain(`未计入(两段时间里没有可比的数据):${QUIET}`);
  expect(wonAmount?.statement['en-US']).toContain('since the pilot began');
});

test('a pilot clearly worse on a register measure is a finding; the definition rows are no metrics of their own', () => {
  const analysis = analyseWorkbook(workbook(), { today: TODAY });
  expect(oracle('wonAmount')?.verdict).toBe('stop');
  const findings = diagnose(analysis, { locale: 'zh-CN', today: TODAY }).filter((f) => f.rule === 'evaluation.pilotWorse');
  expect(findings).toHaveLength(1);
  expect(findings[0]?.problem).toContain('赢单金额');
  expect(analysis.summary.evaluation?.metrics.map((m) => m.metric)).toEqual(['线索转化率']);
  // Definition rows leave 优化前 empty: no "required" complaint about them.
  expect(analysis.cleaning.issues.filter((i) => i.templateId === 'evaluation' && i.column !== undefined)).toEqual([]);
});

test('an unknown measure, a pilot not begun and a rep in both groups are named with their rows', () => {
  const { cleaning } = analyseWorkbook(workbook(), { today: TODAY });
  const said = cleaning.issues
    .filter((i) => i.templateId === 'evaluation' || i.templateId === 'orgChart')
    .map((i) => [i.templateId, i.row, i.message['zh-CN']]);
  expect(said).toHaveLength(3);
  expect(said).toEqual(
    expect.arrayContaining([
      ['evaluation', 7, expect.stringContaining('“客户满意度”不是能按商机明细或活动记录计算的指标')],
      ['evaluation', 8, expect.stringContaining('才开始,尚无可比的数据')],
      ['orgChart', 15, expect.stringContaining(`“${BOTH}”在试点开始当天同时属于试点组和对照组`)],
    ]),
  );
});

test('without groups marked in 组织架构 nothing is compared, and the sheet says how to mark them', () => {
  const analysis = analyseWorkbook(workbook({ marks: false }), { today: TODAY });
  expect((analysis.summary.pilots ?? []).filter((p) => p.measured)).toEqual([]);
  expect(analysis.cleaning.issues.filter((i) => i.message['zh-CN'].includes('请在组织架构的“试点分组”中标出'))).toHaveLength(3);
});

test('two reps against two cannot conclude, and the statement says so', () => {
  const data = workbook();
  const org = data.orgChart;
  if (!org) throw new Error('no org chart');
  const mark = org.header.indexOf('试点分组');
  const keep = new Set([...PILOT.slice(0, 2), ...CONTROL.slice(0, 2)]);
  const rep = org.header.indexOf('销售');
  const small = { ...org, rows: org.rows.map((row) => row.map((v, c) => (c === mark && !keep.has(row[rep] as string) ? null : v))) };
  const { summary } = analyseWorkbook({ ...data, orgChart: small }, { today: TODAY });
  const wonAmount = summary.pilots?.find((p) => p.measured?.measure === 'wonAmount');
  expect(wonAmount?.comparison.reason).toBe('tooSmall');
  expect(wonAmount?.comparison.verdict).toBe('keepWatching');
  expect(wonAmount?.statement['zh-CN']).toContain('组太小,无法下结论');
});
