/**
 * The method's three comparisons (source 003 §5: against target, the same period before, and the
 * other members of the team): the latest reported month against its target, 环比 (the month before)
 * and 同比 (the same month last year) where 表2 has them; and the team ranked by attainment with
 * pipeline coverage and activity beside it, and the team average.
 */
import { type PeriodComparison, comparedPeriod, parsePeriod, periodKey } from '../periods';
import type { AttainmentLine, KpiSummary } from './types';

export interface PeriodLine {
  readonly period: string;
  readonly actual: number;
  readonly target: number;
  readonly attainment: number | null;
}

export interface KpiComparison {
  /** The latest month with a reported actual. */
  readonly latest: PeriodLine;
  /** (actual − the compared month's actual) / abs(it); null when that month has no actual. */
  readonly previous: { readonly period: string; readonly actual: number; readonly change: number | null } | null;
  readonly lastYear: { readonly period: string; readonly actual: number; readonly change: number | null } | null;
}

const change = (now: number, before: number): number | null => (before === 0 ? null : (now - before) / Math.abs(before));

/** 目标对比 / 环比 / 同比 of 表2's actuals by month; undefined when no month is reported. */
export function goalComparison(summary: KpiSummary): KpiComparison | undefined {
  const months = (summary.goals?.byMonth ?? []).filter((m) => m.attainment !== null);
  const latest = months.at(-1);
  if (latest === undefined) return undefined;
  const period = parsePeriod(latest.name);
  if (period === undefined) return undefined;
  const against = (comparison: PeriodComparison) => {
    const key = periodKey(comparedPeriod(period, comparison));
    const line = months.find((m) => m.name === key);
    return line ? { period: key, actual: line.actual, change: change(latest.actual, line.actual) } : null;
  };
  return {
    latest: { period: latest.name, actual: latest.actual, target: latest.target, attainment: latest.attainment },
    previous: against('previous'),
    lastYear: against('year'),
  };
}

export interface RankedOwner {
  readonly owner: string;
  readonly rank: number;
  readonly attainment: number | null;
  /** Open pipeline / (target − won) from the forecast's rows of the owner; null without a forecast or once the target is met. */
  readonly coverage: number | null;
  /** Activities per active day from 活动记录. */
  readonly activityPerDay: number | null;
}

export interface TeamRanking {
  readonly owners: readonly RankedOwner[];
  readonly average: { readonly attainment: number | null; readonly coverage: number | null; readonly activityPerDay: number | null };
}

const mean = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};

/** Owners ranked by attainment (best first; unreported last, by name), with the team's average. */
export function teamRanking(summary: KpiSummary): TeamRanking | undefined {
  const byOwner: readonly AttainmentLine[] = summary.goals?.byOwner ?? [];
  const forecast = summary.deals?.forecast ?? [];
  const reps = summary.records?.activity?.reps ?? [];
  const names = [...new Set([...byOwner.map((l) => l.name), ...forecast.map((f) => f.owner), ...reps.map((r) => r.owner)])];
  if (names.length < 2) return undefined;
  const rows = names.map((owner) => {
    const lines = forecast.filter((f) => f.owner === owner);
    const gap = lines.reduce((t, f) => t + f.target - f.won, 0);
    const pipeline = lines.reduce((t, f) => t + (f.pipeline ?? 0), 0);
    return {
      owner,
      attainment: byOwner.find((l) => l.name === owner)?.attainment ?? null,
      coverage: lines.length > 0 && gap > 0 ? pipeline / gap : null,
      activityPerDay: reps.find((r) => r.owner === owner)?.perDay ?? null,
    };
  });
  rows.sort((a, b) => (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) || a.owner.localeCompare(b.owner));
  return {
    owners: rows.map((row, i) => ({ ...row, rank: i + 1 })),
    average: {
      attainment: mean(rows.map((r) => r.attainment)),
      coverage: mean(rows.map((r) => r.coverage)),
      activityPerDay: mean(rows.map((r) => r.activityPerDay)),
    },
  };
}
