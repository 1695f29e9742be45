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

/** One finding as a rule states it: which rule, about what, how bad, and the evidence. */
export interface RuleFinding {
  readonly rule: string;
  /** What the finding is about within the rule (a region, a deal, a metric); '' for a rule's one finding. */
  readonly key: string;
  readonly dimension: Dimension;
  readonly severity: Severity;
  readonly problem: Localized;
  readonly impact: Localized;
  readonly cause?: string;
  /** The money at stake, for ranking findings. */
  readonly atStake?: number;
  /** The sheet rows behind the finding. */
  readonly rows?: readonly number[];
}

export function push(ctx: Context, finding: RuleFinding): void {
  const { rule, key, dimension, severity, problem, impact, cause = '', atStake, rows } = finding;
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
