/**
 * Template tables as they stand in a user's workbook, for the Excel mock: a sheet per template
 * (title on row 1, header on row 2, the template's number formats, a real table) with any number of
 * realistic rows, and the review write batch (表1, 执行计划, 表3, 复盘记录) built by hand from the
 * template labels. Shared by the Excel host tests and `npm run bench`.
 */
import {
  type Locale,
  type PlannedColumn,
  type TemplateId,
  type TemplateSpec,
  cellAddress,
  planTemplate,
  rangeAddress,
  templateById,
} from '../../../src/core';
import { cellNumberFormat } from '../../../src/hosts/excel/excelCells';
import type { CellValue, TableWrite, WriteCell } from '../../../src/workbook/port';
import type { ExistingSheet, SeedCell } from './mockModel';

const spec = (id: TemplateId): TemplateSpec => templateById(id);

/** The planned columns of a template (labels, number formats, computed flags) in a language. */
function columnsOf(id: TemplateId, locale: Locale = 'zh-CN'): readonly PlannedColumn[] {
  return planTemplate(spec(id), { locale, samples: false, portable: false, blankRows: 1 }).columns;
}

/** A computed column's formula (as planned for the first data row) moved to another sheet row. */
function formulaAt(id: TemplateId, column: number, locale: Locale = 'zh-CN'): (sheetRow: number) => string {
  const plan = planTemplate(spec(id), { locale, samples: false, portable: false, blankRows: 1 });
  const cell = plan.rows[0]?.[column];
  if (cell === null || typeof cell !== 'object') throw new Error(`${id} column ${column} is not computed`);
  const first = plan.headerRow + 2; // 1-based row of the first data row, as the formula names it
  const reference = new RegExp(`(?<![A-Za-z0-9_$])(\\$?[A-Z]{1,3})${first}(?![0-9])`, 'g');
  return (sheetRow) => cell.formula.replace(reference, `$1${sheetRow + 1}`);
}

export interface TemplateSheet {
  readonly id: TemplateId;
  readonly sheetName: string;
  readonly tableName: string;
  readonly columns: readonly PlannedColumn[];
}

export function templateSheet(id: TemplateId, locale: Locale = 'zh-CN'): TemplateSheet {
  const found = spec(id);
  return { id, sheetName: found.sheetName[locale], tableName: found.tableName, columns: columnsOf(id, locale) };
}

/**
 * A template sheet with `rows` data rows: values from `row(i)` for input columns; computed columns
 * hold their formula (with `result(i, c)` as what Excel computed, when given).
 */
export function existingSheet(
  sheet: TemplateSheet,
  rows: number,
  row: (i: number) => readonly SeedCell[],
  result?: (i: number, column: number) => string | number | boolean | undefined,
  locale: Locale = 'zh-CN',
): ExistingSheet {
  const width = sheet.columns.length;
  const formulas = sheet.columns.map((c, col) => (c.computed ? formulaAt(sheet.id, col, locale) : undefined));
  const data: SeedCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const values = row(i);
    data.push(
      sheet.columns.map((_c, col) => {
        const formula = formulas[col];
        if (!formula) return values[col] ?? null;
        const computed = result?.(i, col);
        return computed === undefined ? { formula: formula(2 + i) } : { formula: formula(2 + i), result: computed };
      }),
    );
  }
  const last = Math.max(rows, 1) + 1; // 0-based last table row (a table keeps one body row)
  const numberFormats: Record<string, string> = {};
  sheet.columns.forEach((c, col) => {
    numberFormats[rangeAddress(1, col, last, col)] = cellNumberFormat(c);
  });
  return {
    name: sheet.sheetName,
    numberFormats,
    cells: { A1: [[sheet.sheetName]], A2: [sheet.columns.map((c) => c.label)], ...(rows > 0 ? { A3: data } : {}) },
    tables: [{ name: sheet.tableName, address: rangeAddress(1, 0, last, width - 1) }],
  };
}

// ——— 表2 goals with realistic rows ———

const REGIONS = ['华南区', '华东区', '华北区', '西南区', '华中区'];
const NOTES = ['受竞品促销影响,下周加大高端客户拜访频次', '新客户签约延迟至下月', '', '渠道库存偏高,控制发货节奏', ''];

/** Row i of a 表2: quarters, months, targets, regions, an actual (blank for some months), a note. */
export function goalsRow(i: number): SeedCell[] {
  const month = i % 12;
  const year = 2020 + Math.floor(i / 12);
  const target = month === 5 && i % 1000 === 5 ? 0 : 150 + (i % 50); // an occasional 0 target: #DIV/0!
  const actual = i % 7 === 6 ? null : 120 + ((i * 37) % 90);
  return [
    `${year} Q${Math.floor(month / 3) + 1}`,
    500,
    `${year}-${String(month + 1).padStart(2, '0')}`,
    target,
    REGIONS[i % REGIONS.length] ?? '',
    '区域经理',
    actual,
    null,
    null,
    NOTES[i % NOTES.length] ?? '',
    null, // 冲刺目标: this 表2 sets no tiers
    null, // 挑战目标
    null, // 达成档位 (computed)
  ];
}

/** What Excel shows in 达成率 / 差距 / 达成档位 for row i. */
function goalsResult(i: number, column: number): string | number | undefined {
  const row = goalsRow(i);
  const target = row[3] as number;
  const actual = row[6] as number | null;
  if (actual === null) return '';
  if (column === 7) return target === 0 ? '#DIV/0!' : actual / target;
  if (column === 8) return target - actual;
  if (column === 12) return actual >= target ? '目标' : '未达成';
  return undefined;
}

