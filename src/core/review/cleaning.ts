/**
 * 数据整理 (source 000 step 1, docs/DOMAIN.md): before anything is analysed, drop duplicate rows (identical input
 * cells) and invalid rows (a required cell empty, text or a negative number in a number column, a
 * date that is not a date), and say where each is — sheet, 1-based sheet row, column label.
 * Blank rows (every input cell empty: a template's ready-made rows) are neither.
 */
import { L } from '../i18n';
import { missingColumnMessage, readPolarity } from '../domain';
import type { TemplateId } from '../templates/types';
import { MAX_SERIAL, type TableView, readDate, sheetRowOf } from './read';
import { isBlank } from '../values';
import { isPilotDefinitionRow } from './summaryPilots';
import type { CleaningIssue, ReadValue } from './types';

/** Columns the analysis cannot do without, beyond the spec's required ones. */
const NEEDED: Partial<Record<TemplateId, readonly string[]>> = {
  goals: ['actual'],
  leads: ['firstResponse'],
  execution: ['actual'],
  evaluation: ['after'],
  kpi: ['actual'],
};

/**
 * Rows that define something another summary checks (a pilot over the register,
 * summaryPilots.ts): the sheet's required cells are not theirs to fill.
 */
const DEFINITION_ROWS: Partial<Record<TemplateId, (view: TableView, row: readonly unknown[]) => boolean>> = {
  evaluation: isPilotDefinitionRow,
};

/** Number columns where a negative value is meaningful (a change, a loss budget, a net figure). */
const SIGNED: Partial<Record<TemplateId, readonly string[]>> = {
  evaluation: ['before', 'after', 'goalChange'],
  kpi: ['target', 'actual'],
};

// Bound once: hot loops then read a local, not a module binding (a getter call in CommonJS output).
const LAST_SERIAL = MAX_SERIAL;

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

/** A column the rules need is missing: the sheet is skipped, and each missing column named. */
function absentColumnIssues(view: TableView): CleaningIssue[] {
  const { spec, table } = view;
  const needed = new Set([...spec.columns.filter((c) => c.required).map((c) => c.key), ...(NEEDED[spec.id] ?? [])]);
  return view.missing
    .filter((c) => needed.has(c.key))
    .map((column) => {
      const label = column.label[view.locale];
      return {
        templateId: spec.id,
        sheetName: table.sheetName,
        row: table.headerRow + 1,
        kind: 'invalid' as const,
        column: label,
        message: missingColumnMessage(table.sheetName, label, 'sheetSkipped'),
      };
    });
}

/** The columns a user types into (not computed), with where they are and how each is checked. */
function inputColumnsOf(view: TableView): InputColumn[] {
  const { spec, table } = view;
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
  return inputs;
}

export function cleanTable(view: TableView): CleanResult {
  const { spec, table } = view;
  const sheetName = table.sheetName;
  const templateId = spec.id;
  const issues: CleaningIssue[] = [];

  const absent = absentColumnIssues(view);
  if (absent.length > 0) return { issues: absent, valid: 0, dropped: 0 };

  const inputs = inputColumnsOf(view);

  // Duplicates by a hash of the input cells in an open-addressing table (typed arrays, no key
  // strings, no Map), compared cell by cell only when hashes meet: 100k rows in a few ms.
  const positions = inputs.map((c) => c.position);
  const isDefinition = DEFINITION_ROWS[templateId];
  const rows = table.rows;
  const seen = new HashSet(rows.length);
  const kept: number[] = [];
  let dropped = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    let hash = 0x811c9dc5;
    let blank = true;
    for (let k = 0; k < positions.length; k++) {
      const h = cellHash(row[positions[k] as number]);
      if (h !== 0) blank = false;
      hash = Math.imul(hash ^ h, 0x01000193);
    }
    if (blank) continue;
    const original = seen.addOrFind(i, hash, (j) => sameRow(rows[j], row, positions));
    if (original !== undefined) {
      dropped++;
      const firstRow = sheetRowOf(table, original);
      issues.push({
        templateId,
        sheetName,
        row: sheetRowOf(table, i),
        kind: 'duplicate',
        message: L(`与第 ${firstRow} 行完全相同(重复行),已剔除。`, `Identical to row ${firstRow} (duplicate); left out.`),
      });
      continue;
    }

    let bad = false;
    const definition = isDefinition?.(view, row) === true;
    for (const column of inputs) {
      const v = row[column.position];
      const required = column.required && !definition;
      // The common case inline (a number where a number belongs, text where text does).
      if (v === null || v === undefined) {
        if (!required) continue;
      } else if (column.check === 'text' || column.check === 'none') {
        if (!required || typeof v !== 'string' || v.trim() !== '') continue;
      } else if (typeof v === 'number' && v > 0 && v < LAST_SERIAL && column.check !== 'direction') continue;
      const message = cellProblem(definition ? { ...column, required } : column, v);
      if (message === undefined) continue;
      bad = true;
      issues.push({ templateId, sheetName, row: sheetRowOf(table, i), kind: 'invalid', column: column.label, message });
    }
    if (bad) dropped++;
    else kept.push(i);
  }
  return { clean: { view, rows: kept }, issues, valid: kept.length, dropped };
}

