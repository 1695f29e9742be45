/** Lead family: LEADGRADE, SLADUE. */
import type { ElementMetric } from '../catalogue/types';
import { numError, valueError } from '../errors';
import { withNumbers } from '../lift';
import { type Scalar, finite } from '../values';

export type LeadGrade = 'A' | 'B' | 'C';

/** Response time limits per grade, in hours (source 002, docs/DOMAIN.md: A 2 h, B 24 h; C is a product default of 7 days). */
export const SLA_HOURS: Readonly<Record<LeadGrade, number>> = { A: 2, B: 24, C: 168 };

export const DEFAULT_GRADE_THRESHOLDS = { a: 80, b: 50 } as const;

export function leadGrade(score: number, aMin: number, bMin: number): Scalar {
  if (score < 0 || score > 100) return numError('score must be between 0 and 100');
  if (aMin < bMin || bMin < 0 || aMin > 100) return numError('thresholds must satisfy 0 ≤ b_min ≤ a_min ≤ 100');
  if (score >= aMin) return 'A';
  return score >= bMin ? 'B' : 'C';
}

export function readGrade(value: Scalar): LeadGrade | undefined {
  const key = String(value ?? '')
    .trim()
    .toUpperCase();
  return key === 'A' || key === 'B' || key === 'C' ? key : undefined;
}

/** When the first response is due: received + the grade's limit (or `hours` for every grade). */
export function slaDue(grade: LeadGrade, received: number, hours?: number): Scalar {
  const limit = hours ?? SLA_HOURS[grade];
  if (limit < 0) return numError('hours cannot be negative');
  return finite(received + limit / 24);
}

export const LEADGRADE: ElementMetric = ([score, aMin, bMin]) =>
  withNumbers({ score, a_min: aMin ?? null, b_min: bMin ?? null }, (n) => leadGrade(n.score, n.a_min, n.b_min));

export const SLADUE: ElementMetric = ([gradeCell, received, hours]) => {
  const grade = readGrade(gradeCell);
  if (grade === undefined) return valueError('grade must be A, B or C');
  if (hours === null) return withNumbers({ received }, (n) => slaDue(grade, n.received));
  return withNumbers({ received, hours }, (n) => slaDue(grade, n.received, n.hours));
};
