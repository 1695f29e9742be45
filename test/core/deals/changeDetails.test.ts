/** The deals behind each count of the change report: name, owner, amount, from → to, register row. */
import fc from 'fast-check';
import {
  CHANGE_TYPES,
  type DealSnapshot,
  type SnapshotDeal,
  changeDetails,
  compareSnapshots,
  planTemplate,
  templateById,
} from '../../../src/core';
import { day, deal } from './snapshotDeals';

declare const FAST_CHECK_RUNS: number;

/** A register as the sheet holds it (header on row 2, so data row i is sheet row i + 3). */
function register(rows: readonly { id: string; name: string; owner: string }[]) {
  const header = planTemplate(templateById('deals'), { locale: 'zh-CN', samples: false, portable: false }).columns.map((c) => c.label);
  const at = (label: string) => header.indexOf(label);
  return {
    header,
    headerRow: 1,
    rows: rows.map((r) =>
      header.map((_h, c) => (c === at('商机编号') ? r.id : c === at('商机名称') ? r.name : c === at('负责人') ? r.owner : null)),
    ),
  };
}

describe('changeDetails', () => {
  const before: DealSnapshot = {
    takenOn: day(3, 1),
    deals: [deal('D-1', { stage: 'proposal' }), deal('D-2', { closeDate: day(3, 28), amount: 740_000 }), deal('D-3', { amount: 200 })],
  };
  const after: DealSnapshot = {
    takenOn: day(3, 8),
    deals: [
      deal('D-1', { stage: 'won', status: 'won' }),
      deal('D-2', { closeDate: day(4, 15), amount: 800_000 }),
      deal('D-4', { stage: 'lead', amount: 50 }),
    ],
  };
  const book = register([
    { id: 'D-4', name: '会员平台', owner: '李娜' },
    { id: 'D-1', name: '门店收银系统升级', owner: '张伟' },
    { id: 'D-2', name: '仓储系统', owner: '王强' },
  ]);
  const report = compareSnapshots(before, after);
  const details = changeDetails(before, after, report, book, 'zh-CN');

  test('names each deal with its owner, amount, what moved and its register row', () => {
    expect(details.won).toEqual([
      { id: 'D-1', name: '门店收银系统升级', owner: '张伟', amount: 100, from: '方案提交', to: '赢单', row: 4 },
    ]);
    expect(details.slipped).toEqual([
      { id: 'D-2', name: '仓储系统', owner: '王强', amount: 800_000, from: '2024-03-28', to: '2024-04-15', row: 5 },
    ]);
    expect(details.amountUp).toEqual([{ id: 'D-2', name: '仓储系统', owner: '王强', amount: 800_000, from: 740_000, to: 800_000, row: 5 }]);
    expect(details.new).toEqual([{ id: 'D-4', name: '会员平台', owner: '李娜', amount: 50, from: null, to: '线索获取', row: 3 }]);
    // A deal gone from a full export is not in the register's rows any more: no row to jump to.
    expect(details.removed).toEqual([{ id: 'D-3', name: '', owner: '', amount: 200, from: '需求确认', to: null }]);
  });

  test('in English the labels are English', () => {
    const en = changeDetails(before, after, report, book, 'en-US');
    expect(en.won[0]?.from).toBe('Proposal sent');
    expect(en.won[0]?.to).toBe('Won');
  });

  test('every count has exactly its deals, in the order counted, for any two snapshots', () => {
    const ids = fc.constantFrom('A', 'B', 'C', 'D', 'E');
    const someDeal = fc.record({
      id: ids,
      amount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      stage: fc.constantFrom('lead', 'needs', 'proposal', null),
      status: fc.constantFrom('open', 'won', 'lost'),
      closeDate: fc.option(fc.integer({ min: day(1, 1), max: day(12, 31) }), { nil: null }),
      category: fc.constantFrom('commit', 'pipeline', null),
    }) as fc.Arbitrary<SnapshotDeal>;
    const snap = (takenOn: number) =>
      fc.uniqueArray(someDeal, { selector: (d) => d.id }).map((deals): DealSnapshot => ({ takenOn, deals }));
    fc.assert(
      fc.property(snap(day(3, 1)), snap(day(3, 8)), (a, b) => {
        const r = compareSnapshots(a, b);
        const d = changeDetails(a, b, r, undefined, 'zh-CN');
        for (const type of CHANGE_TYPES) {
          expect(d[type].map((x) => x.id)).toEqual(r[type].deals);
          for (const x of d[type]) expect(x.row).toBeUndefined();
        }
      }),
      { numRuns: FAST_CHECK_RUNS },
    );
  });
});
