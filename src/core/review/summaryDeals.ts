/**
 * 数据分析 from the deal register (商机明细), its snapshots (商机快照) and the forecast (销售预测):
 * open pipeline by stage and forecast category, coverage (open pipeline / (target − won)), deals
 * with no follow-up for longer than their stage allows, deals that slipped since the last
 * snapshot, lost reasons ranked, and each owner's pace against target. Only input columns are
 * read (weighted amounts are computed here from amount × probability, as the register's formula does).
 */
import { CHANGE_TYPES, type ChangeGroup, type ChangeType, type SlipPeriod, compareSnapshots, repeatedSlips } from '../deals/changes';
import { type DealStatus, FORECAST_CATEGORIES, type ForecastCategory } from '../deals/fields';
import { dealStatusOf, forecastCategoryOf } from '../deals/mapping';
import { readSnapshots } from '../deals/snapshots';
import { elapsedShare, paceLevel } from '../domain/pace';
import { projectedTier, tierReached } from '../domain/tiers';
import { FUNNEL_STAGES, type StageKey, stageOfLabel } from '../domain/stages';
import { type Locale, labelOfKey } from '../i18n';
import type { CleanTable } from './cleaning';
import { readDate, readNumber, readText, sheetRowOf, viewOf } from './read';
import type { ReadTable, WorkbookData } from './types';
import type { ChangeWindow, DealsSummary, ForecastLine, SlippedDeal, StageLine, StaleDeal, StaleLimits } from './dealTypes';

export type { ChangeWindow, DealsSummary, ForecastLine, SlippedDeal, StageLine, StaleDeal, StaleLimits };

export const DEFAULT_STALE_LIMITS: StaleLimits = Object.fromEntries(
  FUNNEL_STAGES.filter((s) => s.followUpDays !== undefined).map((s) => [s.key, s.followUpDays]),
);

export interface DealsSummaryOptions {
  readonly today: number;
  readonly staleLimits?: StaleLimits;
  readonly slipPeriod?: SlipPeriod;
  /**
   * Target and won from 表2 when there is no forecast: the coverage falls back to them, with the
   * open deals expected to close by the end of 表2's last month (`end`, a day serial) — a deal due
   * after the period cannot cover its gap.
   */
  readonly goals?: { readonly target: number; readonly actual: number; readonly end?: number };
}

const statusOf = (v: unknown): DealStatus => dealStatusOf(readText(v as string)) ?? 'open';

function readForecast(table: ReadTable | undefined, data: WorkbookData, today: number): ForecastLine[] | undefined {
  if (table === undefined) return undefined;
  const view = viewOf(data, 'forecast');
  if (view === undefined) return undefined;
  const at = (row: readonly unknown[], key: string) => row[view.columns.get(key) ?? -1] as never;
  const lines: ForecastLine[] = [];
  table.rows.forEach((row, i) => {
    const owner = readText(at(row, 'owner'));
    const target = readNumber(at(row, 'target'));
    if (owner === '' || target === null || target <= 0) return;
    const [start, end] = [readDate(at(row, 'start')), readDate(at(row, 'end'))];
    const won = readNumber(at(row, 'won')) ?? 0;
    const share = start !== null && end !== null && end >= start && today >= start ? elapsedShare(start, end, today) : 0;
    const commit = readNumber(at(row, 'commit')) ?? 0;
    const [stretch, challenge] = [readNumber(at(row, 'stretchTarget')), readNumber(at(row, 'challengeTarget'))];
    const levels = { target, ...(stretch !== null ? { stretch } : {}), ...(challenge !== null ? { challenge } : {}) };
    lines.push({
      sheetRow: sheetRowOf(table, i),
      owner,
      region: readText(at(row, 'region')),
      target,
      won,
      commit,
      bestCase: readNumber(at(row, 'bestCase')) ?? 0,
      pipeline: readNumber(at(row, 'pipeline')),
      pace: share > 0 ? paceLevel(won / (target * share)) : null,
      expected: share,
      ...(stretch !== null || challenge !== null
        ? {
            tiers: {
              ...(stretch !== null ? { stretch } : {}),
              ...(challenge !== null ? { challenge } : {}),
              forecast: tierReached(won + commit, levels),
              pace: start !== null && end !== null && end >= start ? (projectedTier(won, levels, start, end, today) ?? null) : null,
            },
          }
        : {}),
    });
  });
  return lines;
}

