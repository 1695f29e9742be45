/** 试点组 vs 对照组 in the review's model (core/review/summaryPilots.ts computes it), pure data. */
import type { PilotComparison } from '../domain/pilot';
import type { Localized } from '../i18n';

export interface PilotLine {
  readonly metric: string;
  readonly polarity: 'higher' | 'lower';
  /** The member rows read (1-based sheet rows). */
  readonly rows: readonly number[];
  readonly comparison: PilotComparison;
  readonly statement: Localized;
}
