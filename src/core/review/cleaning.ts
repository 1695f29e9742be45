/**
 * 数据整理 (seed 000 step 1): before anything is analysed, drop duplicate rows (identical input
 * cells) and invalid rows (a required cell empty, text or a negative number in a number column, a
 * date that is not a date), and say where each is — sheet, 1-based sheet row, column label.
 * Blank rows (every input cell empty: a template's ready-made rows) are neither.
 */
import { readPolarity } from '../metrics/attainment';
import type { TemplateId } from '../templates/types';
import { type TableView, isBlankCell, readDate, sheetRowOf } from './read';
import { tr } from './text';
import type { CleaningIssue, ReadValue } from './types';

/** Columns the analysis cannot do without, beyond the spec's required ones. */
const NEEDED: Partial<Record<TemplateId, readonly string[]>> = {
  goals: ['actual'],
  leads: ['firstResponse'],
  execution: ['actual'],
  evaluation: ['after'],
  kpi: ['actual'],
};

/** Number columns where a negative value is meaningful (a change, a loss budget, a net figure). */
const SIGNED: Partial<Record<TemplateId, readonly string[]>> = {
  evaluation: ['before', 'after', 'goalChange'],
  kpi: ['target', 'actual'],
};

type Check = 'text' | 'unsigned' | 'signed' | 'date' | 'direction' | 'none';

interface InputColumn {
  readonly key: string;
  readonly position: number;
  readonly label: string;
  readonly required: boolean;
  readonly check: Check;
}

export interface CleanTable {
  readonly view: TableView;
  /** Data row indices kept for analysis, in sheet order. */
  readonly rows: readonly number[];
}

export interface CleanResult {
  /** Undefined when the sheet lacks a column the analysis needs. */
  readonly clean?: CleanTable;
  readonly issues: readonly CleaningIssue[];
  readonly valid: number;
  readonly dropped: number;
}

function checkOf(view: TableView, key: string, type: string): Check {
  if (key === 'direction') return 'direction';
  switch (type) {
    case 'text':
      return 'text';
    case 'date':
    case 'datetime':
      return 'date';
    case 'general':
      return 'signed';
    case 'number':
    case 'integer':
    case 'percent':
    case 'days':
      return SIGNED[view.spec.id]?.includes(key) ? 'signed' : 'unsigned';
    default:
      return 'none';
  }
}

const shown = (v: ReadValue | undefined): string => (typeof v === 'string' ? v : String(v));

export function cleanTable(view: TableView): CleanResult {
  const { spec, table } = view;
  const sheetName = table.sheetName;
  const templateId = spec.id;
  const issues: CleaningIssue[] = [];

  const needed = new Set([...spec.columns.filter((c) => c.required).map((c) => c.key), ...(NEEDED[templateId] ?? [])]);
  const absent = view.missing.filter((c) => needed.has(c.key));
  if (absent.length > 0) {
    for (const column of absent) {
      const label = column.label[view.locale];
      issues.push({
        templateId,
        sheetName,
        row: table.headerRow + 1,
        kind: 'invalid',
        column: label,
        message: tr(
          `工作表“${sheetName}”缺少列“${label}”(或已改名),该表未参与分析。`,
          `Sheet "${sheetName}" has no column "${label}" (missing or renamed); the sheet was left out of the analysis.`,
        ),
      });
    }
    return { issues, valid: 0, dropped: 0 };
  }

  const inputs: InputColumn[] = [];
  for (const column of spec.columns) {
    const position = view.columns.get(column.key);
    if (column.formula !== undefined || position === undefined) continue;
    inputs.push({
      key: column.key,
      position,
      label: table.header[position] ?? column.label[view.locale],
      required: column.required === true,
      check: checkOf(view, column.key, column.type),
    });
  }

  const seen = new Map<string, number>();
  const kept: number[] = [];
  let dropped = 0;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    // One pass builds the duplicate key and tells blank rows apart.
    let key = '';
    let blank = true;
    for (const column of inputs) {
      const v = row[column.position];
      if (isBlankCell(v)) key += '\u0001';
      else {
        blank = false;
        key += `${typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : 'b'}${typeof v === 'string' ? v.trim() : String(v)}\u0001`;
      }
    }
    if (blank) continue;
    const sheetRow = sheetRowOf(table, i);
    const first = seen.get(key);
    if (first !== undefined) {
      dropped++;
      issues.push({
        templateId,
        sheetName,
        row: sheetRow,
        kind: 'duplicate',
        message: tr(`与第 ${first} 行完全相同(重复行),已剔除。`, `Identical to row ${first} (duplicate); left out.`),
      });
      continue;
    }
    seen.set(key, sheetRow);

    let bad = false;
    for (const column of inputs) {
      const v = row[column.position];
      const message = cellProblem(column, v);
      if (message === undefined) continue;
      bad = true;
      issues.push({ templateId, sheetName, row: sheetRow, kind: 'invalid', column: column.label, message });
    }
    if (bad) dropped++;
    else kept.push(i);
  }
  return { clean: { view, rows: kept }, issues, valid: kept.length, dropped };
}

function cellProblem(column: InputColumn, v: ReadValue | undefined): CleaningIssue['message'] | undefined {
  const label = column.label;
  if (isBlankCell(v)) {
    return column.required ? tr(`“${label}”为必填项,当前为空。`, `"${label}" is required but empty.`) : undefined;
  }
  switch (column.check) {
    case 'unsigned':
    case 'signed':
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return tr(`“${label}”应为数字,当前为“${shown(v)}”。`, `"${label}" should be a number, found "${shown(v)}".`);
      }
      if (column.check === 'unsigned' && v < 0) return tr(`“${label}”不能为负数(${v})。`, `"${label}" cannot be negative (${v}).`);
      return undefined;
    case 'date':
      return readDate(v) === null ? tr(`“${label}”应为日期,当前为“${shown(v)}”。`, `"${label}" should be a date, found "${shown(v)}".`) : undefined;
    case 'direction':
      return readPolarity(typeof v === 'string' ? v.trim() : (v ?? null)) === undefined
        ? tr(`“${label}”应为“越高越好”或“越低越好”,当前为“${shown(v)}”。`, `"${label}" should be "Higher is better" or "Lower is better", found "${shown(v)}".`)
        : undefined;
    default:
      return undefined;
  }
}