/** The snapshot row readTable should give for row i of a 表2. */
export function goalsReadRow(i: number): CellValue[] {
  return goalsRow(i).map((value, c) => {
    const shown = c === 7 || c === 8 || c === 12 ? goalsResult(i, c) : value;
    return shown === '' || shown === undefined ? null : (shown as CellValue);
  });
}

export const goalsSheet = (rows: number): ExistingSheet => existingSheet(templateSheet('goals'), rows, goalsRow, goalsResult);

// ——— the review write batch ———

export const REVIEW_ID = 'R-2024-03';
const SERIAL_2024_04_01 = 45383;

/** Rows of user data already in a review table: other reviews' ids, dates as serials. */
function reviewTableRow(id: string): (i: number) => SeedCell[] {
  switch (id) {
    case 'diagnosis':
      return (i) => [
        '线索管理',
        `线索跟进不及时,平均响应超${24 + (i % 48)}小时`,
        '影响业绩20%',
        '高',
        '无明确责任人,缺乏提醒工具',
        '现状诊断',
        SERIAL_2024_04_01 - (i % 300),
        `R-${i % 97}`,
      ];
    case 'plan':
      return (i) => [
        '线索分级标准制定',
        '销售经理',
        SERIAL_2024_04_01 + (i % 30),
        SERIAL_2024_04_01 + (i % 30) + 4,
        '《线索分级操作手册》',
        '销售部、市场部',
        null,
        `R-${i % 97}`,
      ];
    case 'execution':
      return (i) => [
        '客户跟进话术标准化',
        '销售经理',
        SERIAL_2024_04_01 + (i % 30),
        i % 3 === 0 ? null : SERIAL_2024_04_01 + (i % 33),
        '优',
        '',
        null,
        null,
        `R-${i % 97}`,
      ];
    default:
      return (i) => [
        `R-${i}`,
        SERIAL_2024_04_01 - i,
        '2024 Q1',
        '销售经理、区域经理',
        '3月达成率91.7%',
        '线索转化偏低',
        '线索跟进不及时',
        3,
        SERIAL_2024_04_01 + 30,
      ];
  }
}

export const REVIEW_TABLES = ['diagnosis', 'plan', 'execution', 'reviewLog'] as const;

/** One review table with `rows` existing rows. */
export const reviewSheet = (id: (typeof REVIEW_TABLES)[number], rows: number): ExistingSheet =>
  existingSheet(templateSheet(id), rows, reviewTableRow(id));

/** The four review tables, each with `rows` existing rows. */
export const reviewSheets = (rows: number): ExistingSheet[] => REVIEW_TABLES.map((id) => reviewSheet(id, rows));

/** A full row for a template table: inputs by column key, formulas in the computed columns. */
export function templateRow(sheet: TemplateSheet, values: Readonly<Record<string, CellValue>>): WriteCell[] {
  return sheet.columns.map((c, col) => (c.computed ? { formulaAt: formulaAt(sheet.id, col) } : (values[c.key] ?? null)));
}

/** A keyed (upserting) write of `rows` into a template table. */
export function keyedWrite(sheet: TemplateSheet, rows: readonly Readonly<Record<string, CellValue>>[], reviewId = REVIEW_ID): TableWrite {
  const key = sheet.columns.findIndex((c) => c.key === 'reviewId');
  return {
    location: { sheetName: sheet.sheetName, tableName: sheet.tableName },
    header: sheet.columns.map((c) => c.label),
    computed: sheet.columns.map((c) => c.computed),
    rows: rows.map((values) => templateRow(sheet, { ...values, reviewId })),
    key: { column: key, value: reviewId },
  };
}

/** What the wizard writes at the end of a review: findings, tasks, actions and the review's log line. */
export function reviewWrites(reviewId = REVIEW_ID): TableWrite[] {
  const today = SERIAL_2024_04_01;
  return [
    keyedWrite(
      templateSheet('diagnosis'),
      [
        {
          dimension: '目标达成',
          problem: '华南区3月达成率91.7%',
          impact: '差距15万元,占季度目标3%',
          severity: '中',
          rootCause: '受竞品促销影响',
          origin: '复盘',
          recordedOn: today,
        },
        {
          dimension: '客户转化',
          problem: '线索转化率低',
          impact: '影响业绩20%',
          severity: '高',
          rootCause: '新人缺乏客户分级技巧',
          origin: '复盘',
          recordedOn: today,
        },
      ],
      reviewId,
    ),
    keyedWrite(
      templateSheet('plan'),
      [
        {
          task: '线索分级标准制定',
          owner: '销售经理',
          start: today + 1,
          end: today + 5,
          output: '《线索分级操作手册》',
          resources: '销售部、市场部',
        },
        {
          task: '新人岗前培训第一期开展',
          owner: '培训专员',
          start: today + 14,
          end: today + 18,
          output: '培训签到表、考核成绩',
          resources: '培训教材、会议室',
        },
      ],
      reviewId,
    ),
    keyedWrite(
      templateSheet('execution'),
      [
        { action: '客户跟进话术标准化', owner: '销售经理', planned: today + 19 },
        { action: '=HYPERLINK("http://example.invalid","CRM系统数据录入规范培训")', owner: '培训专员', planned: today + 24 },
      ],
      reviewId,
    ),
    keyedWrite(
      templateSheet('reviewLog'),
      [
        {
          date: today,
          period: '2024 Q1',
          participants: '销售经理、区域经理',
          dataFindings: '3月达成率91.7%',
          processEvaluation: '线索转化偏低',
          diagnosisSummary: '线索转化率低 → 影响业绩20% → 新人缺乏客户分级技巧',
          actionCount: 2,
          nextReview: today + 30,
        },
      ],
      reviewId,
    ),
  ];
}

/** The A1 address of a data cell of a template sheet (header on row 2). */
export const dataCell = (dataRow: number, column: number): string => cellAddress(2 + dataRow, column);
