/**
 * The edge between Excel custom functions and the pure core: Excel's arguments in, core values
 * through `evaluate`, core errors out as `CustomFunctions.Error`. Every generated wrapper calls
 * `callFromExcel`, so this is the only Excel-specific calculation code.
 */
import {
  type Arg,
  CalcError,
  type CalcErrorKind,
  type Locale,
  type Result,
  type Scalar,
  evaluate,
  localeFromLanguage,
  todaySerial,
} from '../../core';

type ExcelCell = number | string | boolean | CustomFunctions.Error;

const ERROR_CODE: Record<CalcErrorKind, CustomFunctions.ErrorCode> = {
  DIV0: CustomFunctions.ErrorCode.divisionByZero,
  VALUE: CustomFunctions.ErrorCode.invalidValue,
  NUM: CustomFunctions.ErrorCode.invalidNumber,
  NA: CustomFunctions.ErrorCode.notAvailable,
};

/** Excel shows a message only for #VALUE! and #N/A; passing one for other codes is not allowed. */
const SHOWS_MESSAGE: ReadonlySet<CalcErrorKind> = new Set(['VALUE', 'NA']);

/**
 * The language of the messages: Office's display language, read per call (the shared runtime has
 * `Office.context`; a bare custom-functions runtime or a test may not, and gets en-US).
 */
function messageLocale(): Locale {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return localeFromLanguage(office?.context?.displayLanguage);
}

function toExcelCell(value: Scalar, locale: Locale): ExcelCell {
  if (value instanceof CalcError) {
    const code = ERROR_CODE[value.kind];
    return SHOWS_MESSAGE.has(value.kind) && value.message
      ? new CustomFunctions.Error(code, value.message[locale])
      : new CustomFunctions.Error(code);
  }
  return value === null ? '' : value; // a blank result shows as an empty cell, not 0
}

/** Excel hands a matrix parameter as a 2-D array, an omitted optional one as null/undefined. */
function fromExcel(arg: unknown): Arg {
  if (arg === null || arg === undefined) return undefined;
  if (Array.isArray(arg)) return arg.map((row: unknown[]) => row.map((cell) => fromExcelCell(cell)));
  return fromExcelCell(arg);
}

function fromExcelCell(cell: unknown): Scalar {
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  return null;
}

function toExcelResult(result: Result, locale: Locale = messageLocale()): ExcelCell[][] {
  if (Array.isArray(result)) return result.map((row) => row.map((cell) => toExcelCell(cell, locale)));
  return [[toExcelCell(result, locale)]];
}

export function callFromExcel(id: string, args: readonly unknown[]): ExcelCell[][] {
  return toExcelResult(evaluate(id, args.map(fromExcel), { today: todaySerial(new Date()) }));
}
