/** PERIODCHANGE: 环比 / 同比 of a metric kept by period (core/periods.ts reads the periods). */
import { isCalcError, notAvailable, divZero, valueError } from '../errors';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { filledPairs } from '../lift';
import { type Period, type PeriodComparison, comparedPeriod, parsePeriod, periodKey, periodWithin } from '../periods';
import { type Arg, type Result, at, finite, isBlank, toMatrix, toNumber } from '../values';

const COMPARISONS: Readonly<Record<string, PeriodComparison>> = {
  previous: 'previous',
  prev: 'previous',
  mom: 'previous',
  qoq: 'previous',
  环比: 'previous',
  year: 'year',
  yoy: 'year',
  同比: 'year',
};

function readComparison(arg: Arg): PeriodComparison | ReturnType<typeof valueError> {
  const cell = at(toMatrix(arg), 0, 0);
  if (isCalcError(cell)) return cell;
  if (isBlank(cell)) return 'previous';
  return COMPARISONS[String(cell).trim().toLowerCase()] ?? valueError(FUNCTION_MESSAGES.comparison);
}

/**
 * (total in the period − total in the compared one) / abs(compared total). Rows are summed by the
 * period they fall in (months add up to their quarter and year); a row without a value or period
 * is skipped.
 */
export function PERIODCHANGE([valuesArg, periodsArg, periodArg, compareArg]: readonly Arg[]): Result {
  const pairs = filledPairs(valuesArg, periodsArg);
  if (isCalcError(pairs)) return pairs;
  const periodCell = at(toMatrix(periodArg), 0, 0);
  if (isCalcError(periodCell)) return periodCell;
  if (isBlank(periodCell)) return null;
  const period = parsePeriod(periodCell);
  if (period === undefined) return valueError(FUNCTION_MESSAGES.notAPeriod(String(periodCell)));
  const comparison = readComparison(compareArg);
  if (isCalcError(comparison)) return comparison;
  const before = comparedPeriod(period, comparison);

  const totals = { now: 0, before: 0, nowRows: 0, beforeRows: 0 };
  for (const [valueCell, periodOfRow] of pairs) {
    const value = toNumber(valueCell, CELL_NAMES.metric);
    if (isCalcError(value)) return value;
    const rowPeriod: Period | undefined = parsePeriod(periodOfRow);
    if (rowPeriod === undefined) return valueError(FUNCTION_MESSAGES.notAPeriod(String(periodOfRow)));
    if (periodWithin(rowPeriod, period)) {
      totals.now += value;
      totals.nowRows++;
    } else if (periodWithin(rowPeriod, before)) {
      totals.before += value;
      totals.beforeRows++;
    }
  }
  if (totals.nowRows === 0) return notAvailable(FUNCTION_MESSAGES.noDataFor(periodKey(period)));
  if (totals.beforeRows === 0) return notAvailable(FUNCTION_MESSAGES.noDataFor(periodKey(before)));
  if (totals.before === 0) return divZero(FUNCTION_MESSAGES.comparedZero(periodKey(before)));
  return finite((totals.now - totals.before) / Math.abs(totals.before));
}
