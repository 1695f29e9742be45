/** The team's records' part of the review's model (core/review/summaryRecords.ts computes it), pure data. */

export interface RepActivity {
  readonly owner: string;
  readonly calls: number;
  readonly visits: number;
  readonly total: number;
  /** Distinct days with at least one activity. */
  readonly days: number;
  readonly customers: number;
  /** Activities per active day (the 日均跟进 of source 002 step 1). */
  readonly perDay: number;
  /** Deals won in the register, for activity per win. */
  readonly won: number;
}

export interface Commitment {
  readonly sheetRow: number;
  readonly rep: string;
  readonly commitment: string;
  readonly due: number;
  readonly done: number | null;
  readonly state: 'kept' | 'late' | 'missed' | 'open';
  readonly talkedOn: number | null;
}

export interface RecordsSummary {
  readonly activity?: {
    readonly reps: readonly RepActivity[];
    /** The reps' average activities per active day. */
    readonly teamPerDay: number;
    /** Customers of open deals with no activity within UNTOUCHED_DAYS; null without a register. */
    readonly untouched: readonly string[] | null;
  };
  readonly feedback?: {
    readonly count: number;
    readonly averageSatisfaction: number | null;
    /** Oldest month first. */
    readonly byMonth: readonly {
      readonly month: string;
      readonly satisfaction: number | null;
      readonly complaints: Readonly<Record<string, number>>;
    }[];
    /** Complaints by 问题类别, most first. */
    readonly complaints: readonly { readonly category: string; readonly count: number }[];
    readonly averageResponseHours: number | null;
    readonly overSla: number;
    readonly answered: number;
    readonly slaHours: number;
    readonly unresolved: number;
  };
  readonly weekly?: {
    /** Reps × weeks seen in the sheet. */
    readonly expected: number;
    readonly submitted: number;
    /** 市场信息 reported, distinct. */
    readonly market: readonly string[];
  };
  readonly commitments?: readonly Commitment[];
}
