/** The deal register's part of the review's model (core/review/summaryDeals.ts computes it), pure data. */
import type { ChangeReport } from '../deals/changes';
import type { ForecastCategory } from '../deals/fields';
import type { PaceLevel } from '../domain/pace';
import type { GoalTier } from '../domain/tiers';
import type { StageKey } from '../domain/stages';
import type { Locale } from '../i18n';

/** Days without a follow-up after which an open deal is stale, per stage (editable in the wizard). */
export type StaleLimits = Partial<Record<StageKey, number>>;

export interface StageLine {
  readonly stage: StageKey;
  readonly label: string;
  readonly count: number;
  readonly amount: number;
  readonly weighted: number;
}

export interface StaleDeal {
  readonly sheetRow: number;
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly stage: string;
  readonly amount: number;
  /** Days since the last follow-up (or since it entered its stage, or was created, when never followed up). */
  readonly days: number;
  readonly limit: number;
  readonly nextStep: string;
  readonly neverFollowedUp: boolean;
}

export interface SlippedDeal {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly amount: number;
  readonly from: number;
  readonly to: number;
  /** Times slipped over every kept snapshot. */
  readonly times: number;
  readonly nextStep: string;
}

export interface ForecastLine {
  readonly sheetRow: number;
  readonly owner: string;
  readonly region: string;
  readonly target: number;
  readonly won: number;
  readonly commit: number;
  readonly bestCase: number;
  readonly pipeline: number | null;
  readonly pace: PaceLevel | null;
  /** Share of the target the days gone by would give. */
  readonly expected: number;
  /**
   * With a stretch or a challenge level: the levels, the tier won + commit reaches, and the tier the
   * pace so far projects (null before the period starts) — core/domain/tiers.ts.
   */
  readonly tiers?: {
    readonly stretch?: number;
    readonly challenge?: number;
    readonly forecast: GoalTier;
    readonly pace: GoalTier | null;
  };
}

export interface ChangeWindow {
  readonly from: number;
  readonly to: number;
  readonly report: ChangeReport;
}

export interface DealsSummary {
  readonly locale: Locale;
  readonly open: { readonly count: number; readonly amount: number; readonly weighted: number };
  readonly won: { readonly count: number; readonly amount: number };
  readonly lost: { readonly count: number; readonly amount: number };
  readonly byStage: readonly StageLine[];
  readonly byCategory: readonly {
    readonly category: ForecastCategory | null;
    readonly label: string;
    readonly count: number;
    readonly amount: number;
  }[];
  readonly coverage: {
    readonly pipeline: number;
    readonly target: number;
    readonly won: number;
    /** null once won covers the target. */
    readonly ratio: number | null;
    readonly source: 'forecast' | 'goals';
  } | null;
  /** Largest first; every stale deal. */
  readonly stale: readonly StaleDeal[];
  readonly staleLimits: StaleLimits;
  /** Slipped between the last two snapshots, largest first. */
  readonly slipped: readonly SlippedDeal[];
  /** The last two snapshots compared, and the two before them (for 持续跟踪). */
  readonly changes?: ChangeWindow;
  readonly previousChanges?: ChangeWindow;
  /** Lost deals by reason, most often first (then by amount); blank reasons as 未填写. */
  /** `blank`: the 未填写 line of lost deals without a reason — a data gap, never a cause. */
  readonly lostReasons: readonly { readonly reason: string; readonly count: number; readonly amount: number; readonly blank?: boolean }[];
  readonly forecast?: readonly ForecastLine[];
}
