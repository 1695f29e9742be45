/**
 * The rules over cells an .xlsx carries that the web spreadsheet keeps as plugin data: data
 * validation (list, number, date, text-length and custom rules, with cell-reference or formula
 * bounds) and the highlight rules of conditional formats, read from ExcelJS's model into the
 * snapshot's form (src/files/snapshot.ts). Their writer is src/files/xlsxRulesWrite.ts.
 */
import type ExcelJS from 'exceljs';
import { columnIndex } from '../core';
import { type SnapshotConditionalFormat, type SnapshotRange, type SnapshotValidation, freshId } from './snapshot';
import { serialOfDate } from './exactDates';
import { hexOfArgb } from './units';

/** A range `A1:B9` (or one cell) as 0-based coordinates. */
export function parseRange(ref: string): SnapshotRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim().replace(/^'?[^!]*'?!/, ''));
  if (!m) return undefined;
  const startColumn = columnIndex(m[1] as string);
  const startRow = Number(m[2]) - 1;
  const endColumn = m[3] ? columnIndex(m[3]) : startColumn;
  const endRow = m[4] ? Number(m[4]) - 1 : startRow;
  return {
    startRow: Math.min(startRow, endRow),
    endRow: Math.max(startRow, endRow),
    startColumn: Math.min(startColumn, endColumn),
    endColumn: Math.max(startColumn, endColumn),
  };
}

/** Per-cell validation entries (ExcelJS expands every range) grouped back into column runs. */
function compactValidations(model: Record<string, ExcelJS.DataValidation | undefined>): Map<ExcelJS.DataValidation, SnapshotRange[]> {
  const cellsByRule = new Map<ExcelJS.DataValidation, { row: number; col: number }[]>();
  for (const [address, rule] of Object.entries(model)) {
    if (!rule) continue;
    const range = parseRange(address);
    if (!range) continue;
    const list = cellsByRule.get(rule) ?? [];
    for (let r = range.startRow; r <= range.endRow; r++)
      for (let c = range.startColumn; c <= range.endColumn; c++) list.push({ row: r, col: c });
    cellsByRule.set(rule, list);
  }
  const result = new Map<ExcelJS.DataValidation, SnapshotRange[]>();
  for (const [rule, cells] of cellsByRule) {
    cells.sort((a, b) => a.col - b.col || a.row - b.row);
    const ranges: SnapshotRange[] = [];
    let current: { startRow: number; endRow: number; startColumn: number; endColumn: number } | undefined;
    for (const { row, col } of cells) {
      if (current && current.startColumn === col && current.endRow + 1 === row) current.endRow = row;
      else {
        if (current) ranges.push(current);
        current = { startRow: row, endRow: row, startColumn: col, endColumn: col };
      }
    }
    if (current) ranges.push(current);
    result.set(rule, ranges);
  }
  return result;
}

