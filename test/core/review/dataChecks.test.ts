/** 数据体检 (src/core/review/dataChecks.ts): each check fires on a workbook built for it, naming rows and the fix. */
import { type CellValue, type DataCheckKind, dataChecks, reviewDateOf, serialFromDate } from '../../../src/core';
import { col, edit, rowOf, sampleData } from './fixtures';

const TODAY = serialFromDate(2024, 3, 25);
const kinds = (data: ReturnType<typeof sampleData>, today = TODAY): DataCheckKind[] => dataChecks(data, { today }).map((c) => c.kind);

/** The register's amounts in 元, as a CRM export left them beside 表2's 万元. */
function inYuan(data: ReturnType<typeof sampleData>): ReturnType<typeof sampleData> {
  const deals = data.deals!;
  const at = col(deals, '金额');
  return {
    ...data,
    deals: { ...deals, rows: deals.rows.map((row) => row.map((v, i) => (i === at && typeof v === 'number' ? v * 10_000 : v))) },
  };
}

test('the samples, all in 万元 and read on the day their data reaches (reviewDateOf), are clean', () => {
  const data = sampleData('zh-CN', ['goals', 'deals', 'forecast']);
  expect(kinds(data, reviewDateOf(data))).toEqual([]);
  expect(kinds(sampleData('en-US', ['goals', 'deals', 'forecast']), reviewDateOf(data))).toEqual([]);
});

test('targets in 万元 beside deals in 元 are named as a unit mismatch', () => {
  const checks = dataChecks(inYuan(sampleData('zh-CN', ['goals', 'deals'])), { today: TODAY });
  expect(checks.find((c) => c.kind === 'unitMismatch')?.message['en-US']).toMatch(/different units/);
});

test.each<[DataCheckKind, (data: ReturnType<typeof sampleData>) => ReturnType<typeof sampleData>, number?]>([
  [
    'textInNumbers',
    (d) => ({ ...d, goals: edit(d.goals!, { 0: rowOf(d.goals!, { 月份: '2024-03', 月度分解目标: 180, 月度实际完成: 'abc' }) }) }),
  ],
  ['duplicateDealIds', (d) => ({ ...d, deals: { ...d.deals!, rows: [...d.deals!.rows, d.deals!.rows[0] as CellValue[]] } })],
  ['overdueOpenDeals', (d) => d, serialFromDate(2024, 6, 1)],
  [
    'blankLostReasons',
    (d) => ({ ...d, deals: edit(d.deals!, { 0: rowOf(d.deals!, { 商机编号: 'L-1', 状态: '输单', 金额: 10, 区域: '华南区' }) }) }),
  ],
  [
    'unmatchedRegions',
    (d) => ({ ...d, deals: edit(d.deals!, { 0: rowOf(d.deals!, { 商机编号: 'X-1', 状态: '赢单', 金额: 10, 区域: '西南销售部' }) }) }),
  ],
  ['monthsWithoutActuals', (d) => ({ ...d, goals: edit(d.goals!, { 0: rowOf(d.goals!, { 月份: '2024-02', 月度分解目标: 180 }) }) })],
])('%s fires, with example rows and a fix', (kind, build, today = TODAY) => {
  const data = build(sampleData('zh-CN', ['goals', 'deals']));
  const check = dataChecks(data, { today }).find((c) => c.kind === kind);
  expect(check).toBeDefined();
  expect(check!.count).toBeGreaterThan(0);
  expect(check!.fix['zh-CN'].length).toBeGreaterThan(4);
  for (const example of check!.examples) expect(example.row).toBeGreaterThan(2);
});

test('a register whose last snapshot is weeks old is stale', () => {
  const base = sampleData('zh-CN', ['dealSnapshots']).dealSnapshots!;
  const snapshots = { ...base, rows: [rowOf(base, { 快照编号: 'S-1', 快照日期: serialFromDate(2024, 3, 18), 商机编号: 'D-1', 金额: 10 })] };
  expect(kinds({ dealSnapshots: snapshots }, serialFromDate(2024, 3, 25))).toEqual([]);
  expect(kinds({ dealSnapshots: snapshots }, serialFromDate(2024, 4, 20))).toEqual(['staleRegister']);
});

test('the review date comes from the data: the latest snapshot, else the end of the latest month with an actual', () => {
  const data = sampleData('zh-CN', ['goals']);
  expect(reviewDateOf(data)).toBe(serialFromDate(2024, 3, 31));
  const base = sampleData('zh-CN', ['dealSnapshots']).dealSnapshots!;
  const snapshots = { ...base, rows: [rowOf(base, { 快照编号: 'S-1', 快照日期: serialFromDate(2024, 4, 12), 商机编号: 'D-1' })] };
  expect(reviewDateOf({ ...data, dealSnapshots: snapshots })).toBe(serialFromDate(2024, 4, 12));
  expect(reviewDateOf({})).toBeUndefined();
});
