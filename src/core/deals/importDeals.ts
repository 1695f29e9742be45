/**
 * An export's rows as register rows, checked before anything is written: the preview of an import.
 * Every value is normalised (normalize.ts) or reported with its row, column, value and why; rows
 * with a problem are left out and listed (a strict import refuses the whole file instead); stage
 * names no map knows are collected so the user is asked once per name.
 */
import { FUNNEL_STAGES } from '../domain/stages';
import { L, type Locale, type Localized, labelOfKey } from '../i18n';
import { type MoneyUnit, convertMoney, moneyUnitLabel, sameCurrency } from '../money';
import { isBlank } from '../values';
import type { CellValue } from '../workbook';
import { DEAL_FIELDS, DEAL_STATUSES, type DealFieldKey, type DealStatus, FORECAST_CATEGORIES } from './fields';
import { type ColumnMapping, type StageMeaning, dealStatusOf, forecastCategoryOf, lostReasonOf, stageMeaning } from './mapping';
import { dateOrderOf, inPercentPoints, matchKey, parseAmount, parseDate, parseRate } from './normalize';

/** A table read from a CSV or one sheet of a workbook: its header row and the rows below it. */
export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A deal as the register stores it, in the register's language. */
export interface ImportedDeal {
  readonly id: string;
  /** 1-based row of the file (the header is row 1), for messages. */
  readonly fileRow: number;
  readonly values: Readonly<Partial<Record<DealFieldKey, CellValue>>>;
  readonly status: DealStatus;
}

export interface ImportProblem {
  readonly fileRow: number;
  /** The export's header of the column, or the field's label when the problem is the row's. */
  readonly column: string;
  readonly value: CellValue;
  readonly why: Localized;
}

export interface ImportPreview {
  readonly deals: readonly ImportedDeal[];
  readonly problems: readonly ImportProblem[];
  /** Stage names no map knows, with how many rows use each: ask the user once per name. */
  readonly unknownStages: ReadonlyMap<string, number>;
}

export interface PreviewOptions {
  /** The register's language: lists (stage, status, category) are written in it. */
  readonly locale: Locale;
  /** The source's saved stage map (ImportMapping.stages). */
  readonly stages?: Readonly<Record<string, StageMeaning>>;
  /** Amounts are converted from the export's unit to the workbook's (元 → 万元: 740,000 is stored as 74). */
  readonly amounts?: { readonly from: MoneyUnit; readonly to: MoneyUnit };
}

/** What reading one row needs, worked out once per file; `unknownStages` and `seen` fill as rows are read. */
interface RowReader {
  readonly table: RawTable;
  readonly mapping: ColumnMapping;
  readonly locale: Locale;
  readonly amounts: PreviewOptions['amounts'];
  readonly percentPoints: boolean;
  readonly dateOrders: ReadonlyMap<DealFieldKey, ReturnType<typeof dateOrderOf>>;
  readonly meaningOf: (name: string) => StageMeaning | undefined;
  readonly unknownStages: Map<string, number>;
  /** Deal IDs read so far, with the file row of each. */
  readonly seen: Map<string, number>;
}

/** One row being read: its cells, its values so far and its problems. */
interface RowRead {
  readonly reader: RowReader;
  readonly values: Partial<Record<DealFieldKey, CellValue>>;
  report(field: DealFieldKey, value: CellValue, why: Localized): void;
  cell(field: DealFieldKey): CellValue;
}

function refusedCurrency(
  table: RawTable,
  mapping: ColumnMapping,
  amounts: NonNullable<PreviewOptions['amounts']>,
  locale: Locale,
): ImportPreview {
  // No exchange rate is known here: refusing beats storing dollars as yuan.
  const [from, to] = [moneyUnitLabel(amounts.from, locale), moneyUnitLabel(amounts.to, locale)];
  return {
    deals: [],
    problems: [
      {
        fileRow: 1,
        column: table.headers[mapping.amount ?? -1] ?? labelOfKey(DEAL_FIELDS, 'amount')[locale],
        value: null,
        why: L(
          `金额单位是 ${from},工作簿的单位是 ${to}:货币不同,无法换算。请在工作簿设置中改用 ${from},或先换算导出文件。`,
          `Amounts are in ${from} and the workbook is in ${to}: different currencies cannot be converted. Set the workbook to ${from} or convert the export first.`,
        ),
      },
    ],
    unknownStages: new Map(),
  };
}

function readId(read: RowRead, fileRow: number): string {
  const idCell = read.cell('dealId');
  const id = isBlank(idCell) ? '' : String(idCell).trim();
  const { seen } = read.reader;
  if (id === '') read.report('dealId', idCell, L('缺少商机编号', 'the deal ID is missing'));
  else if (seen.has(id)) read.report('dealId', idCell, L(`商机编号与第 ${seen.get(id)} 行重复`, `the deal ID repeats row ${seen.get(id)}`));
  else seen.set(id, fileRow);
  read.values.dealId = id;
  return id;
}

/** The stage (by its meaning) and the status: a status column says it outright, else the stage's meaning does. */
function readStatus(read: RowRead): DealStatus | undefined {
  const { reader, values } = read;
  let status: DealStatus | undefined;
  const stageCell = read.cell('stage');
  if (!isBlank(stageCell)) {
    const meaning = reader.meaningOf(String(stageCell));
    if (meaning === undefined) {
      const name = String(stageCell).trim();
      reader.unknownStages.set(name, (reader.unknownStages.get(name) ?? 0) + 1);
      read.report(
        'stage',
        stageCell,
        L(`不认识的阶段“${name}”:请指定它对应的漏斗阶段`, `unknown stage "${name}": say which funnel stage it is`),
      );
    } else {
      if (meaning.stage !== null) values.stage = labelOfKey(FUNNEL_STAGES, meaning.stage)[reader.locale];
      status = meaning.status;
    }
  }
  const statusCell = read.cell('status');
  if (!isBlank(statusCell)) {
    const known = dealStatusOf(String(statusCell));
    if (known === undefined)
      read.report('status', statusCell, L(`不认识的状态“${String(statusCell)}”`, `unknown status "${String(statusCell)}"`));
    else status = known;
  }
  return status;
}

