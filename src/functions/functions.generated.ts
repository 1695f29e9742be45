// Generated from src/core/catalogue by scripts/generate-functions.ts. Do not edit: run `npm run generate`.
import { callFromExcel } from '../hosts/excel/customFunctions';

/**
 * Attainment of a target: actual / target; handles negative targets and lower-is-better metrics.
 * @customfunction ATTAINMENT
 * @param {any[][]} actual Actual result (a cell or a range).
 * @param {any[][]} target Target (same shape as actual, or one cell).
 * @param {any[][]} [polarity] "higher" (default) or "lower" / -1 for lower-is-better.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function attainment(actual: any[][], target: any[][], polarity?: any[][]): any[][] {
  return callFromExcel('ATTAINMENT', [actual, target, polarity]);
}

/**
 * Conversion rate: converted / total.
 * @customfunction CONVERSION
 * @param {any[][]} converted Number converted.
 * @param {any[][]} total Total number.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function conversion(converted: any[][], total: any[][]): any[][] {
  return callFromExcel('CONVERSION', [converted, total]);
}

/**
 * Conversion of each funnel stage: "step" (vs. the stage before, default) or "cumulative" (vs. the first stage). Spills.
 * @customfunction FUNNEL
 * @param {any[][]} counts Counts per stage, first stage first (one row or column).
 * @param {any[][]} [mode] "step" (default) or "cumulative".
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function funnel(counts: any[][], mode?: any[][]): any[][] {
  return callFromExcel('FUNNEL', [counts, mode]);
}

/**
 * The funnel stage with the lowest step conversion, or with the largest shortfall below benchmark rates.
 * @customfunction BOTTLENECK
 * @param {any[][]} stages Stage names.
 * @param {any[][]} counts Counts per stage, same length as stages.
 * @param {any[][]} [benchmarks] Benchmark step conversion per stage (optional).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function bottleneck(stages: any[][], counts: any[][], benchmarks?: any[][]): any[][] {
  return callFromExcel('BOTTLENECK', [stages, counts, benchmarks]);
}

/**
 * Gap to target: target − actual (negative means the target was exceeded).
 * @customfunction GAP
 * @param {any[][]} actual Actual result.
 * @param {any[][]} target Target.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function gap(actual: any[][], target: any[][]): any[][] {
  return callFromExcel('GAP', [actual, target]);
}

/**
 * Rate of change from before to after: (after − before) / |before|.
 * @customfunction CHANGE
 * @param {any[][]} before Value before.
 * @param {any[][]} after Value after.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function change(before: any[][], after: any[][]): any[][] {
  return callFromExcel('CHANGE', [before, after]);
}

/**
 * Projected result for the whole period at the current pace: actual / elapsed days × period days.
 * @customfunction RUNRATE
 * @param {any[][]} actual Actual result so far.
 * @param {any[][]} start First day of the period.
 * @param {any[][]} end Last day of the period.
 * @param {any[][]} [as_of] Date of the actual (default: today).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 * @volatile
 */
export function runrate(actual: any[][], start: any[][], end: any[][], as_of?: any[][]): any[][] {
  return callFromExcel('RUNRATE', [actual, start, end, as_of]);
}

/**
 * Pace of a period: actual against target × the share of the period gone by — Ahead, On track, Behind or At risk (领先/正常/落后/风险).
 * @customfunction PACE
 * @param {any[][]} actual Actual result so far.
 * @param {any[][]} target Target for the whole period (above 0).
 * @param {any[][]} start First day of the period.
 * @param {any[][]} end Last day of the period.
 * @param {any[][]} [as_of] Date of the actual (default: today).
 * @param {any[][]} [ahead] Actual / expected at or above this is Ahead (default 1.1).
 * @param {any[][]} [on_track] At or above this is On track (default 0.9).
 * @param {any[][]} [behind] At or above this is Behind, below it At risk (default 0.7).
 * @param {any[][]} [lang] Label language: "en-US" for English; default Chinese.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 * @volatile
 */