// A hash of a cell as the duplicate check sees it: blanks (null, '', spaces) hash to 0, strings
// trimmed, each type apart. Collisions are harmless: `sameCell` decides.
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

function cellHash(v: ReadValue | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') {
    F64[0] = v;
    return (Math.imul((I32[0] as number) ^ 0x5bd1e995, 0x27d4eb2d) ^ (I32[1] as number) ^ 0x1b873593) | 1;
  }
  if (typeof v === 'boolean') return v ? 0x3c6ef372 : 0x7f4a7c15;
  // Trim without allocating when there is nothing to trim (the common case).
  const text = v.length > 0 && v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
  const n = text.length;
  if (n === 0) return 0;
  // Long texts: length plus the first and last 16 characters is plenty for a hash.
  let h = Math.imul(0x2545f491 ^ n, 0x01000193);
  if (n <= 32) for (let c = 0; c < n; c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
  else for (let c = 0; c < 16; c++) h = Math.imul(h ^ text.charCodeAt(c) ^ (text.charCodeAt(n - 1 - c) << 16), 0x01000193);
  return h | 2;
}

const sameCell = (a: ReadValue | undefined, b: ReadValue | undefined): boolean => {
  const blankA = isBlank(a);
  if (blankA || isBlank(b)) return blankA && isBlank(b);
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
};

const sameRow = (a: readonly ReadValue[] | undefined, b: readonly ReadValue[], positions: readonly number[]): boolean =>
  positions.every((p) => sameCell(a?.[p], b[p]));

/** Row indices by hash, linear probing; at most half full. */
class HashSet {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(Math.max(1, capacity));
    this.mask = size - 1;
  }

  /** The earlier row equal to row `i`, or undefined after remembering `i`. */
  addOrFind(i: number, hash: number, equal: (j: number) => boolean): number | undefined {
    let slot = hash & this.mask;
    for (;;) {
      const j = this.slots[slot] as number;
      if (j < 0) break;
      if (this.hashes[j] === hash && equal(j)) return j;
      slot = (slot + 1) & this.mask;
    }
    this.slots[slot] = i;
    this.hashes[i] = hash;
    return undefined;
  }
}

function cellProblem(column: InputColumn, v: ReadValue | undefined): CleaningIssue['message'] | undefined {
  const label = column.label;
  if (isBlank(v)) {
    return column.required ? L(`“${label}”为必填项,当前为空。`, `"${label}" is required but empty.`) : undefined;
  }
  switch (column.check) {
    case 'unsigned':
    case 'signed':
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return L(`“${label}”应为数字,当前为“${shown(v)}”。`, `"${label}" should be a number, found "${shown(v)}".`);
      }
      if (column.check === 'unsigned' && v < 0) return L(`“${label}”不能为负数(${v})。`, `"${label}" cannot be negative (${v}).`);
      return undefined;
    case 'date':
      return readDate(v) === null
        ? L(`“${label}”应为日期,当前为“${shown(v)}”。`, `"${label}" should be a date, found "${shown(v)}".`)
        : undefined;
    case 'direction':
      return readPolarity(v ?? null) === undefined
        ? L(
            `“${label}”应为“越高越好”或“越低越好”,当前为“${shown(v)}”。`,
            `"${label}" should be "Higher is better" or "Lower is better", found "${shown(v)}".`,
          )
        : undefined;
    default:
      return undefined;
  }
}
