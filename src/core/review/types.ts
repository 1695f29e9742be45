/**
 * The review wizard's model (复盘: 数据分析 → 过程评估 → 问题诊断 → 改进措施 → 持续跟踪), pure data.
 * The pane shows and edits these values; `core/review` computes them from tables read through the
 * WorkbookPort and turns the finished draft into table writes. Dates are day serials.
 */
import type { ForecastCallSummary, HierarchySummary } from './callTypes';

import type { GoalTier } from '../domain/tiers';
import type { MeetingsSummary } from './meetingTypes';
import type { PilotLine } from './pilotTypes';
import type { SurveySummary } from './surveyTypes';
import type { StageCompliance } from './stageTypes';
import type { ProcessArea } from '../domain';
import type { Localized } from '../i18n';
import type { TemplateId } from '../templates/types';
import type { CellValue as ReadValue, TableSnapshot } from '../workbook';
import type { SlipPeriod } from '../deals/changes';
import type { DealsSummary, StaleLimits } from './dealTypes';
import type { RecordsSummary } from './recordTypes';

/** A cell as read from a sheet. */
export type { ReadValue };

/** One template table as read through the port, tagged with the template it was matched to. */
export interface ReadTable extends TableSnapshot {
  readonly templateId: TemplateId;
}

/** What the wizard read: the tables present, by template. */
export type WorkbookData = Partial<Record<TemplateId, ReadTable>>;

/** 高 / 中 / 低. */
export type Severity = 'high' | 'medium' | 'low';

/** Thresholds the manager may edit (docs/DOMAIN.md §4): attainment below `high` → 高, below `medium` → 中, below 1 → 低. */
export interface ReviewThresholds {
  readonly attainmentHigh: number; // 0.8
  readonly attainmentMedium: number; // 0.95
  /** Funnel stages whose average days exceed this are flagged. */
  readonly stageDays: number; // 30
  /** SLA breach rate per grade above this is flagged. */
  readonly slaBreachRate: number; // 0.2
  /** Share of due actions (表3) that must be done; below it a finding is raised. Default 0.8. */
  readonly completionRate?: number;
  /** Days without follow-up after which an open deal is stale, per funnel stage (default: core/domain/stages.ts). */
  readonly staleDays?: StaleLimits;
  /** Open pipeline / (target − won) below this is too thin. Default 3. */
  readonly coverage?: number;
  /** A close date moving out of its month (default) or only out of its quarter counts as slipped. */
  readonly slipPeriod?: SlipPeriod;
}

export interface CleaningIssue {
  readonly templateId: TemplateId;
  readonly sheetName: string;
  /** 1-based sheet row, as the user sees it. */
  readonly row: number;
  readonly kind: 'duplicate' | 'invalid';
  /** The column at fault (its header label), for invalid rows. */
  readonly column?: string;
  readonly message: Localized;
}

export interface CleaningReport {
  readonly issues: readonly CleaningIssue[];
  /** Rows kept for analysis, by template. */
  readonly validRows: Partial<Record<TemplateId, number>>;
  /** Rows dropped (duplicates + invalid), by template. */
  readonly droppedRows: Partial<Record<TemplateId, number>>;
}

export interface AttainmentLine {
  readonly name: string;
  /** Target of the reported rows only (rows with an actual), so actual / target = attainment. */
  readonly target: number;
  readonly actual: number;
  /** null when nothing is reported yet. */
  readonly attainment: number | null;
  /** Target of every row, reported or not (a month not yet reported still has a target). */
  readonly totalTarget?: number;
}

/** A 表2 row under target, kept for the rules. */
export interface GoalRowResult {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  readonly quarter: string;
  readonly month: string;
  readonly region: string;
  readonly owner: string;
  readonly target: number;
  readonly actual: number;
  readonly attainment: number;
  /** target − actual. */
  readonly gap: number;
  /** The row's 差异分析及改进措施 text. */
  readonly analysis: string;
}

/** A 表3 row that is late (done after plan) or overdue (open past plan), kept for the rules. */
export interface ActionRowResult {
  readonly sheetRow: number;
  readonly action: string;
  readonly owner: string;
  readonly planned: number;
  readonly actual: number | null;
  readonly kind: 'late' | 'overdue';
  readonly days: number;
  /** 未完成原因说明. */
  readonly reason: string;
}

