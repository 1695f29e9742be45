/**
 * What a register link will do, worked out before it is written: which register regions and owners
 * count for 表2's and the forecast's names (names.ts), what each 表2 actual will become (the same
 * sum the SUMIFS formula computes, in plain JavaScript), the typed values it would replace, and the
 * writes that put them back (撤销链接).
 */
import { labelOfKey } from '../i18n';
import { parsePeriod } from '../periods';
import { serialFromDate } from '../dates';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { deals as dealRegister } from '../templates/specs/deals';
import { forecast as forecastSpec } from '../templates/specs/forecast';
import { goals as goalsSpec } from '../templates/specs/method';
import { isBlank } from '../values';
import type { CellValue, RowUpdate, TableSnapshot, TableWrite } from '../workbook';
import { DEAL_STATUSES } from './fields';
import { type NameKind, type NameMatch, matchNames, namesFor, namesInRegister } from './names';
import { matchKey } from './normalize';

type Table = Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow' | 'rows'>;

export type NameAliases = Readonly<Partial<Record<NameKind, ReadonlyMap<string, string>>>>;

export interface NameMatches {
  readonly region: readonly NameMatch[];
  readonly owner: readonly NameMatch[];
}

const text = (value: CellValue | undefined): string => (isBlank(value) ? '' : String(value).trim());

/** The register's names matched to the names 表2 and the forecast use. */
export function registerNameMatches(
  register: Table,
  goals: Table | undefined,
  forecast: Table | undefined,
  aliases: NameAliases = {},
): NameMatches {
  const r = matchHeader(dealRegister, register.header);
  const statusAt = r.columns.get('status');
  const won = labelOfKey(DEAL_STATUSES, 'won');
  const removed = labelOfKey(DEAL_STATUSES, 'removed');
  const is = (label: { 'zh-CN': string; 'en-US': string }) => (v: unknown) =>
    typeof v === 'string' && (v.trim() === label['zh-CN'] || v.trim() === label['en-US']);
  const targetsOf = (kind: NameKind): string[] => {
    const names = new Map<string, string>();
    for (const [table, spec] of [
      [goals, goalsSpec],
      [forecast, forecastSpec],
    ] as const) {
      if (!table) continue;
      const at = matchHeader(spec, table.header).columns.get(kind);
      if (at === undefined) continue;
      for (const row of table.rows) {
        const name = text(row[at]);
        if (name !== '' && !names.has(matchKey(name))) names.set(matchKey(name), name);
      }
    }
    return [...names.values()];
  };
  const of = (kind: NameKind): NameMatch[] => {
    const at = r.columns.get(kind);
    if (at === undefined) return [];
    const names = namesInRegister(
      register.rows,
      {
        name: at,
        ...(r.columns.has('amount') ? { amount: r.columns.get('amount') as number } : {}),
        ...(statusAt !== undefined ? { status: statusAt } : {}),
      },
      is(won),
      is(removed),
    );
    return matchNames(names, targetsOf(kind), aliases[kind]);
  };
  return { region: of('region'), owner: of('owner') };
}

/** A 表2 actual the link replaces: its row, what the cell holds now and what the register gives. */
export interface ReplacedActual {
  readonly row: number;
  readonly month: CellValue;
  readonly before: CellValue;
  readonly after: number;
}

export interface GoalLinkCheck {
  /** 表2 rows whose actual the link computes. */
  readonly rows: number;
  /** Won deals in the register, and those that land in some 表2 row. */
  readonly wonDeals: number;
  readonly wonAmount: number;
  readonly countedDeals: number;
  readonly countedAmount: number;
  /** Typed (or stale) values the link would change, with their sum. */
  readonly replaced: readonly ReplacedActual[];
  readonly replacedSum: number;
  /** Puts the replaced values back (guarded by each row's month). */
  readonly undo?: TableWrite;
}

/** What the link makes of 表2's 月度实际完成: the sums its formulas will compute, and what they replace. */
export function checkGoalLink(register: Table, goals: Table, matches: NameMatches): GoalLinkCheck {
  const r = matchHeader(dealRegister, register.header).columns;
  const g = matchHeader(goalsSpec, goals.header);
  const [amountAt, statusAt, closeAt] = [r.get('amount'), r.get('status'), r.get('closeDate')];
  const [monthAt, actualAt] = [g.columns.get('month'), g.columns.get('actual')];
  const won = labelOfKey(DEAL_STATUSES, 'won');
  const wonRows = register.rows.filter((row) => {
    const status = text(row[statusAt ?? -1]);
    return status === won['zh-CN'] || status === won['en-US'];
  });
  const amountOf = (row: readonly CellValue[]) => {
    const value = row[amountAt ?? -1];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  const counted = new Set<number>();
  const replaced: ReplacedActual[] = [];
  let rows = 0;
  if (monthAt !== undefined && actualAt !== undefined && closeAt !== undefined) {
    goals.rows.forEach((row, index) => {
      const period = parsePeriod(row[monthAt]);
      if (period?.kind !== 'month') return;
      rows++;
      const [first, next] = [serialFromDate(period.year, period.index, 1), serialFromDate(period.year, period.index + 1, 1)];
      const fits = (kind: NameKind, deal: readonly CellValue[]) => {
        const at = g.columns.get(kind);
        const wanted = at === undefined ? '' : text(row[at]);
        const dealAt = r.get(kind);
        if (wanted === '' || dealAt === undefined) return true;
        const name = text(deal[dealAt]);
        return name === wanted || namesFor(wanted, matches[kind]).includes(name);
      };
      let sum = 0;
      wonRows.forEach((deal, i) => {
        const close = deal[closeAt];
        if (typeof close !== 'number' || close < first || close >= next || !fits('region', deal) || !fits('owner', deal)) return;
        sum += amountOf(deal);
        counted.add(i);
      });
      const after = Number(sum.toPrecision(15));
      const before = row[actualAt] ?? null;
      if (!isBlank(before) && !(typeof before === 'number' && Math.abs(before - after) <= 1e-9 * Math.max(1, Math.abs(after))))
        replaced.push({ row: index, month: row[monthAt] ?? null, before, after });
    });
  }
  const wonAmount = wonRows.reduce((a, row) => a + amountOf(row), 0);
  const countedAmount = [...counted].reduce((a, i) => a + amountOf(wonRows[i] as readonly CellValue[]), 0);
  const replacedSum = replaced.reduce((a, x) => a + (typeof x.before === 'number' ? x.before : 0), 0);
  let undo: TableWrite | undefined;
  if (replaced.length > 0 && monthAt !== undefined && actualAt !== undefined) {
    const layout = specLayout(goalsSpec.columns, { ...goals, rowCount: goals.rows.length }, g, false);
    const updates: RowUpdate[] = replaced.map((x) => ({
      row: x.row,
      expect: [{ column: monthAt, value: x.month }],
      cells: [{ column: actualAt, value: x.before }],
    }));
    undo = { location: layout.location, header: goals.header, computed: layout.computed, rows: [], updates };
  }
  return {
    rows,
    wonDeals: wonRows.length,
    wonAmount: Number(wonAmount.toPrecision(15)),
    countedDeals: counted.size,
    countedAmount: Number(countedAmount.toPrecision(15)),
    replaced,
    replacedSum: Number(replacedSum.toPrecision(15)),
    ...(undo ? { undo } : {}),
  };
}
