/** Scorecard family: SCORE. */
import { divZero, isCalcError, numError } from '../errors';
import { filledPairs } from '../lift';
import { type Arg, type Result, type Scalar, finite, toNumber } from '../values';

/** Weighted score: Σ value × weight / Σ weight, so weights need not add up to 1 (they are normalised). */
export function score(pairs: readonly (readonly [number, number])[]): Scalar {
  if (pairs.length === 0) return null;
  // Weights (never negative) are scaled by the largest first, so huge weights cannot overflow the
  // sum and tiny ones cannot lose their precision in value × weight.
  let largest = 0;
  for (const [, weight] of pairs) largest = Math.max(largest, weight);
  if (largest === 0) return divZero('weights add up to 0');
  let weightSum = 0;
  let total = 0;
  for (const [value, weight] of pairs) {
    const w = weight / largest;
    weightSum += w;
    total += value * w;
  }
  return finite(total / weightSum);
}

export function SCORE([valuesArg, weightsArg]: readonly Arg[]): Result {
  const filled = filledPairs(valuesArg, weightsArg); // a KPI not yet measured is skipped
  if (isCalcError(filled)) return filled;
  const pairs: [number, number][] = [];
  for (const [valueCell, weightCell] of filled) {
    const value = toNumber(valueCell, 'value');
    if (isCalcError(value)) return value;
    const weight = toNumber(weightCell, 'weight');
    if (isCalcError(weight)) return weight;
    if (weight < 0) return numError('weights cannot be negative');
    pairs.push([value, weight]);
  }
  return score(pairs);
}
