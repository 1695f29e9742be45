/** What every rule of step 3 shares: the language, the thresholds, the money unit and the findings so far. */
import type { Locale, Localized } from '../i18n';
import type { Dimension, Finding, ReviewThresholds, Severity } from './types';

/** Above this many rows under target (or late actions), one finding per region (or one in total) instead. */
export const MAX_ROW_FINDINGS = 20;

export function attainmentSeverity(attained: number, thresholds: ReviewThresholds): Severity | null {
  if (attained < thresholds.attainmentHigh) return 'high';
  if (attained < thresholds.attainmentMedium) return 'medium';
  return attained < 1 ? 'low' : null;
}

export interface Context {
  readonly locale: Locale;
  readonly thresholds: ReviewThresholds & { readonly completionRate: number };
  readonly unit: string | undefined;
  readonly out: Finding[];
}

export function push(
  ctx: Context,
  rule: string,
  key: string,
  dimension: Dimension,
  severity: Severity,
  problem: Localized,
  impact: Localized,
  cause = '',
  evidence: { readonly atStake?: number; readonly rows?: readonly number[] } = {},
): void {
  const { atStake, rows } = evidence;
  ctx.out.push({
    ...(atStake !== undefined && Number.isFinite(atStake) && atStake > 0 ? { atStake } : {}),
    ...(rows !== undefined && rows.length > 0 ? { rows: [...rows].sort((a, b) => a - b) } : {}),
    id: key === '' ? rule : `${rule}:${key}`,
    dimension,
    problem: problem[ctx.locale],
    impact: impact[ctx.locale],
    cause,
    severity,
    origin: 'rule',
    rule,
  });
}