function unquoteList(formula: string | undefined): string[] | undefined {
  if (formula === undefined) return undefined;
  const m = /^"(.*)"$/s.exec(formula.trim());
  if (!m) return undefined;
  return (m[1] as string)
    .replace(/""/g, '"')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function validationsOf(ws: ExcelJS.Worksheet, sheetId: string, skipped: Set<string>): SnapshotValidation[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  const rules: SnapshotValidation[] = [];
  for (const [rule, ranges] of compactValidations(model)) {
    const formula1 = rule.formulae?.[0];
    const formula2 = rule.formulae?.[1];
    const base = {
      uid: freshId('dv'),
      ranges: ranges.map((r) => ({ ...r, sheetId })),
      allowBlank: rule.allowBlank ?? true,
      errorStyle: rule.errorStyle === 'warning' ? 2 : rule.errorStyle === 'information' ? 3 : 1,
      ...(rule.error ? { error: rule.error } : {}),
      ...(rule.prompt ? { prompt: rule.prompt } : {}),
    };
    if (rule.type === 'list') {
      const items = unquoteList(typeof formula1 === 'string' ? formula1 : undefined);
      rules.push({ ...base, type: 'list', showDropDown: true, formula1: items ? JSON.stringify(items) : `=${String(formula1 ?? '')}` });
    } else if (
      rule.type === 'whole' ||
      rule.type === 'decimal' ||
      rule.type === 'date' ||
      rule.type === 'textLength' ||
      rule.type === 'custom'
    ) {
      rules.push({
        ...base,
        type: rule.type,
        ...(rule.operator ? { operator: rule.operator } : rule.type !== 'custom' ? { operator: 'between' } : {}),
        formula1: formula1 instanceof Date ? String(serialOfDate(formula1)) : String(formula1 ?? ''),
        ...(formula2 !== undefined ? { formula2: formula2 instanceof Date ? String(serialOfDate(formula2)) : String(formula2) } : {}),
      });
    } else skipped.add(`data validation ${rule.type}`);
  }
  return rules;
}

function ruleStyle(rule: ExcelJS.ConditionalFormattingRule): { bg?: { rgb: string }; cl?: { rgb: string }; bl?: number } {
  const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
  const out: { bg?: { rgb: string }; cl?: { rgb: string }; bl?: number } = {};
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  const bg = hexOfArgb(fill?.bgColor?.argb) ?? hexOfArgb(fill?.fgColor?.argb);
  if (bg) out.bg = { rgb: bg };
  const cl = hexOfArgb(style.font?.color?.argb);
  if (cl) out.cl = { rgb: cl };
  if (style.font?.bold) out.bl = 1;
  return out;
}

export function conditionalFormatsOf(ws: ExcelJS.Worksheet, sheetId: string, skipped: Set<string>): SnapshotConditionalFormat[] {
  const formats: SnapshotConditionalFormat[] = [];
  const all = (ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] })
    .conditionalFormattings;
  const rules = all.flatMap(({ ref, rules: list }) => list.map((rule) => ({ ref, rule })));
  rules.sort((a, b) => ((a.rule as { priority?: number }).priority ?? 0) - ((b.rule as { priority?: number }).priority ?? 0));
  for (const { ref, rule } of rules) {
    const ranges = ref
      .split(/\s+/)
      .map(parseRange)
      .filter((r): r is SnapshotRange => r !== undefined)
      .map((r) => ({ ...r, sheetId }));
    if (ranges.length === 0) continue;
    const style = ruleStyle(rule);
    const r = rule as { type: string; operator?: string; formulae?: unknown[]; text?: string };
    const formulae = (r.formulae ?? []).map(String);
    let highlight: SnapshotConditionalFormat['rule'] | undefined;
    if (r.type === 'expression' && formulae[0])
      highlight = { type: 'highlightCell', subType: 'formula', operator: 'containsText', value: `=${formulae[0]}`, style };
    else if (r.type === 'cellIs' && r.operator) {
      const texts = formulae.map((f) => /^"(.*)"$/s.exec(f)?.[1]?.replace(/""/g, '"'));
      const numbers = formulae.map(Number);
      if (texts.every((t) => t !== undefined) && (r.operator === 'equal' || r.operator === 'notEqual')) {
        highlight = { type: 'highlightCell', subType: 'text', operator: r.operator, value: texts[0] as string, style };
      } else if (numbers.every(Number.isFinite) && numbers.length > 0) {
        const between = r.operator === 'between' || r.operator === 'notBetween';
        highlight = {
          type: 'highlightCell',
          subType: 'number',
          operator: r.operator,
          value: between ? numbers.slice(0, 2) : (numbers[0] as number),
          style,
        };
      }
    } else if (r.type === 'containsText' && r.text !== undefined) {
      const operator =
        r.operator === 'notContains'
          ? 'notContainsText'
          : r.operator === 'beginsWith'
            ? 'beginsWith'
            : r.operator === 'endsWith'
              ? 'endsWith'
              : 'containsText';
      highlight = { type: 'highlightCell', subType: 'text', operator, value: r.text, style };
    }
    if (highlight) formats.push({ cfId: freshId('cf'), ranges, stopIfTrue: false, rule: highlight });
    else skipped.add(`conditional format ${r.type}${r.operator ? ` ${r.operator}` : ''}`);
  }
  return formats;
}
