/**
 * 数据体检: what is wrong with the data before any number is drawn from it. Each check names how
 * many rows, a few of them (sheet row as the user sees it), and the fix. A check that finds nothing
 * is left out, so the templates' own samples come back clean.
 */
import { labelOfKey, L, type Localized } from '../i18n';
import { parsePeriod } from '../periods';
import { serialFromDate } from '../dates';
import { isBlank } from '../values';
import type { MoneyUnit } from '../money';
import { MONEY_HEADER_TEMPLATES, moneyUnitOfHeader } from '../settings';
import { DEAL_STATUSES } from '../deals/fields';
import { matchNames, namesInRegister } from '../deals/names';
import type { CellValue } from '../workbook';
import { type TableView, viewOf } from './read';
import type { WorkbookData } from './types';

export type DataCheckKind =
  | 'unitMismatch'
  | 'unmatchedRegions'
  | 'textInNumbers'
  | 'duplicateDealIds'
  | 'overdueOpenDeals'
  | 'blankLostReasons'
  | 'staleRegister'
  | 'monthsWithoutActuals';

export interface DataCheckExample {
  readonly sheet: string;
  /** 1-based sheet row, as the user sees it. */
  readonly row: number;
  readonly value: string;
}

export interface DataCheck {
  readonly kind: DataCheckKind;
  readonly count: number;
  readonly message: Localized;
  readonly fix: Localized;
  readonly examples: readonly DataCheckExample[];
}

/** Examples listed per check; the count says how many there are. */
const EXAMPLES = 5;
/** A register whose last snapshot is older than this many days is stale. */
const STALE_DAYS = 14;
/** Targets and deal amounts this many times apart are in different units. */
const UNIT_RATIO = 300;

const sheetRow = (view: TableView, index: number): number => view.table.headerRow + 2 + index;
const text = (value: CellValue | undefined): string => (isBlank(value) ? '' : String(value).trim());

const WON = labelOfKey(DEAL_STATUSES, 'won');
const LOST = labelOfKey(DEAL_STATUSES, 'lost');
const OPEN = labelOfKey(DEAL_STATUSES, 'open');
const REMOVED = labelOfKey(DEAL_STATUSES, 'removed');
const is = (label: Localized) => (value: unknown) =>
  typeof value === 'string' && (value.trim() === label['zh-CN'] || value.trim() === label['en-US']);

