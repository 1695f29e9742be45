/**
 * ExcelJS turns a date-formatted number into a JavaScript Date rounded to the millisecond, so a
 * time such as 0.042361111111111106 (1:01 AM) comes back as 0.04236111111094942: the value a
 * manager typed changes on the way through. Its reader converts through one function of its utils
 * module; wrapping it keeps the exact serial the file holds on the Date it returns (and passes
 * anything that is not a number, such as a formula's cached #DIV/0!, through unchanged instead of
 * making an Invalid Date of it). src/files/xlsxRead.ts reads the exact serial back.
 *
 * A workbook in the 1904 date system (old Mac Excel) counts days from 1904-01-01: the web
 * spreadsheet shows 1900-system serials, so a calendar date is read 1,462 days later and written
 * back 1,462 days earlier, as the serial the file held whenever the date was not changed (adding
 * and taking away 1,462 does not always give back the same double). Times and durations keep
 * their serial.
 */
import excelUtils from 'exceljs/lib/utils/utils';

const EXACT = Symbol.for('salesReview.exactSerial');
const IN_FILE = Symbol.for('salesReview.fileSerial');
const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01
const MS_PER_DAY = 86_400_000;
/** 1904-01-01 in the 1900 date system. */
export const DAYS_1904 = 1462;

type Converter = (value: unknown, date1904?: boolean) => unknown;
// In a browser bundle the module is empty (webpack.config.js): ExcelJS's own bundle is used there.
const utils = excelUtils as { excelToDate?: Converter & { exact?: true }; isDateFmt?: (format: string) => boolean } | undefined;

if (utils?.excelToDate && !utils.excelToDate.exact) {
  const original = utils.excelToDate;
  const exact: Converter & { exact?: true } = (value, date1904) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value;
    const date = original(value, date1904) as Date;
    // The serial in the 1900 date system, which the web spreadsheet shows.
    Object.defineProperty(date, EXACT, { value: date1904 ? value + DAYS_1904 : value });
    Object.defineProperty(date, IN_FILE, { value });
    return date;
  };
  exact.exact = true;
  utils.excelToDate = exact;
}

/** The day serial of a Date ExcelJS read: the exact one the file holds, when known. */
export function serialOfDate(date: Date): number {
  const exact = (date as unknown as Record<symbol, unknown>)[EXACT];
  return typeof exact === 'number' ? exact : date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

/** The serial the file itself holds for a Date ExcelJS read (differs from serialOfDate in the 1904 system). */
export function fileSerialOfDate(date: Date): number | undefined {
  const held = (date as unknown as Record<symbol, unknown>)[IN_FILE];
  return typeof held === 'number' ? held : undefined;
}

/**
 * Whether a number format shows a calendar date (a day, month or year), ExcelJS's date test first.
 * Only those move between the date systems: a time of day or a duration (`h:mm`, `[h]:mm`) is the
 * same number in both, and sums of durations must stay right.
 */
export function showsCalendarDate(format: string | undefined): boolean {
  if (format === undefined || format === '' || !(utils?.isDateFmt?.(format) ?? false)) return false;
  // Quoted text, escapes, [h]/[colour] sections, AM/PM and minutes (an m beside a colon) say nothing of the calendar.
  const codes = format
    .replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, '')
    .replace(/:\s*m+|m+\s*:/gi, '');
  return /[dym]/i.test(codes);
}

/**
 * The serial to write for a date-formatted number of the web spreadsheet (1900 system) into a
 * 1904-system file: the one the file held when the cell still shows it (`held`), else 1,462 days earlier.
 */
export function serialFor1904(shown: number, held: unknown): number {
  return typeof held === 'number' && held + DAYS_1904 === shown ? held : shown - DAYS_1904;
}
