/**
 * Finding a template's table in a workbook the user may have edited: by its table name (also
 * `GoalTracking2`, as clashes are renamed), else by its sheet name in either language (also
 * `表2 … (2)`); and matching a header row back to the spec's column keys in either language.
 */
import { LOCALES, type Locale } from '../i18n';
import type { ColumnSpec, TemplateSpec } from './types';

export interface SheetTables {
  readonly name: string;
  readonly tables: readonly string[];
}

export interface TemplateLocation {
  readonly sheetName: string;
  readonly tableName?: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place the template's table appears, best match first (exact names before renamed copies). */
export function locateTemplates(spec: TemplateSpec, sheets: readonly SheetTables[]): TemplateLocation[] {
  const tablePattern = new RegExp(`^${escape(spec.tableName)}(\\d*)$`, 'i');
  const found: { location: TemplateLocation; rank: number }[] = [];
  for (const sheet of sheets) {
    const table = sheet.tables.find((name) => tablePattern.test(name));
    if (table !== undefined) {
      found.push({ location: { sheetName: sheet.name, tableName: table }, rank: table.length === spec.tableName.length ? 0 : 1 });
      continue;
    }
    for (const locale of LOCALES) {
      const name = spec.sheetName[locale];
      if (sheet.name === name || new RegExp(`^${escape(name)} \\(\\d+\\)$`).test(sheet.name)) {
        found.push({ location: { sheetName: sheet.name }, rank: sheet.name === name ? 2 : 3 });
        break;
      }
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.location);
}

/** The template's table, or undefined when the workbook has none. */
export function locateTemplate(spec: TemplateSpec, sheets: readonly SheetTables[]): TemplateLocation | undefined {
  return locateTemplates(spec, sheets)[0];
}

export interface HeaderMatch {
  /** The language the header is written in (the one with more matching labels). */
  readonly locale: Locale;
  /** Column key → 0-based position in the header, for every column found. */
  readonly columns: ReadonlyMap<string, number>;
  /** Spec columns the header lacks (missing or renamed). */
  readonly missing: readonly ColumnSpec[];
}

// A money header carries the workbook's unit after its label: 金额(万元), 金额（万元）, Amount (USD 10k).
const UNIT_SUFFIX = /\s*[(（][^()（）]*[)）]$/;

/** The header's position of a label: written alone, else (a money column) followed by a unit in brackets. */
function positionOf(labels: readonly string[], column: ColumnSpec, locale: Locale): number {
  const label = column.label[locale];
  const exact = labels.indexOf(label);
  if (exact >= 0 || column.money !== true) return exact;
  return labels.findIndex((text) => UNIT_SUFFIX.test(text) && text.replace(UNIT_SUFFIX, '') === label);
}

/** Matches header labels (trimmed) to the spec's columns, in whichever language the sheet uses. */
export function matchHeader(spec: TemplateSpec, header: readonly string[]): HeaderMatch {
  const labels = header.map((label) => label.trim());
  const attempt = (locale: Locale) => {
    const columns = new Map<string, number>();
    for (const column of spec.columns) {
      const at = positionOf(labels, column, locale);
      if (at >= 0) columns.set(column.key, at);
    }
    return { locale, columns, missing: spec.columns.filter((c) => !columns.has(c.key)) };
  };
  const [zh, en] = [attempt('zh-CN'), attempt('en-US')];
  return en.columns.size > zh.columns.size ? en : zh;
}