export function pace(actual: any[][], target: any[][], start: any[][], end: any[][], as_of?: any[][], ahead?: any[][], on_track?: any[][], behind?: any[][], lang?: any[][]): any[][] {
  return callFromExcel('PACE', [actual, target, start, end, as_of, ahead, on_track, behind, lang]);
}

/**
 * Change of a metric against the period before (环比) or the same period last year (同比): (this − that) / abs(that), rows summed by period.
 * @customfunction PERIODCHANGE
 * @param {any[][]} values The metric, one cell per row.
 * @param {any[][]} periods The period of each row: 2024-03, 2024 Q1, 2024 or a date.
 * @param {any[][]} period The period to compare (a month, quarter or year).
 * @param {any[][]} [compare] "previous" (default, 环比) or "year" (同比).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function periodchange(values: any[][], periods: any[][], period: any[][], compare?: any[][]): any[][] {
  return callFromExcel('PERIODCHANGE', [values, periods, period, compare]);
}

/**
 * Win rate: won / (won + lost).
 * @customfunction WINRATE
 * @param {any[][]} won Deals won.
 * @param {any[][]} lost Deals lost.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function winrate(won: any[][], lost: any[][]): any[][] {
  return callFromExcel('WINRATE', [won, lost]);
}

/**
 * Weighted pipeline: the sum of amount × win probability, deal by deal.
 * @customfunction WEIGHTED
 * @param {any[][]} amounts Deal amounts.
 * @param {any[][]} probs_or_stages Win probabilities (0–1), or stage names looked up in stage_table.
 * @param {any[][]} [stage_table] Two columns: stage and probability (optional).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function weighted(amounts: any[][], probs_or_stages: any[][], stage_table?: any[][]): any[][] {
  return callFromExcel('WEIGHTED', [amounts, probs_or_stages, stage_table]);
}

/**
 * Pipeline coverage: open pipeline / (target − won).
 * @customfunction COVERAGE
 * @param {any[][]} pipeline Open pipeline amount.
 * @param {any[][]} target Target for the period.
 * @param {any[][]} [won] Already won this period (default 0).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function coverage(pipeline: any[][], target: any[][], won?: any[][]): any[][] {
  return callFromExcel('COVERAGE', [pipeline, target, won]);
}

/**
 * Open pipeline still needed to reach the target at a win rate: (target − won) / win rate; 0 once the target is met.
 * @customfunction PIPELINENEEDED
 * @param {any[][]} target Target for the period.
 * @param {any[][]} won Already won this period.
 * @param {any[][]} win_rate Win rate, above 0 and up to 1.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function pipelineneeded(target: any[][], won: any[][], win_rate: any[][]): any[][] {
  return callFromExcel('PIPELINENEEDED', [target, won, win_rate]);
}

/**
 * Sales velocity per day: opportunities × win rate × average deal / cycle days.
 * @customfunction VELOCITY
 * @param {any[][]} opps Number of open opportunities.
 * @param {any[][]} win_rate Win rate (0–1).
 * @param {any[][]} avg_deal Average deal size.
 * @param {any[][]} cycle_days Average sales cycle in days.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function velocity(opps: any[][], win_rate: any[][], avg_deal: any[][], cycle_days: any[][]): any[][] {
  return callFromExcel('VELOCITY', [opps, win_rate, avg_deal, cycle_days]);
}

/**
 * Average order value: revenue / orders.
 * @customfunction AOV
 * @param {any[][]} revenue Revenue.
 * @param {any[][]} orders Number of orders.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function aov(revenue: any[][], orders: any[][]): any[][] {
  return callFromExcel('AOV', [revenue, orders]);
}

/**
 * Repeat-purchase rate from an order list: customers with 2+ orders / distinct customers.
 * @customfunction REPEATRATE
 * @param {any[][]} customer_ids The customer of each order (one cell per order).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function repeatrate(customer_ids: any[][]): any[][] {
  return callFromExcel('REPEATRATE', [customer_ids]);
}

/**
 * Sales cycle in days from start to close: the median (or "mean"); open deals are skipped.
 * @customfunction CYCLE
 * @param {any[][]} starts Start dates.
 * @param {any[][]} closes Close dates (blank while open).
 * @param {any[][]} [method] "median" (default) or "mean".
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function cycle(starts: any[][], closes: any[][], method?: any[][]): any[][] {
  return callFromExcel('CYCLE', [starts, closes, method]);
}

/**
 * Lead grade from a 0–100 score: A (focus) ≥ 80, B (regular) ≥ 50, else C (nurture).
 * @customfunction LEADGRADE
 * @param {any[][]} score Lead score, 0–100.
 * @param {any[][]} [a_min] Lowest A score (default 80).
 * @param {any[][]} [b_min] Lowest B score (default 50).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function leadgrade(score: any[][], a_min?: any[][], b_min?: any[][]): any[][] {
  return callFromExcel('LEADGRADE', [score, a_min, b_min]);
}

/**
 * When the first response is due: received + 2 h (A), 24 h (B) or 168 h (C).
 * @customfunction SLADUE
 * @param {any[][]} grade Lead grade A, B or C.
 * @param {any[][]} received When the lead was received (date and time).
 * @param {any[][]} [hours] Response limit in hours for every grade (optional).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function sladue(grade: any[][], received: any[][], hours?: any[][]): any[][] {
  return callFromExcel('SLADUE', [grade, received, hours]);
}

/**
 * Days late: actual − planned; while open and past due, today − planned; blank while not yet due.
 * @customfunction DELAY
 * @param {any[][]} planned Planned completion date.
 * @param {any[][]} [actual] Actual completion date (blank while open).
 * @param {any[][]} [as_of] Date to measure open items against (default: today).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 * @volatile
 */
