/**
 * The team's numbers on a quarter made here: six reps under two managers in two regions, one rep
 * moving from one manager to the other mid-quarter, weekly calls with the manager's overrides, one
 * rep who stops calling. Every figure is checked against a plain oracle written in this file.
 */
import fc from 'fast-check';
import { ACTUAL, END, ORG, REPS, START, WEEKS, quarter } from '../../support/teamQuarter';
import {
  type ForecastCall,
  type OrgAssignment,
  calledCommit,
  latestCalls,
  managerAccuracy,
  missingCalls,
  rankByAccuracy,
  repAccuracy,
  repsInScope,
  rollUp,
} from '../../../src/core';

const managerOn = (rep: string, day: number) =>
  (ORG.find((a) => a.rep === rep && (a.start ?? -Infinity) <= day && day <= (a.end ?? Infinity)) as OrgAssignment).manager;

test('a manager’s override keeps the rep’s original call', () => {
  const calls = quarter();
  const overridden = calls.filter((c) => c.adjustedCommit !== undefined);
  expect(overridden.length).toBe(9);
  for (const c of overridden) {
    expect(c.commit).toBe((ACTUAL['销售一'] as number) + 30);
    expect(calledCommit(c)).toBe((c.commit as number) - 25);
  }
  // The rep's accuracy reads their own call; the manager's the adjusted one.
  const actualOf = (rep: string) => ACTUAL[rep];
  const rep1 = repAccuracy(calls, actualOf).find((r) => r.name === '销售一');
  expect(rep1?.bias).toBeCloseTo(30 / 120, 12);
  const withoutOverrides = calls.map(({ adjustedCommit: _, ...c }) => c);
  const south = (records: ReturnType<typeof managerAccuracy>) => records.find((m) => m.name === '华南区经理')?.bias ?? NaN;
  expect(south(managerAccuracy(ORG, calls, actualOf))).toBeLessThan(south(managerAccuracy(ORG, withoutOverrides, actualOf)));
});

test('roll-ups at every level equal the oracle, week by week, with the move kept', () => {
  const calls = quarter();
  for (const week of WEEKS) {
    const items = calls
      .filter((c) => c.week === week)
      .map((c) => ({ rep: c.rep, day: c.week, values: { called: calledCommit(c), bestCase: c.bestCase } }));
    const { lines, unassigned } = rollUp(ORG, items, ['called', 'bestCase'] as const);
    expect(unassigned).toEqual([]);
    const oracle = (keep: (c: ForecastCall) => boolean) =>
      calls.filter((c) => c.week === week && keep(c)).reduce((s, c) => s + (calledCommit(c) as number), 0);
    const line = (level: string, name: string) => lines.find((l) => l.level === level && l.name === name);
    expect(line('team', '')?.totals.called).toBe(oracle(() => true));
    for (const manager of ['华南区经理', '华东区经理'])
      expect(line('manager', manager)?.totals.called).toBe(oracle((c) => managerOn(c.rep, week) === manager));
    const region = (m: string) => (m === '华南区经理' ? '华南区' : '华东区');
    for (const r of ['华南区', '华东区'])
      expect(line('region', r)?.totals.called).toBe(oracle((c) => region(managerOn(c.rep, week)) === r));
    for (const rep of REPS)
      expect(lines.filter((l) => l.level === 'rep' && l.name === rep).reduce((s, l) => s + l.totals.called, 0)).toBe(
        oracle((c) => c.rep === rep),
      );
  }
});

test('accuracy and bias per rep and per manager equal the oracle; the ranking and the persistent biases', () => {
  const calls = quarter();
  const actualOf = (rep: string) => ACTUAL[rep];
  const reps = repAccuracy(calls, actualOf);
  for (const rep of REPS) {
    const own = calls.filter((c) => c.rep === rep);
    const a = ACTUAL[rep] as number;
    const accuracy = own.reduce((s, c) => s + Math.max(0, 1 - Math.abs((c.commit as number) - a) / a), 0) / own.length;
    const bias = own.reduce((s, c) => s + ((c.commit as number) - a) / a, 0) / own.length;
    const got = reps.find((r) => r.name === rep);
    expect(got?.weeks).toHaveLength(own.length);
    expect(got?.accuracy).toBeCloseTo(accuracy, 12);
    expect(got?.bias).toBeCloseTo(bias, 12);
  }
  expect(reps.filter((r) => r.persistent).map((r) => [r.name, r.direction])).toEqual(
    expect.arrayContaining([
      ['销售一', 'over'],
      ['销售四', 'under'],
    ]),
  );
  expect(reps.filter((r) => r.persistent)).toHaveLength(2);
  expect(rankByAccuracy(reps)[0]?.name).not.toBe('销售一');
  expect(rankByAccuracy(reps).at(-1)?.name).toBe('销售四');

  const managers = managerAccuracy(ORG, calls, actualOf);
  for (const manager of ['华南区经理', '华东区经理']) {
    const perWeek = WEEKS.map((week) => {
      const mine = calls.filter((c) => c.week === week && managerOn(c.rep, week) === manager);
      const f = mine.reduce((s, c) => s + (calledCommit(c) as number), 0);
      const a = mine.reduce((s, c) => s + (ACTUAL[c.rep] as number), 0);
      return Math.max(0, 1 - Math.abs(f - a) / a);
    });
    expect(managers.find((m) => m.name === manager)?.accuracy).toBeCloseTo(perWeek.reduce((s, x) => s + x, 0) / perWeek.length, 12);
  }
});

