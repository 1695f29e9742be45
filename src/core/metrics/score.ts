/** Scorecard family: SCORE. */
import { divZero, isCalcError, numError } from '../errors';
import { type Arg, type Result, type Scalar, at, broadcastShape, finite, isBlank, toMatrix, toNumber } from '../values';

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
  const values = toMatrix(valuesArg);
  const weights = toMatrix(weightsArg);
  const shape = broadcastShape([values, weights]);
  if (isCalcError(shape)) return shape;
  const pairs: [number, number][] = [];
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) {
      const valueCell = at(values, r, c);
      const weightCell = at(weights, r, c);
      if (isCalcError(valueCell)) return valueCell;
      if (isCalcError(weightCell)) return weightCell;
      if (isBlank(valueCell) || isBlank(weightCell)) continue; // a KPI not yet measured
      const value = toNumber(valueCell, 'value');
      if (isCalcError(value)) return value;
      const weight = toNumber(weightCell, 'weight');
      if (isCalcError(weight)) return weight;
      if (weight < 0) return numError('weights cannot be negative');
      pairs.push([value, weight]);
    }
  }
  return score(pairs);
}
