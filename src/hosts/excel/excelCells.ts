/**
 * How the Excel host types cells: the formula language of this Excel, the one keep-text-as-text
 * rule, and values as read back. Pure: no Office call here.
 */
import {
  INVARIANT_SEPARATORS,
  type Locale,
  type PlannedColumn,
  type Separators,
  callsSales,
  localizeFormula,
  withSeparators,
} from '../../core';
import type { CellValue, WriteCell } from '../../workbook/port';

type Written = string | number | boolean;

type FormulaProperty = 'formulas' | 'formulasLocal';

export interface FormulaLanguage {
  /** The Range property a formula with SALES calls is written through. */
  readonly sales: FormulaProperty;
  /** The property every other cell (native formulas, values) is written through. */
  readonly native: FormulaProperty;
  /** The language of SALES.* names written through `formulasLocal`. */
  readonly names: Locale;
  /** The separators `formulasLocal` takes under this Excel's regional settings. */
  readonly separators: Separators;
  /** Native function names are local here (SUMME, EĞER): none may be typed through `formulasLocal`. */
  readonly localNatives: boolean;
}

/**
 * How formulas are typed into this Excel. Custom-function names written through `formulas` under a
 * non-English display language are known to give #NAME? (office-js#891, #6614; Turkish until Excel
 * 2607), so outside English SALES formulas go through `formulasLocal`, with the regional separators
 * (`;` and `,` in German or Turkish). Chinese Excel keeps English native names, so there everything
 * goes local, SALES names as 销售.* where the manifest localizes them (zh-CN); other languages have
 * local native names (SUMME, EĞER) we do not write, so their native formulas stay invariant `formulas`.
 */
export function formulaLanguage(displayLanguage: string, separators: Separators = INVARIANT_SEPARATORS): FormulaLanguage {
  const lang = displayLanguage.trim();
  if (/^en(?:-|_|$)/i.test(lang) || lang === '')
    return { sales: 'formulas', native: 'formulas', names: 'en-US', separators, localNatives: false };
  if (!/^zh(?:-|_|$)/i.test(lang)) return { sales: 'formulasLocal', native: 'formulas', names: 'en-US', separators, localNatives: true };
  const simplified = /^zh(?:[-_](?:CN|Hans)(?:[-_].*)?)?$/i.test(lang);
  return { sales: 'formulasLocal', native: 'formulasLocal', names: simplified ? 'zh-CN' : 'en-US', separators, localNatives: false };
}

/** Whether this language types anything through `formulasLocal`, so it needs the regional separators. */
export const typesLocally = (language: FormulaLanguage): boolean =>
  language.sales === 'formulasLocal' || language.native === 'formulasLocal';

/** The property an (en-US) formula is written through. */
export const formulaProperty = (formula: string, language: FormulaLanguage): FormulaProperty =>
  callsSales(formula) ? language.sales : language.native;

/** `TODAY()` as an argument: the SALES functions that take a date default it to today (and are volatile). */
const TODAY_ARGUMENT = /([(,])\s*TODAY\(\)\s*(?=[,)])/g;

/**
 * An en-US formula as typed through `property`: invariant as it is, or local names and separators.
 * Where native names are local, a SALES formula's `TODAY()` argument is left empty — the function's
 * own default, today — since TODAY is HEUTE in German and BUGÜN in Turkish.
 */
export function typedFormula(formula: string, property: FormulaProperty, language: FormulaLanguage): string {
  if (property === 'formulas') return formula;
  const own = language.localNatives ? formula.replace(TODAY_ARGUMENT, '$1') : formula;
  return withSeparators(localizeFormula(own, language.names), language.separators);
}

/** A rectangle of a block written through one property (rows and columns relative to the block, inclusive). */
export interface PropertyBlock {
  readonly top: number;
  readonly bottom: number;
  readonly first: number;
  readonly last: number;
  readonly property: FormulaProperty;
}

/**
 * The rectangles of a block that share one write property: a cell holding a SALES formula goes
 * through `language.sales`, a native formula through `language.native`, a value through either
 * (it joins its neighbour). One rectangle where the two properties are the same (English, Chinese);
 * elsewhere rows of the same shape are kept together, so a column of SALES formulas under a native
 * first row (the funnel's first stage) costs two writes, not one per row.
 */
export function propertyBlocks(
  rows: number,
  width: number,
  formulaAt: (row: number, column: number) => string | undefined,
  language: FormulaLanguage,
): PropertyBlock[] {
  if (rows === 0 || width === 0) return [];
  if (language.sales === language.native) return [{ top: 0, bottom: rows - 1, first: 0, last: width - 1, property: language.native }];
  const shapeOf = (r: number): string => {
    let shape = '';
    for (let c = 0; c < width; c++) {
      const formula = formulaAt(r, c);
      shape += formula === undefined ? '-' : callsSales(formula) ? 's' : 'n';
    }
    return shape;
  };
  const blocks: PropertyBlock[] = [];
  const emit = (top: number, bottom: number, shape: string): void => {
    let start = 0;
    let property = shape.includes('s') && shape.replace(/-/g, '')[0] === 's' ? language.sales : language.native;
    for (let c = 0; c < width; c++) {
      const kind = shape[c];
      const here = kind === 's' ? language.sales : kind === 'n' ? language.native : property;
      if (here !== property) {
        blocks.push({ top, bottom, first: start, last: c - 1, property });
        start = c;
        property = here;
      }
    }
    blocks.push({ top, bottom, first: start, last: width - 1, property });
  };
  let top = 0;
  let shape = shapeOf(0);
  for (let r = 1; r < rows; r++) {
    const next = shapeOf(r);
    if (next === shape) continue;
    emit(top, r - 1, shape);
    top = r;
    shape = next;
  }
  emit(top, rows - 1, shape);
  return blocks;
}

/** Strings Excel could take for something other than text: a formula, number, date, boolean or error. */
const MAY_CONVERT = /^[=+\-@'#]|\d|^\s*(?:true|false)\s*$/i;

/**
 * The one keep-text rule (formula injection too, docs/DESIGN.md §5): user text as typed into a cell so that it stays text: a leading `'` (Excel's quote prefix, not
 * part of the value) on anything Excel might convert — `=HYPERLINK(…)`, `2024-03`, `TRUE`, `#N/A`.
 */
export const textCell = (text: string): string => (MAY_CONVERT.test(text) ? `'${text}` : text);

/** A cell as written through `property`: formulas typed for this Excel, blank as ''. */
export function writtenCell(cell: WriteCell, sheetRow: number, language: FormulaLanguage, property: FormulaProperty): Written {
  if (cell === null) return '';
  if (typeof cell === 'object') return typedFormula(cell.formulaAt(sheetRow), property, language);
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
