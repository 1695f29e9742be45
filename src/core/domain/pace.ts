/**
 * 进度 Pace: how a period's actual stands against the share of its target the days gone by would
 * give (the method's "目标对比", docs/DOMAIN.md §3). One home for the levels, their labels and the
 * default thresholds, used by SALES.PACE, its native form and the review's rules.
 */
import { L, type Locale, type Localized } from '../i18n';

export type PaceLevel = 'ahead' | 'onTrack' | 'behind' | 'atRisk';

export interface PaceThresholds {
  /** Actual / expected at or above this is ahead. */
  readonly ahead: number;
  /** At or above this (and below ahead) is on track. */
  readonly onTrack: number;
  /** At or above this (and below on track) is behind; below it, at risk. */
  readonly behind: number;
}

export const DEFAULT_PACE_THRESHOLDS: PaceThresholds = { ahead: 1.1, onTrack: 0.9, behind: 0.7 };

export const PACE_LEVELS: readonly { readonly key: PaceLevel; readonly label: Localized }[] = [
  { key: 'ahead', label: L('领先', 'Ahead') },
  { key: 'onTrack', label: L('正常', 'On track') },
  { key: 'behind', label: L('落后', 'Behind') },
  { key: 'atRisk', label: L('风险', 'At risk') },
];

/** The level of actual / expected. */
export function paceLevel(ratio: number, thresholds: PaceThresholds = DEFAULT_PACE_THRESHOLDS): PaceLevel {
  if (ratio >= thresholds.ahead) return 'ahead';
  if (ratio >= thresholds.onTrack) return 'onTrack';
  if (ratio >= thresholds.behind) return 'behind';
  return 'atRisk';
}

/** Share of a period gone by on a day, both ends counted (0 before it starts, 1 after it ends); day serials. */
export function elapsedShare(start: number, end: number, asOf: number): number {
  const [first, last, day] = [Math.floor(start), Math.floor(end), Math.floor(asOf)];
  return Math.min(1, Math.max(0, (day - first + 1) / (last - first + 1)));
}

/** The label language a PACE call asks for: English for "en…", else the method's Chinese. */
export const paceLocale = (lang: string | null | undefined): Locale =>
  typeof lang === 'string' && lang.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';

export const paceLabel = (level: PaceLevel, locale: Locale): string =>
  (PACE_LEVELS.find((p) => p.key === level) as (typeof PACE_LEVELS)[number]).label[locale];
