/** Target attainment family: ATTAINMENT, GAP, CHANGE, FORECASTACCURACY. */
import type { ElementMetric } from '../catalogue/types';
import { type Polarity, readPolarity } from '../domain/direction';
import { divZero, valueError } from '../errors';
import { withNumbers } from '../lift';
import { type Scalar, finite } from '../values';

/**
 * Attainment of a target. Higher-is-better: (actual − target + |target|) / |target|, which is
 * actual/target for a positive target and stays meaningful for a negative one (a loss budget).
 * Lower-is-better mirrors it: (target − actual + |target|) / |target|, i.e. 2 − actual/target for
 * a positive target, floored at 0.
 */
export function attainment(actual: number, target: number, polarity: Polarity): Scalar {
  if (target === 0) return divZero('target is 0');
  const scale = Math.abs(target);
  if (polarity === 'higher') return finite((actual - target + scale) / scale);
  return finite(Math.max(0, (target - actual + scale) / scale));
}

export const gap = (actual: number, target: number): Scalar => finite(target - actual);

export function change(before: number, after: number): Scalar {
  if (before === 0) return divZero('before is 0');
  return finite((after - before) / Math.abs(before));
}

export function forecastAccuracy(actual: number, forecast: number): Scalar {
  if (actual === 0) return divZero('actual is 0');
  return finite(Math.max(0, 1 - Math.abs(actual - forecast) / Math.abs(actual)));
}

export const ATTAINMENT: ElementMetric = ([actual, target, direction]) => {
  const polarity = readPolarity(direction);
  if (polarity === undefined) return valueError('polarity must be "higher" or "lower" (or 1 / -1)');
  return withNumbers({ actual: actual, target: target }, (n) => attainment(n.actual, n.target, polarity));
};

export const GAP: ElementMetric = ([actual, target]) => withNumbers({ actual: actual, target: target }, (n) => gap(n.actual, n.target));

export const CHANGE: ElementMetric = ([before, after]) => withNumbers({ before: before, after: after }, (n) => change(n.before, n.after));

export const FORECASTACCURACY: ElementMetric = ([actual, forecast]) =>
  withNumbers({ actual: actual, forecast: forecast }, (n) => forecastAccuracy(n.actual, n.forecast));
