/**
 * Turns a template spec into a host-neutral plan: the title, the header, the rows (values and
 * formulas), per-column formats, widths and drop-downs, conditional formats, summary cells and the
 * chart, all in one language. Hosts render the plan; they never read specs themselves.
 */
import { type FunctionSpelling, functionById, spellSalesCalls } from '../catalogue';
import { serialFromIso } from '../dates';
import type { Locale } from '../i18n';
import { type MoneyUnit, SAMPLE_MONEY_UNIT, convertMoney, moneyUnitLabel, sameCurrency } from '../money';
import { cellAddress, columnLetter, quotedSheet, rangeAddress } from './a1';
import {
  type ChartSpec,
  type ColumnSpec,
  type ColumnType,
  type ConditionRule,
  type FormulaSpec,
  NUMBER_FORMATS,
  type SampleValue,
  type ShownAs,
  type TemplateSpec,
  type Tone,
} from './types';

export interface TemplateOptions {
  readonly locale: Locale;
  /** Include the documents' sample rows. */
  readonly samples: boolean;
  /** Native formulas only, so the workbook computes without the add-in. */
  readonly portable: boolean;
  /** Empty rows with formulas, ready for data (default 10 without samples, 5 with). */
  readonly blankRows?: number;
  /** The workbook's money unit, shown after every money column's label: 金额(万元). */
  readonly moneyUnit?: MoneyUnit;
}

/** An input column that takes only numbers: every host refuses text typed into it, with `message`. */
export interface NumberRule {
  readonly integer: boolean;
  /** Every host's validation needs bounds: wide enough for any amount, so only text is refused. */
  readonly min: number;
  readonly max: number;
  readonly message: string;
}

const NUMBER_RULE_LIMIT = 1e15;

/** A cell to write: a value, or a formula (kept apart so user text is never taken for one). */
export type PlanCell = number | string | boolean | null | { readonly formula: string };

export interface PlannedColumn {
  readonly key: string;
  readonly label: string;
  readonly type: ColumnType;
  readonly numberFormat: string;
  readonly width: number;
  readonly list?: readonly string[];
  readonly computed: boolean;
  /** The header cell's note. */
  readonly note?: string;
  /** Input number columns: the validation each host puts on the column's data cells. */
  readonly numberRule?: NumberRule;
}

export type PlannedRule = Exclude<ConditionRule, { kind: 'textEquals' }> | { readonly kind: 'textEquals'; readonly text: string };

/** A data cell whose number format is not its column's (from a `ShownAs` sample). */
export interface PlannedCellFormat {
  /** 0-based data row (as in `rows`). */
  readonly row: number;
  readonly column: number;
  readonly numberFormat: string;
}

export interface PlannedConditionalFormat {
  readonly column: number;
  readonly rule: PlannedRule;
  readonly tone: Tone;
}

export interface PlannedSummary {
  readonly label: string;
  readonly labelCell: { readonly row: number; readonly col: number };
  readonly valueCell: { readonly row: number; readonly col: number };
  readonly value: PlanCell;
  readonly numberFormat: string;
}

export interface PlannedChart {
  readonly kind: ChartSpec['kind'];
  readonly title: string;
  readonly categoryColumn: number;
  readonly seriesColumns: readonly number[];
}

export interface TemplatePlan {
  readonly templateId: TemplateSpec['id'];
  readonly sheetName: string;
  readonly tableName: string;
  readonly title: string;
  /** 0-based row of the table header; data starts on the next row. Row 0 holds the title. */
  readonly headerRow: number;
  readonly columns: readonly PlannedColumn[];
  readonly rows: readonly (readonly PlanCell[])[];
  readonly conditionalFormats: readonly PlannedConditionalFormat[];
  /** Cells formatted unlike their column, applied after the columns' formats. */
  readonly cellFormats: readonly PlannedCellFormat[];
  readonly summary: readonly PlannedSummary[];
  readonly chart?: PlannedChart;
  /** Number of rows the data occupies, for ranges of whole columns. */
  readonly dataRowCount: number;
}

export const HEADER_ROW = 1;

