/** 方案反馈 in the review's model (core/review/summarySurvey.ts computes it), pure data. */
import type { FeedbackTheme } from '../domain/survey';
import type { Localized } from '../i18n';

export interface SurveyStatementLine {
  readonly statement: string;
  readonly answers: number;
  readonly mean: number;
  /** Answers scoring 1, 2, 3, 4 and 5. */
  readonly distribution: readonly [number, number, number, number, number];
  /** Share of answers agreeing (4 or 5). */
  readonly agree: number;
}

export interface SurveySummary {
  readonly sheet: string;
  /** Distinct response numbers. */
  readonly responses: number;
  readonly statements: readonly SurveyStatementLine[];
  /** Themes of the comments, most mentioned first, with up to two comments each. */
  readonly themes: readonly {
    readonly theme: FeedbackTheme;
    readonly label: Localized;
    readonly count: number;
    readonly examples: readonly string[];
  }[];
  /** Comments that touch no known theme. */
  readonly otherComments: number;
  /** Rows whose score is not a whole number from 1 to 5, named for the fix. */
  readonly badScoreRows: readonly number[];
}
