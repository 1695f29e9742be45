/**
 * The forecast's side of the register link (core/deals/links.ts): each row's won / commit / best
 * case / pipeline / win rate as formulas over the register for its owner, region and period, and a
 * row (target to fill in) for every owner × region pair of live deals the forecast lacks, in 表2's
 * quarter.
 */
import { labelOfKey } from '../i18n';
import { serialFromDate } from '../dates';
import { parsePeriod, quarterBounds } from '../periods';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { deals as dealRegister } from '../templates/specs/deals';
import { forecast as forecastSpec } from '../templates/specs/forecast';
import { goals as goalsSpec } from '../templates/specs/method';
import { isBlank } from '../values';
import type { CellValue, RowUpdate, TableWrite, WriteCell } from '../workbook';
import { DEAL_STATUSES } from './fields';
import type { NameMatches } from './linkNames';
import {
  type Criterion,
  type LinkOptions,
  type LinkTable,
  type Optional,
  type Register,
  cellOf,
  formula,
  ifs,
  not,
  trimmed,
  withOptional,
} from './linkFormulas';
import { namesFor } from './names';
import { matchKey } from './normalize';

/** The forecast's register-driven cells of a row, at its sheet row. */
function forecastCells(
  register: Register,
  table: Pick<LinkTable, 'firstColumn'>,
  columns: ReadonlyMap<string, number>,
  alternativesOf: (key: 'owner' | 'region') => readonly string[] = () => [],
) {
  const [amount, status, close] = [register.ref('amount'), register.ref('status'), register.ref('closeDate')] as string[];
  const category = register.ref('category');
  const at = (key: string, sheetRow: number) => cellOf(table as LinkTable, columns, key, sheetRow);
  const optional = (sheetRow: number): Optional[] =>
    (['owner', 'region'] as const).flatMap((key) => {
      const cell = at(key, sheetRow);
      const range = register.ref(key);
      return cell !== undefined && range !== undefined ? [{ range, cell, alternatives: alternativesOf(key) }] : [];
    });
  const inPeriod = (sheetRow: number): Criterion[] => [
    [close, `">="&${at('start', sheetRow)}`],
    [close, `"<="&${at('end', sheetRow)}`],
  ];
  const guarded = (sheetRow: number, body: string) => `IF(OR(${at('start', sheetRow)}="",${at('end', sheetRow)}=""),"",${body})`;
  const open = register.status('open');
  const sums: Record<string, (sheetRow: number) => string> = {
    won: (r) =>
      guarded(
        r,
        withOptional(optional(r), (extra) => ifs('SUMIFS', amount, [[status, register.status('won')], ...inPeriod(r), ...extra])),
      ),
    pipeline: (r) =>
      guarded(
        r,
        withOptional(optional(r), (extra) =>
          ifs('SUMIFS', amount, [
            [status, open],
            ...(category ? [[category, not(register.category('omitted'))] as const] : []),
            ...inPeriod(r),
            ...extra,
          ]),
        ),
      ),
    // Counts summed over a name's alternatives first, then one ratio: summing per-name ratios gave
    // 1.3 for a region matched twice, and #VALUE! where one name had no closed deal ("" + 0.4).
    winRate: (r) => {
      const count = (key: 'won' | 'lost') =>
        withOptional(optional(r), (extra) => ifs('COUNTIFS', undefined, [[status, register.status(key)], ...extra]));
      const [won, lost] = [count('won'), count('lost')];
      return `IFERROR((${won})/((${won})+(${lost})),"")`;
    },
  };
  if (category !== undefined) {
    for (const key of ['commit', 'bestCase'] as const)
      sums[key] = (r) =>
        guarded(
          r,
          withOptional(optional(r), (extra) =>
            ifs('SUMIFS', amount, [[status, open], [category, register.category(key)], ...inPeriod(r), ...extra]),
          ),
        );
  }
  return Object.entries(sums).flatMap(([key, build]) => {
    const column = columns.get(key);
    return column === undefined ? [] : [{ key, column, value: formula(build) }];
  });
}

