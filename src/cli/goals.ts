/**
 * `npm run workbook -- goals <book.xlsx> --period "2026 Q1" --target 500 --regions 华南,华东,华北`:
 * the goal split of the pane's 目标分解 (core/goals) written into 表2 (inserted when missing), with
 * the workbook's money unit kept in 工作簿设置 when `--unit` says it.
 */
import { type Locale, monthsOfPeriod, moneyUnitLabel, parseMoneyUnit, parsePeriod, periodKey, templateById } from '../core';
import { type GoalInput, breakDownGoal, goalTableWrite } from '../core/goals';
import { WorkbookFileError } from '../files/xlsxGuard';
import { findDealTables, saveMoneyUnit } from '../workbook/dealImport';
import { ensureTemplate } from '../workbook/ensureTemplate';
import { type OpenBookOptions, openBook } from './book';
import { UsageError } from './usage';

export interface GoalOptions extends OpenBookOptions {
  readonly book: string;
  readonly locale: Locale;
  readonly period?: string;
  readonly target?: string;
  readonly unit?: string;
  readonly regions?: string;
  readonly owners?: string;
  readonly weights?: string;
  /** Every cell a whole multiple of it (default 0.1, as 表2 shows one decimal). */
  readonly rounding?: string;
  /** 冲刺目标 and 挑战目标 for the period, split like the target. */
  readonly stretch?: string;
  readonly challenge?: string;
}

export interface GoalSummary {
  readonly sheet: string;
  readonly rows: number;
  readonly period: string;
  readonly months: readonly string[];
  readonly unit?: string;
  readonly cells: readonly {
    readonly month: string;
    readonly region: string;
    readonly owner: string;
    readonly target: number;
    readonly stretch?: number;
    readonly challenge?: number;
  }[];
}

const list = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : text
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');

export async function writeGoals(options: GoalOptions, log: (line: string) => void): Promise<GoalSummary> {
  const period = options.period === undefined ? undefined : parsePeriod(options.period);
  if (period === undefined || period.kind === 'month')
    throw new UsageError(`--period must be a quarter or a year, e.g. "2026 Q1" or 2026, not "${options.period ?? ''}".`);
  const target = Number(options.target);
  if (options.target === undefined || !Number.isFinite(target) || target <= 0)
    throw new UsageError(`--target must be a number above 0 (in the workbook's unit), not "${options.target ?? ''}".`);
  const unit = options.unit === undefined ? undefined : parseMoneyUnit(options.unit);
  if (options.unit !== undefined && unit === undefined)
    throw new UsageError(`--unit must be a money unit such as 元, 万元, 百万元 or "USD thousands", not "${options.unit}".`);
  const regions = list(options.regions);
  if (regions.length === 0) throw new UsageError('--regions must name at least one region, e.g. --regions 华南,华东,华北.');
  const owners = list(options.owners);
  const weights = list(options.weights).map(Number);
  if (owners.length > regions.length) throw new UsageError(`--owners names ${owners.length} owners for ${regions.length} regions.`);
  if (options.weights !== undefined && (weights.length !== regions.length || weights.some((w) => !Number.isFinite(w) || w < 0)))
    throw new UsageError(`--weights must be one number ≥ 0 per region (${regions.length}), not "${options.weights}".`);

  const tier = (name: 'stretch' | 'challenge'): { [K in typeof name]?: number } => {
    const text = options[name];
    if (text === undefined) return {};
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new UsageError(`--${name} must be a number above 0 (in the workbook's unit), not "${text}".`);
    return { [name]: value };
  };
  const months = monthsOfPeriod(period);
  const input: GoalInput = {
    ...tier('stretch'),
    ...tier('challenge'),
    period: periodKey(period),
    target,
    months,
    regions: regions.map((name, i) => ({
      name,
      ...(owners[i] ? { owner: owners[i] } : {}),
      ...(weights.length > 0 ? { weight: weights[i] as number } : {}),
    })),
    equalSplit: weights.length === 0,
    unit: Number(options.rounding ?? '0.1'),
  };
  const result = breakDownGoal(input);
  if (!result.ok) throw new UsageError(result.errors.map((e) => e.message[options.locale]).join(' '));

  const book = await openBook(options.book, options.locale, options);
  try {
    const port = book.port;
    // The unit first, so a new 表2's money headers show it.
    if (unit) await saveMoneyUnit(port, await findDealTables(port), unit, options.locale);
    const { location, inserted } = await ensureTemplate(port, templateById('goals'), { locale: options.locale, portable: true });
    if (inserted) log(`Inserted the sheet "${inserted}".`);
    const table = await port.readTable(location);
    const plan = goalTableWrite(result.breakdown, table, { portable: true });
    if (!plan.ok) throw new WorkbookFileError(`${options.book}: ${plan.message[options.locale]}`);
    await port.writeTables([plan.write]);
    await book.save();
    const { breakdown } = result;
    return {
      sheet: table.sheetName,
      rows: plan.rows,
      period: breakdown.period,
      months: breakdown.months,
      ...(unit ? { unit: moneyUnitLabel(unit, options.locale) } : {}),
      cells: breakdown.months.flatMap((month, m) =>
        breakdown.regions.map((region, r) => ({
          month,
          region: region.name,
          owner: region.owner,
          target: breakdown.cells[m]?.[r] ?? 0,
          ...Object.fromEntries(breakdown.tiers.map((t) => [t.tier, t.cells[m]?.[r] ?? 0])),
        })),
      ),
    };
  } finally {
    await book.dispose();
  }
}
