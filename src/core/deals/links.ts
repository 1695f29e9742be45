/**
 * The register drives the rest: the funnel's counts and amounts, 表2's 月度实际完成 and the forecast's
 * won / commit / best case / pipeline / win rate, written as native SUMIFS / COUNTIFS / AVERAGEIFS
 * over the register's whole columns. Every spreadsheet computes them (Excel, Univer, Sheets,
 * LibreOffice), and they stay true after each re-import. Deals marked 已移除 Removed never count.
 *
 * What each formula counts (and the plain JavaScript oracle in the tests counts the same):
 * - funnel 数量: deals that reached the stage — open or lost deals now at it or a later stage, plus
 *   every won deal; 金额: open deals now at the stage (the 成交签约 row: won deals); 平均停留天数:
 *   the average 停留天数 of the open deals at the stage.
 * - 表2 月度实际完成: won deals whose close date falls in the row's month, for its region and owner
 *   (a blank region or owner is not a condition).
 * - forecast, for the row's owner and region and period: 已赢单 won closing in it; 承诺 / 最可能 open
 *   deals in that category closing in it; 在途商机 open deals closing in it not 排除 Omitted;
 *   赢单率 won / (won + lost) deals of the owner and region, any time.
 */
import { FUNNEL_STAGES, type StageKey } from '../domain/stages';
import { L, type Localized, labelOfKey } from '../i18n';
import { parsePeriod } from '../periods';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { goals as goalsSpec } from '../templates/specs/method';
import { funnel as funnelSpec } from '../templates/specs/pipeline';
import { stageOfLabel } from '../domain/stages';
import { isBlank } from '../values';
import type { RowUpdate, TableWrite, WriteCell } from '../workbook';
import { type GoalLinkCheck, type NameMatches, checkGoalLink, registerNameMatches } from './linkNames';
import { namesFor } from './names';
import {
  type Criterion,
  type LinkOptions,
  type LinkTable,
  type Register,
  cellOf,
  formula,
  ifs,
  not,
  quoteText,
  readRegister,
  trimmed,
  withOptional,
} from './linkFormulas';
import { forecastWrite, goalsQuarter } from './linkForecast';

export type { LinkOptions, LinkTable } from './linkFormulas';
export { goalsQuarter } from './linkForecast';

export interface LinkTargets {
  readonly funnel?: LinkTable;
  readonly goals?: LinkTable;
  readonly forecast?: LinkTable;
}

export interface LinkCounts {
  readonly funnelRows: number;
  readonly goalRows: number;
  readonly forecastRows: number;
  /** Forecast rows added for owner × region pairs the forecast did not have. */
  readonly forecastAdded: number;
}

export interface SkippedRow {
  readonly sheetName: string;
  /** 0-based data row. */
  readonly row: number;
  readonly why: Localized;
}

export type RegisterLinkPlan =
  | {
      readonly ok: true;
      readonly writes: readonly TableWrite[];
      readonly counts: LinkCounts;
      readonly skipped: readonly SkippedRow[];
      /** The register's regions and owners matched to 表2's and the forecast's. */
      readonly names: NameMatches;
      /** What 表2's actuals become and what they replace (present when 表2 is linked). */
      readonly goals?: GoalLinkCheck;
    }
  | { readonly ok: false; readonly message: Localized };

