/** What the review reads from 预测提报 (core/review/summaryCalls.ts), apart so types.ts can hold it without a cycle. */
import type { AccuracyRecord, MissingCall } from '../team';

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
