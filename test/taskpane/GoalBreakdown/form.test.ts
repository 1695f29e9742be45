/** 目标分解's months follow its 周期: changing 2026 Q4 to 2026 Q1 once left the months at 2026-10..12. */
import { monthsOfPeriod, parsePeriod } from '../../../src/core';
import { initialForm, withPeriod } from '../../../src/taskpane/GoalBreakdown/form';

test('a quarter or a year typed as 周期 sets the months; weights stay while the count does', () => {
  const form = initialForm(new Date(2026, 11, 6));
  expect(form.months.map((m) => m.label)).toEqual(['2026-10', '2026-11', '2026-12']);
  const weighted = { ...form, months: form.months.map((m, i) => ({ ...m, weight: String(i + 1) })) };
  const q1 = withPeriod(weighted, '2026 Q1');
  expect(q1.months.map((m) => [m.label, m.weight])).toEqual([
    ['2026-01', '1'],
    ['2026-02', '2'],
    ['2026-03', '3'],
  ]);
  expect(withPeriod(form, '2027年').months.map((m) => m.label)).toEqual(monthsOfPeriod({ kind: 'year', year: 2027, index: 1 }));
  // Text that is not yet a period (typing) leaves the months alone.
  expect(withPeriod(q1, '2026 Q').months).toEqual(q1.months);
  expect(withPeriod(q1, '2026 Q').period).toBe('2026 Q');
});

test('monthsOfPeriod spells each month as 表2 reads it', () => {
  expect(monthsOfPeriod(parsePeriod('2026年第4季度')!)).toEqual(['2026-10', '2026-11', '2026-12']);
  expect(monthsOfPeriod(parsePeriod('2026-03')!)).toEqual(['2026-03']);
  for (const month of monthsOfPeriod(parsePeriod('2025')!)) expect(parsePeriod(month)?.kind).toBe('month');
});