function readCategoryAndReason(read: RowRead): void {
  const { values } = read;
  const { locale } = read.reader;
  const categoryCell = read.cell('category');
  // Salesforce files a won deal under the category "Closed": a closed deal has no forecast category.
  if (!isBlank(categoryCell) && matchKey(String(categoryCell)) === 'closed') values.category = null;
  else if (!isBlank(categoryCell)) {
    const known = forecastCategoryOf(String(categoryCell));
    if (known === undefined)
      read.report(
        'category',
        categoryCell,
        L(`不认识的预测类别“${String(categoryCell)}”`, `unknown forecast category "${String(categoryCell)}"`),
      );
    else values.category = labelOfKey(FORECAST_CATEGORIES, known)[locale];
  }
  const lostCell = read.cell('lostReason');
  if (!isBlank(lostCell)) values.lostReason = lostReasonOf(String(lostCell))?.[locale] ?? String(lostCell).trim();
}

/** Text, amounts (converted to the workbook's unit), rates and dates (kept as whole days). */
function readFields(read: RowRead): void {
  const { values, reader } = read;
  const { amounts } = reader;
  for (const field of DEAL_FIELDS) {
    const cell = read.cell(field.key);
    if (field.kind === 'text' && field.key !== 'dealId') values[field.key] = isBlank(cell) ? null : String(cell).trim();
    const parsed =
      field.kind === 'amount'
        ? parseAmount(cell)
        : field.kind === 'rate'
          ? parseRate(cell, reader.percentPoints)
          : field.kind === 'date'
            ? parseDate(cell, reader.dateOrders.get(field.key))
            : undefined;
    if (parsed === undefined) continue;
    // The register keeps days (its date columns show no time, and period sums compare whole days).
    if (parsed.ok)
      values[field.key] =
        typeof parsed.value !== 'number'
          ? parsed.value
          : field.kind === 'date'
            ? Math.floor(parsed.value)
            : field.kind === 'amount' && amounts
              ? convertMoney(parsed.value, amounts.from, amounts.to)
              : parsed.value;
    else read.report(field.key, cell, parsed.why);
  }
}

/** One file row as a deal, or its problems. */
function readRow(reader: RowReader, row: readonly CellValue[], fileRow: number): { deal?: ImportedDeal; problems: ImportProblem[] } {
  const { table, mapping, locale } = reader;
  const problems: ImportProblem[] = [];
  const read: RowRead = {
    reader,
    values: {},
    cell: (field) => {
      const index = mapping[field];
      return index === undefined ? null : (row[index] ?? null);
    },
    report: (field, value, why) => {
      const at = mapping[field];
      const header = at === undefined ? undefined : table.headers[at];
      problems.push({ fileRow, column: header ?? DEAL_FIELDS.find((f) => f.key === field)?.label[locale] ?? field, value, why });
    },
  };
  const id = readId(read, fileRow);
  const status = readStatus(read);
  readCategoryAndReason(read);
  readFields(read);
  const finalStatus = status ?? 'open';
  const { values } = read;
  // A won deal has reached the funnel's last stage, whatever stage the CRM left it in (Pipedrive keeps the last open one).
  if (finalStatus === 'won' && mapping.stage !== undefined) values.stage = labelOfKey(FUNNEL_STAGES, 'won')[locale];
  values.status = labelOfKey(DEAL_STATUSES, finalStatus)[locale];
  return problems.length > 0 ? { problems } : { deal: { id, fileRow, values, status: finalStatus }, problems };
}

export function previewImport(table: RawTable, mapping: ColumnMapping, options: PreviewOptions): ImportPreview {
  const { locale, amounts } = options;
  if (amounts && !sameCurrency(amounts.from, amounts.to)) return refusedCurrency(table, mapping, amounts, locale);
  const columnValues = (field: DealFieldKey) =>
    table.rows.map((row) => {
      const index = mapping[field];
      return index === undefined ? null : (row[index] ?? null);
    });
  // Exports repeat a handful of stage names over thousands of rows: look each up once.
  const meanings = new Map<string, StageMeaning | undefined>();
  const reader: RowReader = {
    table,
    mapping,
    locale,
    amounts,
    percentPoints: inPercentPoints(columnValues('probability')),
    dateOrders: new Map(DEAL_FIELDS.filter((f) => f.kind === 'date').map((f) => [f.key, dateOrderOf(columnValues(f.key))] as const)),
    meaningOf: (name) => {
      if (!meanings.has(name)) meanings.set(name, stageMeaning(name, options.stages));
      return meanings.get(name);
    },
    unknownStages: new Map(),
    seen: new Map(),
  };
  const deals: ImportedDeal[] = [];
  const problems: ImportProblem[] = [];
  table.rows.forEach((row, index) => {
    if (row.every((cell) => isBlank(cell))) return;
    const read = readRow(reader, row, index + 2);
    if (read.deal) deals.push(read.deal);
    else problems.push(...read.problems);
  });
  return { deals, problems, unknownStages: reader.unknownStages };
}
