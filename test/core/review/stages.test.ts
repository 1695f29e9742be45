/**
 * 阶段标准 (issue 25): with the funnel's expected days and the snapshots' 退出标准已达成, deals that
 * moved on without the exit criteria or stayed past their stage's days are flagged per owner, and
 * 流程达标率 equals an oracle; a snapshot sheet without the check judges days only; an import that
 * moves a deal to another stage clears its check; the funnel's days are the follow-up limits.
 */
import {
  analyseWorkbook,
  diagnose,
  planDealUpsert,
  readSnapshots,
  snapshotWrite,
  stageCompliance,
  stageLimits,
  templateById,
} from '../../../src/core';
import { tableOf } from './fixtures';

const TODAY = 46000;
const FUNNEL = tableOf('funnel', [
  { 阶段: '线索获取', 数量: 10, 标准停留天数: 14 },
  { 阶段: '需求确认', 数量: 6, 标准停留天数: 20 },
  { 阶段: '商务谈判', 数量: 3, 标准停留天数: 5 },
]);

// Deal, owner, stage now, status, days in stage — and in the two snapshots: stage and check (是/否/blank).
type Deal = readonly [string, string, string, string, number, string | null, string | null, string | null];
const DEALS: readonly Deal[] = [
  ['D1', '销售甲', '商务谈判', '进行中', 3, '需求确认', '是', '商务谈判'], // moved with the check: fine, 3 ≤ 5
  ['D2', '销售甲', '商务谈判', '进行中', 9, '需求确认', '否', '商务谈判'], // moved without it, and 9 > 5
  ['D3', '销售甲', '需求确认', '进行中', 25, null, null, null], // never moved, 25 > 20
  ['D4', '销售乙', '需求确认', '进行中', 10, '线索获取', null, '需求确认'], // moved, check blank: skipped
  ['D5', '销售乙', '线索获取', '进行中', 2, null, null, null], // fine
  ['D6', '销售乙', '成交签约', '赢单', 1, '商务谈判', '是', '成交签约'], // won with the check: fine
  ['D7', '销售丙', '需求确认', '进行中', 40, '需求确认', '否', '需求确认'], // did not move; 40 > 20 (the limit the funnel sets)
];

function register() {
  return tableOf(
    'deals',
    DEALS.map(([id, owner, stage, status, days]) => ({
      商机编号: id,
      商机名称: `商机${id}`,
      负责人: owner,
      阶段: stage,
      状态: status,
      金额: 10,
      预计成交日期: TODAY + 30,
      进入本阶段日期: TODAY - days,
    })),
  );
}

function snapshots(withCheck = true) {
  const rows = (day: number, stageAt: 5 | 7, checkAt: 6 | null) =>
    DEALS.filter((d) => d[stageAt] !== null).map((d) => ({
      快照编号: `S-${day}`,
      快照日期: day,
      商机编号: d[0],
      金额: 10,
      阶段: d[stageAt],
      状态: d[stageAt] === '成交签约' ? '赢单' : '进行中',
      ...(withCheck && checkAt !== null ? { 退出标准已达成: d[checkAt] } : {}),
    }));
  const table = tableOf('dealSnapshots', [...rows(TODAY - 30, 5, 6), ...rows(TODAY - 7, 7, null)]);
  return withCheck ? table : { ...table, header: table.header.filter((h) => h !== '退出标准已达成') };
}

/** The oracle: per owner, deals judged and those meeting the standard. */
function oracle() {
  const limit: Record<string, number> = { 线索获取: 14, 需求确认: 20, 商务谈判: 5 };
  const order = ['线索获取', '初步接洽', '需求确认', '方案提交', '商务谈判', '成交签约'];
  const byOwner = new Map<string, { checked: number; compliant: number }>();
  for (const [, owner, stage, status, days, before, check, after] of DEALS) {
    const dwell = status === '进行中' && limit[stage] !== undefined;
    const moved = before !== null && after !== null && order.indexOf(after) > order.indexOf(before);
    if (!dwell && !moved) continue;
    const bad = (dwell && days > (limit[stage] as number)) || (moved && check !== '是');
    const o = byOwner.get(owner) ?? { checked: 0, compliant: 0 };
    o.checked += 1;
    if (!bad) o.compliant += 1;
    byOwner.set(owner, o);
  }
  return byOwner;
}

