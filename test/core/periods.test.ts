/** Periods as managers write them, and the period a 环比 / 同比 looks back to (src/core/periods.ts). */
import fc from 'fast-check';
import { comparedPeriod, parsePeriod, periodBefore, periodKey, periodWithin, serialFromDate } from '../../src/core';

declare const FAST_CHECK_RUNS: number;

test.each([
  ['2024-03', '2024-03'],
  ['2024/3', '2024-03'],
  ['2024年3月', '2024-03'],
  ['2024.03', '2024-03'],
  ['2024 Q1', '2024 Q1'],
  ['2024-Q2', '2024 Q2'],
  ['2024Q3', '2024 Q3'],
  ['2024年第4季度', '2024 Q4'],
  ['Q1 2024', '2024 Q1'],
  ['2024', '2024'],
  ['2024年', '2024'],
])('%s is the period %s', (text, key) => {
  const period = parsePeriod(text);
  expect(period && periodKey(period)).toBe(key);
});

test.each(['March', '2024-13', '2024 Q5', '', '24-03'])('"%s" is not a period', (text) => {
  expect(parsePeriod(text)).toBeUndefined();
});

test('a date serial is its month; a four-digit number a year', () => {
  expect(periodKey(parsePeriod(serialFromDate(2024, 3, 15)) ?? { kind: 'year', year: 0, index: 1 })).toBe('2024-03');
  expect(parsePeriod(2024)).toEqual({ kind: 'year', year: 2024, index: 1 });
});

test('环比 and 同比 look back across year ends', () => {
  const jan = parsePeriod('2024-01');
  const q1 = parsePeriod('2024 Q1');
  if (!jan || !q1) throw new Error('unparsed');
  expect(periodKey(comparedPeriod(jan, 'previous'))).toBe('2023-12');
  expect(periodKey(comparedPeriod(jan, 'year'))).toBe('2023-01');
  expect(periodKey(comparedPeriod(q1, 'previous'))).toBe('2023 Q4');
  expect(periodKey(comparedPeriod(q1, 'year'))).toBe('2023 Q1');
});

test('months lie within their quarter and year, not the other way round', () => {
  const [march, q1, q2, y] = ['2024-03', '2024 Q1', '2024 Q2', '2024'].map((t) => parsePeriod(t)) as NonNullable<
    ReturnType<typeof parsePeriod>
  >[];
  if (!march || !q1 || !q2 || !y) throw new Error('unparsed');
  expect([periodWithin(march, q1), periodWithin(march, q2), periodWithin(march, y), periodWithin(q1, march)]).toEqual([
    true,
    false,
    true,
    false,
  ]);
});

test('property: stepping back n then reading the key round-trips, and n steps of 1 equal one step of n', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
      fc.integer({ min: 1900, max: 2100 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 40 }),
      (kind, year, raw, steps) => {
        const index = kind === 'month' ? raw : kind === 'quarter' ? ((raw - 1) % 4) + 1 : 1;
        const start = { kind, year, index };
        let stepped = start;
        for (let i = 0; i < steps; i++) stepped = periodBefore(stepped, 1);
        expect(periodBefore(start, steps)).toEqual(stepped);
        expect(parsePeriod(periodKey(stepped))).toEqual(stepped);
      },
    ),
    { numRuns: FAST_CHECK_RUNS },
  );
});