function changeWindows(
  data: WorkbookData,
  period: SlipPeriod,
): {
  changes?: ChangeWindow;
  previousChanges?: ChangeWindow;
  slips: Map<string, number>;
  later?: Map<string, number>;
  earlier?: Map<string, number>;
} {
  const table = data.dealSnapshots;
  if (table === undefined) return { slips: new Map() };
  const snapshots = readSnapshots(table);
  const window = (i: number): ChangeWindow | undefined => {
    const [before, after] = [snapshots[i - 1], snapshots[i]];
    return before && after ? { from: before.takenOn, to: after.takenOn, report: compareSnapshots(before, after, period) } : undefined;
  };
  const last = snapshots.length - 1;
  const changes = window(last);
  const previousChanges = window(last - 1);
  const closeOf = (i: number) =>
    new Map((snapshots[i]?.deals ?? []).flatMap((d) => (d.closeDate === null ? [] : [[d.id, d.closeDate] as const])));
  return {
    ...(changes ? { changes } : {}),
    ...(previousChanges ? { previousChanges } : {}),
    slips: repeatedSlips(snapshots, 1, period),
    ...(changes ? { later: closeOf(last), earlier: closeOf(last - 1) } : {}),
  };
}

type Read = (row: readonly unknown[], key: string) => never;

/** The register's rows counted: open by stage and category, won, lost by reason, and the stale ones. */
interface DealTally {
  readonly byStage: Map<StageKey, StageLine>;
  readonly byCategory: Map<ForecastCategory | null, { count: number; amount: number }>;
  readonly open: { count: number; amount: number; weighted: number };
  openByGoalsEnd: number;
  readonly won: { count: number; amount: number };
  readonly lost: { count: number; amount: number };
  readonly reasons: Map<string, { count: number; amount: number }>;
  readonly stale: StaleDeal[];
}

function newTally(locale: Locale): DealTally {
  return {
    byStage: new Map<StageKey, StageLine>(
      FUNNEL_STAGES.filter((s) => s.key !== 'won').map((s) => [
        s.key,
        { stage: s.key, label: s.label[locale], count: 0, amount: 0, weighted: 0 },
      ]),
    ),
    byCategory: new Map(),
    open: { count: 0, amount: 0, weighted: 0 },
    openByGoalsEnd: 0,
    won: { count: 0, amount: 0 },
    lost: { count: 0, amount: 0 },
    reasons: new Map(),
    stale: [],
  };
}

function tallyLost(tally: DealTally, reason: string, amount: number): void {
  tally.lost.count++;
  tally.lost.amount += amount;
  const entry = tally.reasons.get(reason) ?? { count: 0, amount: 0 };
  entry.count++;
  entry.amount += amount;
  tally.reasons.set(reason, entry);
}

/** An open deal: its stage and category, the weighted amount, and whether it is past its follow-up limit. */
function tallyOpen(
  tally: DealTally,
  deal: { readonly row: readonly unknown[]; readonly at: Read; readonly amount: number; readonly sheetRow: number; readonly id: string },
  options: DealsSummaryOptions,
  limits: Readonly<Partial<Record<StageKey, number>>>,
): void {
  const { row, at, amount } = deal;
  const stage = stageOfLabel(readText(at(row, 'stage')));
  const probability = readNumber(at(row, 'probability')) ?? stage?.probability ?? 0;
  tally.open.count++;
  tally.open.amount += amount;
  const close = readDate(at(row, 'closeDate'));
  if (options.goals?.end !== undefined && close !== null && close <= options.goals.end) tally.openByGoalsEnd += amount;
  tally.open.weighted += amount * probability;
  const line = stage ? tally.byStage.get(stage.key) : undefined;
  if (line)
    tally.byStage.set(line.stage, {
      ...line,
      count: line.count + 1,
      amount: line.amount + amount,
      weighted: line.weighted + amount * probability,
    });
  const category = forecastCategoryOf(readText(at(row, 'category'))) ?? null;
  const c = tally.byCategory.get(category) ?? { count: 0, amount: 0 };
  tally.byCategory.set(category, { count: c.count + 1, amount: c.amount + amount });

  const limit = stage ? limits[stage.key] : undefined;
  const last = readDate(at(row, 'lastActivity'));
  const since = last ?? readDate(at(row, 'stageSince')) ?? readDate(at(row, 'createdOn'));
  if (limit === undefined || since === null) return;
  const days = Math.floor(options.today) - Math.floor(since);
  if (days > limit)
    tally.stale.push({
      sheetRow: deal.sheetRow,
      id: deal.id,
      name: readText(at(row, 'name')),
      owner: readText(at(row, 'owner')),
      stage: readText(at(row, 'stage')),
      amount,
      days,
      limit,
      nextStep: readText(at(row, 'nextStep')),
      neverFollowedUp: last === null,
    });
}

/** The deals the snapshots saw slip, with what the register says of them now. */
function slippedDeals(windows: ReturnType<typeof changeWindows>, rowOf: ReadonlyMap<string, readonly unknown[]>, at: Read): SlippedDeal[] {
  return (windows.changes?.report.slipped.deals ?? []).map((id) => {
    const row = rowOf.get(id) ?? [];
    return {
      id,
      name: readText(at(row, 'name')),
      owner: readText(at(row, 'owner')),
      amount: readNumber(at(row, 'amount')) ?? 0,
      from: windows.earlier?.get(id) ?? 0,
      to: windows.later?.get(id) ?? 0,
      times: windows.slips.get(id) ?? 1,
      nextStep: readText(at(row, 'nextStep')),
    };
  });
}

