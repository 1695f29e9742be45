/**
 * 预测提报 Forecast calls: each week a rep (or the manager for them) submits a commit and a best case
 * for the period; the manager may adjust the commit with a note, never touching the rep's figure or
 * the deals. Every submission is a new row (history), beside the register's own figures at that
 * moment. Here: the latest call, calls that are late or missing, and how accurate each rep's and
 * each manager's calls were once the period's result is known (FORECASTACCURACY, and the bias: over
 * or under).
 */
import { forecastAccuracy } from '../metrics/attainment';
import { type OrgAssignment, assignmentOn } from './org';

export interface ForecastCall {
  /** The call's data row in 预测提报 (0-based), for messages that name it. */
  readonly row: number;
  readonly rep: string;
  /** The week the call is for (a day serial inside it). */
  readonly week: number;
  /** The period called (day serials, inclusive). */
  readonly start: number;
  readonly end: number;
  /** The rep's call. */
  readonly commit?: number;
  readonly bestCase?: number;
  /** What the deal register said at that moment (承诺 and 最可能 of 销售预测). */
  readonly systemCommit?: number;
  readonly systemBestCase?: number;
  /** The manager's adjusted commit and why; the rep's own stays in `commit`. */
  readonly adjustedCommit?: number;
  readonly note?: string;
  /** When it was submitted (a serial with the time of day as its fraction). */
  readonly submittedAt?: number;
  /** The period's result, once it is over (期末实际). */
  readonly actual?: number;
}

/** A week's call is due every week: a rep with nothing submitted for longer is flagged. */
export const CALL_DUE_DAYS = 7;

/**
 * A bias is persistent when at least `minWeeks` calls were scored, at least `share` of them erred
 * the same way, and the mean error is at least `minBias` of the result.
 */
export const PERSISTENT_BIAS = { minWeeks: 4, share: 0.75, minBias: 0.1 } as const;

/** The commit that counts: the manager's adjustment where there is one, else the rep's call. */
export const calledCommit = (call: ForecastCall): number | undefined => call.adjustedCommit ?? call.commit;

const periodKey = (c: { rep: string; start: number; end: number }) => `${c.rep}\u0000${c.start}\u0000${c.end}`;
const when = (c: ForecastCall): number => c.submittedAt ?? c.week;

/** The latest call per rep and period as of `asOf` (all when undefined): the newest submission, the later row on a tie. */
export function latestCalls(calls: readonly ForecastCall[], asOf?: number): ForecastCall[] {
  const latest = new Map<string, ForecastCall>();
  for (const call of calls) {
    if (asOf !== undefined && when(call) > asOf) continue;
    const key = periodKey(call);
    const seen = latest.get(key);
    if (!seen || when(call) > when(seen) || (when(call) === when(seen) && call.row > seen.row)) latest.set(key, call);
  }
  return [...latest.values()];
}

export interface MissingCall {
  readonly rep: string;
  /** The last submission on or before the day, if any. */
  readonly lastSubmitted?: number;
  /** Calendar days since it; undefined when there was none. */
  readonly daysSince?: number;
}

/** Reps (of those expected to call) with no call submitted within `dueDays` up to `asOf`. */
export function missingCalls(
  calls: readonly ForecastCall[],
  reps: readonly string[],
  asOf: number,
  dueDays: number = CALL_DUE_DAYS,
): MissingCall[] {
  const last = new Map<string, number>();
  for (const call of calls) {
    const at = when(call);
    // A call made during the day itself counts (asOf is a day; 提报时间 carries the time).
    if (Math.floor(at) <= Math.floor(asOf) && at > (last.get(call.rep) ?? -Infinity)) last.set(call.rep, at);
  }
  const missing: MissingCall[] = [];
  for (const rep of reps) {
    const at = last.get(rep);
    // Calendar days, as a manager counts them: a call on the 4th at 17:10 is 16 days before the 20th.
    const days = at === undefined ? undefined : Math.floor(asOf) - Math.floor(at);
    if (at === undefined) missing.push({ rep });
    else if (days !== undefined && days > dueDays) missing.push({ rep, lastSubmitted: at, daysSince: days });
  }
  return missing;
}

/** One week's call scored against the period's result. */
export interface WeekScore {
  readonly week: number;
  readonly forecast: number;
  readonly actual: number;
  /** FORECASTACCURACY; undefined when the result is 0 (it cannot score). */
  readonly accuracy?: number;
  /** (forecast − actual) / |actual|: above 0 the call was too high. */
  readonly bias?: number;
}

export type BiasDirection = 'over' | 'under' | 'even';

/** How accurate one person's calls were over a period, week by week. */
export interface AccuracyRecord {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly weeks: readonly WeekScore[];
  /** Mean accuracy of the weeks that could be scored. */
  readonly accuracy?: number;
  /** Mean bias of those weeks. */
  readonly bias?: number;
  readonly direction: BiasDirection;
  /** The same error most weeks (PERSISTENT_BIAS): the wizard proposes a finding. */
  readonly persistent: boolean;
}

