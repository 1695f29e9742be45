/** Pipeline family: WEIGHTED, COVERAGE, VELOCITY, AOV, REPEATRATE. */
import type { ElementMetric } from '../catalogue/types';
import { type CalcError, divZero, isCalcError, notAvailable, numError, valueError } from '../errors';
import { filledPairs, withNumbers } from '../lift';
import { type Arg, type Result, type Scalar, cellsOf, finite, isBlank, shapeOf, toMatrix, toNumber, toText } from '../values';

export function coverage(pipeline: number, target: number, won: number): Scalar {
  if (pipeline < 0) return numError('pipeline cannot be negative');
  if (won >= target) return notAvailable('target met');
  // target − won can overflow for huge inputs: halve all three (exact at that size) instead.
  if (!Number.isFinite(target - won)) return finite(pipeline / 2 / (target / 2 - won / 2));
  return finite(pipeline / (target - won));
}

export function velocity(opportunities: number, winRate: number, averageDeal: number, cycleDays: number): Scalar {
  if (cycleDays <= 0) return numError('cycle days must be more than 0');
  if (opportunities < 0) return numError('opportunities cannot be negative');
  if (winRate < 0 || winRate > 1) return numError('win rate must be between 0 and 1');
  return finite((opportunities * winRate * averageDeal) / cycleDays);
}

export function averageOrderValue(revenue: number, orders: number): Scalar {
  if (orders < 0) return numError('orders cannot be negative');
  if (orders === 0) return divZero('orders is 0');
  return finite(revenue / orders);
}

/** Customers with two or more orders over distinct customers, from a list of order rows. */
export function repeatRate(customerIds: readonly string[]): Scalar {
  const orders = new Map<string, number>();
  for (const id of customerIds) orders.set(id, (orders.get(id) ?? 0) + 1);
  if (orders.size === 0) return divZero('no customers');
  let repeat = 0;
  for (const count of orders.values()) if (count >= 2) repeat++;
  return repeat / orders.size;
}

/** A stage → probability table (two columns) for WEIGHTED, keyed case-insensitively. */
function readStageTable(arg: Arg): Map<string, number> | CalcError {
  const matrix = toMatrix(arg);
  const table = new Map<string, number>();
  if (shapeOf(matrix).cols < 2) return valueError('stage_table needs two columns: stage and probability');
  for (const row of matrix) {
    if (isBlank(row[0])) continue;
    const stage = toText(row[0] ?? null);
    if (isCalcError(stage)) return stage;
    const p = toNumber(row[1] ?? null, 'stage_table probability');
    if (isCalcError(p)) return p;
    if (p < 0 || p > 1) return numError(`probability of ${stage} must be between 0 and 1`);
    table.set(stage.toLowerCase(), p);
  }
  return table;
}

/**
 * Weighted pipeline: Σ amount × probability, deal by deal (never the average probability times
 * the total). A probability may be a stage name looked up in `stage_table`. Rows with a blank
 * amount or probability are skipped.
 */
export function WEIGHTED([amountsArg, probabilitiesArg, tableArg]: readonly Arg[]): Result {
  const filled = filledPairs(amountsArg, probabilitiesArg);
  if (isCalcError(filled)) return filled;
  const hasTable = tableArg !== undefined && !(isBlank(tableArg) && !Array.isArray(tableArg));
  const table = hasTable ? readStageTable(tableArg) : undefined;
  if (isCalcError(table)) return table;
  let total = 0;
  let counted = 0;
  for (const [amountCell, probabilityCell] of filled) {
    const amount = toNumber(amountCell, 'amount');
    if (isCalcError(amount)) return amount;
    let p: number | CalcError;
    if (typeof probabilityCell === 'string' && table !== undefined && table.has(probabilityCell.trim().toLowerCase())) {
      p = table.get(probabilityCell.trim().toLowerCase()) as number;
    } else {
      p = toNumber(probabilityCell, 'probability');
      if (isCalcError(p) && typeof probabilityCell === 'string') {
        return valueError(`stage "${probabilityCell}" is not in stage_table`);
      }
    }
    if (isCalcError(p)) return p;
    if (p < 0 || p > 1) return numError('probability must be between 0 and 1');
    total += amount * p;
    counted++;
  }
  return counted === 0 ? null : finite(total);
}

export const COVERAGE: ElementMetric = ([pipeline, target, won]) =>
  withNumbers({ pipeline, target, won: won ?? null }, (n) => coverage(n.pipeline, n.target, n.won));

export const VELOCITY: ElementMetric = ([opportunities, winRate, averageDeal, cycleDays]) =>
  withNumbers({ opportunities, winRate, averageDeal, cycleDays }, (n) => velocity(n.opportunities, n.winRate, n.averageDeal, n.cycleDays));

export const AOV: ElementMetric = ([revenue, orders]) => withNumbers({ revenue, orders }, (n) => averageOrderValue(n.revenue, n.orders));

export function REPEATRATE([idsArg]: readonly Arg[]): Result {
  const ids: string[] = [];
  for (const cell of cellsOf(idsArg)) {
    if (isCalcError(cell)) return cell;
    if (isBlank(cell)) continue;
    ids.push(String(cell).trim());
  }
  return repeatRate(ids);
}