export interface KpiSummary {
  /** 预测提报: the latest calls, their accuracy to date and the calls missing (core/review/summaryCalls.ts). */
  readonly calls?: ForecastCallSummary;
  /** 组织架构's roll-up of targets, actuals, calls and the register's forecast (core/review/summaryOrg.ts). */
  readonly hierarchy?: HierarchySummary;
  /** 阶段标准: deals past their stage's expected days or moved on without its exit criteria, 流程达标率 per owner. */
  readonly stages?: StageCompliance;
  /** 方案反馈: the team's anonymous scores per statement and the comments' themes (core/review/summarySurvey.ts). */
  readonly survey?: SurveySummary;
  /** 效果评估's pilot and control members compared per metric (core/review/summaryPilots.ts). */
  readonly pilots?: readonly PilotLine[];
  /** 销售例会 and 行动项: each item's state on the review day, by department (core/review/summaryMeetings.ts). */
  readonly meetings?: MeetingsSummary;
  readonly goals?: {
    readonly overall: AttainmentLine;
    readonly byRegion: readonly AttainmentLine[];
    readonly byOwner: readonly AttainmentLine[];
    /** By month (canonical yyyy-mm, oldest first), for 环比 and 同比; rows whose month is no month are left out. */
    readonly byMonth?: readonly AttainmentLine[];
    /** Period target (季度目标) when the sheet gives one. */
    readonly periodTarget: number | null;
    /** 季度目标 by 季度 (first value given per quarter). */
    readonly quarterTargets?: Readonly<Record<string, number>>;
    /** Rows under target, in sheet order: the first 200 (BELOW_TARGET_ROWS). */
    readonly belowTarget?: readonly GoalRowResult[];
    /** All rows under target. */
    readonly belowTargetCount?: number;
    /** Rows with a blank actual (not reported yet). */
    readonly unreported?: number;
    /**
     * 目标 / 冲刺 / 挑战 over the reported rows, when 表2 gives a stretch or a challenge on every one
     * of them: the sums and the tier the actual reaches (core/domain/tiers.ts).
     */
    readonly tiers?: {
      readonly target: number;
      readonly actual: number;
      readonly stretch?: number;
      readonly challenge?: number;
      readonly reached: GoalTier;
    };
  };
  readonly funnel?: {
    readonly steps: readonly {
      readonly stage: string;
      readonly count: number;
      readonly stepRate: number | null;
      readonly avgDays: number | null;
      /** Cumulative conversion from the first stage. */
      readonly cumulativeRate?: number | null;
    }[];
    readonly bottleneck: string | null;
  };
  readonly leads?: {
    /** breachRate = breached / (met + breached): leads still inside their limit are not counted yet. */
    readonly byGrade: readonly {
      readonly grade: string;
      readonly total: number;
      readonly breached: number;
      readonly breachRate: number | null;
      readonly slaHours?: number;
    }[];
  };
  readonly actions?: {
    readonly total: number;
    readonly completed: number;
    readonly late: number;
    readonly overdue: number;
    readonly completionRate: number | null;
    readonly qualityMix: Readonly<Record<string, number>>;
    /** Actions whose planned date has passed, and how many of those are done. */
    readonly due?: number;
    readonly completedOfDue?: number;
    /** Late and overdue rows, in sheet order. */
    readonly items?: readonly ActionRowResult[];
    /** 执行计划表: tasks, and those past their 完成时间 with no completed 表3 row of the same text. */
    readonly plan?: { readonly total: number; readonly pastDue: number; readonly pastDueTasks: readonly string[] };
  };
  readonly evaluation?: {
    readonly metrics: readonly {
      readonly metric: string;
      readonly change: number | null;
      readonly goalChange: number | null;
      readonly met: boolean | null;
      readonly polarity?: 'higher' | 'lower';
      readonly before?: number;
      readonly after?: number | null;
      /** Moved the right way for its direction (null when not measured yet or unchanged). */
      readonly improved?: boolean | null;
      readonly sheetRow?: number;
    }[];
  };
  readonly deals?: DealsSummary;
  readonly records?: RecordsSummary;
  readonly kpi?: {
    readonly metrics: readonly {
      readonly category: string;
      readonly metric: string;
      readonly attainment: number | null;
      readonly polarity?: 'higher' | 'lower';
      readonly target?: number;
      readonly actual?: number | null;
      readonly unit?: string;
      readonly sheetRow?: number;
    }[];
  };
}