function median(values: readonly number[]): number | undefined {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rows of `view` that `pick` keeps, as a check (undefined when none). */
function rowsCheck(
  view: TableView,
  kind: DataCheckKind,
  pick: (row: readonly CellValue[]) => string | undefined,
  message: (count: number) => Localized,
  fix: Localized,
): DataCheck | undefined {
  const examples: DataCheckExample[] = [];
  let count = 0;
  view.table.rows.forEach((row, index) => {
    const value = pick(row);
    if (value === undefined) return;
    count++;
    if (examples.length < EXAMPLES) examples.push({ sheet: view.table.sheetName, row: sheetRow(view, index), value });
  });
  return count === 0 ? undefined : { kind, count, message: message(count), fix, examples };
}

type Checks = (DataCheck | undefined)[];
const at = (view: TableView | undefined, key: string) => view?.columns.get(key);

/** 表2: text where numbers go, and months that have ended with no actual. */
function goalChecks(checks: Checks, goals: TableView, today: number): void {
  for (const key of ['monthTarget', 'actual'] as const) {
    const column = at(goals, key);
    if (column === undefined) continue;
    const label = goals.spec.columns.find((c) => c.key === key)?.label[goals.locale] ?? key;
    checks.push(
      rowsCheck(
        goals,
        'textInNumbers',
        (row) =>
          typeof row[column] === 'string' && text(row[column]) !== '' && !text(row[column]).startsWith('#') ? text(row[column]) : undefined,
        (n) => L(`表2 的“${label}”有 ${n} 个单元格是文字,不是数字`, `${n} cells of T2's "${label}" hold text, not a number`),
        L('改成数字(不带单位和逗号以外的文字),否则这些行不计入达成率。', 'Type a number there; until then those rows do not count.'),
      ),
    );
  }
  // Months that have ended with no actual: attainment there would read as 0%.
  const [month, actual] = [at(goals, 'month'), at(goals, 'actual')];
  if (month !== undefined && actual !== undefined)
    checks.push(
      rowsCheck(
        goals,
        'monthsWithoutActuals',
        (row) => {
          const period = parsePeriod(row[month]);
          if (period?.kind !== 'month' || serialFromDate(period.year, period.index + 1, 1) > today) return undefined;
          return isBlank(row[actual]) ? text(row[month]) : undefined;
        },
        (n) => L(`表2 有 ${n} 行已结束的月份没有实际完成`, `${n} T2 rows of months that have ended have no actual`),
        L(
          '填写这些月份的实际完成,或用商机明细计算(导入 → 用商机明细计算…)。',
          'Fill in their actuals, or compute them from the register (Import → Compute…).',
        ),
      ),
    );
}

/** The register's own rows: text amounts, repeated IDs, open deals past their date, losses with no reason. */
function registerChecks(checks: Checks, deals: TableView, today: number): void {
  const [id, amount, status, close, lostReason] = ['dealId', 'amount', 'status', 'closeDate', 'lostReason'].map((k) => at(deals, k));
  if (amount !== undefined)
    checks.push(
      rowsCheck(
        deals,
        'textInNumbers',
        (row) => (typeof row[amount] === 'string' && text(row[amount]) !== '' ? text(row[amount]) : undefined),
        (n) => L(`商机明细有 ${n} 个金额是文字,不是数字`, `${n} register amounts hold text, not a number`),
        L(
          '改成数字,或重新导入(导入会换算“¥1,200,000”“120万”这类写法)。',
          'Type numbers, or import again (the import reads "¥1,200,000" and "120万").',
        ),
      ),
    );
  if (id !== undefined) {
    const seen = new Map<string, number>();
    checks.push(
      rowsCheck(
        deals,
        'duplicateDealIds',
        (row) => {
          const key = text(row[id]);
          if (key === '') return undefined;
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          return n > 1 ? key : undefined;
        },
        (n) => L(`商机明细有 ${n} 行的商机编号与前面重复`, `${n} register rows repeat an earlier deal ID`),
        L('删除重复行或改正编号:重复的商机会被计算两次。', 'Delete the repeated rows or fix the IDs: a repeated deal counts twice.'),
      ),
    );
  }
  if (status !== undefined && close !== undefined)
    checks.push(
      rowsCheck(
        deals,
        'overdueOpenDeals',
        (row) =>
          is(OPEN)(row[status]) && typeof row[close] === 'number' && (row[close] as number) < today ? text(row[id ?? -1]) : undefined,
        (n) => L(`${n} 个进行中的商机预计成交日期已过`, `${n} open deals have a close date that has passed`),
        L(
          '请负责人更新预计成交日期或把商机标为赢单/输单,再导入。',
          'Ask the owners to move the close dates or close the deals, then import again.',
        ),
      ),
    );
  if (status !== undefined && lostReason !== undefined)
    checks.push(
      rowsCheck(
        deals,
        'blankLostReasons',
        (row) => (is(LOST)(row[status]) && isBlank(row[lostReason]) ? text(row[id ?? -1]) : undefined),
        (n) => L(`${n} 个输单没有填写输单原因`, `${n} lost deals have no lost reason`),
        L(
          '请负责人补填输单原因:空白不是原因,这些输单无法用来分析。',
          'Ask the owners for the reasons: a blank is not a cause, and these losses cannot be analysed.',
        ),
      ),
    );
}

/** Register regions that match no 表2 region. */
function regionCheck(checks: Checks, deals: TableView, goals: TableView | undefined): void {
  const [amount, status, region] = ['amount', 'status', 'region'].map((k) => at(deals, k));
  const targetRegion = at(goals, 'region');
  if (region !== undefined && goals && targetRegion !== undefined) {
    const targets = [...new Set(goals.table.rows.map((row) => text(row[targetRegion])).filter((name) => name !== ''))];
    const names = namesInRegister(
      deals.table.rows,
      { name: region, ...(amount !== undefined ? { amount } : {}), ...(status !== undefined ? { status } : {}) },
      is(WON),
      is(REMOVED),
    );
    const unmatched = targets.length === 0 ? [] : matchNames(names, targets).filter((m) => m.target === undefined);
    if (unmatched.length > 0)
      checks.push({
        kind: 'unmatchedRegions',
        count: unmatched.length,
        message: L(
          `商机明细中 ${unmatched.length} 个区域与表2 的区域对不上:${unmatched.map((m) => `${m.name}(${m.deals} 单)`).join('、')}`,
          `${unmatched.length} register regions match no T2 region: ${unmatched.map((m) => `${m.name} (${m.deals} deals)`).join(', ')}`,
        ),
        fix: L(
          '在“用商机明细计算…”时为它们选择对应的表2 区域(会保存在导入映射中),或改正区域名称。',
          'Match them to T2 regions when linking (kept in Import Mappings), or correct the names.',
        ),
        examples: unmatched.slice(0, EXAMPLES).map((m) => ({
          sheet: deals.table.sheetName,
          row: sheetRow(
            deals,
            deals.table.rows.findIndex((row) => text(row[region]) === m.name),
          ),
          value: `${m.name}: ${m.amount}`,
        })),
      });
  }
}

/** Targets and deal amounts in different money units. */
function unitCheck(checks: Checks, deals: TableView, goals: TableView | undefined): void {
  const amount = at(deals, 'amount');
  // Targets and deal amounts orders of magnitude apart: 500 (万元) against 740,000 (元).
  const targetColumn = at(goals, 'monthTarget');
  if (goals && targetColumn !== undefined && amount !== undefined) {
    const target = median(goals.table.rows.map((row) => row[targetColumn]).filter((v): v is number => typeof v === 'number'));
    const deal = median(deals.table.rows.map((row) => row[amount]).filter((v): v is number => typeof v === 'number'));
    if (target !== undefined && deal !== undefined && (deal / target >= UNIT_RATIO || target / deal >= UNIT_RATIO))
      checks.push({
        kind: 'unitMismatch',
        count: 1,
        message: L(
          `表2 的月度目标(中位数 ${target})和商机金额(中位数 ${deal})相差 ${Math.round(Math.max(deal / target, target / deal))} 倍:很可能单位不同(如万元和元)`,
          `T2's monthly targets (median ${target}) and deal amounts (median ${deal}) are ${Math.round(Math.max(deal / target, target / deal))} times apart: most likely different units (10k vs units)`,
        ),
        fix: L(
          '在工作簿设置中设定金额单位,并重新导入商机(导入会按表头单位换算)。',
          'Set the money unit in Workbook Settings and import the deals again (the import converts from the header unit).',
        ),
        examples: [],
      });
  }
}

/** A register whose last snapshot is old. */
function snapshotCheck(checks: Checks, data: WorkbookData, today: number): void {
  const snapshots = viewOf(data, 'dealSnapshots');
  const taken = at(snapshots, 'takenOn');
  if (snapshots && taken !== undefined && snapshots.table.rows.length > 0) {
    const last = Math.max(...snapshots.table.rows.map((row) => (typeof row[taken] === 'number' ? (row[taken] as number) : -Infinity)));
    if (Number.isFinite(last) && today - last > STALE_DAYS)
      checks.push({
        kind: 'staleRegister',
        count: 1,
        message: L(
          `商机明细最近一次快照是 ${today - last} 天前:数据可能已过时`,
          `The register's last snapshot is ${today - last} days old: the data may be out of date`,
        ),
        fix: L('导入最新的 CRM 导出文件后再复盘。', 'Import the latest CRM export before reviewing.'),
        examples: [],
      });
  }
}

export function dataChecks(data: WorkbookData, options: { readonly today: number }): DataCheck[] {
  const checks: Checks = [];
  const goals = viewOf(data, 'goals');
  const deals = viewOf(data, 'deals');
  if (goals) goalChecks(checks, goals, options.today);
  if (deals) {
    registerChecks(checks, deals, options.today);
    regionCheck(checks, deals, goals);
    unitCheck(checks, deals, goals);
  }
  snapshotCheck(checks, data, options.today);
  return checks.filter((c): c is DataCheck => c !== undefined);
}

/**
 * The day a review looks from when the user has not said (截至日期): the latest snapshot of the
 * register, else the last day of the latest 表2 month with an actual — never silently today, which
 * makes a March review done in May see every open deal as overdue.
 */
export function reviewDateOf(data: WorkbookData): number | undefined {
  const snapshots = viewOf(data, 'dealSnapshots');
  const taken = snapshots?.columns.get('takenOn');
  const days = (snapshots?.table.rows ?? [])
    .map((row) => (taken === undefined ? null : row[taken]))
    .filter((v): v is number => typeof v === 'number');
  if (days.length > 0) return Math.max(...days);
  const goals = viewOf(data, 'goals');
  const [month, actual] = [goals?.columns.get('month'), goals?.columns.get('actual')];
  if (!goals || month === undefined || actual === undefined) return undefined;
  const ends = goals.table.rows.flatMap((row) => {
    const period = parsePeriod(row[month]);
    return period?.kind === 'month' && typeof row[actual] === 'number' ? [serialFromDate(period.year, period.index + 1, 1) - 1] : [];
  });
  return ends.length > 0 ? Math.max(...ends) : undefined;
}

/**
 * The money unit the review's tables say they are in (金额(万元) in their headers), so findings and
 * the report write "差距 15 万元" — or undefined when no money header names one.
 */
export function moneyUnitOfData(data: WorkbookData): MoneyUnit | undefined {
  for (const id of MONEY_HEADER_TEMPLATES) {
    const header = data[id]?.header;
    const unit = header ? moneyUnitOfHeader(header.map((h) => (h === null || h === undefined ? '' : String(h)))) : undefined;
    if (unit) return unit;
  }
  return undefined;
}
