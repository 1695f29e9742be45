/**
 * The KPI summary of the result sheets (表2 goals, 销售漏斗, 线索分级), recomputed from input
 * columns with the core metric functions — computed columns are never read: a host may not have
 * calculated them, and a user may have typed over them.
 */
import { tierReached } from '../domain/tiers';
import { parsePeriod, periodKey } from '../periods';
import { attainment } from '../metrics/attainment';
import { bottleneck, funnel } from '../metrics/funnel';
import { DEFAULT_GRADE_THRESHOLDS, SLA_HOURS, type LeadGrade, leadGrade, slaDue } from '../metrics/leads';
import type { Scalar } from '../values';
import type { CleanTable } from './cleaning';
import * as read from './read';
import type { AttainmentLine, GoalRowResult, KpiSummary } from './types';

// Module-level copies: in CommonJS output (tsx, Jest) each use of an imported binding is a getter
// call, which the 100k-row loops below would pay per cell.
const { readDate, readMonth, readNumber, readText, sheetRowOf } = read;

export const finiteOrNull = (value: Scalar): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Column position or -1 (an optional column the sheet lacks reads as blank). */
export const columnIndex = (clean: CleanTable, key: string): number => clean.view.columns.get(key) ?? -1;

interface Acc {
  target: number;
  actual: number;
  totalTarget: number;
  reported: number;
}

const newAcc = (): Acc => ({ target: 0, actual: 0, totalTarget: 0, reported: 0 });

/** The map's entry for `key`, created on first use. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function lineOf(name: string, acc: Acc): AttainmentLine {
  return {
    name,
    target: acc.target,
    actual: acc.actual,
    attainment: acc.reported > 0 ? finiteOrNull(attainment(acc.actual, acc.target, 'higher')) : null,
    totalTarget: acc.totalTarget,
  };
}

function add(acc: Acc, target: number, actual: number | null): void {
  acc.totalTarget += target;
  if (actual === null) return;
  acc.target += target;
  acc.actual += actual;
  acc.reported++;
}

/** Rows under target kept for the rules and the pane; beyond them only the count (a 100k-row sheet would otherwise keep 100k objects). */
const BELOW_TARGET_ROWS = 200;

/** The target tiers summed over the reported rows (null once a reported row lacks the tier). */
interface Tiers {
  target: number;
  actual: number;
  stretch: number | null;
  challenge: number | null;
  reported: number;
}

function addTiers(
  tiers: Tiers,
  row: { readonly target: number; readonly actual: number },
  stretch: number | null,
  challenge: number | null,
): void {
  // A tier's total counts only when every reported row gives it: a partial sum would be no tier.
  tiers.target += row.target;
  tiers.actual += row.actual;
  tiers.stretch = stretch === null || tiers.stretch === null ? null : tiers.stretch + stretch;
  tiers.challenge = challenge === null || tiers.challenge === null ? null : tiers.challenge + challenge;
  tiers.reported += 1;
}

function tiersOf(tiers: Tiers): Pick<NonNullable<KpiSummary['goals']>, 'tiers'> {
  if (tiers.reported === 0 || (tiers.stretch === null && tiers.challenge === null)) return {};
  const given = {
    target: tiers.target,
    ...(tiers.stretch !== null ? { stretch: tiers.stretch } : {}),
    ...(tiers.challenge !== null ? { challenge: tiers.challenge } : {}),
  };
  return {
    tiers: {
      target: tiers.target,
      actual: tiers.actual,
      ...(tiers.stretch !== null ? { stretch: tiers.stretch } : {}),
      ...(tiers.challenge !== null ? { challenge: tiers.challenge } : {}),
      reached: tierReached(tiers.actual, given),
    },
  };
}

/**
 * Overall, per region and per owner attainment = Σ actual / Σ target over reported rows (a blank
 * actual is a month not reported yet, not a zero); rows under target kept for the rules.
 */
