/**
 * Goal tiers (目标 / 冲刺 / 挑战): each tier's period target is split over the same months and regions
 * exactly as the target is; the order of the tiers is checked; 表2's write fills the tier columns and
 * says which column an older 表2 lacks; the tier an actual reaches, in core and as 表2's native form.
 */
import fc from 'fast-check';
import { type GoalInput, breakDownGoal, goalTableWrite, validateGoalInput } from '../../../src/core/goals';
import {
  analyseWorkbook,
  evaluateProcess,
  goalTierLabel,
  nativeTierReached,
  planTemplate,
  serialFromDate,
  templateById,
  tierReached,
  projectedTier,
} from '../../../src/core';
import { tableOf } from '../review/fixtures';

const BASE: GoalInput = {
  period: '2026 Q1',
  target: 500,
  stretch: 550,
  challenge: 600,
  months: ['2026-01', '2026-02', '2026-03'],
  seasonality: [1, 1, 1.2],
  regions: [
    { name: '华南区', weight: 0.6 },
    { name: '华东区', weight: 0.4 },
  ],
  unit: 0.1,
};

const sum = (cells: readonly (readonly number[])[]) => cells.flat().reduce((a, b) => a + b, 0);

test('each tier is split like the target: exact totals, whole units, the same shares', () => {
  const result = breakDownGoal(BASE);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { breakdown } = result;
  expect(breakdown.tiers.map((t) => [t.tier, t.target, t.total])).toEqual([
    ['stretch', 550, 550],
    ['challenge', 600, 600],
  ]);
  for (const tier of breakdown.tiers) {
    expect(sum(tier.cells)).toBeCloseTo(tier.target, 9);
    // Each tier alone is the target's split of its own amount.
    const alone = breakDownGoal({ ...BASE, target: tier.target, stretch: undefined, challenge: undefined } as GoalInput);
    expect(alone.ok && alone.breakdown.cells).toEqual(tier.cells);
  }
  // 华南区's share of March: 60% × 1.2/3.2 of each tier.
  expect(Math.abs((breakdown.tiers[0]?.cells[2]?.[0] ?? 0) - 550 * 0.6 * (1.2 / 3.2))).toBeLessThanOrEqual(0.1);
});

test('property: every tier adds up exactly to its own target in whole units', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 0, max: 50_000 }),
      fc.integer({ min: 0, max: 50_000 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
      (target, extra1, extra2, weights) => {
        const input: GoalInput = {
          period: 'P',
          target,
          stretch: target + extra1,
          challenge: target + extra1 + extra2,
          months: ['1', '2', '3'],
          regions: weights.map((w, i) => ({ name: `R${i}`, weight: w })),
          unit: 1,
        };
        const result = breakDownGoal(input);
        if (!result.ok) return false;
        return result.breakdown.tiers.every((t) => sum(t.cells) === t.target && t.cells.flat().every((c) => Number.isInteger(c) && c >= 0));
      },
    ),
  );
});

test('tiers in order, in whole units, each optional', () => {
  const fields = (input: GoalInput) => validateGoalInput(input).map((e) => `${e.field}:${e.code}`);
  expect(fields({ ...BASE, stretch: 450 })).toEqual(['stretch:belowLowerTier']);
  expect(fields({ ...BASE, challenge: 520 })).toEqual(['challenge:belowLowerTier']);
  expect(fields({ ...BASE, stretch: undefined, challenge: 480 })).toEqual(['challenge:belowLowerTier']);
  expect(fields({ ...BASE, stretch: 550.05 })).toEqual(['stretch:notMultiple']);
  expect(fields({ ...BASE, stretch: undefined, challenge: undefined })).toEqual([]);
  expect(validateGoalInput({ ...BASE, stretch: 450 })[0]?.message['zh-CN']).toBe('冲刺目标不能低于目标。');
});

test('表2’s write fills the tier columns; a 表2 without them is named, nothing written', () => {
  const result = breakDownGoal(BASE);
  if (!result.ok) throw new Error('split failed');
  const plan = planTemplate(templateById('goals'), { locale: 'zh-CN', samples: false, portable: true });
  const table = {
    sheetName: plan.sheetName,
    tableName: plan.tableName,
    header: plan.columns.map((c) => c.label),
    firstColumn: 0,
    headerRow: plan.headerRow,
  };
  const write = goalTableWrite(result.breakdown, table);
  if (!write.ok) throw new Error(write.message['en-US']);
  const at = (label: string) => table.header.findIndex((h) => h.startsWith(label));
  const first = write.write.rows[0] ?? [];
  expect(first[at('冲刺目标')]).toBe(result.breakdown.tiers[0]?.cells[0]?.[0]);
  expect(first[at('挑战目标')]).toBe(result.breakdown.tiers[1]?.cells[0]?.[0]);
  const old = {
    ...table,
    header: table.header.filter((h) => !h.startsWith('冲刺目标') && !h.startsWith('挑战目标') && !h.startsWith('达成档位')),
  };
  const refused = goalTableWrite(result.breakdown, old);
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.missing).toEqual(['冲刺目标', '挑战目标']);
  const plain = breakDownGoal({ ...BASE, stretch: undefined, challenge: undefined } as GoalInput);
  expect(plain.ok && goalTableWrite(plain.breakdown, old).ok).toBe(true);
});

