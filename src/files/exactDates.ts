/**
 * ExcelJS turns a date-formatted number into a JavaScript Date rounded to the millisecond, so a
 * time such as 0.042361111111111106 (1:01 AM) comes back as 0.04236111111094942: the value a
 * manager typed changes on the way through. Its reader converts through one function of its utils
 * module; wrapping it keeps the exact serial the file holds on the Date it returns (and passes
 * anything that is not a number, such as a formula's cached #DIV/0!, through unchanged instead of
 * making an Invalid Date of it). src/files/xlsxRead.ts reads the exact serial back.
 */
import excelUtils from 'exceljs/lib/utils/utils';

const EXACT = Symbol.for('salesReview.exactSerial');
const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01
const MS_PER_DAY = 86_400_000;
const DAYS_1904 = 1462; // 1904-01-01 in the 1900 system

type Converter = (value: unknown, date1904?: boolean) => unknown;
// In a browser bundle the module is empty (webpack.config.js): ExcelJS's own bundle is used there.
const utils = excelUtils as { excelToDate?: Converter & { exact?: true } } | undefined;

if (utils?.excelToDate && !utils.excelToDate.exact) {
  const original = utils.excelToDate;
  const exact: Converter & { exact?: true } = (value, date1904) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value;
    const date = original(value, date1904) as Date;
    // The serial in the 1900 date system, which the web spreadsheet shows.
    Object.defineProperty(date, EXACT, { value: date1904 ? value + DAYS_1904 : value });
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
