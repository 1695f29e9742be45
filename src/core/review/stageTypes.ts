/** 阶段标准 in the review's model (core/review/summaryStages.ts computes it), pure data. */

/** A deal that broke its funnel stage's standard: moved on without the exit criteria, or stayed too long. */
export interface StageIssue {
  readonly sheetRow: number;
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly kind: 'skipped' | 'overstayed';
  /** The stage it left unchecked (skipped) or is in (overstayed), in the register's language. */
  readonly stage: string;
  /** Overstayed: days in the stage and the expected days. */
  readonly days?: number;
  readonly limit?: number;
  /** Skipped: the snapshot day it was seen in the later stage. */
  readonly seenOn?: number;
}

export interface StageCompliance {
  /** Deals judged: open deals in a stage with expected days, and deals seen moving on in the snapshots. */
  readonly checked: number;
  readonly compliant: number;
  /** 流程达标率: compliant / checked. */
  readonly rate: number;
  readonly byOwner: readonly { readonly owner: string; readonly checked: number; readonly compliant: number; readonly rate: number }[];
  readonly issues: readonly StageIssue[];
  /** Whether the snapshots say whether exit criteria were met (older snapshot sheets do not). */
  readonly exitTracked: boolean;
}
