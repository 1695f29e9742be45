/**
 * 目标分解: the exact split of the documents' example (500万 over 3 months × 2 regions), the
 * rounding rule where units do not divide evenly, validation messages, and properties over random
 * input: cells add up exactly to the target, none is negative, every cell and every month and
 * region total is its exact share rounded down or up to the unit.
 */
import fc from 'fast-check';
import { type GoalInput, breakDownGoal, controlledRound, validateGoalInput } from '../../../src/core/goals';

declare const FAST_CHECK_RUNS: number | undefined;
const numRuns = typeof FAST_CHECK_RUNS === 'number' && FAST_CHECK_RUNS > 0 ? FAST_CHECK_RUNS : 1000;

const EXAMPLE: GoalInput = {
  period: '2024 Q1',
  target: 500,
  months: ['1月', '2月', '3月'],
  seasonality: [1, 1, 1.2],
  regions: [
    { name: '华南区', owner: '区域经理', weight: 0.6 },
    { name: '华东区', owner: '区域经理', weight: 0.4 },
  ],
  unit: 0.01,
};

function ok(input: GoalInput) {
  const result = breakDownGoal(input);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.breakdown;
}

const sumUnits = (cells: readonly (readonly number[])[]): number => cells.flat().reduce((a, b) => a + b, 0);

describe('breakDownGoal', () => {
  it('500 over 3 months (seasonality 1/1/1.2) × 2 regions (0.6/0.4) gives the exact shares', () => {
    const b = ok(EXAMPLE);
    expect(b.cells).toEqual([
      [93.75, 62.5],
      [93.75, 62.5],
      [112.5, 75],
    ]);
    expect(b.cellUnits).toEqual([
      [9375, 6250],
      [9375, 6250],
      [11250, 7500],
    ]);
    expect(sumUnits(b.cellUnits)).toBe(50000);
    expect(b.cells.flat().reduce((a, c) => a + c, 0)).toBe(500);
    expect(b.monthTotals).toEqual([156.25, 156.25, 187.5]);
    expect(b.regionTotals).toEqual([300, 200]);
    expect(b.total).toBe(500);
    expect(b.decimals).toBe(2);
  });

  it('with a unit of 1 the remainder goes to the largest remainders, and region totals stay exact', () => {
    const b = ok({ ...EXAMPLE, unit: 1 });
    // Exact: 93.75 62.5 / 93.75 62.5 / 112.5 75. 华南区 must total 300: its two .75 cells round up,
    // 112.5 down; 华东区 must total 200: one .5 rounds up — the earlier month (tie).
    expect(b.cells).toEqual([
      [94, 63],
      [94, 62],
      [112, 75],
    ]);
    expect(b.regionTotals).toEqual([300, 200]);
    expect(b.monthTotals).toEqual([157, 156, 187]);
    expect(sumUnits(b.cells)).toBe(500);
  });

  it('100 in thirds: 33.34 goes to the first month', () => {
    const b = ok({ period: 'Q', target: 100, months: ['a', 'b', 'c'], regions: [{ name: 'x' }], equalSplit: true, unit: 0.01 });
    expect(b.cells).toEqual([[33.34], [33.33], [33.33]]);
    expect(b.cellUnits.flat().reduce((a, c) => a + c, 0)).toBe(10000);
  });

  it('equal split ignores weights; no seasonality weighs every month the same', () => {
    const b = ok({
      ...EXAMPLE,
      seasonality: undefined,
      equalSplit: true,
      regions: [{ name: 'A', weight: -5 }, { name: 'B' }],
      target: 600,
      unit: 1,
    });
    expect(b.cells).toEqual([
      [100, 100],
      [100, 100],
      [100, 100],
    ]);
  });

  it('a zero weight gives zero cells, never a negative one', () => {
    const b = ok({
      ...EXAMPLE,
      regions: [
        { name: 'A', weight: 1 },
        { name: 'B', weight: 0 },
        { name: 'C', weight: 2 },
      ],
      unit: 1,
    });
    expect(b.cells.map((row) => row[1])).toEqual([0, 0, 0]);
    expect(b.regionTotals.reduce((a, c) => a + c, 0)).toBe(500);
  });

  it('trims labels and names, keeps owners', () => {
    const b = ok({
      ...EXAMPLE,
      period: ' 2024 Q1 ',
      months: [' 1月', '2月 ', '3月'],
      regions: [{ name: ' 华南区 ', owner: ' 经理 ', weight: 1 }],
    });
    expect(b.period).toBe('2024 Q1');
    expect(b.months).toEqual(['1月', '2月', '3月']);
    expect(b.regions).toEqual([{ name: '华南区', owner: '经理' }]);
  });
});

