/** 销售例会 and 行动项 in the review's model (core/review/summaryMeetings.ts computes it), pure data. */
import type { ActionState, ActionStatus } from '../domain/meetings';

export interface ActionItemLine {
  readonly sheetRow: number;
  readonly item: string;
  readonly owner: string;
  readonly due: number;
  readonly doneOn?: number;
  readonly status?: ActionStatus;
  readonly meetingId: string;
  readonly link: string;
  /** The department of a cross-department item ('' for the team's own). */
  readonly department: string;
  readonly state: ActionState;
  /** Days past due, for an overdue item. */
  readonly daysOverdue?: number;
}

export interface MeetingsSummary {
  /** 行动项's sheet, when the workbook has it. */
  readonly sheet?: string;
  readonly items: readonly ActionItemLine[];
  /** Rows of 行动项 without an item, an owner or a due day that is a date. */
  readonly skippedRows: readonly number[];
  /** Every meeting id 销售例会 holds (a new one must differ). */
  readonly ids: readonly string[];
  /** 销售例会's meetings held (dated on or before the review), the latest first. */
  readonly meetings: readonly { readonly id: string; readonly date: number; readonly kind: string; readonly nextDate?: number }[];
  /** Cross-department items by department: how many, done, open and overdue. */
  readonly byDepartment: readonly {
    readonly department: string;
    readonly total: number;
    readonly done: number;
    readonly open: number;
    readonly overdue: number;
  }[];
}
