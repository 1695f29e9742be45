/**
 * Roll-up across workbooks (issue 24): each manager keeps a workbook; the team's is their tables
 * put together — the deal register, 表2, 预测提报, 组织架构, the findings (表1) and the actions (表3) —
 * every row naming the workbook it came from, money in one unit. What cannot be combined is said,
 * never dropped silently: a source that could not be read, one without the method's sheets, a deal
 * that two sources both hold, a table missing columns, a unit converted or assumed.
 */
import type { Localized } from '../i18n';
import { L } from '../i18n';
import { type MoneyUnit, convertMoney, moneyUnitLabel, sameCurrency, sameMoneyUnit } from '../money';
import { matchHeader } from '../templates/locate';
import type { ColumnSpec, TemplateId, TemplateSpec } from '../templates/types';
import type { CellValue, TableSnapshot } from '../workbook';

/** The tables a team workbook combines, in the order it shows them. */
export const ROLLUP_TABLES: readonly TemplateId[] = ['goals', 'deals', 'forecastCalls', 'orgChart', 'diagnosis', 'execution'];

/** The column every combined table gains at its end: the workbook a row came from. */
export const SOURCE_COLUMN: ColumnSpec = { key: 'sourceBook', label: L('来源工作簿', 'Source workbook'), type: 'text', width: 18 };

/** A template as the team workbook holds it: its own columns and the source column, no sample rows. */
export const rollupSpec = (spec: TemplateSpec): TemplateSpec => ({ ...spec, columns: [...spec.columns, SOURCE_COLUMN], samples: [] });

/** The key column of a table whose rows must not appear twice across sources. */
const KEYS: Partial<Record<TemplateId, string>> = { deals: 'dealId' };

/** One manager's workbook as read: its name (the file's), its money unit and the tables found. */
export interface RollupSource {
  readonly name: string;
  readonly unit?: MoneyUnit;
  readonly tables: Partial<Record<TemplateId, TableSnapshot>>;
}

/** A source that could not be read at all (not a workbook, damaged, unreadable). */
export interface RollupFailure {
  readonly name: string;
  readonly reason: string;
}

export interface RollupNote {
  readonly source: string;
  readonly message: Localized;
}

/** One combined table: input values by column key (computed columns are left to the formulas). */
export interface RollupTable {
  readonly id: TemplateId;
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
}

export interface Rollup {
  readonly unit?: MoneyUnit;
  readonly tables: readonly RollupTable[];
  /** Per source: rows taken from each table. */
  readonly counts: readonly { readonly source: string; readonly rows: Readonly<Partial<Record<TemplateId, number>>> }[];
  /** Sources left out, and why. */
  readonly failed: readonly RollupFailure[];
  /** What was converted, assumed or left out within the sources that were read. */
  readonly notes: readonly RollupNote[];
}

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';

/** What the sources add up to so far: the rows by table, the deal keys seen (and where), the notes. */
interface Combined {
  readonly rows: Map<TemplateId, Record<string, CellValue>[]>;
  readonly keysSeen: Map<string, string>;
  readonly notes: RollupNote[];
}

/**
 * One source's table added in the team's unit: blank rows skipped, a deal already taken from an
 * earlier source noted and not counted twice. Returns the rows taken, or undefined (noted) when a
 * column the table needs is missing.
 */
function takeTable(
  combined: Combined,
  source: RollupSource,
  table: { readonly id: TemplateId; readonly spec: TemplateSpec; readonly toTeamUnit: (v: number) => number },
): number | undefined {
  const { id, spec, toTeamUnit } = table;
  const { rows, keysSeen, notes } = combined;
  const snapshot = source.tables[id] as TableSnapshot;
  const match = matchHeader(spec, snapshot.header);
  const inputs = spec.columns.filter((c) => c.formula === undefined);
  const lacking = spec.columns.filter((c) => c.required && !match.columns.has(c.key));
  if (lacking.length > 0) {
    notes.push({
      source: source.name,
      message: L(
        `${snapshot.sheetName} 缺少列 ${lacking.map((c) => c.label['zh-CN']).join('、')},未汇总`,
        `${snapshot.sheetName} lacks ${lacking.map((c) => c.label['en-US']).join(', ')}: not combined`,
      ),
    });
    return undefined;
  }
  const key = KEYS[id];
  let count = 0;
  snapshot.rows.forEach((row, i) => {
    const values: Record<string, CellValue> = {};
    for (const column of inputs) {
      const at = match.columns.get(column.key);
      const v = at === undefined ? null : (row[at] ?? null);
      values[column.key] = column.money === true && typeof v === 'number' ? toTeamUnit(v) : v;
    }
    if (inputs.every((c) => blank(values[c.key]))) return;
    if (key !== undefined && !blank(values[key])) {
      const id2 = `${id}\u0000${String(values[key])}`;
      const first = keysSeen.get(id2);
      if (first !== undefined) {
        notes.push({
          source: source.name,
          message: L(
            `${snapshot.sheetName} 第 ${snapshot.headerRow + 2 + i} 行:商机编号 ${String(values[key])} 已在 ${first} 中,未重复汇总`,
            `${snapshot.sheetName} row ${snapshot.headerRow + 2 + i}: deal ${String(values[key])} is in ${first} already; not counted twice`,
          ),
        });
        return;
      }
      keysSeen.set(id2, source.name);
    }
    values[SOURCE_COLUMN.key] = source.name;
    (rows.get(id) as Record<string, CellValue>[]).push(values);
    count += 1;
  });
  return count;
}

