/**
 * How the Excel host types cells: the formula language of this Excel, the one keep-text-as-text
 * rule, and values as read back. Pure: no Office call here.
 */
import { type Locale, type PlannedColumn, localizeFormula } from '../../core';
import type { CellValue, WriteCell } from '../../workbook/port';

type Written = string | number | boolean;

export interface FormulaLanguage {
  /** The Range property formulas are written through. */
  readonly property: 'formulas' | 'formulasLocal';
  /** The language of SALES.* names in the written text. */
  readonly names: Locale;
}

/**
 * How formulas are typed into this Excel. Custom-function names written through `formulas` under a
 * non-English UI are known to give #NAME? (office-js#891, #6614), so a Chinese UI gets
 * `formulasLocal`. Chinese Excel keeps English native names, `,` and `.`, so only SALES names
 * change: 销售.* where the manifest localizes them (zh-CN), SALES.* elsewhere (zh-TW, zh-HK).
 * Other languages keep invariant `formulas`: their local names and separators differ.
 */
export function formulaLanguage(displayLanguage: string): FormulaLanguage {
  const lang = displayLanguage.trim();
  if (!/^zh(?:-|_|$)/i.test(lang)) return { property: 'formulas', names: 'en-US' };
  const simplified = /^zh(?:[-_](?:CN|Hans)(?:[-_].*)?)?$/i.test(lang);
  return { property: 'formulasLocal', names: simplified ? 'zh-CN' : 'en-US' };
}

/** Strings Excel could take for something other than text: a formula, number, date, boolean or error. */
const MAY_CONVERT = /^[=+\-@'#]|\d|^\s*(?:true|false)\s*$/i;

/**
 * The one keep-text rule (formula injection too, docs/DESIGN.md §5): user text as typed into a cell so that it stays text: a leading `'` (Excel's quote prefix, not
 * part of the value) on anything Excel might convert — `=HYPERLINK(…)`, `2024-03`, `TRUE`, `#N/A`.
 */
export const textCell = (text: string): string => (MAY_CONVERT.test(text) ? `'${text}` : text);

/** A cell as written through `formulas` / `formulasLocal`: formulas localized for this Excel, blank as ''. */
export function writtenCell(cell: WriteCell, sheetRow: number, language: FormulaLanguage): Written {
  if (cell === null) return '';
  if (typeof cell === 'object') return localizeFormula(cell.formulaAt(sheetRow), language.names);
  if (typeof cell === 'string') return cell === '' ? '' : textCell(cell);
  // Core never produces NaN (errors are values); a stray one is left blank rather than failing the batch.
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return cell;
}

/** A value as read: blank '' is null; errors already arrive as their text (`#DIV/0!`). */
export function readCell(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A header cell as a label: trimmed text. */
export const label = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** UTF-8 bytes of a string, counted without allocating (what a payload weighs on the wire). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The number format a column's cells get. A formula typed into an `@` (text) cell stays text, so computed columns never get `@`. */
export function cellNumberFormat(column: Pick<PlannedColumn, 'numberFormat' | 'computed'>): string {
  return column.computed && column.numberFormat === '@' ? 'General' : column.numberFormat;
}
