/**
 * COMMISSION: tiered commission on an amount (the method's 提成 by target reached, source 001 §八).
 * Progressive (累进, default): each tier's rate applies to the part of the amount within the tier,
 * as tax brackets do. Flat (全额): the whole amount at the rate of the highest tier reached.
 */
import { FRACTION, NON_NEGATIVE, outOfBound } from '../bounds';
import { type CalcError, isCalcError, numError, valueError } from '../errors';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { type Arg, type Result, type Scalar, at, finite, isBlank, mapShape, shapeOf, toMatrix, toNumber, toVector } from '../values';

export type CommissionMode = 'progressive' | 'flat';

interface Tiers {
  readonly thresholds: readonly number[];
  readonly rates: readonly number[];
}

function readTiers(thresholdsArg: Arg, ratesArg: Arg): Tiers | CalcError {
  const t = toVector(thresholdsArg);
  if (isCalcError(t)) return t;
  const r = toVector(ratesArg);
  if (isCalcError(r)) return r;
  if (t.length !== r.length || t.length === 0) return valueError(FUNCTION_MESSAGES.tiersLength);
  const thresholds: number[] = [];
  const rates: number[] = [];
  for (let i = 0; i < t.length; i++) {
    // A tier row left blank on both sides is room for another tier (提成方案 keeps spare rows).
    if (isBlank(t[i] ?? null) && isBlank(r[i] ?? null)) continue;
    const threshold = toNumber(t[i] ?? null, CELL_NAMES.threshold);
    if (isCalcError(threshold)) return threshold;
    const bad = outOfBound(threshold, NON_NEGATIVE, CELL_NAMES.threshold);
    if (bad) return bad;
    if (thresholds.length > 0 && threshold <= (thresholds.at(-1) as number)) return numError(FUNCTION_MESSAGES.thresholdsAscending);
    const rate = toNumber(r[i] ?? null, CELL_NAMES.rate);
    if (isCalcError(rate)) return rate;
    const badRate = outOfBound(rate, FRACTION, CELL_NAMES.rate);
    if (badRate) return badRate;
    thresholds.push(threshold);
    rates.push(rate);
  }
  if (thresholds.length === 0) return valueError(FUNCTION_MESSAGES.tiersLength);
  return { thresholds, rates };
}

function readMode(arg: Arg): CommissionMode | CalcError {
  const cell = at(toMatrix(arg), 0, 0);
  if (isCalcError(cell)) return cell;
  if (isBlank(cell)) return 'progressive';
  const key = String(cell).trim().toLowerCase();
  if (key === 'progressive' || key === '累进') return 'progressive';
  if (key === 'flat' || key === '全额') return 'flat';
  return valueError(FUNCTION_MESSAGES.commissionMode);
}

/** The commission on one amount. */
function commission(amount: number, tiers: Tiers, mode: CommissionMode): number {
  const { thresholds, rates } = tiers;
  if (mode === 'flat') {
    let rate = 0;
    for (let i = 0; i < thresholds.length; i++) if (amount >= (thresholds[i] as number)) rate = rates[i] as number;
    return amount * rate;
  }
  let total = 0;
  for (let i = 0; i < thresholds.length; i++) {
    const from = thresholds[i] as number;
    const to = thresholds[i + 1] ?? Infinity;
    if (amount > from) total += (Math.min(amount, to) - from) * (rates[i] as number);
  }
  return total;
}

/** Amount may be one cell or a range (one commission per cell, spilled); blank amounts give blank. */
export function COMMISSION([amountArg, thresholdsArg, ratesArg, modeArg]: readonly Arg[]): Result {
  const amounts = toMatrix(amountArg);
  if (amounts.length === 0 || amounts.some((row) => row.length !== (amounts[0]?.length ?? 0) || row.length === 0))
    return valueError(FUNCTION_MESSAGES.rangeNotRectangular);
  const tiers = readTiers(thresholdsArg, ratesArg);
  if (isCalcError(tiers)) return tiers;
  const mode = readMode(modeArg);
  if (isCalcError(mode)) return mode;
  const one = (cell: Scalar): Scalar => {
    if (isCalcError(cell)) return cell;
    if (isBlank(cell)) return null;
    const amount = toNumber(cell, CELL_NAMES.amount);
    if (isCalcError(amount)) return amount;
    const bad = outOfBound(amount, NON_NEGATIVE, CELL_NAMES.amount);
    if (bad) return bad;
    return finite(commission(amount, tiers, mode));
  };
  const shape = shapeOf(amounts);
  if (shape.rows === 1 && shape.cols === 1) return one(at(amounts, 0, 0));
  return mapShape(shape, (r, c) => one(at(amounts, r, c)));
}
