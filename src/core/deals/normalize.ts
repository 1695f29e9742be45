/**
 * Values of CRM exports as the register stores them: amounts (`¥1,200,000`, `120万`, `35.5万`,
 * `1.2e6`, `(1,200)`), rates (`12%`, `0.12`, or `12` in a column of percent points), dates (ISO,
 * `2024/3/5`, `2024年3月5日`, `3/5/2024` or `5/3/2024` by the column's order, `Mar 5, 2024`, times,
 * spreadsheet day serials). Each parse gives the value or why it is not one, in both languages, so an import
 * can list every problem before anything is written.
 */
import type { CellValue } from '../workbook';
import { serialFromDate } from '../dates';
import { L, type Localized } from '../i18n';
import { isBlank } from '../values';

/** Full-width digits and signs as ASCII (NFKC), skipped for plain ASCII text: imports read every cell. */
const nfkc = (text: string): string => (/[^ -~]/.test(text) ? text.normalize('NFKC') : text);

export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly why: Localized };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (why: Localized): Parsed<never> => ({ ok: false, why });

/** The last day serial a spreadsheet date can be (9999-12-31). */
const LAST_SERIAL = 2_958_465;

const MULTIPLIERS: readonly [RegExp, number][] = [
  [/亿$/, 1e8],
  [/万$|[wW]$/, 1e4],
  [/千$|[kK]$/, 1e3],
  [/[mM]$/, 1e6],
];
const CURRENCY = /^(?:RMB|CNY|USD|EUR|HKD|US\$|HK\$|[¥￥$€£])|(?:RMB|CNY|USD|EUR|HKD|元|人民币)$/i;
const PLAIN_NUMBER = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** An amount: currency signs, thousands separators, 万/亿/k, parentheses for negatives. */
export function parseAmount(cell: CellValue): Parsed<number> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad(L('金额不是有限的数', 'the amount is not a finite number'));
  if (typeof cell === 'boolean') return bad(L('金额不能是真/假值', 'an amount cannot be TRUE/FALSE'));
  let text = nfkc(cell).trim().replace(/[\s_]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -sign;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  for (let i = 0; i < 2; i++) text = text.replace(CURRENCY, '');
  let factor = 1;
  for (const [suffix, multiplier] of MULTIPLIERS) {
    if (suffix.test(text)) {
      factor = multiplier;
      text = text.replace(suffix, '');
      break;
    }
  }
  text = text.replace(CURRENCY, '');
  // Thousands separators only where they group thousands: "1,2," is not an amount.
  if (text.includes(',')) text = GROUPED.test(text) ? text.replace(/,/g, '') : '';
  if (!PLAIN_NUMBER.test(text)) return bad(L(`“${cell}”不是金额`, `"${cell}" is not an amount`));
  // 15 significant digits: 35.5万 is 355000, not 355000.00000000006.
  const value = Number((sign * Number(text) * factor).toPrecision(15));
  return Number.isFinite(value) ? ok(value) : bad(L(`“${cell}”太大`, `"${cell}" is too large`));
}

/**
 * A rate as a fraction. `12%` is 0.12 anywhere; a bare number is a fraction unless the column is in
 * percent points (`percentPoints`: a "Probability (%)" column holding 10, 25, 100).
 */
export function parseRate(cell: CellValue, percentPoints: boolean): Parsed<number> {
  if (isBlank(cell)) return ok(null);
  let value: number;
  if (typeof cell === 'number') value = percentPoints ? cell / 100 : cell;
  else if (typeof cell === 'string') {
    const text = nfkc(cell).trim().replace(/\s/g, '');
    const percent = /^([+-]?(\d+(\.\d*)?|\.\d+))[%％]$/.exec(text);
    if (percent) value = Number(percent[1]) / 100;
    else if (PLAIN_NUMBER.test(text)) value = percentPoints ? Number(text) / 100 : Number(text);
    else return bad(L(`“${cell}”不是百分比`, `"${cell}" is not a rate`));
  } else return bad(L('概率不能是真/假值', 'a rate cannot be TRUE/FALSE'));
  if (!(value >= 0 && value <= 1)) return bad(L(`“${cell}”不在 0% 到 100% 之间`, `"${cell}" is not between 0% and 100%`));
  return ok(Math.round(value * 1e9) / 1e9);
}

