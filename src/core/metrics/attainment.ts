/** Target attainment family: ATTAINMENT, GAP, CHANGE, FORECASTACCURACY. */
import type { ElementMetric } from '../catalogue/types';
import { type Polarity, readPolarity } from '../domain/direction';
import { divZero, valueError } from '../errors';
import { FUNCTION_MESSAGES } from '../functionMessages';
import { type Scalar, finite } from '../values';

/**
 * Attainment of a target. Higher-is-better: (actual − target + |target|) / |target|, which is
 * actual/target for a positive target and stays meaningful for a negative one (a loss budget).
 * Lower-is-better mirrors it: (target − actual + |target|) / |target|, i.e. 2 − actual/target for
 * a positive target, floored at 0.
 */
export function attainment(actual: number, target: number, polarity: Polarity): Scalar {
  if (target === 0) return divZero(FUNCTION_MESSAGES.targetZero);
  const scale = Math.abs(target);
  if (polarity === 'higher') return finite((actual - target + scale) / scale);
  return finite(Math.max(0, (target - actual + scale) / scale));
}

const gap = (actual: number, target: number): Scalar => finite(target - actual);

export function change(before: number, after: number): Scalar {
  if (before === 0) return divZero(FUNCTION_MESSAGES.beforeZero);
  return finite((after - before) / Math.abs(before));
}

/** Forecast accuracy: max(0, 1 − |actual − forecast| / |actual|); an actual of 0 cannot score (#DIV/0!). */
export function forecastAccuracy(actual: number, forecast: number): Scalar {
  if (actual === 0) return divZero(FUNCTION_MESSAGES.actualZero);
  return finite(Math.max(0, 1 - Math.abs(actual - forecast) / Math.abs(actual)));
}

// The runner hands number parameters over as numbers within their bounds (catalogue/types.ts).

export const ATTAINMENT: ElementMetric = ([actual, target, direction]) => {
  const polarity = readPolarity(direction);
  if (polarity === undefined) return valueError(FUNCTION_MESSAGES.polarity);
  return attainment(actual as number, target as number, polarity);
};

export const GAP: ElementMetric = ([actual, target]) => gap(actual as number, target as number);

export const CHANGE: ElementMetric = ([before, after]) => change(before as number, after as number);

export const FORECASTACCURACY: ElementMetric = ([actual, forecast]) => forecastAccuracy(actual as number, forecast as number);