export function goalsSummary(clean: CleanTable): NonNullable<KpiSummary['goals']> {
  const { table } = clean.view;
  const [cQuarter, cQuarterTarget, cMonth, cTarget, cRegion, cOwner, cActual, cAnalysis] = [
    'quarter',
    'quarterTarget',
    'month',
    'monthTarget',
    'region',
    'owner',
    'actual',
    'analysis',
  ].map((key) => columnIndex(clean, key)) as [number, number, number, number, number, number, number, number];
  const overall = newAcc();
  const byRegion = new Map<string, Acc>();
  const byOwner = new Map<string, Acc>();
  const byMonth = new Map<string, Acc>();
  const quarterTargets = new Map<string, number>();
  const belowTarget: GoalRowResult[] = [];
  let unreported = 0;
  let belowTargetCount = 0;
  const [cStretch, cChallenge] = ['stretchTarget', 'challengeTarget'].map((key) => columnIndex(clean, key)) as [number, number];
  const tiers: Tiers = { target: 0, actual: 0, stretch: 0, challenge: 0, reported: 0 };
  for (const i of clean.rows) {
    const row = table.rows[i] ?? [];
    const target = readNumber(row[cTarget]) ?? 0;
    const actual = readNumber(row[cActual]);
    if (actual !== null) addTiers(tiers, { target, actual }, readNumber(row[cStretch]), readNumber(row[cChallenge]));
    const region = readText(row[cRegion]);
    const owner = readText(row[cOwner]);
    const quarter = readText(row[cQuarter]);
    const quarterTarget = readNumber(row[cQuarterTarget]);
    if (quarterTarget !== null && !quarterTargets.has(quarter)) quarterTargets.set(quarter, quarterTarget);
    add(overall, target, actual);
    // Rows without a region / owner count in the overall line only: a blank group has no name to show.
    if (region !== '') add(entry(byRegion, region, newAcc), target, actual);
    if (owner !== '') add(entry(byOwner, owner, newAcc), target, actual);
    const period = parsePeriod(readMonth(row[cMonth]));
    if (period?.kind === 'month') add(entry(byMonth, periodKey(period), newAcc), target, actual);
    if (actual === null) {
      unreported++;
      continue;
    }
    const attained = finiteOrNull(attainment(actual, target, 'higher'));
    if (attained !== null && attained < 1 && belowTargetCount++ < BELOW_TARGET_ROWS) {
      belowTarget.push({
        sheetRow: sheetRowOf(table, i),
        quarter,
        month: readMonth(row[cMonth]),
        region,
        owner,
        target,
        actual,
        attainment: attained,
        gap: target - actual,
        analysis: readText(row[cAnalysis]),
      });
    }
  }
  const periodTarget = quarterTargets.size > 0 ? [...quarterTargets.values()].reduce((a, b) => a + b, 0) : null;
  return {
    overall: lineOf('', overall),
    byRegion: [...byRegion].map(([name, acc]) => lineOf(name, acc)),
    byOwner: [...byOwner].map(([name, acc]) => lineOf(name, acc)),
    byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([name, acc]) => lineOf(name, acc)),
    periodTarget,
    quarterTargets: Object.fromEntries(quarterTargets),
    belowTarget,
    belowTargetCount,
    unreported,
    ...tiersOf(tiers),
  };
}

/** Step and cumulative conversion of the valid stage rows in sheet order; the bottleneck by BOTTLENECK's rule. */
export function funnelSummary(clean: CleanTable): NonNullable<KpiSummary['funnel']> {
  const { table } = clean.view;
  const [cStage, cCount, cDays] = ['stage', 'count', 'avgDays'].map((key) => columnIndex(clean, key)) as [number, number, number];
  const stages: string[] = [];
  const counts: number[] = [];
  const days: (number | null)[] = [];
  for (const i of clean.rows) {
    const row = table.rows[i] ?? [];
    stages.push(readText(row[cStage]));
    counts.push(readNumber(row[cCount]) ?? 0);
    days.push(readNumber(row[cDays]));
  }
  const step = funnel(counts, 'step');
  const cumulative = funnel(counts, 'cumulative');
  const found = bottleneck(stages, step);
  // A stage larger than the one before breaks the funnel: no cumulative rate from there on
  // (FUNNEL only compares neighbours, so 1 → 45000 → 2 would otherwise give 200%).
  const broken = step.findIndex((r) => finiteOrNull(r) === null);
  return {
    steps: stages.map((stage, i) => ({
      stage,
      count: counts[i] ?? 0,
      stepRate: finiteOrNull(step[i] ?? null),
      avgDays: days[i] ?? null,
      cumulativeRate: broken >= 0 && i >= broken ? null : finiteOrNull(cumulative[i] ?? null),
    })),
    bottleneck: typeof found === 'string' ? found : null,
  };
}

const GRADES: readonly LeadGrade[] = ['A', 'B', 'C'];

/**
 * SLA breach per grade (grade recomputed from the score with LEADGRADE's thresholds, due from
 * SLADUE): a response later than due, or no response while `today` is past due. Leads still inside
 * their limit are not decided yet and stay out of the rate.
 */
export function leadsSummary(clean: CleanTable, today: number): NonNullable<KpiSummary['leads']> {
  const { table } = clean.view;
  const [cScore, cReceived, cResponse] = ['score', 'received', 'firstResponse'].map((key) => columnIndex(clean, key)) as [
    number,
    number,
    number,
  ];
  const counts = new Map<LeadGrade, { total: number; breached: number; decided: number }>();
  for (const i of clean.rows) {
    const row = table.rows[i] ?? [];
    const score = readNumber(row[cScore]);
    const received = readDate(row[cReceived]);
    if (score === null || received === null) continue;
    const grade = leadGrade(score, DEFAULT_GRADE_THRESHOLDS.a, DEFAULT_GRADE_THRESHOLDS.b);
    if (grade !== 'A' && grade !== 'B' && grade !== 'C') continue;
    const due = finiteOrNull(slaDue(grade, received));
    if (due === null) continue;
    const response = readDate(row[cResponse]);
    const tally = entry(counts, grade, () => ({ total: 0, breached: 0, decided: 0 }));
    tally.total++;
    if (response !== null) {
      tally.decided++;
      if (response > due) tally.breached++;
    } else if (today > due) {
      tally.decided++;
      tally.breached++;
    }
  }
  return {
    byGrade: GRADES.flatMap((grade) => {
      const c = counts.get(grade);
      if (c === undefined) return [];
      return [
        {
          grade,
          total: c.total,
          breached: c.breached,
          breachRate: c.decided > 0 ? c.breached / c.decided : null,
          slaHours: SLA_HOURS[grade],
        },
      ];
    }),
  };
}