function scoreWeek(week: number, forecast: number, actual: number): WeekScore {
  const accuracy = forecastAccuracy(actual, forecast);
  return typeof accuracy === 'number'
    ? { week, forecast, actual, accuracy, bias: (forecast - actual) / Math.abs(actual) }
    : { week, forecast, actual };
}

const mean = (xs: readonly number[]): number | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length);

function record(name: string, start: number, end: number, weeks: WeekScore[]): AccuracyRecord {
  weeks.sort((a, b) => a.week - b.week);
  const scored = weeks.filter((w) => w.bias !== undefined);
  const bias = mean(scored.map((w) => w.bias as number));
  const over = scored.filter((w) => (w.bias as number) > 0).length;
  const under = scored.filter((w) => (w.bias as number) < 0).length;
  const direction: BiasDirection = bias === undefined || bias === 0 ? 'even' : bias > 0 ? 'over' : 'under';
  const sameWay = direction === 'over' ? over : direction === 'under' ? under : 0;
  const persistent =
    scored.length >= PERSISTENT_BIAS.minWeeks &&
    sameWay >= PERSISTENT_BIAS.share * scored.length &&
    Math.abs(bias ?? 0) >= PERSISTENT_BIAS.minBias;
  return { name, start, end, weeks, accuracy: mean(scored.map((w) => w.accuracy as number)), bias, direction, persistent };
}

/** The period's result of a rep: the call rows' 期末实际, else what `actualOf` finds (the register's won amount). */
export type ActualOf = (rep: string, start: number, end: number) => number | undefined;

/** Each week's latest call of a rep, for one period. */
function weeklyLatest(calls: readonly ForecastCall[]): Map<string, ForecastCall[]> {
  const byWeek = new Map<string, ForecastCall>();
  for (const call of calls) {
    const key = `${periodKey(call)}\u0000${call.week}`;
    const seen = byWeek.get(key);
    if (!seen || when(call) > when(seen) || (when(call) === when(seen) && call.row > seen.row)) byWeek.set(key, call);
  }
  const byPeriod = new Map<string, ForecastCall[]>();
  for (const call of byWeek.values()) byPeriod.set(periodKey(call), [...(byPeriod.get(periodKey(call)) ?? []), call]);
  return byPeriod;
}

function actualFor(calls: readonly ForecastCall[], actualOf: ActualOf | undefined): number | undefined {
  const typed = calls.find((c) => c.actual !== undefined)?.actual;
  const first = calls[0];
  return typed ?? (first ? actualOf?.(first.rep, first.start, first.end) : undefined);
}

/**
 * Each rep's own calls (their `commit`, not the manager's adjustment) scored per week against the
 * period's result; periods whose result is unknown are left out.
 */
export function repAccuracy(calls: readonly ForecastCall[], actualOf?: ActualOf): AccuracyRecord[] {
  const records: AccuracyRecord[] = [];
  for (const periodCalls of weeklyLatest(calls).values()) {
    const actual = actualFor(periodCalls, actualOf);
    const first = periodCalls[0] as ForecastCall;
    if (actual === undefined) continue;
    const weeks = periodCalls.filter((c) => c.commit !== undefined).map((c) => scoreWeek(c.week, c.commit as number, actual));
    records.push(record(first.rep, first.start, first.end, weeks));
  }
  return records;
}

/**
 * Each manager's calls: per week, the commits that count (adjusted or accepted) of the reps who
 * reported to them that week and called, summed, against the sum of those reps' results.
 */
export function managerAccuracy(org: readonly OrgAssignment[], calls: readonly ForecastCall[], actualOf?: ActualOf): AccuracyRecord[] {
  const sums = new Map<string, { name: string; start: number; end: number; weeks: Map<number, { forecast: number; actual: number }> }>();
  for (const periodCalls of weeklyLatest(calls).values()) {
    const actual = actualFor(periodCalls, actualOf);
    if (actual === undefined) continue;
    for (const call of periodCalls) {
      const called = calledCommit(call);
      const manager = assignmentOn(org, call.rep, call.week)?.manager;
      if (called === undefined || manager === undefined) continue;
      const key = `${manager}\u0000${call.start}\u0000${call.end}`;
      const entry = sums.get(key) ?? { name: manager, start: call.start, end: call.end, weeks: new Map() };
      sums.set(key, entry);
      const week = entry.weeks.get(call.week) ?? { forecast: 0, actual: 0 };
      week.forecast += called;
      week.actual += actual;
      entry.weeks.set(call.week, week);
    }
  }
  return [...sums.values()].map((m) =>
    record(
      m.name,
      m.start,
      m.end,
      [...m.weeks].map(([week, s]) => scoreWeek(week, s.forecast, s.actual)),
    ),
  );
}

/** Most accurate first; records that could not be scored last, by name. */
export function rankByAccuracy(records: readonly AccuracyRecord[]): AccuracyRecord[] {
  return [...records].sort((a, b) => (b.accuracy ?? -1) - (a.accuracy ?? -1) || a.name.localeCompare(b.name));
}
