/**
 * Reporting periods as managers write them — months (`2024-03`, `2024/3`, `2024年3月`), quarters
 * (`2024 Q1`, `2024-Q1`, `2024年第1季度`, `Q1 2024`), years (`2024`, `2024年`) or a date (its month) —
 * and the period a comparison looks back to: 环比 the one before, 同比 the same one a year before.
 * One home for SALES.PERIODCHANGE, the goal rows' months and the review's comparisons.
 */
import { isoFromSerial, serialFromDate } from './dates';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  readonly index: number;
}

const PER_YEAR: Readonly<Record<PeriodKind, number>> = { month: 12, quarter: 4, year: 1 };

const MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/;
const QUARTER = [/^(\d{4})\s*[-/ ]?\s*(?:年\s*)?(?:第\s*)?[Qq]?\s*([1-4])\s*(?:季度|季)?$/, /^[Qq]([1-4])\s*[-/ ]?\s*(\d{4})$/];
const YEAR = /^(\d{4})\s*年?$/;

/** The period a cell names, or undefined. A number of four digits is a year; a larger one a date serial (its month). */
export function parsePeriod(value: unknown): Period | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (Number.isInteger(value) && value >= 1000 && value <= 9999) return { kind: 'year', year: value, index: 1 };
    if (value < 1 || value > 2_958_465) return undefined;
    const [year, month] = isoFromSerial(value).split('-').map(Number) as [number, number];
    return { kind: 'month', year, index: month };
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const month = MONTH.exec(text);
  if (month) {
    const index = Number(month[2]);
    return index >= 1 && index <= 12 ? { kind: 'month', year: Number(month[1]), index } : undefined;
  }
  const quarterFirst = QUARTER[0]?.exec(text);
  if (quarterFirst && /[Qq季]/.test(text)) return { kind: 'quarter', year: Number(quarterFirst[1]), index: Number(quarterFirst[2]) };
  const quarterLast = QUARTER[1]?.exec(text);
  if (quarterLast) return { kind: 'quarter', year: Number(quarterLast[2]), index: Number(quarterLast[1]) };
  const year = YEAR.exec(text);
  return year ? { kind: 'year', year: Number(year[1]), index: 1 } : undefined;
}

/** A canonical spelling: `2024-03`, `2024 Q1`, `2024`. */
export function periodKey(period: Period): string {
  if (period.kind === 'month') return `${period.year}-${String(period.index).padStart(2, '0')}`;
  return period.kind === 'quarter' ? `${period.year} Q${period.index}` : String(period.year);
}

/** The period `steps` before (环比 is 1 step; 同比 a year's worth). */
export function periodBefore(period: Period, steps: number): Period {
  const perYear = PER_YEAR[period.kind];
  const ordinal = period.year * perYear + (period.index - 1) - steps;
  return { kind: period.kind, year: Math.floor(ordinal / perYear), index: (ordinal % perYear) + 1 };
}

export type PeriodComparison = 'previous' | 'year';

/** The period a comparison looks back to: the one before (环比) or the same one last year (同比). */
export const comparedPeriod = (period: Period, comparison: PeriodComparison): Period =>
  periodBefore(period, comparison === 'previous' ? 1 : PER_YEAR[period.kind]);

/** Whether `inner` lies within `outer`: a month within its quarter and year, a quarter within its year, a period within itself. */
export function periodWithin(inner: Period, outer: Period): boolean {
  if (inner.year !== outer.year) return false;
  if (outer.kind === 'year') return true;
  if (outer.kind === 'quarter')
    return inner.kind === 'quarter' ? inner.index === outer.index : inner.kind === 'month' && Math.ceil(inner.index / 3) === outer.index;
  return inner.kind === 'month' && inner.index === outer.index;
}

/** The months a period spans, spelt `2026-01`: a quarter's three, a year's twelve, a month itself. */
export function monthsOfPeriod(period: Period): string[] {
  const first = period.kind === 'month' ? period.index : period.kind === 'quarter' ? (period.index - 1) * 3 + 1 : 1;
  const count = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_v, i) => periodKey({ kind: 'month', year: period.year, index: first + i }));
}

/** The first and last day (serials) of the calendar quarter holding `day`. */
export function quarterBounds(day: number): { start: number; end: number } {
  const [year, month] = isoFromSerial(day).split('-').map(Number) as [number, number];
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return { start: serialFromDate(year, first, 1), end: serialFromDate(year, first + 3, 1) - 1 };
}
