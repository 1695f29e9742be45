/** Pipeline family: WEIGHTED, COVERAGE, VELOCITY, PIPELINENEEDED, AOV, REPEATRATE. */
import type { ElementMetric } from '../catalogue/types';
import { type CalcError, divZero, isCalcError, notAvailable, valueError } from '../errors';
import { FRACTION, outOfBound } from '../bounds';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { filledPairs } from '../lift';
import { type Arg, type Result, type Scalar, cellsOf, finite, isBlank, shapeOf, toMatrix, toNumber, toText } from '../values';

// Bounds of the arguments (pipeline ≥ 0, win rate 0–1, cycle days > 0, orders ≥ 0) are the
// catalogue's, checked by the runner before these run.

function coverage(pipeline: number, target: number, won: number): Scalar {
  if (won >= target) return notAvailable(FUNCTION_MESSAGES.targetMet);
  // target − won can overflow for huge inputs: halve all three (exact at that size) instead.
  if (!Number.isFinite(target - won)) return finite(pipeline / 2 / (target / 2 - won / 2));
  return finite(pipeline / (target - won));
}

function velocity(opportunities: number, winRate: number, averageDeal: number, cycleDays: number): Scalar {
  return finite((opportunities * winRate * averageDeal) / cycleDays);
}

/**
 * The open pipeline still needed to reach a target at a win rate: (target − won) / win rate,
 * 0 once the target is met (the win rate is above 0: the catalogue bounds it, the runner checks).
 */
function pipelineNeeded(target: number, won: number, winRate: number): Scalar {
  return finite(Math.max(0, (target - won) / winRate));
}

function averageOrderValue(revenue: number, orders: number): Scalar {
  if (orders === 0) return divZero(FUNCTION_MESSAGES.ordersZero);
  return finite(revenue / orders);
}

/** Customers with two or more orders over distinct customers, from a list of order rows. */
function repeatRate(customerIds: readonly string[]): Scalar {
  const orders = new Map<string, number>();
  for (const id of customerIds) orders.set(id, (orders.get(id) ?? 0) + 1);
  if (orders.size === 0) return divZero(FUNCTION_MESSAGES.noCustomers);
  let repeat = 0;
  for (const count of orders.values()) if (count >= 2) repeat++;
  return repeat / orders.size;
}

/** A stage → probability table (two columns) for WEIGHTED, keyed case-insensitively. */
function readStageTable(arg: Arg): Map<string, number> | CalcError {
  const matrix = toMatrix(arg);
  const table = new Map<string, number>();
  if (shapeOf(matrix).cols < 2) return valueError(FUNCTION_MESSAGES.stageTableColumns);
  for (const row of matrix) {
    if (isBlank(row[0])) continue;
    const stage = toText(row[0] ?? null);
    if (isCalcError(stage)) return stage;
    const p = toNumber(row[1] ?? null, CELL_NAMES.stageProbability);
    if (isCalcError(p)) return p;
    const refused = outOfBound(p, FRACTION, FUNCTION_MESSAGES.probabilityOf(stage));
    if (refused !== undefined) return refused;
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
    const amount = toNumber(amountCell, CELL_NAMES.amount);
    if (isCalcError(amount)) return amount;
    let p: number | CalcError;
    if (typeof probabilityCell === 'string' && table !== undefined && table.has(probabilityCell.trim().toLowerCase())) {
      p = table.get(probabilityCell.trim().toLowerCase()) as number;
    } else {
      p = toNumber(probabilityCell, CELL_NAMES.probability);
      if (isCalcError(p) && typeof probabilityCell === 'string') {
        return valueError(FUNCTION_MESSAGES.stageNotInTable(probabilityCell));
      }
    }
    if (isCalcError(p)) return p;
    const refused = outOfBound(p, FRACTION, CELL_NAMES.probability);
    if (refused !== undefined) return refused;
    total += amount * p;
    counted++;
  }
  return counted === 0 ? null : finite(total);
}

export const COVERAGE: ElementMetric = ([pipeline, target, won]) => coverage(pipeline as number, target as number, won as number);

export const VELOCITY: ElementMetric = ([opportunities, winRate, averageDeal, cycleDays]) =>
  velocity(opportunities as number, winRate as number, averageDeal as number, cycleDays as number);

export const PIPELINENEEDED: ElementMetric = ([target, won, winRate]) => pipelineNeeded(target as number, won as number, winRate as number);

export const AOV: ElementMetric = ([revenue, orders]) => averageOrderValue(revenue as number, orders as number);

export function REPEATRATE([idsArg]: readonly Arg[]): Result {
  const ids: string[] = [];
  for (const cell of cellsOf(idsArg)) {
    if (isCalcError(cell)) return cell;
    if (isBlank(cell)) continue;
    ids.push(String(cell).trim());
  }
  return repeatRate(ids);
}
