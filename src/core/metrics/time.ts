/** Time family: RUNRATE, PACE, CYCLE, DELAY (dates are day serials). */
import type { ElementMetric } from '../catalogue/types';
import { type CalcError, isCalcError, notAvailable, numError, valueError } from '../errors';
import { elapsedShare, paceLabel, paceLevel, paceLocale } from '../domain/pace';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { filledPairs } from '../lift';
import { type Arg, type Result, type Scalar, at, finite, isBlank, toMatrix, toNumber } from '../values';

/**
 * Projected result for the whole period at the current pace: actual / elapsed days × period days,
 * both counted inclusively. Before the period starts there is no pace (#N/A); after it ends the
 * actual is final.
 */
function runRate(actual: number, start: number, end: number, asOf: number): Scalar {
  const [first, last, day] = [Math.floor(start), Math.floor(end), Math.floor(asOf)];
  if (last < first) return numError(FUNCTION_MESSAGES.endBeforeStart);
  if (day < first) return notAvailable(FUNCTION_MESSAGES.notStarted);
  if (day > last) return finite(actual);
  return finite((actual / (day - first + 1)) * (last - first + 1));
}

/**
 * 进度 of a period: actual against target × the share of the period gone by (both ends counted),
 * as a level (core/domain/pace.ts) in the language asked for. Before the period starts there is no
 * pace yet (#N/A); thresholds must not rise from ahead to behind.
 */
function pace(
  result: { readonly actual: number; readonly target: number },
  period: { readonly start: number; readonly end: number; readonly asOf: number },
  thresholds: readonly number[],
  lang: Scalar,
): Scalar {
  const { actual, target } = result;
  const { start, end, asOf } = period;
  const [ahead, onTrack, behind] = thresholds as [number, number, number];
  if (Math.floor(end) < Math.floor(start)) return numError(FUNCTION_MESSAGES.endBeforeStart);
  if (!(ahead >= onTrack && onTrack >= behind)) return numError(FUNCTION_MESSAGES.paceThresholds);
  if (Math.floor(asOf) < Math.floor(start)) return notAvailable(FUNCTION_MESSAGES.notStarted);
  const ratio = actual / (target * elapsedShare(start, end, asOf));
  return paceLabel(paceLevel(ratio, { ahead, onTrack, behind }), paceLocale(typeof lang === 'string' ? lang : null));
}

/**
 * Days late. Done: actual − planned (negative when early). Open and past due: as_of − planned.
 * Open and not yet due: blank, since nothing is late yet.
 */
export function delay(planned: number, actual: number | null, asOf: number): Scalar {
  if (actual !== null) return finite(Math.floor(actual) - Math.floor(planned));
  const overdue = Math.floor(asOf) - Math.floor(planned);
  return overdue > 0 ? finite(overdue) : null;
}

export type CycleMethod = 'median' | 'mean';

function cycle(durations: readonly number[], method: CycleMethod): Scalar {
  if (durations.length === 0) return notAvailable(FUNCTION_MESSAGES.noClosedDeals);
  if (method === 'mean') return finite(durations.reduce((a, b) => a + b, 0) / durations.length);
  const sorted = [...durations].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? finite(sorted[mid] as number) : finite(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

function readMethod(arg: Arg): CycleMethod | CalcError {
  const cell = at(toMatrix(arg), 0, 0);
  if (isCalcError(cell)) return cell;
  if (isBlank(cell)) return 'median';
  const key = String(cell).trim().toLowerCase();
  if (key === 'median' || key === '中位数') return 'median';
  if (key === 'mean' || key === 'average' || key === '平均') return 'mean';
  return valueError(FUNCTION_MESSAGES.method);
}

export const RUNRATE: ElementMetric = ([actual, start, end, asOf]) =>
  runRate(actual as number, start as number, end as number, asOf as number);

export const PACE: ElementMetric = ([actual, target, start, end, asOf, ahead, onTrack, behind, lang]) =>
  pace(
    { actual: actual as number, target: target as number },
    { start: start as number, end: end as number, asOf: asOf as number },
    [ahead as number, onTrack as number, behind as number],
    lang ?? null,
  );

export const DELAY: ElementMetric = ([planned, actual, asOf]) => delay(planned as number, actual as number | null, asOf as number);

export function CYCLE([startsArg, closesArg, methodArg]: readonly Arg[]): Result {
  const filled = filledPairs(startsArg, closesArg); // an open deal (no close) or no start is skipped
  if (isCalcError(filled)) return filled;
  const method = readMethod(methodArg);
  if (isCalcError(method)) return method;
  const durations: number[] = [];
  for (const [startCell, closeCell] of filled) {
    const start = toNumber(startCell, CELL_NAMES.start);
    if (isCalcError(start)) return start;
    const close = toNumber(closeCell, CELL_NAMES.close);
    if (isCalcError(close)) return close;
    if (close < start) return numError(FUNCTION_MESSAGES.closeBeforeStart);
    durations.push(Math.floor(close) - Math.floor(start));
  }
  return cycle(durations, method);
}
