/**
 * Cells between the core and Google Sheets: what a read returns (dates as day serials in the
 * spreadsheet's time zone, blanks as null), what a write sends (formulas spelled `SALES_X(…)`),
 * and the one keep-text rule of this host: a text cell is formatted `@` (plain text) before its
 * value is written, because `setValues` parses any other cell's text as the user would type it
 * (`=HYPERLINK(…)` would become a formula, `2024-03` a date, `+86 1` a number).
 */
import { type CellValue, type PlanCell, serialFromDate, spellSalesCalls } from '../../core';
import type { WriteCell } from '../../workbook/port';

/** Sheets' plain-text number format. */
export const TEXT_FORMAT = '@';
/** What Sheets reports for a cell nobody formatted. */
export const DEFAULT_FORMAT = 'General';

const MS_PER_DAY = 86_400_000;

/** The wall-clock fields of a moment in a time zone, read through Intl (no service call per cell). */
function zonedParts(date: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * The day serial a date cell shows in the spreadsheet's time zone: Sheets hands date cells to
 * scripts as `Date` moments, while the core counts days as the sheet displays them.
 */
export function serialOfDate(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const seconds = p.hour * 3600 + p.minute * 60 + p.second + (date.getTime() % 1000) / 1000;
  return serialFromDate(p.year, p.month, p.day) + seconds / (MS_PER_DAY / 1000);
}

/** A `Date` from any realm (Apps Script's services hand out their own). */
export const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** A cell of `getValues()` as the port reads it: text stays text (errors as their text), blank is null. */
export function cellValueOf(value: unknown, timeZone: string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (isDate(value)) return serialOfDate(value, timeZone);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return String(value);
}

/** A formula in this host's spelling, with its `=`. */
export function sheetsFormula(formula: string): string {
  const text = formula.startsWith('=') ? formula : `=${formula}`;
  return spellSalesCalls(text, '_');
}

/** A plan or write cell as `setValues` takes it, and the number format the cell needs for it. */
export function valueToWrite(cell: PlanCell | Exclude<WriteCell, { formulaAt: unknown }>, columnFormat: string): [unknown, string] {
  if (cell === null) return ['', columnFormat];
  if (typeof cell === 'object') return [sheetsFormula(cell.formula), columnFormat === TEXT_FORMAT ? DEFAULT_FORMAT : columnFormat];
  if (typeof cell === 'string') return [cell, TEXT_FORMAT];
  return [cell, columnFormat === TEXT_FORMAT ? DEFAULT_FORMAT : columnFormat];
}
