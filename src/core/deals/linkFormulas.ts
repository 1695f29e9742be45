/**
 * The formula pieces every register link is built from (core/deals/links.ts, linkForecast.ts):
 * SUMIFS/COUNTIFS criteria, optional criteria chosen by IF on a row's cell (a blank region means
 * every region) with the register's other names for it summed, and the register's columns as
 * whole-column references.
 */
import type { Localized } from '../i18n';
import { L, labelOfKey } from '../i18n';
import { columnLetter, quotedSheet } from '../templates/a1';
import { matchHeader } from '../templates/locate';
import { deals as dealRegister } from '../templates/specs/deals';
import { isBlank } from '../values';
import type { CellValue, TableSnapshot, WriteCell } from '../workbook';
import { DEAL_STATUSES, FORECAST_CATEGORIES } from './fields';
import type { NameAliases } from './linkNames';

export interface LinkOptions {
  /** The day new forecast rows take their quarter from (a day serial). */
  readonly asOf: number;
  /** Spec formulas of new forecast rows as native formulas (a portable workbook). */
  readonly portable?: boolean;
  /** Register names the user matched to 表2's and the forecast's (saved in 导入映射). */
  readonly aliases?: NameAliases;
  /** The period new forecast rows are for (first and last day); default: 表2's quarter, else asOf's. */
  readonly period?: { readonly start: number; readonly end: number };
}

export type LinkTable = Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow' | 'rows'>;

export type Criterion = readonly [range: string, criterion: string];

/**
 * A criterion that applies only when the row's cell is filled (a blank region means every region).
 * `alternatives` are the register's other names for the cell's (华南销售部 for 华南): each is summed too.
 */
export interface Optional {
  readonly range: string;
  readonly cell: string;
  readonly alternatives?: readonly string[];
}

export const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * `build(criteria)` once per combination of the optional criteria, chosen by IF on their cells; a
 * criterion with alternatives adds one `build` per name (sums, which is why only SUMIFS/COUNTIFS use them).
 */
export function withOptional(
  optional: readonly Optional[],
  build: (extra: readonly Criterion[]) => string,
  chosen: Criterion[] = [],
): string {
  const [first, ...rest] = optional;
  if (first === undefined) return build(chosen);
  const names = [first.cell, ...(first.alternatives ?? []).map(quoteText)];
  const filled = names.map((name) => withOptional(rest, build, [...chosen, [first.range, name]])).join('+');
  return `IF(${first.cell}="",${withOptional(rest, build, chosen)},${filled})`;
}

export const ifs = (fn: string, target: string | undefined, criteria: readonly Criterion[]): string =>
  `${fn}(${[...(target === undefined ? [] : [target]), ...criteria.flat()].join(',')})`;

export interface Register {
  readonly locale: 'zh-CN' | 'en-US';
  ref(key: string): string | undefined;
  status(key: 'open' | 'won' | 'lost' | 'removed'): string;
  category(key: 'commit' | 'bestCase' | 'omitted'): string;
}

export function readRegister(register: LinkTable): Register | Localized {
  const match = matchHeader(dealRegister, register.header);
  const needed = ['stage', 'amount', 'status', 'closeDate'] as const;
  const missing = needed.filter((key) => !match.columns.has(key));
  if (missing.length > 0) {
    const names = missing.map((key) => dealRegister.columns.find((c) => c.key === key)?.label ?? L(key, key));
    return L(
      `商机明细缺少列:${names.map((n) => n['zh-CN']).join('、')},无法计算`,
      `The deal register lacks ${names.map((n) => n['en-US']).join(', ')}; nothing can be computed from it`,
    );
  }
  const sheet = quotedSheet(register.sheetName);
  return {
    locale: match.locale,
    ref(key) {
      const at = match.columns.get(key);
      if (at === undefined) return undefined;
      const letter = columnLetter(register.firstColumn + at);
      return `${sheet}!$${letter}:$${letter}`;
    },
    status: (key) => quoteText(labelOfKey(DEAL_STATUSES, key)[match.locale]),
    category: (key) => quoteText(labelOfKey(FORECAST_CATEGORIES, key)[match.locale]),
  };
}

export const not = (quoted: string): string => `"<>${quoted.slice(1)}`;

/** A table's own cell at a sheet row, by column key. */
export function cellOf(table: LinkTable, columns: ReadonlyMap<string, number>, key: string, sheetRow: number): string | undefined {
  const at = columns.get(key);
  return at === undefined ? undefined : `${columnLetter(table.firstColumn + at)}${sheetRow + 1}`;
}

export const formula = (build: (sheetRow: number) => string): WriteCell => ({ formulaAt: (sheetRow) => `=${build(sheetRow)}` });

export const trimmed = (value: CellValue | undefined): string => (isBlank(value) ? '' : String(value).trim());