/** A column of rates is in percent points (90 = 90%) when most of its non-zero plain numbers are above 1. */
export function inPercentPoints(cells: readonly CellValue[]): boolean {
  // Points when most plain numbers are above 1 (90, 60, 100); a stray 1.5 among fractions is a bad value, not a scale.
  let above = 0;
  let upToOne = 0;
  for (const cell of cells) {
    const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
    if (!PLAIN_NUMBER.test(text) || Number(text) === 0) continue;
    if (Number(text) > 1) above++;
    else upToOne++;
  }
  return above > upToOne;
}

export type DateOrder = 'mdy' | 'dmy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?';
const YMD = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME}$`, 'i');
const CJK = new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})日?${TIME}$`, 'i');
const NUMERIC = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})${TIME}$`, 'i');
const NAMED_MDY = new RegExp(`^([a-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})${TIME}$`, 'i');
const NAMED_DMY = new RegExp(`^(\\d{1,2})[ -]([a-z]{3,9})\\.?[ ,-]*(\\d{4})${TIME}$`, 'i');

function serialOf(year: number, month: number, day: number, time: readonly (string | undefined)[]): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  let hours = Number(time[0] ?? 0);
  const minutes = Number(time[1] ?? 0);
  const seconds = Number(time[2] ?? 0);
  const meridiem = time[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return serialFromDate(year, month, day) + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

const monthOf = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** A date (and time) as a day serial. `order` decides `3/5/2024`: March 5th (mdy, US exports) or 3 May (dmy). */
export function parseDate(cell: CellValue, order: DateOrder = 'mdy'): Parsed<number> {
  if (isBlank(cell)) return ok(null);
  if (typeof cell === 'number') {
    return cell >= 1 && cell <= LAST_SERIAL ? ok(cell) : bad(L(`${cell} 不是日期`, `${cell} is not a date`));
  }
  if (typeof cell === 'boolean') return bad(L('日期不能是真/假值', 'a date cannot be TRUE/FALSE'));
  const text = nfkc(cell).trim().replace(/\s+/g, ' ');
  let serial: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(text) ?? CJK.exec(text))) serial = serialOf(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4));
  else if ((m = NUMERIC.exec(text))) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === 'mdy' ? [first, second] : [second, first];
    serial = serialOf(Number(m[3]), month, day, m.slice(4));
  } else if ((m = NAMED_MDY.exec(text))) serial = serialOf(Number(m[3]), monthOf(m[1] as string), Number(m[2]), m.slice(4));
  else if ((m = NAMED_DMY.exec(text))) serial = serialOf(Number(m[3]), monthOf(m[2] as string), Number(m[1]), m.slice(4));
  else if (PLAIN_NUMBER.test(text) && Number(text) >= 1 && Number(text) <= LAST_SERIAL) serial = Number(text); // a day serial written as text
  return serial === undefined ? bad(L(`“${cell}”不是日期`, `"${cell}" is not a date`)) : ok(serial);
}

/** The order of a column's `a/b/yyyy` dates: day first when any first part is above 12, else month first. */
export function dateOrderOf(cells: readonly CellValue[]): DateOrder {
  // Only a date that reads one way tells the order: 28/3 is day-first, 3/28 month-first; 31/31 is neither.
  let dayFirst = 0;
  let monthFirst = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const m = NUMERIC.exec(cell.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && a <= 31 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a <= 12) monthFirst++;
  }
  return dayFirst > monthFirst ? 'dmy' : 'mdy';
}

/** Header and label matching: case, spaces and punctuation do not count (`Deal - Stage` = `deal stage`). */
export const matchKey = (text: string): string =>
  nfkc(text)
    .toLowerCase()
    .replace(/[\s\-_.:：()（）/\\[\]【】'"`]+/g, '');