test('a call that is missing or late is flagged; the latest call wins; a result of 0 cannot score', () => {
  const calls = quarter();
  const asOf = (WEEKS[12] as number) + 3;
  const missing = missingCalls(calls, REPS, asOf);
  expect(missing).toEqual([{ rep: '销售六', lastSubmitted: (WEEKS[10] as number) + 0.4, daysSince: 17 }]);
  expect(missingCalls(calls, [...REPS, '新人'], asOf).at(-1)).toEqual({ rep: '新人' });
  const latest = latestCalls(calls);
  expect(latest).toHaveLength(6);
  expect(latest.find((c) => c.rep === '销售六')?.week).toBe(WEEKS[10]);
  expect(latestCalls(calls, (WEEKS[2] as number) + 1).every((c) => c.week === WEEKS[2])).toBe(true);
  const zero = repAccuracy(calls, (rep) => (rep === '销售二' ? 0 : ACTUAL[rep])).find((r) => r.name === '销售二');
  expect(zero?.accuracy).toBeUndefined();
  expect(zero?.weeks.every((w) => w.accuracy === undefined)).toBe(true);
});

test('data scopes: 本人, 下属 and 全部 on a day, the move included', () => {
  expect(repsInScope(ORG, '销售二', 'self', WEEKS[0] as number)).toEqual(['销售二']);
  expect(repsInScope(ORG, '华南区经理', 'subordinates', WEEKS[0] as number)).toEqual(['华南区经理', '销售一', '销售二', '销售三']);
  expect(repsInScope(ORG, '华南区经理', 'subordinates', WEEKS[12] as number)).toEqual(['华南区经理', '销售一', '销售二']);
  expect(repsInScope(ORG, '华东区', 'subordinates', WEEKS[12] as number)).toEqual(['华东区', '销售三', '销售四', '销售五', '销售六']);
  expect(repsInScope(ORG, 'x', 'all', WEEKS[12] as number)).toHaveLength(6);
});

test('property: a roll-up loses nothing — the team holds every item, the regions and the unassigned add up to it', () => {
  const name = fc.constantFrom('a', 'b', 'c', 'd');
  const assignment = fc.record({
    region: fc.constantFrom('R1', 'R2'),
    manager: fc.constantFrom('M1', 'M2', 'M3'),
    rep: name,
    start: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    end: fc.option(fc.integer({ min: 30, max: 100 }), { nil: undefined }),
  });
  const item = fc.record({
    rep: name,
    day: fc.integer({ min: 0, max: 100 }),
    values: fc.record({ x: fc.integer({ min: -100, max: 100 }) }),
  });
  fc.assert(
    fc.property(fc.array(assignment, { maxLength: 8 }), fc.array(item, { maxLength: 30 }), (org, items) => {
      const { lines, unassigned } = rollUp(org, items, ['x'] as const);
      const total = items.reduce((s, i) => s + i.values.x, 0);
      expect(lines.find((l) => l.level === 'team')?.totals.x).toBe(total);
      const regions = lines.filter((l) => l.level === 'region').reduce((s, l) => s + l.totals.x, 0);
      expect(regions + unassigned.reduce((s, i) => s + (i.values.x ?? 0), 0)).toBe(total);
      const managers = lines.filter((l) => l.level === 'manager').reduce((s, l) => s + l.totals.x, 0);
      const reps = lines.filter((l) => l.level === 'rep').reduce((s, l) => s + l.totals.x, 0);
      expect(managers).toBe(regions);
      expect(reps).toBe(regions);
    }),
  );
});

test('a call made during the day the review is for counts as made (提报时间 carries the time of day)', () => {
  const day = WEEKS[3] as number;
  const call: ForecastCall = { row: 0, rep: '销售一', week: day, start: START, end: END, commit: 100, submittedAt: day + 0.7 };
  expect(missingCalls([call], ['销售一'], day)).toEqual([]);
  expect(missingCalls([call], ['销售一'], day + 8)).toEqual([{ rep: '销售一', lastSubmitted: day + 0.7, daysSince: 8 }]);
});