export interface FormulaContext {
  readonly locale: Locale;
  readonly portable: boolean;
  readonly columnIndex: ReadonlyMap<string, number>;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  /** Another template's columns as absolute ranges on its sheet, by `id.key`. */
  readonly references?: ReadonlyMap<string, string>;
}

const COLUMN_REFERENCE = /\{(\w+)(@prev|@first|#col|#rest|#all)?\}/g;
const OTHER_TABLE_REFERENCE = /\{@(\w+)\.(\w+)(#all)?\}/g;

/** Blank rows a table gets below its samples, or without samples (see `TemplateOptions.blankRows`). */
const BLANK_ROWS = { withSamples: 5, without: 10 } as const;

/**
 * The columns of the templates a spec uses, as absolute ranges over as many rows as that table is
 * ever inserted with, so the reference holds whichever options it was inserted with.
 */
export function templateReferences(spec: TemplateSpec, locale: Locale): Map<string, string> {
  const references = new Map<string, string>();
  for (const used of spec.uses ?? []) {
    const rows = Math.max(used.samples.length + BLANK_ROWS.withSamples, BLANK_ROWS.without);
    const first = HEADER_ROW + 1;
    used.columns.forEach((column, col) => {
      const sheet = quotedSheet(used.sheetName[locale]);
      references.set(`${used.id}.${column.key}`, `${sheet}!${rangeAddress(first, col, first + rows - 1, col, true)}`);
      // The whole column: it keeps every row the table ever grows to (a log such as 预测提报).
      references.set(`${used.id}.${column.key}#all`, `${sheet}!$${columnLetter(col)}:$${columnLetter(col)}`);
    });
  }
  return references;
}

function substitute(template: string, row: number, ctx: FormulaContext): string {
  const withOthers = template.replace(OTHER_TABLE_REFERENCE, (match, id: string, key: string, all: string | undefined) => {
    const range = ctx.references?.get(`${id}.${key}${all ?? ''}`);
    if (range === undefined) throw new Error(`formula refers to ${match}, which is not in the template's uses`);
    return range;
  });
  return withOthers.replace(COLUMN_REFERENCE, (_match, key: string, mode: string | undefined) => {
    // {locale}: the sheet's language as a text argument (SALES.PACE's labels).
    if (key === 'locale' && mode === undefined) return `"${ctx.locale}"`;
    const col = ctx.columnIndex.get(key);
    if (col === undefined) throw new Error(`formula refers to unknown column {${key}}`);
    switch (mode) {
      case '@prev':
        return cellAddress(row - 1, col);
      case '@first':
        return `${columnLetter(col)}$${ctx.firstDataRow + 1}`;
      case '#col':
        return rangeAddress(ctx.firstDataRow, col, ctx.lastDataRow, col, true);
      case '#rest':
        return rangeAddress(ctx.firstDataRow + 1, col, ctx.lastDataRow, col, true);
      case '#all':
        return `$${columnLetter(col)}:$${columnLetter(col)}`;
      default:
        return cellAddress(row, col);
    }
  });
}

/** The formula text (without `=`) of a spec at a row: SALES call, or its native equivalent. */
export function renderFormula(spec: FormulaSpec, row: number, ctx: FormulaContext): string {
  if ('native' in spec) {
    const text = typeof spec.native === 'string' ? spec.native : spec.native[ctx.locale];
    return substitute(text, row, ctx);
  }
  const fn = functionById(spec.call);
  if (fn === undefined) throw new Error(`template uses unknown function ${spec.call}`);
  const args = spec.args.map((arg) => substitute(arg, row, ctx));
  if (!ctx.portable) return `SALES.${fn.id}(${args.join(',')})`;
  if (spec.portable !== undefined) return substitute(spec.portable, row, ctx);
  const native = fn.portable?.(args);
  if (native === undefined) throw new Error(`${fn.id} has no native equivalent for portable formulas with these arguments`);
  return native;
}

const isShownAs = (value: SampleValue): value is ShownAs => typeof value === 'object' && value !== null && 'shownAs' in value;

function sampleCell(value: SampleValue | undefined, column: ColumnSpec, locale: Locale): PlanCell {
  if (value === undefined || value === null) return null;
  if (isShownAs(value)) return value.value;
  if (typeof value === 'object') return value[locale];
  if (typeof value === 'string' && (column.type === 'date' || column.type === 'datetime')) {
    const [day = '', time] = value.split(' ');
    const serial = serialFromIso(day);
    if (serial === undefined) throw new Error(`sample ${value} in ${column.key} is not a yyyy-mm-dd date`);
    if (time === undefined) return serial;
    const [h = 0, m = 0] = time.split(':').map(Number);
    return serial + (h * 60 + m) / 1440;
  }
  return value;
}

function planRule(rule: ConditionRule, locale: Locale): PlannedRule {
  return rule.kind === 'textEquals' ? { kind: 'textEquals', text: rule.text[locale] } : rule;
}

/** Sample cells shown in another format than their column's (a date in a text column, …). */
function sampleFormats(spec: TemplateSpec, samples: TemplateSpec['samples']): PlannedCellFormat[] {
  const cellFormats: PlannedCellFormat[] = [];
  samples.forEach((sample, row) =>
    spec.columns.forEach((column, c) => {
      const value = sample[column.key];
      if (value !== undefined && value !== null && isShownAs(value) && value.shownAs !== column.type) {
        cellFormats.push({ row, column: c, numberFormat: NUMBER_FORMATS[value.shownAs] });
      }
    }),
  );
  return cellFormats;
}

/** The data rows: formulas in computed columns, the samples (in the workbook's money unit) in the others. */
function planRows(
  spec: TemplateSpec,
  layout: {
    readonly samples: TemplateSpec['samples'];
    readonly dataRowCount: number;
    readonly ctx: FormulaContext;
    readonly moneyUnit: TemplateOptions['moneyUnit'];
  },
): PlanCell[][] {
  const { samples, dataRowCount, ctx, moneyUnit: unit } = layout;
  const rows: PlanCell[][] = [];
  for (let i = 0; i < dataRowCount; i++) {
    const sample = samples[i];
    const row = ctx.firstDataRow + i;
    rows.push(
      spec.columns.map((column) => {
        const formula = i === 0 && column.firstRowFormula ? column.firstRowFormula : column.formula;
        if (formula) return { formula: `=${renderFormula(formula, row, ctx)}` };
        if (!sample) return null;
        const value = sample[column.key];
        // The samples are in 万元; in a workbook of another unit (same currency) they are shown in its unit.
        if (column.money === true && typeof value === 'number' && unit && sameCurrency(unit, SAMPLE_MONEY_UNIT))
          return sampleCell(convertMoney(value, SAMPLE_MONEY_UNIT, unit), column, ctx.locale);
        return sampleCell(value, column, ctx.locale);
      }),
    );
  }
  return rows;
}

export function planTemplate(spec: TemplateSpec, options: TemplateOptions): TemplatePlan {
  const { locale } = options;
  const samples = options.samples ? spec.samples : [];
  const blankRows = options.blankRows ?? (samples.length > 0 ? BLANK_ROWS.withSamples : BLANK_ROWS.without);
  const dataRowCount = Math.max(1, samples.length + blankRows);
  const firstDataRow = HEADER_ROW + 1;
  const columnIndex = new Map(spec.columns.map((c, i) => [c.key, i]));
  const ctx: FormulaContext = {
    locale,
    portable: options.portable,
    columnIndex,
    firstDataRow,
    lastDataRow: firstDataRow + dataRowCount - 1,
    references: templateReferences(spec, locale),
  };

  const cellFormats = sampleFormats(spec, samples);
  const rows = planRows(spec, { samples, dataRowCount, ctx, moneyUnit: options.moneyUnit });

  const summaryCol = spec.columns.length + 1; // one empty column between the table and the summary
  return {
    templateId: spec.id,
    sheetName: spec.sheetName[locale],
    tableName: spec.tableName,
    title: `${spec.sheetName[locale]} — ${spec.purpose[locale]}`,
    headerRow: HEADER_ROW,
    dataRowCount,
    columns: spec.columns.map((column) => ({
      key: column.key,
      label: headerLabel(column, locale, options.moneyUnit),
      type: column.type,
      numberFormat: NUMBER_FORMATS[column.type],
      width: column.width,
      computed: column.formula !== undefined,
      ...(column.list ? { list: column.list.map((item) => item[locale]) } : {}),
      ...(column.note ? { note: column.note[locale] } : {}),
      ...numberRuleOf(column, locale, options.moneyUnit),
    })),
    rows,
    conditionalFormats: spec.conditionalFormats.map((cf) => ({
      column: columnIndex.get(cf.column) ?? -1,
      rule: planRule(cf.rule, locale),
      tone: cf.tone,
    })),
    cellFormats,
    summary: (spec.summary ?? []).map((cell, i) => ({
      label: cell.label[locale],
      labelCell: { row: HEADER_ROW, col: summaryCol + i },
      valueCell: { row: firstDataRow, col: summaryCol + i },
      value: { formula: `=${renderFormula(cell.formula, firstDataRow, ctx)}` },
      numberFormat: NUMBER_FORMATS[cell.type],
    })),
    ...(spec.chart
      ? {
          chart: {
            kind: spec.chart.kind,
            title: spec.chart.title[locale],
            categoryColumn: columnIndex.get(spec.chart.category) ?? 0,
            seriesColumns: spec.chart.series.map((key) => columnIndex.get(key) ?? 0),
          },
        }
      : {}),
  };
}

/** A column's header: its label, and for money its unit, 金额(万元) / Amount (USD 10k). */
export function headerLabel(column: ColumnSpec, locale: Locale, unit: MoneyUnit | undefined): string {
  const label = column.label[locale];
  if (column.money !== true || unit === undefined) return label;
  return locale === 'zh-CN' ? `${label}(${moneyUnitLabel(unit, locale)})` : `${label} (${moneyUnitLabel(unit, locale)})`;
}

const NUMBER_COLUMNS: ReadonlySet<ColumnType> = new Set(['number', 'integer', 'percent', 'days']);

/** The number validation of an input number column (a computed one is never typed in). */
function numberRuleOf(column: ColumnSpec, locale: Locale, unit: MoneyUnit | undefined): { numberRule?: NumberRule } {
  // A drop-down (满意度 1–5) already says what the column takes: a cell has one validation.
  if (column.formula !== undefined || column.list !== undefined || !NUMBER_COLUMNS.has(column.type)) return {};
  const integer = column.type === 'integer';
  const label = headerLabel(column, locale, unit);
  const percent = column.type === 'percent';
  const message =
    locale === 'zh-CN'
      ? `“${label}”只能填${integer ? '整数' : '数字'}${percent ? '(如 0.15 或 15%)' : ''}。`
      : `"${label}" takes ${integer ? 'a whole number' : 'a number'}${percent ? ' (0.15 or 15%)' : ''}.`;
  return { numberRule: { integer, min: -NUMBER_RULE_LIMIT, max: NUMBER_RULE_LIMIT, message } };
}

/** A SALES call in an en-US formula: `SALES.ATTAINMENT(`. */
const SALES_CALL = /\bSALES\.([A-Z]+)\(/g;

/** Whether an en-US formula calls a SALES function. */
export const callsSales = (formula: string): boolean => new RegExp(SALES_CALL.source).test(formula);

/** The en-US formula text with SALES names in the given language: `=销售.达成率(G3,D3)` for zh-CN. */
export function localizeFormula(formula: string, locale: Locale): string {
  if (locale === 'en-US') return formula;
  return formula.replace(SALES_CALL, (match, id: string) => {
    const fn = functionById(id);
    return fn ? `销售.${fn.name[locale]}(` : match;
  });
}

/** The en-US formula text as a user of a host types it (see `FunctionSpelling`). */
export function hostFormula(formula: string, locale: Locale, spelling: FunctionSpelling): string {
  if (spelling === 'underscored') return spellSalesCalls(formula, '_');
  return spelling === 'dotted' ? formula : localizeFormula(formula, locale);
}
