/**
 * 目标档位 Goal tiers: a goal may carry a stretch (冲刺) and a challenge (挑战) level above the target
 * (source 002: goals that stretch; CordysCRM's 目标 / 冲刺 / 挑战). One home for the tiers, their
 * labels, which one an actual reaches, and its native form in 表2.
 */
import { L, type Locale, type Localized } from '../i18n';
import { elapsedShare } from './pace';

export type GoalTier = 'below' | 'target' | 'stretch' | 'challenge';

export const GOAL_TIERS: readonly { readonly key: GoalTier; readonly label: Localized }[] = [
  { key: 'below', label: L('未达成', 'Below target') },
  { key: 'target', label: L('目标', 'Target') },
  { key: 'stretch', label: L('冲刺', 'Stretch') },
  { key: 'challenge', label: L('挑战', 'Challenge') },
];

/** The tiers a goal can reach (a reward is paid for reaching one; 未达成 earns none). */
export const REACHED_TIERS = GOAL_TIERS.filter((t) => t.key !== 'below');

export const goalTierLabel = (tier: GoalTier, locale: Locale): string =>
  (GOAL_TIERS.find((t) => t.key === tier) as (typeof GOAL_TIERS)[number]).label[locale];

/** The levels a goal has: the target, and the stretch and challenge where given. */
export interface GoalLevels {
  readonly target: number;
  readonly stretch?: number;
  readonly challenge?: number;
}

/** The highest tier `actual` reaches (a tier not given is never reached). */
export function tierReached(actual: number, levels: GoalLevels): GoalTier {
  if (levels.challenge !== undefined && actual >= levels.challenge) return 'challenge';
  if (levels.stretch !== undefined && actual >= levels.stretch) return 'stretch';
  return actual >= levels.target ? 'target' : 'below';
}

/**
 * tierReached as a native formula over cell references (blank actual or target: blank; a blank
 * stretch or challenge is never reached), in the sheet's language.
 */
export function nativeTierReached(actual: string, target: string, stretch: string, challenge: string, locale: Locale): string {
  return `IF(OR(${actual}="",${target}=""),"",${tierChain(actual, target, stretch, challenge, locale)})`;
}

/** The tier of a number (an expression) that is there: the levels from the top down. */
function tierChain(actual: string, target: string, stretch: string, challenge: string, locale: Locale): string {
  const label = (tier: GoalTier) => `"${goalTierLabel(tier, locale)}"`;
  return (
    `IF(AND(${challenge}<>"",${actual}>=${challenge}),${label('challenge')},` +
    `IF(AND(${stretch}<>"",${actual}>=${stretch}),${label('stretch')},` +
    `IF(${actual}>=${target},${label('target')},${label('below')})))`
  );
}

/**
 * PACE by tier: the tier the period's actual would reach at the pace so far (the actual over the
 * share of the period gone by, as SALES.RUNRATE projects it); undefined before the period starts.
 */
export function projectedTier(actual: number, levels: GoalLevels, start: number, end: number, asOf: number): GoalTier | undefined {
  const share = elapsedShare(start, end, asOf);
  return share > 0 ? tierReached(actual / share, levels) : undefined;
}

/** projectedTier as a native formula over cell references (dates as whole days; blank before the period). */
export function nativeProjectedTier(
  actual: string,
  levels: { readonly target: string; readonly stretch: string; readonly challenge: string },
  period: { readonly start: string; readonly end: string; readonly asOf: string },
  locale: Locale,
): string {
  const { start, end, asOf } = period;
  const projected = `(${actual})/MIN(1,(${asOf}-${start}+1)/(${end}-${start}+1))`;
  // LEN, not ="": in headless Univer 0.25 a sample 0 compared equal to "" (test/hosts/web/templates.test.ts).
  const missing = [actual, levels.target, start, end].map((ref) => `LEN(${ref})=0`).join(',');
  return `IF(OR(${missing},${asOf}<${start}),"",${tierChain(projected, levels.target, levels.stretch, levels.challenge, locale)})`;
}
