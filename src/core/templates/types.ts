/**
 * Templates are data: one spec per sheet of the method, which `planTemplate` turns into a
 * host-neutral plan (cells, formats, validation, conditional formats, chart) and each host renders.
 */
import type { SourceRef } from '../domain/sources';
import type { Localized } from '../i18n';

export type ColumnType = 'text' | 'number' | 'general' | 'integer' | 'percent' | 'date' | 'datetime' | 'days' | 'boolean';

/**
 * A formula over column keys. Column references: `{key}` same row, `{key@prev}` previous row,
 * `{key@first}` first data row (absolute), `{key#col}` the column's data range (absolute),
 * `{key#rest}` that range without its first row, `{key#all}` the whole sheet column (rows added
 * later included; SUMIFS/COUNTIFS skip the header), `{@id.key}` the column of another template
 * (listed in `uses`) on its own sheet (absolute), `{@id.key#all}` its whole column.
 */
export type FormulaSpec =
  /** A SALES function; with portable formulas on, the catalogue's native equivalent is used instead (or `portable`). */
  | { readonly call: string; readonly args: readonly string[]; readonly portable?: string }
  /** A native spreadsheet expression (no leading `=`); may carry language-specific text. */
  | { readonly native: string | Localized };

export interface ColumnSpec {
  readonly key: string;
  readonly label: Localized;
  readonly type: ColumnType;
  /** Column width in characters. */
  readonly width: number;
  /** Drop-down values, in each language. */
  readonly list?: readonly Localized[];
  readonly formula?: FormulaSpec;
  /** The first data row's formula, where it differs (a funnel's first stage is 100%). */
  readonly firstRowFormula?: FormulaSpec;
  /** An input column the user must fill for the row to count (the wizard checks these). */
  readonly required?: boolean;
  /**
   * An amount of money in the workbook's unit (工作簿设置): its header shows the unit, 金额(万元), and
   * imports and links convert into it (core/money.ts).
   */
  readonly money?: true;
  /** A note on the header cell: what to ask or write there (一对一面谈's prompt questions). */
  readonly note?: Localized;
}

export type Tone = 'bad' | 'warn' | 'good';

export type ConditionRule =
  | { readonly kind: 'lessThan'; readonly value: number }
  | { readonly kind: 'greaterThan'; readonly value: number }
  | { readonly kind: 'atLeast'; readonly value: number }
  | { readonly kind: 'between'; readonly min: number; readonly max: number }
  | { readonly kind: 'textEquals'; readonly text: Localized }
  | { readonly kind: 'isFalse' };

export interface ConditionalFormatSpec {
  readonly column: string;
  readonly rule: ConditionRule;
  readonly tone: Tone;
}

export interface ChartSpec {
  readonly kind: 'funnel' | 'columnClustered';
  readonly title: Localized;
  readonly category: string;
  readonly series: readonly string[];
}

/** A labelled result cell beside the table (the funnel's bottleneck). */
export interface SummaryCellSpec {
  readonly key: string;
  readonly label: Localized;
  readonly formula: FormulaSpec;
  readonly type: ColumnType;
}

/**
 * A number shown as another type than its column's, for a column whose rows measure different things
 * (效果评估's before/after hold a rate in one row and days in the next: the rate shows as 12.0%).
 */
export interface ShownAs {
  readonly value: number;
  readonly shownAs: ColumnType;
}

/** A sample value: text may differ by language; dates are ISO `yyyy-mm-dd[ hh:mm]` strings. */
export type SampleValue = string | number | boolean | null | Localized | ShownAs;

export type TemplateId =
  | 'diagnosis'
  | 'goals'
  | 'execution'
  | 'plan'
  | 'funnel'
  | 'leads'
  | 'kpi'
  | 'evaluation'
  | 'reviewLog'
  | 'deals'
  | 'forecast'
  | 'forecastCalls'
  | 'orgChart'
  | 'activity'
  | 'feedback'
  | 'oneOnOne'
  | 'weeklyReport'
  | 'training'
  | 'commissionTiers'
  | 'performance'
  | 'dealSnapshots'
  | 'importMappings'
  | 'workbookSettings'
  | 'reviewRankings'
  | 'rollupSources'
  | 'meetings'
  | 'actionItems'
  | 'planFeedback';

export interface TemplateSpec {
  readonly id: TemplateId;
  readonly sheetName: Localized;
  /** Excel table name: letters, digits and underscores, unique in a workbook. */
  readonly tableName: string;
  readonly purpose: Localized;
  /** Where in the method the sheet comes from, shown in the gallery (docs/DOMAIN.md §0). */
  readonly source: SourceRef;
  readonly columns: readonly ColumnSpec[];
  readonly samples: readonly Readonly<Record<string, SampleValue>>[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly chart?: ChartSpec;
  readonly summary?: readonly SummaryCellSpec[];
  /**
   * Templates whose columns this one's formulas read (`{@id.key}`: 绩效考核's 提成 reads 提成方案's
   * tiers). They are inserted first where missing.
   */
  readonly uses?: readonly TemplateSpec[];
}

/** Number formats by column type: the same codes in Excel and Univer. */
export const NUMBER_FORMATS: Readonly<Record<ColumnType, string>> = {
  text: '@',
  number: '#,##0.0',
  general: 'General',
  integer: '#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  days: '0',
  boolean: 'General',
};

/** Excel's standard good/neutral/bad cell styles, so the sheets look native. */
export const TONE_COLORS: Readonly<Record<Tone, { readonly fill: string; readonly font: string }>> = {
  bad: { fill: '#FFC7CE', font: '#9C0006' },
  warn: { fill: '#FFEB9C', font: '#9C5700' },
  good: { fill: '#C6EFCE', font: '#006100' },
};
