/**
 * Workbook data built from the template specs' sample rows (the documents' numbers), as a host
 * would read it after inserting the templates — except that formulas are not calculated: computed
 * cells read as blank, which the analysis must not need.
 */
import {
  type CellValue,
  type ReviewReport,
  analyseWorkbook,
  buildReviewReport,
  diagnose,
  evaluateProcess,
  type Locale,
  type ReadTable,
  type TemplateId,
  type WorkbookData,
  planTemplate,
  serialFromDate,
  templateById,
  toReadTable,
} from '../../../src/core';

/** 2024-04-01: after every sample date of 表3 and 执行计划表. */
export const TODAY = serialFromDate(2024, 4, 1);

const ALL: readonly TemplateId[] = [
  'diagnosis',
  'goals',
  'execution',
  'plan',
  'funnel',
  'leads',
  'kpi',
  'evaluation',
  'reviewLog',
  'deals',
  'activity',
  'feedback',
  'oneOnOne',
  'weeklyReport',
  'training',
];

export function sampleTable(id: TemplateId, locale: Locale = 'zh-CN'): ReadTable {
  const spec = templateById(id);
  const plan = planTemplate(spec, { locale, samples: true, portable: false });
  return toReadTable(id, {
    sheetName: plan.sheetName,
    tableName: plan.tableName,
    headerRow: plan.headerRow,
    firstColumn: 0,
    header: plan.columns.map((c) => c.label),
    rows: plan.rows.map((row) => row.map((cell): CellValue => (cell !== null && typeof cell === 'object' ? null : cell))),
  });
}

export function sampleData(locale: Locale = 'zh-CN', ids: readonly TemplateId[] = ALL): WorkbookData {
  return Object.fromEntries(ids.map((id) => [id, sampleTable(id, locale)]));
}

/** A copy of a table with some data rows replaced (index → row) and/or the header changed. */
export function edit(table: ReadTable, rows: Readonly<Record<number, readonly CellValue[]>>, header?: readonly string[]): ReadTable {
  const next = table.rows.map((row, i) => rows[i] ?? row);
  for (const [i, row] of Object.entries(rows)) next[Number(i)] = row;
  return { ...table, rows: next, ...(header ? { header } : {}) };
}

/** The position of a header label. */
export function col(table: ReadTable, label: string): number {
  const at = table.header.indexOf(label);
  if (at < 0) throw new Error(`no column ${label} in ${table.sheetName}`);
  return at;
}

/** A row of a table with cells set by header label. */
export function rowOf(table: ReadTable, cells: Readonly<Record<string, CellValue>>): CellValue[] {
  const row: CellValue[] = table.header.map(() => null);
  for (const [label, value] of Object.entries(cells)) row[col(table, label)] = value;
  return row;
}

/** A template's table as a host reads it after inserting it without samples, holding `rows` (cells by header label). */
export function tableOf(id: TemplateId, rows: readonly Readonly<Record<string, CellValue>>[] = []): ReadTable {
  const plan = planTemplate(templateById(id), { locale: 'zh-CN', samples: false, portable: false, blankRows: 0 });
  const empty = toReadTable(id, {
    sheetName: plan.sheetName,
    headerRow: plan.headerRow,
    firstColumn: 0,
    header: plan.columns.map((c) => c.label),
    rows: [],
  });
  return { ...empty, rows: rows.map((cells) => rowOf(empty, cells)) };
}

/**
 * The 复盘报告 of the documents' samples (zh-CN, review R2024-04-01 on TODAY): the automatic
 * findings (or none), plus a manual one whose problem is `manualProblem` when given.
 */
export function sampleReport(options: { readonly findings?: boolean; readonly manualProblem?: string } = {}): ReviewReport {
  const data = sampleData('zh-CN');
  const analysis = analyseWorkbook(data, { today: TODAY });
  const automatic = options.findings === false ? [] : diagnose(analysis, { locale: 'zh-CN', today: TODAY });
  const first = automatic[0];
  const manual =
    options.manualProblem !== undefined && first
      ? [{ ...first, id: 'manual', problem: options.manualProblem, origin: 'manual' as const }]
      : [];
  return buildReviewReport({
    reviewId: 'R2024-04-01',
    date: TODAY,
    period: '2024-03',
    analysis,
    areas: evaluateProcess(analysis, 'zh-CN'),
    findings: [...automatic, ...manual],
    actions: [],
    data,
    locale: 'zh-CN',
  });
}