export function dealsSummary(clean: CleanTable, data: WorkbookData, options: DealsSummaryOptions): DealsSummary {
  const { view } = clean;
  const { table, locale } = view;
  const at: Read = (row, key) => row[view.columns.get(key) ?? -1] as never;
  const limits = { ...DEFAULT_STALE_LIMITS, ...options.staleLimits };
  const tally = newTally(locale);
  const rowOf = new Map<string, readonly unknown[]>();
  for (const i of clean.rows) {
    const row = table.rows[i] ?? [];
    const id = readText(at(row, 'dealId'));
    rowOf.set(id, row);
    const status = statusOf(at(row, 'status'));
    const amount = readNumber(at(row, 'amount')) ?? 0;
    if (status === 'removed') continue;
    if (status === 'won') {
      tally.won.count++;
      tally.won.amount += amount;
    } else if (status === 'lost') tallyLost(tally, readText(at(row, 'lostReason')) || L_UNFILLED[locale], amount);
    else tallyOpen(tally, { row, at, amount, sheetRow: sheetRowOf(table, i), id }, options, limits);
  }

  const windows = changeWindows(data, options.slipPeriod ?? 'month');
  const slipped = slippedDeals(windows, rowOf, at);
  const forecast = readForecast(data.forecast, data, options.today);
  const { open, won, lost, byStage, byCategory, reasons, stale } = tally;
  const coverage = coverageOf(options.goals?.end === undefined ? open.amount : tally.openByGoalsEnd, forecast, options.goals);
  return {
    locale,
    open,
    won,
    lost,
    byStage: [...byStage.values()],
    byCategory: [...FORECAST_CATEGORIES.map((c) => c.key), null]
      .filter((key) => byCategory.has(key))
      .map((key) => ({
        category: key,
        label: key === null ? L_UNFILLED[locale] : labelOfKey(FORECAST_CATEGORIES, key)[locale],
        ...(byCategory.get(key) as { count: number; amount: number }),
      })),
    coverage,
    stale: stale.sort((a, b) => b.amount - a.amount || b.days - a.days),
    staleLimits: limits,
    slipped: slipped.sort((a, b) => b.amount - a.amount),
    ...(windows.changes ? { changes: windows.changes } : {}),
    ...(windows.previousChanges ? { previousChanges: windows.previousChanges } : {}),
    lostReasons: [...reasons.entries()]
      .map(([reason, r]) => ({ reason, ...r, ...(reason === L_UNFILLED[locale] ? { blank: true } : {}) }))
      .sort((a, b) => b.count - a.count || b.amount - a.amount),
    ...(forecast ? { forecast } : {}),
  };
}

const L_UNFILLED: Readonly<Record<Locale, string>> = { 'zh-CN': '未填写', 'en-US': 'Not given' };

function coverageOf(
  pipeline: number,
  forecast: readonly ForecastLine[] | undefined,
  goals: DealsSummaryOptions['goals'],
): DealsSummary['coverage'] {
  const from =
    forecast && forecast.length > 0
      ? { target: sum(forecast, 'target'), won: sum(forecast, 'won'), source: 'forecast' as const }
      : goals && goals.target > 0
        ? { target: goals.target, won: goals.actual, source: 'goals' as const }
        : undefined;
  if (from === undefined) return null;
  const gap = from.target - from.won;
  // With a forecast, its own open pipeline (this period's) is the pipeline that can cover the gap.
  const open = forecast && forecast.length > 0 && forecast.every((f) => f.pipeline !== null) ? sum(forecast, 'pipeline') : pipeline;
  return { pipeline: open, target: from.target, won: from.won, ratio: gap > 0 ? open / gap : null, source: from.source };
}

const sum = (lines: readonly ForecastLine[], key: 'target' | 'won' | 'pipeline'): number => lines.reduce((t, l) => t + (l[key] ?? 0), 0);

export interface ChangeComparisonLine {
  readonly type: ChangeType;
  readonly now: ChangeGroup;
  /** The same type between the two snapshots before; null when there were not three snapshots. */
  readonly before: ChangeGroup | null;
}

/** 持续跟踪: this review's change report beside the last one's, type by type (only types that moved in either). */
export function changeComparison(deals: DealsSummary): ChangeComparisonLine[] {
  const latest = deals.changes;
  if (latest === undefined) return [];
  const earlier = deals.previousChanges;
  return CHANGE_TYPES.map((type) => ({ type, now: latest.report[type], before: earlier ? earlier.report[type] : null })).filter(
    (line) => line.now.count > 0 || (line.before?.count ?? 0) > 0,
  );
}