describe('validateGoalInput', () => {
  const fields = (input: GoalInput) => validateGoalInput(input).map((e) => `${e.field}:${e.code}`);

  it('accepts the example', () => {
    expect(validateGoalInput(EXAMPLE)).toEqual([]);
  });

  it('target > 0, finite, a multiple of the unit', () => {
    expect(fields({ ...EXAMPLE, target: 0 })).toEqual(['target:notPositive']);
    expect(fields({ ...EXAMPLE, target: -1 })).toEqual(['target:notPositive']);
    expect(fields({ ...EXAMPLE, target: Number.NaN })).toEqual(['target:notNumber']);
    expect(fields({ ...EXAMPLE, target: Infinity })).toEqual(['target:notNumber']);
    expect(fields({ ...EXAMPLE, target: 500.005 })).toEqual(['target:notMultiple']);
    expect(fields({ ...EXAMPLE, target: 0.1 + 0.2, unit: 0.01 })).toEqual(['target:notMultiple']);
    expect(fields({ ...EXAMPLE, target: 5e20, unit: 0.01 })).toEqual(['unit:tooFine']);
    expect(fields({ ...EXAMPLE, unit: 0 })).toEqual(['unit:notPositive']);
    expect(fields({ ...EXAMPLE, unit: Number.NaN })).toEqual(['unit:notNumber']);
  });

  it('weights ≥ 0, finite, not all zero — unless equal split', () => {
    const regions = (w: number[]) => ({ ...EXAMPLE, regions: w.map((weight, i) => ({ name: `R${i}`, weight })) });
    expect(fields(regions([0.6, -0.4]))).toEqual(['weight.1:negative']);
    expect(fields(regions([0, 0]))).toEqual(['weights:allZero']);
    expect(fields(regions([Number.NaN, 1]))).toEqual(['weight.0:notNumber']);
    expect(fields({ ...regions([0, 0]), equalSplit: true })).toEqual([]);
    expect(fields({ ...EXAMPLE, seasonality: [0, 0, 0] })).toEqual(['seasonality:allZero']);
    expect(fields({ ...EXAMPLE, seasonality: [1, -1, 1] })).toEqual(['seasonality.1:negative']);
    expect(fields({ ...EXAMPLE, seasonality: [1, 1] })).toEqual(['seasonality:lengthMismatch']);
  });

  it('at least one month and one region, names present and unique', () => {
    expect(fields({ ...EXAMPLE, months: [], seasonality: undefined })).toEqual(['months:required']);
    expect(fields({ ...EXAMPLE, regions: [] })).toEqual(['regions:required']);
    expect(fields({ ...EXAMPLE, months: ['1月', ' ', '1月 '] })).toEqual(['month.1:required', 'month.2:duplicate']);
    expect(
      fields({
        ...EXAMPLE,
        regions: [
          { name: 'A', weight: 1 },
          { name: 'a', weight: 1 },
        ],
      }),
    ).toEqual(['region.1:duplicate']);
    expect(fields({ ...EXAMPLE, period: '' })).toEqual(['period:required']);
  });

  it('every message is there in both languages', () => {
    const errors = validateGoalInput({
      period: '',
      target: 0,
      months: ['', ''],
      seasonality: [-1, Number.NaN],
      regions: [{ name: '' }, { name: '' }],
      unit: -1,
    });
    expect(errors.length).toBeGreaterThan(5);
    for (const e of errors) {
      expect(e.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message['en-US']).toMatch(/^[\x20-\x7e]+$/);
      expect(e.message['en-US']).not.toBe('Invalid input.');
    }
    expect(breakDownGoal({ ...EXAMPLE, target: 0 })).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: 'target',
          message: { 'zh-CN': '目标必须大于 0。', 'en-US': 'The target must be greater than 0.' },
        }),
      ],
    });
  });
});

