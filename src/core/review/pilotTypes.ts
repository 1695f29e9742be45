/** 试点组 vs 对照组 in the review's model (core/review/summaryPilots.ts computes it), pure data. */
import type { PilotComparison, PilotMeasure } from '../domain/pilot';
import type { Localized } from '../i18n';

/** The two spans a register pilot compares, as inclusive day serials: as many days before as since. */
export interface PilotWindows {
  readonly before: readonly [number, number];
  readonly after: readonly [number, number];
}

export interface PilotLine {
  readonly metric: string;
  readonly polarity: 'higher' | 'lower';
  /** The member rows read, or the row defining a register pilot (1-based sheet rows). */
  readonly rows: readonly number[];
  readonly comparison: PilotComparison;
  readonly statement: Localized;
  /** For a pilot over the register or the records: the measure, its spans and the reps left out. */
  readonly measured?: { readonly measure: PilotMeasure; readonly windows: PilotWindows; readonly leftOut: readonly string[] };
}
