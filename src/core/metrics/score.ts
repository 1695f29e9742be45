/** Scorecard family: SCORE. */
import { NON_NEGATIVE, outOfBound } from '../bounds';
import { divZero, isCalcError } from '../errors';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { filledPairs } from '../lift';
import { type Arg, type Result, type Scalar, finite, toNumber } from '../values';

/** Weighted score: Σ value × weight / Σ weight, so weights need not add up to 1 (they are normalised). */
function score(pairs: readonly (readonly [number, number])[]): Scalar {
  if (pairs.length === 0) return null;
  // Weights (never negative) are scaled by the largest first, so huge weights cannot overflow the
  // sum and tiny ones cannot lose their precision in value × weight.
  let largest = 0;
  for (const [, weight] of pairs) largest = Math.max(largest, weight);
  if (largest === 0) return divZero(FUNCTION_MESSAGES.weightsZero);
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
    const value = toNumber(valueCell, CELL_NAMES.value);
    if (isCalcError(value)) return value;
    const weight = toNumber(weightCell, CELL_NAMES.weight);
    if (isCalcError(weight)) return weight;
    const refused = outOfBound(weight, NON_NEGATIVE, CELL_NAMES.weight);
    if (refused !== undefined) return refused;
    pairs.push([value, weight]);
  }
  return score(pairs);
}