test('the tier reached, and its native form in 表2', () => {
  const levels = { target: 100, stretch: 110, challenge: 120 };
  expect([99, 100, 109.9, 110, 120, 500].map((a) => tierReached(a, levels))).toEqual([
    'below',
    'target',
    'target',
    'stretch',
    'challenge',
    'challenge',
  ]);
  expect(tierReached(130, { target: 100 })).toBe('target');
  expect(tierReached(115, { target: 100, challenge: 120 })).toBe('target');
  expect(goalTierLabel('stretch', 'zh-CN')).toBe('冲刺');
  expect(nativeTierReached('G2', 'D2', 'K2', 'L2', 'en-US')).toBe(
    'IF(OR(G2="",D2=""),"",IF(AND(L2<>"",G2>=L2),"Challenge",IF(AND(K2<>"",G2>=K2),"Stretch",IF(G2>=D2,"Target","Below target"))))',
  );
});

test('the review names the tier reached over 表2’s reported rows; a row without a tier leaves tiers out', () => {
  const row = (month: string, target: number, actual: number | null, stretch?: number, challenge?: number) => ({
    季度: '2026 Q1',
    月份: month,
    月度分解目标: target,
    负责区域: '华南区',
    月度实际完成: actual,
    ...(stretch !== undefined ? { 冲刺目标: stretch } : {}),
    ...(challenge !== undefined ? { 挑战目标: challenge } : {}),
  });
  const goalsTable = tableOf('goals', [
    row('2026-01', 100, 120, 110, 120),
    row('2026-02', 100, 110, 110, 120),
    row('2026-03', 100, null, 110, 120),
  ]);
  const analysis = analyseWorkbook({ goals: goalsTable }, { today: serialFromDate(2026, 3, 1) });
  expect(analysis.summary.goals?.tiers).toEqual({ target: 200, actual: 230, stretch: 220, challenge: 240, reached: 'stretch' });
  const evidence = evaluateProcess(analysis, 'zh-CN').flatMap((a) => a.evidence);
  expect(evidence).toContain('达成档位:冲刺(实际 230;目标 200 / 冲刺 220 / 挑战 240)');
  const partial = tableOf('goals', [row('2026-01', 100, 120, 110), row('2026-02', 100, 110)]);
  expect(analyseWorkbook({ goals: partial }, { today: serialFromDate(2026, 3, 1) }).summary.goals?.tiers).toBeUndefined();
});

describe('projectedTier (PACE by tier)', () => {
  const levels = fc
    .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))
    .map(([target, up1, up2]) => ({ target, stretch: target + up1, challenge: target + up1 + up2 }));
  const period = fc
    .tuple(fc.integer({ min: 40000, max: 50000 }), fc.integer({ min: 0, max: 400 }))
    .map(([start, days]) => ({ start, end: start + days }));

  test('on or after the last day it is the tier the actual reaches; before the first, none', () => {
    fc.assert(
      fc.property(levels, period, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 100 }), (l, p, actual, after) => {
        expect(projectedTier(actual, l, p.start, p.end, p.end + after)).toBe(tierReached(actual, l));
        expect(projectedTier(actual, l, p.start, p.end, p.start - 1 - after)).toBeUndefined();
      }),
    );
  });

  test('mid-period it is the tier of the actual over the share gone by, and never falls as the actual grows', () => {
    fc.assert(
      fc.property(
        levels,
        period,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 500 }),
        (l, p, actual, day, more) => {
          const asOf = p.start + Math.min(day, p.end - p.start);
          const share = (asOf - p.start + 1) / (p.end - p.start + 1);
          expect(projectedTier(actual, l, p.start, p.end, asOf)).toBe(tierReached(actual / share, l));
          const order = ['below', 'target', 'stretch', 'challenge'];
          const [low, high] = [projectedTier(actual, l, p.start, p.end, asOf), projectedTier(actual + more, l, p.start, p.end, asOf)];
          expect(order.indexOf(high as string)).toBeGreaterThanOrEqual(order.indexOf(low as string));
        },
      ),
    );
  });
});
