/**
 * What the review reads from 预测提报 and 组织架构 (core/review/summaryCalls.ts, summaryOrg.ts), apart
 * so types.ts can hold it without an import circle.
 */
import type { AccuracyRecord, MissingCall, RollUpLine } from '../team';

/** What the review says about the team's forecast calls (`report --json`'s `forecastCalls`). */
export interface ForecastCallSummary {
  readonly sheet: string;
  readonly reps: readonly {
    readonly rep: string;
    readonly week: number;
    readonly commit?: number;
    readonly bestCase?: number;
    readonly adjustedCommit?: number;
    readonly called?: number;
    readonly systemCommit?: number;
    readonly systemBestCase?: number;
    readonly note?: string;
    /** Mean accuracy and bias of the rep's own calls in periods whose actual is known. */
    readonly accuracy?: number;
    readonly bias?: number;
    readonly direction?: AccuracyRecord['direction'];
    readonly persistent?: boolean;
    readonly weeksScored: number;
  }[];
  /** Reps with no call within the due days of the day the review is for (during a called period). */
  readonly missing: readonly MissingCall[];
  /** Sheet rows left out: no rep, no week or no period. */
  readonly skippedRows: readonly number[];
  /** The team's accuracy week by week (the mean over the reps scored that week), oldest first. */
  readonly trend: readonly { readonly week: number; readonly accuracy: number; readonly reps: number }[];
}

export const ROLLUP_MEASURES = ['target', 'actual', 'called', 'forecast'] as const;
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

export interface HierarchySummary {
  /** The team, then regions, managers and reps. */
  readonly lines: readonly RollUpLine<RollupMeasure>[];
  /** 负责人 of 表2, 预测提报 or 销售预测 that 组织架构 does not place on the item's day. */
  readonly unplaced: readonly string[];
}
