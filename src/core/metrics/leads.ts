/** Lead family: LEADGRADE, SLADUE. */
import type { ElementMetric } from '../catalogue/types';
import { NON_NEGATIVE, SCORE_0_100, outOfBound } from '../bounds';
import { numError, valueError } from '../errors';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { type Scalar, finite } from '../values';

export type LeadGrade = 'A' | 'B' | 'C';

/** Response time limits per grade, in hours (source 002, docs/DOMAIN.md: A 2 h, B 24 h; C is a product default of 7 days). */
export const SLA_HOURS: Readonly<Record<LeadGrade, number>> = { A: 2, B: 24, C: 168 };

export const DEFAULT_GRADE_THRESHOLDS = { a: 80, b: 50 } as const;

/**
 * The grade of a score. The bounds are checked here as well as by the runner because the review
 * grades the 线索分级 rows directly; each threshold's own 0–100 bound is the runner's.
 */
export function leadGrade(score: number, aMin: number, bMin: number): Scalar {
  const refused = outOfBound(score, SCORE_0_100, CELL_NAMES.score);
  if (refused !== undefined) return refused;
  if (aMin < bMin) return numError(FUNCTION_MESSAGES.thresholds);
  if (score >= aMin) return 'A';
  return score >= bMin ? 'B' : 'C';
}

function readGrade(value: Scalar): LeadGrade | undefined {
  const key = String(value ?? '')
    .trim()
    .toUpperCase();
  return key === 'A' || key === 'B' || key === 'C' ? key : undefined;
}

/** When the first response is due: received + the grade's limit (or `hours` for every grade). */
export function slaDue(grade: LeadGrade, received: number, hours?: number): Scalar {
  const limit = hours ?? SLA_HOURS[grade];
  const refused = outOfBound(limit, NON_NEGATIVE, CELL_NAMES.hours);
  if (refused !== undefined) return refused;
  return finite(received + limit / 24);
}

export const LEADGRADE: ElementMetric = ([score, aMin, bMin]) => leadGrade(score as number, aMin as number, bMin as number);

export const SLADUE: ElementMetric = ([gradeCell, received, hours]) => {
  const grade = readGrade(gradeCell);
  if (grade === undefined) return valueError(FUNCTION_MESSAGES.grade);
  return slaDue(grade, received as number, hours === null ? undefined : (hours as number));
};
