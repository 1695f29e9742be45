/** Funnel family: CONVERSION, FUNNEL, BOTTLENECK, WINRATE. */
import type { ElementMetric } from '../catalogue/types';
import { CalcError, divZero, isCalcError, notAvailable, numError, valueError } from '../errors';
import { withNumbers } from '../lift';
import { type Arg, type Result, type Scalar, finite, isBlank, toNumber, toText, toVector, vectorLike } from '../values';

export function conversion(converted: number, total: number): Scalar {
  if (converted < 0 || total < 0) return numError('counts cannot be negative');
  if (total === 0) return divZero('total is 0');
  if (converted > total) return numError('converted is larger than total');
  return finite(converted / total);
}

export function winRate(won: number, lost: number): Scalar {
  if (won < 0 || lost < 0) return numError('counts cannot be negative');
  if (won + lost === 0) return divZero('no won or lost deals');
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
  return valueError('mode must be "step" or "cumulative"');
}

/** Stage counts read from a list: numbers ≥ 0, blanks kept as `null` (a stage not yet reported). */
function readCounts(values: readonly Scalar[]): (number | null | CalcError)[] {
  return values.map((v) => {
    if (isBlank(v)) return null;
    const n = toNumber(v, 'count');
    if (isCalcError(n)) return n;
    return n < 0 ? numError('counts cannot be negative') : n;
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
    if (i === 0) return count === 0 ? divZero('first stage is 0') : 1;
    const previous = counts[i - 1] ?? null;
    if (previous === null) return null;
    if (isCalcError(previous)) return previous;
    if (count > previous) return numError(`stage ${i + 1} is larger than stage ${i}`);
    const base = mode === 'step' ? previous : first;
    if (base === null) return null;
    if (isCalcError(base)) return base;
    return base === 0 ? divZero(`stage ${mode === 'step' ? i : 1} is 0`) : finite(count / base);
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
  if (best === undefined) return notAvailable('needs at least two stages with counts');
  if (benchmarks !== undefined && best.score <= 0) return notAvailable('no stage is below its benchmark');
  return best.stage;
}

export const CONVERSION: ElementMetric = ([converted, total]) => withNumbers({ converted, total }, (n) => conversion(n.converted, n.total));

export const WINRATE: ElementMetric = ([won, lost]) => withNumbers({ won, lost }, (n) => winRate(n.won, n.lost));
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
  if (stageCells.length !== countCells.length) return valueError('stages and counts must have the same length');
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
  if (benchmarkCells.length !== stages.length) return valueError('benchmarks must have one rate per stage');
  const benchmarks: (number | null)[] = [];
  for (const cell of benchmarkCells) {
    if (isBlank(cell)) {
      benchmarks.push(null);
      continue;
    }
    const n = toNumber(cell, 'benchmark');
    if (isCalcError(n)) return n;
    if (n < 0 || n > 1) return numError('benchmark rates must be between 0 and 1');
    benchmarks.push(n);
  }
  return bottleneck(stages, rates, benchmarks);
}
