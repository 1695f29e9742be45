/**
 * The before/after verdict (效果评估, docs/DOMAIN.md §2): with a target change, met or missed in the
 * metric's direction (lower is better: change ≤ target); without one, improved, worse or no change.
 * The sheet's native formula and the review's evidence both come from here.
 */
import { L, type Locale, type Localized } from '../i18n';
import { type Polarity, nativeIsLowerBetter } from './direction';

export type Verdict = 'met' | 'missed' | 'improved' | 'worse' | 'flat';

export const VERDICT_LABELS: Readonly<Record<Verdict, Localized>> = {
  met: L('达标', 'Met'),
  missed: L('未达标', 'Missed'),
  improved: L('改善', 'Improved'),
  worse: L('恶化', 'Worse'),
  flat: L('持平', 'No change'),
};

/** The verdict of a change (null when there is no change yet). */
export function verdictOf(change: number | null, goalChange: number | null, polarity: Polarity): Verdict | null {
  if (change === null) return null;
  if (goalChange !== null) return (polarity === 'lower' ? change <= goalChange : change >= goalChange) ? 'met' : 'missed';
  if (change === 0) return 'flat';
  return change < 0 === (polarity === 'lower') ? 'improved' : 'worse';
}

/** verdictOf as a native formula over the row's {change}, {goalChange} and {direction} cells. */
export function nativeVerdict(locale: Locale): string {
  const lower = nativeIsLowerBetter('{direction}');
  const v = (key: Verdict) => `"${VERDICT_LABELS[key][locale]}"`;
  return (
    `IF({change}="","",IF({goalChange}="",IF({change}=0,${v('flat')},IF(({change}<0)=${lower},${v('improved')},${v('worse')})),` +
    `IF(${lower},IF({change}<={goalChange},${v('met')},${v('missed')}),IF({change}>={goalChange},${v('met')},${v('missed')}))))`
  );
}