/**
 * Combines the sources. The team's unit is `unit`, else the first source's that says one; money of
 * a source in another unit of the same currency is converted, of another currency left out with a
 * note, of no stated unit taken as the team's with a note.
 */
export function combineSources(
  sources: readonly RollupSource[],
  specs: Readonly<Partial<Record<TemplateId, TemplateSpec>>>,
  options: { readonly unit?: MoneyUnit; readonly failed?: readonly RollupFailure[] } = {},
): Rollup {
  const unit = options.unit ?? sources.find((s) => s.unit)?.unit;
  const failed: RollupFailure[] = [...(options.failed ?? [])];
  const notes: RollupNote[] = [];
  const rows = new Map<TemplateId, Record<string, CellValue>[]>(ROLLUP_TABLES.map((id) => [id, []]));
  const keysSeen = new Map<string, string>();
  const counts: { source: string; rows: Partial<Record<TemplateId, number>> }[] = [];
  for (const source of sources) {
    const found = ROLLUP_TABLES.filter((id) => source.tables[id] !== undefined);
    if (found.length === 0) {
      failed.push({ name: source.name, reason: 'no sheet of the method (表2, 商机明细, 预测提报, …)' });
      continue;
    }
    const toTeamUnit = moneyConverter(source, unit, notes);
    if (toTeamUnit === undefined) {
      failed.push({
        name: source.name,
        reason: `its money is in ${source.unit ? moneyUnitLabel(source.unit, 'en-US') : '?'}, another currency than the team's`,
      });
      continue;
    }
    const taken: Partial<Record<TemplateId, number>> = {};
    for (const id of found) {
      const spec = specs[id];
      if (!spec) continue;
      const count = takeTable({ rows, keysSeen, notes }, source, { id, spec, toTeamUnit });
      if (count !== undefined) taken[id] = count;
    }
    counts.push({ source: source.name, rows: taken });
  }
  return {
    ...(unit ? { unit } : {}),
    tables: ROLLUP_TABLES.filter((id) => (rows.get(id) ?? []).length > 0).map((id) => ({ id, rows: rows.get(id) ?? [] })),
    counts,
    failed,
    notes,
  };
}

const same = (v: number): number => v;

/** How a source's money becomes the team's; undefined when it cannot (another currency). */
function moneyConverter(source: RollupSource, unit: MoneyUnit | undefined, notes: RollupNote[]): ((v: number) => number) | undefined {
  if (!unit) return same;
  if (!source.unit) {
    notes.push({
      source: source.name,
      message: L(
        `未注明金额单位,按 ${moneyUnitLabel(unit, 'zh-CN')} 汇总`,
        `no money unit stated: taken as ${moneyUnitLabel(unit, 'en-US')}`,
      ),
    });
    return same;
  }
  if (sameMoneyUnit(source.unit, unit)) return same;
  if (!sameCurrency(source.unit, unit)) return undefined;
  notes.push({
    source: source.name,
    message: L(
      `金额从 ${moneyUnitLabel(source.unit, 'zh-CN')} 换算为 ${moneyUnitLabel(unit, 'zh-CN')}`,
      `money converted from ${moneyUnitLabel(source.unit, 'en-US')} to ${moneyUnitLabel(unit, 'en-US')}`,
    ),
  });
  const from = source.unit;
  return (v) => convertMoney(v, from, unit);
}