/** The register-driven cells of a funnel row for a stage: 数量, 金额 and (open stages) 平均停留天数. */
function stageCells(register: Register, columns: ReadonlyMap<string, number>, key: StageKey): { column: number; value: WriteCell }[] {
  const stage = register.ref('stage') as string;
  const amount = register.ref('amount') as string;
  const status = register.ref('status') as string;
  const days = register.ref('daysInStage');
  const won = register.status('won');
  const wonCount = ifs('COUNTIFS', undefined, [[status, won]]);
  const label = (k: StageKey) => quoteText(labelOfKey(FUNNEL_STAGES, k)[register.locale]);
  const cells: { column: number; value: WriteCell }[] = [];
  const put = (column: string, text: string | undefined) => {
    const at = columns.get(column);
    if (at !== undefined && text !== undefined) cells.push({ column: at, value: formula(() => text) });
  };
  if (key === 'won') {
    put('count', wonCount);
    put('amount', ifs('SUMIFS', amount, [[status, won]]));
    return cells;
  }
  const position = FUNNEL_STAGES.findIndex((s) => s.key === key);
  const reached = FUNNEL_STAGES.slice(position)
    .filter((s) => s.key !== 'won')
    .map((s) =>
      ifs('COUNTIFS', undefined, [
        [stage, label(s.key)],
        [status, not(won)],
        [status, not(register.status('removed'))],
      ]),
    );
  put('count', [...reached, wonCount].join('+'));
  put(
    'amount',
    ifs('SUMIFS', amount, [
      [stage, label(key)],
      [status, register.status('open')],
    ]),
  );
  if (days !== undefined)
    put(
      'avgDays',
      `IFERROR(${ifs('AVERAGEIFS', days, [
        [stage, label(key)],
        [status, register.status('open')],
      ])},"")`,
    );
  return cells;
}

function funnelWrite(
  register: Register,
  table: LinkTable,
  portable: boolean,
): { write?: TableWrite; linked: number; skipped: SkippedRow[] } {
  const match = matchHeader(funnelSpec, table.header);
  const { columns } = match;
  const stageColumn = columns.get('stage');
  const layout = specLayout(funnelSpec.columns, { ...table, rowCount: Math.max(table.rows.length, FUNNEL_STAGES.length) }, match, portable);
  const base = { location: layout.location, header: table.header, computed: layout.computed };
  if (stageColumn === undefined) return { linked: 0, skipped: [] };
  // A funnel without any row yet (inserted without samples) gets the method's stages, linked.
  if (table.rows.every((row) => row.every((cell, c) => isBlank(cell) || layout.computed[c]))) {
    const rows = FUNNEL_STAGES.map((stage, i) => {
      const linked = stageCells(register, columns, stage.key);
      return layout.byPosition.map((column, position): WriteCell => {
        if (column === undefined) return null;
        if (position === stageColumn) return stage.label[match.locale];
        const link = linked.find((l) => l.column === position);
        if (link) return link.value;
        if (column.formula === undefined) return null;
        return layout.formulaCell(i === 0 && column.firstRowFormula ? { ...column, formula: column.firstRowFormula } : column);
      });
    });
    return { write: { ...base, rows }, linked: rows.length, skipped: [] };
  }
  const updates: RowUpdate[] = [];
  const skipped: SkippedRow[] = [];
  table.rows.forEach((row, index) => {
    const label = row[stageColumn] ?? null;
    const found = typeof label === 'string' ? stageOfLabel(label) : undefined;
    if (found === undefined) {
      if (!isBlank(label)) skipped.push({ sheetName: table.sheetName, row: index, why: L('不是漏斗阶段', 'not a funnel stage') });
      return;
    }
    const cells = stageCells(register, columns, found.key);
    if (cells.length > 0) updates.push({ row: index, expect: [{ column: stageColumn, value: label }], cells });
  });
  return { ...(updates.length > 0 ? { write: { ...base, rows: [], updates } } : {}), linked: updates.length, skipped };
}

