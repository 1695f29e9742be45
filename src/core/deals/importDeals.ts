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

export function previewImport(table: RawTable, mapping: ColumnMapping, options: PreviewOptions): ImportPreview {
  const { locale, amounts } = options;
  if (amounts && !sameCurrency(amounts.from, amounts.to)) {
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
  const column = (field: DealFieldKey) => mapping[field];
  const cellOf = (row: readonly CellValue[], field: DealFieldKey): CellValue => {
    const index = column(field);
    return index === undefined ? null : (row[index] ?? null);
  };
  const columnValues = (field: DealFieldKey) => table.rows.map((row) => cellOf(row, field));
  const percentPoints = inPercentPoints(columnValues('probability'));
  const dateOrders = new Map(DEAL_FIELDS.filter((f) => f.kind === 'date').map((f) => [f.key, dateOrderOf(columnValues(f.key))] as const));

  // Exports repeat a handful of stage names over thousands of rows: look each up once.
  const meanings = new Map<string, StageMeaning | undefined>();
  const meaningOf = (name: string) => {
    if (!meanings.has(name)) meanings.set(name, stageMeaning(name, options.stages));
    return meanings.get(name);
  };
  const deals: ImportedDeal[] = [];
  const problems: ImportProblem[] = [];
  const unknownStages = new Map<string, number>();
  const seen = new Map<string, number>();

  table.rows.forEach((row, index) => {
    const fileRow = index + 2;
    if (row.every((cell) => isBlank(cell))) return;
    const rowProblems: ImportProblem[] = [];
    const report = (field: DealFieldKey, value: CellValue, why: Localized) => {
      const at = column(field);
      const header = at === undefined ? undefined : table.headers[at];
      rowProblems.push({ fileRow, column: header ?? DEAL_FIELDS.find((f) => f.key === field)?.label[locale] ?? field, value, why });
    };
    const values: Partial<Record<DealFieldKey, CellValue>> = {};

    const idCell = cellOf(row, 'dealId');
    const id = isBlank(idCell) ? '' : String(idCell).trim();
    if (id === '') report('dealId', idCell, L('缺少商机编号', 'the deal ID is missing'));
    else if (seen.has(id)) report('dealId', idCell, L(`商机编号与第 ${seen.get(id)} 行重复`, `the deal ID repeats row ${seen.get(id)}`));
    else seen.set(id, fileRow);
    values.dealId = id;

    let status: DealStatus | undefined;
    const stageCell = cellOf(row, 'stage');
    if (!isBlank(stageCell)) {
      const meaning = meaningOf(String(stageCell));
      if (meaning === undefined) {
        const name = String(stageCell).trim();
        unknownStages.set(name, (unknownStages.get(name) ?? 0) + 1);
        report(
          'stage',
          stageCell,
          L(`不认识的阶段“${name}”:请指定它对应的漏斗阶段`, `unknown stage "${name}": say which funnel stage it is`),
        );
      } else {
        if (meaning.stage !== null) values.stage = labelOfKey(FUNNEL_STAGES, meaning.stage)[locale];
        status = meaning.status;
      }
    }
    const statusCell = cellOf(row, 'status');
    if (!isBlank(statusCell)) {
      const read = dealStatusOf(String(statusCell));
      if (read === undefined)
        report('status', statusCell, L(`不认识的状态“${String(statusCell)}”`, `unknown status "${String(statusCell)}"`));
      else status = read;
    }
    const categoryCell = cellOf(row, 'category');
    // Salesforce files a won deal under the category "Closed": a closed deal has no forecast category.
    if (!isBlank(categoryCell) && matchKey(String(categoryCell)) === 'closed') values.category = null;
    else if (!isBlank(categoryCell)) {
      const read = forecastCategoryOf(String(categoryCell));
      if (read === undefined)
        report(
          'category',
          categoryCell,
          L(`不认识的预测类别“${String(categoryCell)}”`, `unknown forecast category "${String(categoryCell)}"`),
        );
      else values.category = labelOfKey(FORECAST_CATEGORIES, read)[locale];
    }
    const lostCell = cellOf(row, 'lostReason');
    if (!isBlank(lostCell)) values.lostReason = lostReasonOf(String(lostCell))?.[locale] ?? String(lostCell).trim();

    for (const field of DEAL_FIELDS) {
      const cell = cellOf(row, field.key);
      if (field.kind === 'text' && field.key !== 'dealId') values[field.key] = isBlank(cell) ? null : String(cell).trim();
      const parsed =
        field.kind === 'amount'
          ? parseAmount(cell)
          : field.kind === 'rate'
            ? parseRate(cell, percentPoints)
            : field.kind === 'date'
              ? parseDate(cell, dateOrders.get(field.key))
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
      else report(field.key, cell, parsed.why);
    }

    const finalStatus = status ?? 'open';
    // A won deal has reached the funnel's last stage, whatever stage the CRM left it in (Pipedrive keeps the last open one).
    if (finalStatus === 'won' && column('stage') !== undefined) values.stage = labelOfKey(FUNNEL_STAGES, 'won')[locale];
    values.status = labelOfKey(DEAL_STATUSES, finalStatus)[locale];
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else deals.push({ id, fileRow, values, status: finalStatus });
  });
  return { deals, problems, unknownStages };
}
