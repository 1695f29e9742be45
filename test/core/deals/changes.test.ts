/** 本周变动: the change report between two snapshots of the deal register. */
import fc from 'fast-check';
import { CHANGE_TYPES, type DealSnapshot, type SnapshotDeal, compareSnapshots, repeatedSlips } from '../../../src/core';
import { day, deal } from './snapshotDeals';

/** Runs per property: jest global from jest.config.js (env FAST_CHECK_RUNS). */
declare const FAST_CHECK_RUNS: number;

const snapshot = (takenOn: number, deals: SnapshotDeal[]): DealSnapshot => ({ takenOn, deals });

describe('compareSnapshots', () => {
  const before = snapshot(day(3, 1), [
    deal('won'),
    deal('lost'),
    deal('gone'),
    deal('slips', { closeDate: day(3, 28) }),
    deal('pulled', { closeDate: day(4, 2) }),
    deal('grows', { amount: 100 }),
    deal('shrinks', { amount: 100 }),
    deal('forward', { stage: 'needs' }),
    deal('back', { stage: 'proposal' }),
    deal('recat', { category: 'pipeline' }),
    deal('same'),
  ]);
  const after = snapshot(day(3, 8), [
    deal('won', { status: 'won', stage: 'won' }),
    deal('lost', { status: 'lost', stage: null }),
    deal('slips', { closeDate: day(4, 3) }),
    deal('pulled', { closeDate: day(3, 30) }),
    deal('grows', { amount: 150 }),
    deal('shrinks', { amount: 60 }),
    deal('forward', { stage: 'proposal' }),
    deal('back', { stage: 'needs' }),
    deal('recat', { category: 'commit' }),
    deal('same'),
    deal('fresh', { amount: 70 }),
  ]);

  test('one deal of each change type gives exactly one of each', () => {
    const report = compareSnapshots(before, after);
    const expected: Record<string, string[]> = {
      new: ['fresh'],
      won: ['won'],
      lost: ['lost'],
      removed: ['gone'],
      slipped: ['slips'],
      pulledIn: ['pulled'],
      amountUp: ['grows'],
      amountDown: ['shrinks'],
      stageForward: ['forward', 'won'],
      stageBack: ['back'],
      categoryChanged: [],
    };
    // Reaching 成交签约 is a stage forward as well as a win; the recategorised deal changes category.
    expected.categoryChanged = ['recat'];
    for (const type of CHANGE_TYPES) expect([type, [...report[type].deals].sort()]).toEqual([type, [...(expected[type] ?? [])].sort()]);
    expect(report.amountUp.amount).toBe(50);
    expect(report.amountDown.amount).toBe(40);
    expect(report.new).toEqual({ count: 1, amount: 70, deals: ['fresh'] });
  });

  test('a deal that both slips and grows counts in both', () => {
    const report = compareSnapshots(
      snapshot(1, [deal('a', { amount: 100, closeDate: day(3, 31) })]),
      snapshot(2, [deal('a', { amount: 130, closeDate: day(5, 1) })]),
    );
    expect([report.slipped.deals, report.amountUp.deals]).toEqual([['a'], ['a']]);
  });

  test('a deal absent from the later full export is removed, not lost', () => {
    const report = compareSnapshots(snapshot(1, [deal('a')]), snapshot(2, []));
    expect([report.removed.deals, report.lost.deals]).toEqual([['a'], []]);
  });

  test('a close moved within its month is no slip; by quarter, only out of the quarter counts', () => {
    const move = (from: number, to: number, period?: 'month' | 'quarter') =>
      compareSnapshots(snapshot(1, [deal('a', { closeDate: from })]), snapshot(2, [deal('a', { closeDate: to })]), period).slipped.count;
    expect(move(day(3, 2), day(3, 30))).toBe(0);
    expect(move(day(3, 30), day(4, 2))).toBe(1);
    expect(move(day(1, 30), day(3, 2), 'quarter')).toBe(0);
    expect(move(day(3, 30), day(4, 2), 'quarter')).toBe(1);
  });

  test('a deal slipped three times is flagged', () => {
    const series = [day(3, 31), day(4, 30), day(5, 31), day(6, 30)].map((close, i) =>
      snapshot(i, [deal('late', { closeDate: close }), deal('once', { closeDate: i === 0 ? day(3, 31) : day(4, 30) })]),
    );
    expect([...repeatedSlips(series)]).toEqual([['late', 3]]);
  });

  test('comparing a snapshot with itself reports no change, and every deal counts at most once per type', () => {
    const dealArb = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      amount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      stage: fc.constantFrom('lead', 'contact', 'needs', 'proposal', 'negotiation', 'won', null),
      status: fc.constantFrom('open', 'won', 'lost'),
      closeDate: fc.option(fc.integer({ min: day(1, 1), max: day(12, 31) }), { nil: null }),
      category: fc.constantFrom('commit', 'bestCase', 'pipeline', 'omitted', null),
    }) as fc.Arbitrary<SnapshotDeal>;
    const snapshotArb = fc.uniqueArray(dealArb, { selector: (d) => d.id, maxLength: 5 }).map((deals) => snapshot(1, deals));
    fc.assert(
      fc.property(snapshotArb, snapshotArb, (a, b) => {
        const same = compareSnapshots(a, a);
        for (const type of CHANGE_TYPES) expect(same[type].count).toBe(0);
        const report = compareSnapshots(a, b);
        for (const type of CHANGE_TYPES) expect(new Set(report[type].deals).size).toBe(report[type].count);
      }),
      { numRuns: FAST_CHECK_RUNS },
    );
  });
});

describe('snapshots kept in the 商机快照 sheet', () => {
  test('a snapshot is written keyed by its day, read back oldest first; the same day is replaced, not doubled', async () => {
    const { MemoryWorkbook } = await import('../../workbook/memoryWorkbook');
    const { dealSnapshots, planTemplate, readSnapshots, snapshotWrite } = await import('../../../src/core');
    const workbook = new MemoryWorkbook();
    const inserted = await workbook.insertTemplate(
      planTemplate(dealSnapshots, { locale: 'en-US', samples: false, portable: false, blankRows: 1 }),
    );
    const keep = async (taken: DealSnapshot) => {
      const table = await workbook.readTable({ sheetName: inserted.sheetName });
      await workbook.writeTables([snapshotWrite(taken, table)]);
    };
    await keep(snapshot(day(3, 8), [deal('a', { amount: 200 }), deal('b', { status: 'won', stage: 'won' })]));
    await keep(snapshot(day(3, 1), [deal('a')]));
    await keep(snapshot(day(3, 8), [deal('a', { amount: 250 }), deal('b', { status: 'won', stage: 'won' })]));
    const kept = readSnapshots(await workbook.readTable({ sheetName: inserted.sheetName }));
    expect(kept.map((s) => [s.takenOn, s.deals.length])).toEqual([
      [day(3, 1), 1],
      [day(3, 8), 2],
    ]);
    expect(kept[1]?.deals).toEqual([deal('a', { amount: 250 }), deal('b', { status: 'won', stage: 'won' })]);
    const report = compareSnapshots(kept[0] as DealSnapshot, kept[1] as DealSnapshot);
    expect([report.new.deals, report.amountUp.amount]).toEqual([['b'], 150]);
  });
});