export function delay(planned: any[][], actual?: any[][], as_of?: any[][]): any[][] {
  return callFromExcel('DELAY', [planned, actual, as_of]);
}

/**
 * Forecast accuracy: max(0, 1 − |actual − forecast| / |actual|).
 * @customfunction FORECASTACCURACY
 * @param {any[][]} actual Actual result.
 * @param {any[][]} forecast Forecast.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function forecastaccuracy(actual: any[][], forecast: any[][]): any[][] {
  return callFromExcel('FORECASTACCURACY', [actual, forecast]);
}

/**
 * Weighted performance score of attainments; weights are normalised to sum to 1.
 * @customfunction SCORE
 * @param {any[][]} values Attainments (or scores) per KPI.
 * @param {any[][]} weights Weight per KPI, same shape.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function score(values: any[][], weights: any[][]): any[][] {
  return callFromExcel('SCORE', [values, weights]);
}

/**
 * Pilot against control: the pilot members’ mean change (after − before) less the control members’ (difference in differences).
 * @customfunction DID
 * @param {any[][]} pilot_before Pilot members before.
 * @param {any[][]} pilot_after Pilot members after, same shape.
 * @param {any[][]} control_before Control members before.
 * @param {any[][]} control_after Control members after, same shape.
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function did(pilot_before: any[][], pilot_after: any[][], control_before: any[][], control_after: any[][]): any[][] {
  return callFromExcel('DID', [pilot_before, pilot_after, control_before, control_after]);
}

/**
 * Tiered commission on an amount: progressive (each tier’s rate on the part within it, default) or flat (the whole amount at the highest tier reached).
 * @customfunction COMMISSION
 * @param {any[][]} amount Sales amount (a cell or a range, ≥ 0).
 * @param {any[][]} thresholds Where each tier starts, rising (e.g. 0, 100000, 500000).
 * @param {any[][]} rates Rate of each tier (0–1), same length.
 * @param {any[][]} [mode] "progressive" (累进, default) or "flat" (全额).
 * @returns {any[][]} One value, or one per cell of the ranges given (spills).
 */
export function commission(amount: any[][], thresholds: any[][], rates: any[][], mode?: any[][]): any[][] {
  return callFromExcel('COMMISSION', [amount, thresholds, rates, mode]);
}