test('流程达标率 per owner and the flagged deals equal the oracle', () => {
  const c = stageCompliance({ deals: register(), funnel: FUNNEL, dealSnapshots: snapshots() }, TODAY);
  const expected = oracle();
  expect(new Map(c?.byOwner.map((o) => [o.owner, { checked: o.checked, compliant: o.compliant }]))).toEqual(expected);
  for (const o of c?.byOwner ?? []) expect(o.rate).toBeCloseTo(o.compliant / o.checked, 12);
  const total = [...expected.values()].reduce((s, o) => ({ checked: s.checked + o.checked, compliant: s.compliant + o.compliant }));
  expect(c?.rate).toBeCloseTo(total.compliant / total.checked, 12);
  expect(c?.issues.map((i) => [i.id, i.kind, i.stage, i.days ?? null, i.limit ?? null])).toEqual([
    ['D2', 'skipped', '需求确认', null, null],
    ['D2', 'overstayed', '商务谈判', 9, 5],
    ['D3', 'overstayed', '需求确认', 25, 20],
    ['D4', 'skipped', '线索获取', null, null],
    ['D7', 'overstayed', '需求确认', 40, 20],
  ]);
  expect(c?.byOwner.map((o) => o.owner)).toEqual(['销售丙', '销售甲', '销售乙']); // lowest rate first
});

test('each owner below the standard is a finding naming the deals; the funnel’s days are the follow-up limits', () => {
  const data = { deals: register(), funnel: FUNNEL, dealSnapshots: snapshots() };
  const findings = diagnose(analyseWorkbook(data, { today: TODAY }), { locale: 'zh-CN', today: TODAY }).filter(
    (f) => f.rule === 'stages.compliance',
  );
  expect(findings.map((f) => f.problem)).toEqual(
    expect.arrayContaining([
      '销售甲 流程达标率 33.3%(3 个商机中 2 个未达标):D2 未达“需求确认”退出标准即推进,D2 在“商务谈判”停留 9 天(标准 5 天),D3 在“需求确认”停留 25 天(标准 20 天)',
      '销售丙 流程达标率 0.0%(1 个商机中 1 个未达标):D7 在“需求确认”停留 40 天(标准 20 天)',
    ]),
  );
  expect(findings).toHaveLength(3);
  expect(stageLimits({ funnel: FUNNEL })).toMatchObject({ lead: 14, needs: 20, negotiation: 5, proposal: 10 });
});

test('snapshots that do not record the check judge days in stage only, and say so; without any check, nothing is judged', () => {
  const table = register();
  const exitAt = table.header.indexOf('退出标准已达成');
  const checkedOnce = { ...table, rows: table.rows.map((row, i) => row.map((v, c) => (i === 4 && c === exitAt ? '是' : v))) };
  expect(stageCompliance({ deals: register(), funnel: FUNNEL, dealSnapshots: snapshots(false) }, TODAY)).toBeUndefined();
  const c = stageCompliance({ deals: checkedOnce, funnel: FUNNEL, dealSnapshots: snapshots(false) }, TODAY);
  expect(c?.exitTracked).toBe(false);
  expect(c?.issues.filter((i) => i.kind === 'skipped')).toEqual([]);
});

test('an import that moves a deal to another stage clears its check; the snapshot keeps what it was', () => {
  const spec = templateById('deals');
  const table = register();
  const checked = {
    ...table,
    rows: table.rows.map((row, i) => row.map((v, c) => (i === 0 && table.header[c] === '退出标准已达成' ? '是' : v))),
  };
  const plan = planDealUpsert(
    checked,
    [{ id: 'D1', fileRow: 2, status: 'open', values: { dealId: 'D1', stage: '成交签约' } }],
    { dealId: 0, stage: 1 },
    { fullExport: false },
  );
  if (!plan.ok) throw new Error('no plan');
  const exitAt = checked.header.indexOf('退出标准已达成');
  expect(plan.write.updates?.[0]?.cells).toEqual(expect.arrayContaining([{ column: exitAt, value: null }]));
  expect(spec.columns.some((c) => c.key === 'exitMet')).toBe(true);
  // 商机快照 records the check, and reads it back.
  const snap = snapshotWrite(
    {
      takenOn: TODAY,
      deals: [{ id: 'D1', amount: 1, stage: 'negotiation', status: 'open', closeDate: null, category: null, exitMet: true }],
    },
    snapshots(),
  );
  const header = snapshots().header;
  const back = readSnapshots({ header, rows: snap.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v))) });
  expect(back[0]?.deals[0]?.exitMet).toBe(true);
});