export interface Analysis {
  /** Templates the wizard looks for that the workbook lacks (the pane offers to insert them). */
  readonly missing: readonly TemplateId[];
  readonly cleaning: CleaningReport;
  readonly summary: KpiSummary;
}

export interface AreaEvaluation {
  readonly area: ProcessArea;
  /** Evidence drawn from the analysis, in the pane's language. */
  readonly evidence: readonly string[];
  /** The manager's note. */
  readonly note: string;
}

/** A 表1 dimension key, the order of the 表1 list (线索管理 … 团队能力). */
export type Dimension =
  | 'leads'
  | 'followUp'
  | 'conversion'
  | 'teamwork'
  | 'goals'
  | 'process'
  | 'tools'
  | 'market'
  | 'feedback'
  | 'capability';

/** One 问题 → 影响 → 原因 row for 表1. */
export interface Finding {
  readonly id: string;
  readonly dimension: Dimension;
  readonly problem: string;
  readonly impact: string;
  readonly cause: string;
  readonly severity: Severity;
  /** 'rule' when the wizard proposed it, 'manual' when the manager added it. */
  readonly origin: 'rule' | 'manual';
  /** The rule that produced it, e.g. 'goals.belowTarget'. */
  readonly rule?: string;
  /**
   * The money at stake, in the workbook's unit: a gap, a slipped or stale deal's amount, what a
   * lost reason cost. Within a severity, findings are ranked by it; none for findings without money.
   */
  readonly atStake?: number;
  /** The 1-based rows of the rule's sheet the finding was read from: what to open to check it. */
  readonly rows?: readonly number[];
}

/** An improvement action (执行计划表 + 表3), linked to a finding. */
export interface Action {
  readonly id: string;
  readonly findingId: string | null;
  readonly task: string;
  readonly owner: string;
  readonly start: number | null;
  readonly due: number | null;
  readonly output: string;
  readonly resources: string;
  /** The metric the action should move, and its target (a number in the metric's unit, or a rate). */
  readonly metric: string;
  readonly targetValue: number | null;
  /** The target as the manager typed it (`100%`, `45天`), written to the sheet instead of the bare number. */
  readonly targetText?: string;
}

export type SmartField = 'owner' | 'due' | 'target' | 'finding' | 'task' | 'start';

export interface SmartIssue {
  readonly actionId: string;
  readonly field: SmartField;
  readonly message: Localized;
}

/** Status of an action of an earlier review, from 表3. */
export type FollowUpStatus =
  | { readonly kind: 'onTime' }
  | { readonly kind: 'late'; readonly days: number }
  | { readonly kind: 'overdue'; readonly days: number }
  | { readonly kind: 'open'; readonly daysLeft: number };

export interface FollowUpItem {
  /** 0-based data row in 表3. */
  readonly row: number;
  readonly action: string;
  readonly owner: string;
  readonly planned: number | null;
  readonly actual: number | null;
  readonly quality: string;
  readonly reviewId: string;
  readonly status: FollowUpStatus;
}

/** What the manager records for an earlier action in step 5. */
export interface FollowUpEdit {
  readonly row: number;
  readonly actual: number | null;
  readonly quality: string;
  /** For a completed action: its metric before and after, written to 效果评估. */
  readonly metric?: string;
  readonly before?: number | null;
  readonly after?: number | null;
  /** The metric's direction and target change, for its 效果评估 row (blank direction = higher is better). */
  readonly direction?: 'higher' | 'lower';
  readonly goalChange?: number | null;
}

/** Everything the wizard writes, edited by the manager across the five steps. */
export interface ReviewDraft {
  readonly reviewId: string;
  readonly date: number;
  readonly period: string;
  readonly participants: string;
  readonly areas: readonly AreaEvaluation[];
  readonly findings: readonly Finding[];
  readonly actions: readonly Action[];
  readonly followUps: readonly FollowUpEdit[];
  readonly nextReview: number | null;
}
