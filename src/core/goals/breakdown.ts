/**
 * 目标分解: a period target split over months (seasonality) and regions (weights) into a
 * month × region grid of whole rounding units whose cells add up exactly to the target.
 *
 * Exact shares are computed in exact decimal arithmetic (`target × s_m/Σs × w_r/Σw`), then rounded
 * by `controlledRound`: each cell, each month total and each region total is its exact share
 * rounded down or up to the unit, and the grand total is the target. So a share that is already a
 * whole number of units (a region's 60% of 500 = 300) comes out exactly. The extra units go to the
 * largest remainders; ties to the larger cell, then the earlier month, then the earlier region.
 * The stretch and challenge targets, where given, are split the same way, each exact on its own.
 */
import { commonScale, decimalOf, decimalsOf, decimalToNumber } from './decimal';
import { controlledRound } from './rounding';
import type { GoalBreakdown, GoalInput, GoalResult } from './types';
import { unitsOf, validateGoalInput } from './validate';

/** Splits the target, or returns every validation error. Never throws for any input. */
export function breakDownGoal(input: GoalInput): GoalResult {
  const errors = validateGoalInput(input);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, breakdown: split(input) };
}

function split(input: GoalInput): GoalBreakdown {
  const tiers = (['stretch', 'challenge'] as const).flatMap((tier) => {
    const target = input[tier];
    if (target === undefined) return [];
    const { cells, monthTotals, regionTotals, total } = splitTarget({ ...input, target });
    return [{ tier, target, cells, monthTotals, regionTotals, total }];
  });
  return { ...splitTarget(input), tiers };
}

function splitTarget(input: GoalInput): Omit<GoalBreakdown, 'tiers'> {
  const targetUnits = unitsOf(input.target, input.unit)!;
  const months = input.months.map((m) => m.trim());
  const seasons = commonScale(input.seasonality ?? months.map(() => 1));
  const weights = commonScale(input.regions.map((r) => (input.equalSplit ? 1 : (r.weight ?? 0))));
  const seasonSum = seasons.reduce((a, b) => a + b);
  const weightSum = weights.reduce((a, b) => a + b);
  // Cell m,r in units is targetUnits × s_m × w_r / (Σs × Σw): the numerators add up to targetUnits × denominator.
  const numerators = seasons.map((s) => weights.map((w) => targetUnits * s * w));
  const rounded = controlledRound(numerators, seasonSum * weightSum);

  // A cell of k units is k × unit, computed in decimal so 9375 × 0.01 is exactly 93.75.
  const unit = decimalOf(input.unit);
  const value = (units: bigint): number => decimalToNumber(units * unit.n, unit.scale);
  const zero = BigInt(0);
  const monthUnits = rounded.map((row) => row.reduce((a, b) => a + b, zero));
  const regionUnits = weights.map((_w, r) => rounded.reduce((a, row) => a + row[r]!, zero));
  return {
    period: input.period.trim(),
    target: input.target,
    unit: input.unit,
    decimals: decimalsOf(input.unit),
    months,
    regions: input.regions.map((r) => ({ name: r.name.trim(), owner: (r.owner ?? '').trim() })),
    cells: rounded.map((row) => row.map(value)),
    cellUnits: rounded.map((row) => row.map(Number)),
    monthTotals: monthUnits.map(value),
    regionTotals: regionUnits.map(value),
    total: value(targetUnits),
  };
}