describe('properties', () => {
  // Weights are read as the decimals they print as; for subnormal doubles (5e-324) that decimal is
  // far from the binary value the oracle below computes with, so the oracle's range stops short of them.
  const weight = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 1000 }),
    fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((w) => w === 0 || w >= 1e-300),
  );
  const weights = (n: number) => fc.array(weight, { minLength: n, maxLength: n }).filter((ws) => ws.some((w) => w > 0));
  const unit = fc.constantFrom(0.01, 0.1, 0.5, 1, 10, 0.25, 0.001);
  const input = fc
    .record({
      months: fc.integer({ min: 1, max: 12 }),
      regions: fc.integer({ min: 1, max: 8 }),
      unit,
      units: fc.integer({ min: 1, max: 1e9 }),
      equal: fc.boolean(),
      seasonal: fc.boolean(),
    })
    .chain(({ months, regions, unit, units, equal, seasonal }) =>
      fc.record({
        seasonality: seasonal ? weights(months) : fc.constant(undefined),
        weights: weights(regions),
        months: fc.constant(months),
        unit: fc.constant(unit),
        units: fc.constant(units),
        equal: fc.constant(equal),
      }),
    )
    .map(
      ({ seasonality, weights, months, unit, units, equal }): GoalInput => ({
        period: 'P',
        // A multiple of the unit, written as its decimal (units × unit in decimal arithmetic).
        target: Number((BigInt(units) * BigInt(Math.round(unit * 1000))).toString()) / 1000,
        months: Array.from({ length: months }, (_, i) => `M${i}`),
        ...(seasonality ? { seasonality } : {}),
        regions: weights.map((w, i) => ({ name: `R${i}`, weight: w })),
        equalSplit: equal,
        unit,
      }),
    );

  it('any valid input adds up exactly to the target, with no negative cell', () => {
    fc.assert(
      fc.property(input, (goal) => {
        const result = breakDownGoal(goal);
        if (!result.ok) return result.errors.every((e) => e.code === 'notMultiple');
        const b = result.breakdown;
        const targetUnits = Math.round(goal.target / goal.unit);
        expect(sumUnits(b.cellUnits)).toBe(targetUnits);
        expect(b.cellUnits.flat().every((u) => Number.isInteger(u) && u >= 0)).toBe(true);
        expect(b.cells.flat().every((c) => c >= 0)).toBe(true);
        // Totals agree with their cells, in units.
        b.cellUnits.forEach((row, m) => expect(Math.round(b.monthTotals[m]! / goal.unit)).toBe(row.reduce((a, c) => a + c, 0)));
        return true;
      }),
      { numRuns },
    );
  });

  it('every cell and every month and region total is within one unit of its exact share', () => {
    fc.assert(
      fc.property(input, (goal) => {
        const result = breakDownGoal(goal);
        if (!result.ok) return true;
        const b = result.breakdown;
        const s = goal.seasonality ?? goal.months.map(() => 1);
        const w = goal.regions.map((r) => (goal.equalSplit ? 1 : r.weight!));
        const S = s.reduce((a, c) => a + c, 0);
        const W = w.reduce((a, c) => a + c, 0);
        const T = Math.round(goal.target / goal.unit);
        const slack = 1 + 1e-6;
        b.cellUnits.forEach((row, m) =>
          row.forEach((u, r) => {
            expect(Math.abs(u - T * (s[m]! / S) * (w[r]! / W))).toBeLessThan(slack);
          }),
        );
        s.forEach((sm, m) => expect(Math.abs(b.cellUnits[m]!.reduce((a, c) => a + c, 0) - T * (sm / S))).toBeLessThan(slack));
        w.forEach((wr, r) => expect(Math.abs(b.cellUnits.reduce((a, row) => a + row[r]!, 0) - T * (wr / W))).toBeLessThan(slack));
        return true;
      }),
      { numRuns },
    );
  });

  it('never throws, whatever the numbers', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(-0));
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        fc.array(anyNumber, { maxLength: 4 }),
        fc.array(anyNumber, { maxLength: 4 }),
        (target, unit, season, ws) => {
          const result = breakDownGoal({
            period: 'P',
            target,
            unit,
            months: season.map((_s, i) => `M${i}`),
            seasonality: season,
            regions: ws.map((weight, i) => ({ name: `R${i}`, weight })),
          });
          if (result.ok) expect(sumUnits(result.breakdown.cellUnits)).toBeGreaterThan(0);
          return true;
        },
      ),
      { numRuns },
    );
  });
});

describe('controlledRound', () => {
  it('keeps whole-number rows and columns exact', () => {
    // 1/3-ish table: rows total 1 and 2, columns 1.5 and 1.5.
    const d = BigInt(6);
    const n = [
      [3, 3],
      [6, 6],
    ].map((row) => row.map(BigInt));
    const r = controlledRound(n, d).map((row) => row.map(Number));
    expect(r[0]!.reduce((a, c) => a + c)).toBe(1);
    expect(r[1]!.reduce((a, c) => a + c)).toBe(2);
    expect(r.flat().reduce((a, c) => a + c)).toBe(3);
  });
});