function goalUpdates(register: Register, table: LinkTable, names: NameMatches): { updates: RowUpdate[]; skipped: SkippedRow[] } {
  const { columns } = matchHeader(goalsSpec, table.header);
  const monthColumn = columns.get('month');
  const actualColumn = columns.get('actual');
  const updates: RowUpdate[] = [];
  const skipped: SkippedRow[] = [];
  if (monthColumn === undefined || actualColumn === undefined) return { updates, skipped };
  const [amount, status, close] = [register.ref('amount'), register.ref('status'), register.ref('closeDate')] as string[];
  table.rows.forEach((row, index) => {
    const month = row[monthColumn] ?? null;
    if (isBlank(month)) return;
    const period = parsePeriod(month);
    if (period?.kind !== 'month') {
      skipped.push({
        sheetName: table.sheetName,
        row: index,
        why: L(`月份“${String(month)}”不是一个月(如 2024-03)`, `month "${String(month)}" is not a month (e.g. 2024-03)`),
      });
      return;
    }
    const build = (sheetRow: number) => {
      const m = cellOf(table, columns, 'month', sheetRow) as string;
      // A month spelt yyyy-mm is read from its cell, so editing it moves the sum; any other spelling is fixed at link time.
      const canonical = typeof month === 'string' && /^\d{4}-\d{2}$/.test(month.trim());
      const first = canonical ? `DATE(LEFT(${m},4),MID(${m},6,2),1)` : `DATE(${period.year},${period.index},1)`;
      const next = canonical ? `DATE(LEFT(${m},4),MID(${m},6,2)+1,1)` : `DATE(${period.year},${period.index + 1},1)`;
      const optional = (['region', 'owner'] as const).flatMap((key) => {
        const cell = cellOf(table, columns, key, sheetRow);
        const range = register.ref(key);
        const at = columns.get(key);
        const alternatives = at === undefined ? [] : namesFor(trimmed(row[at]), names[key]);
        return cell !== undefined && range !== undefined ? [{ range, cell, alternatives }] : [];
      });
      const base: Criterion[] = [
        [status, register.status('won')],
        [close, `">="&${first}`],
        [close, `"<"&${next}`],
      ];
      return withOptional(optional, (extra) => ifs('SUMIFS', amount, [...base, ...extra]));
    };
    updates.push({ row: index, expect: [{ column: monthColumn, value: month }], cells: [{ column: actualColumn, value: formula(build) }] });
  });
  return { updates, skipped };
}

/** The writes that make the funnel, 表2 and the forecast compute from the register. */
export function planRegisterLinks(registerTable: LinkTable, targets: LinkTargets, options: LinkOptions): RegisterLinkPlan {
  const register = readRegister(registerTable);
  if (!('ref' in register)) return { ok: false, message: register };
  const names = registerNameMatches(registerTable, targets.goals, targets.forecast, options.aliases);
  const period = options.period ?? (targets.goals ? goalsQuarter(targets.goals, options.asOf) : undefined);
  options = { ...options, ...(period ? { period } : {}) };
  const writes: TableWrite[] = [];
  const skipped: SkippedRow[] = [];
  const counts = { funnelRows: 0, goalRows: 0, forecastRows: 0, forecastAdded: 0 };
  const guarded = (table: LinkTable, spec: typeof funnelSpec, updates: RowUpdate[]): TableWrite => {
    const match = matchHeader(spec, table.header);
    const layout = specLayout(spec.columns, { ...table, rowCount: table.rows.length }, match, false);
    return { location: layout.location, header: table.header, computed: layout.computed, rows: [], updates };
  };
  if (targets.funnel) {
    const result = funnelWrite(register, targets.funnel, options.portable ?? false);
    skipped.push(...result.skipped);
    counts.funnelRows = result.linked;
    if (result.write) writes.push(result.write);
  }
  if (targets.goals) {
    const result = goalUpdates(register, targets.goals, names);
    skipped.push(...result.skipped);
    counts.goalRows = result.updates.length;
    if (result.updates.length > 0) writes.push(guarded(targets.goals, goalsSpec, result.updates));
  }
  if (targets.forecast) {
    const result = forecastWrite(register, registerTable, targets.forecast, options, names);
    if (result) {
      counts.forecastRows = result.linkedRows;
      counts.forecastAdded = result.added;
      if (result.linkedRows > 0) writes.push(result.write);
    }
  }
  const goals = targets.goals ? checkGoalLink(registerTable, targets.goals, names) : undefined;
  return { ok: true, writes, counts, skipped, names, ...(goals ? { goals } : {}) };
}
