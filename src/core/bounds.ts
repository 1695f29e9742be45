/**
 * Numeric bounds of arguments, declared once per parameter in the catalogue (`ParamSpec.bounds`)
 * and checked by the runner for element-wise functions; list functions check each cell of a bounded
 * range with the same constant, so the catalogue and the calculation cannot disagree.
 */
import { type CalcError, numError } from './errors';
import { type ArgumentName, FUNCTION_MESSAGES } from './functionMessages';

export interface Bound {
  readonly min: number;
  /** The minimum itself is refused (cycle days must be more than 0). */
  readonly exclusiveMin?: boolean;
  readonly max?: number;
}

/** Counts and amounts that cannot be below zero. */
export const NON_NEGATIVE: Bound = { min: 0 };
/** More than zero (a divisor measured in days). */
export const POSITIVE: Bound = { min: 0, exclusiveMin: true };
/** A rate or probability as a fraction: 0–1 (25% is 0.25). */
export const FRACTION: Bound = { min: 0, max: 1 };
/** A rate that divides: above 0, at most 1 (a win rate of 0 needs infinite pipeline). */
export const POSITIVE_FRACTION: Bound = { min: 0, exclusiveMin: true, max: 1 };
/** A lead score and its grade thresholds: 0–100. */
export const SCORE_0_100: Bound = { min: 0, max: 100 };

/** `#NUM!` with a message naming the argument when `value` is outside `bound`, else undefined. */
export function outOfBound(value: number, bound: Bound, name: ArgumentName): CalcError | undefined {
  const below = bound.exclusiveMin ? value <= bound.min : value < bound.min;
  if (!below && (bound.max === undefined || value <= bound.max)) return undefined;
  if (bound.max !== undefined && bound.exclusiveMin) return numError(FUNCTION_MESSAGES.aboveUpTo(name, bound.min, bound.max));
  if (bound.max !== undefined) return numError(FUNCTION_MESSAGES.outside(name, bound.min, bound.max));
  return numError(bound.exclusiveMin ? FUNCTION_MESSAGES.notAbove(name, bound.min) : FUNCTION_MESSAGES.negative(name));
}