export function forecastWrite(register: Register, registerTable: LinkTable, table: LinkTable, options: LinkOptions, names: NameMatches) {
  const match = matchHeader(forecastSpec, table.header);
  const { columns } = match;
  const ownerColumn = columns.get('owner');
  if (ownerColumn === undefined) return undefined;
  const linked = forecastCells(register, table, columns);
  const updates: RowUpdate[] = [];
  const have = new Set<string>();
  // A register name matched to one the forecast uses is that name (华南销售部 is 华南's row).
  const targetOf = (kind: 'owner' | 'region', name: string) => names[kind].find((m) => m.name === name)?.target ?? name;
  const pairKey = (owner: string, region: string) => `${matchKey(owner)}\u0000${matchKey(region)}`;
  table.rows.forEach((row, index) => {
    const owner = row[ownerColumn];
    if (isBlank(owner)) return;
    const region = trimmed(row[columns.get('region') ?? -1]);
    have.add(pairKey(trimmed(owner), region));
    const cells = forecastCells(register, table, columns, (key) => namesFor(key === 'owner' ? trimmed(owner) : region, names[key]));
    updates.push({
      row: index,
      expect: [{ column: ownerColumn, value: owner ?? null }],
      cells: cells.map(({ column, value }) => ({ column, value })),
    });
  });

  // Owner × region pairs of live deals the forecast lacks get a row for this quarter (target to fill in).
  const registerColumns = matchHeader(dealRegister, registerTable.header).columns;
  const [rOwner, rRegion, rStatus] = (['owner', 'region', 'status'] as const).map((key) => registerColumns.get(key));
  const removed = labelOfKey(DEAL_STATUSES, 'removed')[register.locale];
  const pairs: [string, string][] = [];
  if (rOwner !== undefined) {
    for (const row of registerTable.rows) {
      if (trimmed(row[rOwner]) === '' || trimmed(row[rStatus ?? -1]) === removed) continue;
      const owner = targetOf('owner', trimmed(row[rOwner]));
      const region = rRegion === undefined ? '' : targetOf('region', trimmed(row[rRegion]));
      const key = pairKey(owner, region);
      if (have.has(key)) continue;
      have.add(key);
      pairs.push([owner, region]);
    }
  }
  const layout = specLayout(
    forecastSpec.columns,
    { ...table, rowCount: table.rows.length + pairs.length },
    match,
    options.portable ?? false,
  );
  const { start, end } = options.period ?? quarterBounds(options.asOf);
  const rows = pairs.map(([owner, region]) =>
    layout.byPosition.map((column, position): WriteCell => {
      if (column === undefined) return null;
      const own = forecastCells(register, table, columns, (key) => namesFor(key === 'owner' ? owner : region, names[key]));
      const link = own.find((l) => l.column === position) ?? linked.find((l) => l.column === position);
      if (link) return link.value;
      if (column.formula) return layout.formulaCell(column);
      return ({ owner, region: region === '' ? null : region, start, end } as Record<string, CellValue>)[column.key] ?? null;
    }),
  );
  const write: TableWrite = { location: layout.location, header: table.header, computed: layout.computed, rows, updates };
  return { write, linkedRows: updates.length + rows.length, added: rows.length };
}

/**
 * The quarter 表2 plans: of its months, the latest quarter that has begun by `asOf` (else its first),
 * so a Q1 review done in April still forecasts Q1. Undefined when 表2 has no month.
 */
export function goalsQuarter(goals: Pick<LinkTable, 'header' | 'rows'>, asOf: number): { start: number; end: number } | undefined {
  const at = matchHeader(goalsSpec, goals.header).columns.get('month');
  if (at === undefined) return undefined;
  const starts = new Set<number>();
  for (const row of goals.rows) {
    const period = parsePeriod(row[at]);
    if (period?.kind === 'month') starts.add(quarterBounds(serialFromDate(period.year, period.index, 1)).start);
  }
  const sorted = [...starts].sort((a, b) => a - b);
  const begun = sorted.filter((start) => start <= asOf);
  const start = begun.at(-1) ?? sorted[0];
  return start === undefined ? undefined : quarterBounds(start);
}
