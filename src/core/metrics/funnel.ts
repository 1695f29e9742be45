/** Funnel family: CONVERSION, FUNNEL, BOTTLENECK, WINRATE. */
import type { ElementMetric } from '../catalogue/types';
import { CalcError, divZero, isCalcError, notAvailable, numError, valueError } from '../errors';
import { NON_NEGATIVE, FRACTION, outOfBound } from '../bounds';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { type Arg, type Result, type Scalar, finite, isBlank, toNumber, toText, toVector, vectorLike } from '../values';

/** Counts are never negative here: the catalogue bounds both (`NON_NEGATIVE`) and the runner checks them. */
function conversion(converted: number, total: number): Scalar {
  if (total === 0) return divZero(FUNCTION_MESSAGES.totalZero);
  if (converted > total) return numError(FUNCTION_MESSAGES.convertedAboveTotal);
  return finite(converted / total);
}

/** Counts are never negative here: the catalogue bounds both and the runner checks them. */
function winRate(won: number, lost: number): Scalar {
  if (won + lost === 0) return divZero(FUNCTION_MESSAGES.noWonOrLost);
  // Huge counts: won + lost overflows, so halve both (exact at that size) rather than divide by Infinity.
  if (!Number.isFinite(won + lost)) return finite(won / 2 / (won / 2 + lost / 2));
  return finite(won / (won + lost));
}

export type FunnelMode = 'step' | 'cumulative';

function readMode(value: Scalar): FunnelMode | CalcError {
  if (isCalcError(value)) return value;
  if (isBlank(value)) return 'step';
  const key = String(value).trim().toLowerCase();
  if (key === 'step' || key === '逐级') return 'step';
  if (key === 'cumulative' || key === '累计') return 'cumulative';
  return valueError(FUNCTION_MESSAGES.mode);
}

/** Stage counts read from a list: numbers ≥ 0, blanks kept as `null` (a stage not yet reported). */
function readCounts(values: readonly Scalar[]): (number | null | CalcError)[] {
  return values.map((v) => {
    if (isBlank(v)) return null;
    const n = toNumber(v, CELL_NAMES.count);
    if (isCalcError(n)) return n;
    return outOfBound(n, NON_NEGATIVE, CELL_NAMES.count) ?? n;
  });
}

/**
 * Conversion of each stage. Step: first stage 100%, then c[i]/c[i−1]; cumulative: c[i]/c[0].
 * A stage larger than the one before is impossible in a funnel (#NUM!); a zero earlier stage
 * leaves nothing to convert (#DIV/0!). Blank stages stay blank.
 */
export function funnel(counts: readonly (number | null | CalcError)[], mode: FunnelMode): Scalar[] {
  const first = counts[0] ?? null;
  return counts.map((count, i) => {
    if (count === null || isCalcError(count)) return count;
    if (i === 0) return count === 0 ? divZero(FUNCTION_MESSAGES.firstStageZero) : 1;
    const previous = counts[i - 1] ?? null;
    if (previous === null) return null;
    if (isCalcError(previous)) return previous;
    if (count > previous) return numError(FUNCTION_MESSAGES.stageAbovePrevious(i + 1));
    const base = mode === 'step' ? previous : first;
    if (base === null) return null;
    if (isCalcError(base)) return base;
    return base === 0 ? divZero(FUNCTION_MESSAGES.stageZero(mode === 'step' ? i : 1)) : finite(count / base);
  });
}

/**
 * The stage where the funnel loses most: lowest step conversion, or, given benchmark rates, the
 * largest shortfall below its benchmark. Ties go to the earlier stage (fix the first leak first).
 */
export function bottleneck(stages: readonly string[], rates: readonly Scalar[], benchmarks?: readonly (number | null)[]): Scalar {
  let best: { stage: string; score: number } | undefined;
  for (let i = 1; i < stages.length; i++) {
    const rate = rates[i];
    if (typeof rate !== 'number') continue;
    const benchmark = benchmarks?.[i];
    if (benchmarks !== undefined && (benchmark === null || benchmark === undefined)) continue;
    const score = benchmark === undefined || benchmark === null ? -rate : benchmark - rate;
    if (best === undefined || score > best.score) best = { stage: stages[i] ?? '', score };
  }
  if (best === undefined) return notAvailable(FUNCTION_MESSAGES.tooFewStages);
  if (benchmarks !== undefined && best.score <= 0) return notAvailable(FUNCTION_MESSAGES.noStageBelowBenchmark);
  return best.stage;
}

export const CONVERSION: ElementMetric = ([converted, total]) => conversion(converted as number, total as number);

export const WINRATE: ElementMetric = ([won, lost]) => winRate(won as number, lost as number);
export function FUNNEL([countsArg, modeArg]: readonly Arg[]): Result {
  const values = toVector(countsArg);
  if (isCalcError(values)) return values;
  const mode = readMode(Array.isArray(modeArg) ? (modeArg[0]?.[0] ?? null) : (modeArg ?? null));
  if (isCalcError(mode)) return mode;
  return vectorLike(countsArg, funnel(readCounts(values), mode));
}

export function BOTTLENECK([stagesArg, countsArg, benchmarksArg]: readonly Arg[]): Result {
  const stageCells = toVector(stagesArg);
  const countCells = toVector(countsArg);
  if (isCalcError(stageCells)) return stageCells;
  if (isCalcError(countCells)) return countCells;
  if (stageCells.length !== countCells.length) return valueError(FUNCTION_MESSAGES.stagesCountsLength);
  const stages: string[] = [];
  for (const cell of stageCells) {
    const text = toText(cell);
    if (isCalcError(text)) return text;
    stages.push(text);
  }
  const counts = readCounts(countCells);
  const firstError = counts.find(isCalcError);
  if (firstError !== undefined) return firstError;
  const rates = funnel(counts, 'step');
  const rateError = rates.find((r) => isCalcError(r) && r.kind === 'NUM');
  if (rateError !== undefined) return rateError;
  if (benchmarksArg === undefined || (!Array.isArray(benchmarksArg) && isBlank(benchmarksArg))) {
    return bottleneck(stages, rates);
  }
  const benchmarkCells = toVector(benchmarksArg);
  if (isCalcError(benchmarkCells)) return benchmarkCells;
  if (benchmarkCells.length !== stages.length) return valueError(FUNCTION_MESSAGES.benchmarksLength);
  const benchmarks: (number | null)[] = [];
  for (const cell of benchmarkCells) {
    if (isBlank(cell)) {
      benchmarks.push(null);
      continue;
    }
    const n = toNumber(cell, CELL_NAMES.benchmark);
    if (isCalcError(n)) return n;
    const refused = outOfBound(n, FRACTION, CELL_NAMES.benchmark);
    if (refused !== undefined) return refused;
    benchmarks.push(n);
  }
  return bottleneck(stages, rates, benchmarks);
}
