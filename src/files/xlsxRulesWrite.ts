/**
 * Writes the rules over cells the snapshot keeps as plugin data into an ExcelJS worksheet: data
 * validation (one sqref per range, as Excel writes it; `errorStyle` always one of ECMA-376's
 * stop / warning / information) and the highlight rules of conditional formats. Their reader is
 * src/files/xlsxRulesRead.ts; a rule with no OOXML counterpart is named in `notWritten`.
 */
import type ExcelJS from 'exceljs';
import { columnLetter, rangeAddress } from '../core';
import type { SnapshotConditionalFormat, SnapshotHighlight, SnapshotRange, SnapshotValidation } from './snapshot';
import { argbOf } from './units';

const a1 = (range: SnapshotRange): string => rangeAddress(range.startRow, range.startColumn, range.endRow, range.endColumn);

/** A list validation's items: Univer keeps them as a JSON array or comma-separated text. */
function listItems(formula1: string | undefined): string[] | undefined {
  if (formula1 === undefined) return undefined;
  const text = formula1.trim();
  if (text.startsWith('=')) return undefined;
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      /* falls through to the comma-separated form */
    }
  }
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const quoteList = (items: readonly string[]): string => `"${items.map((i) => i.replace(/"/g, '""')).join(',')}"`;
const formulaText = (formula: string | undefined): string => (formula ?? '').replace(/^=/, '');

const VALIDATION_TYPES: Record<string, ExcelJS.DataValidation['type']> = {
  list: 'list',
  listMultiple: 'list',
  whole: 'whole',
  decimal: 'decimal',
  date: 'date',
  textLength: 'textLength',
  custom: 'custom',
};

export function writeValidations(ws: ExcelJS.Worksheet, rules: readonly SnapshotValidation[], notWritten: string[]): void {
  for (const rule of rules) {
    const type = VALIDATION_TYPES[rule.type];
    if (!type) {
      notWritten.push(`data validation ${rule.type}`);
      continue;
    }
    let formulae: string[];
    if (type === 'list') {
      const items = listItems(rule.formula1);
      formulae = [items ? quoteList(items) : formulaText(rule.formula1)];
    } else {
      formulae = [formulaText(rule.formula1), ...(rule.formula2 !== undefined && rule.formula2 !== '' ? [formulaText(rule.formula2)] : [])];
    }
    const validation: ExcelJS.DataValidation = {
      type,
      allowBlank: rule.allowBlank ?? true,
      formulae,
      showErrorMessage: (rule.errorStyle ?? 1) === 1 || rule.errorStyle === 2,
      errorStyle: rule.errorStyle === 2 ? 'warning' : rule.errorStyle === 3 ? 'information' : 'stop',
      ...(rule.operator && type !== 'list' && type !== 'custom' ? { operator: rule.operator as ExcelJS.DataValidationOperator } : {}),
      ...(rule.error ? { error: rule.error } : {}),
      ...(rule.prompt ? { prompt: rule.prompt, showInputMessage: true } : {}),
    };
    // One sqref per range, as Excel writes it (ExcelJS's per-cell API would write one entry per cell).
    for (const range of rule.ranges)
      (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        a1(range),
        validation,
      );
  }
}

const CELL_IS_OPERATORS = new Set([
  'equal',
  'notEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'between',
  'notBetween',
]);

function differentialStyle(rule: SnapshotHighlight): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const fill = argbOf(rule.style.bg?.rgb);
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } };
  const font = argbOf(rule.style.cl?.rgb);
  if (font || rule.style.bl === 1)
    style.font = { ...(font ? { color: { argb: font } } : {}), ...(rule.style.bl === 1 ? { bold: true } : {}) };
  return style;
}

const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** One highlight rule as an OOXML rule, or undefined when it has no counterpart. */
function conditionalRuleOf(format: SnapshotConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule | undefined {
  const rule = format.rule as SnapshotHighlight;
  if (rule.type !== 'highlightCell') return undefined;
  const style = differentialStyle(rule);
  const first = format.ranges[0];
  const topLeft = first ? `${columnLetter(first.startColumn)}${first.startRow + 1}` : 'A1';
  if (rule.subType === 'formula') {
    return { type: 'expression', priority, formulae: [formulaText(String(rule.value ?? ''))], style } as ExcelJS.ConditionalFormattingRule;
  }
  if (rule.subType === 'number' && CELL_IS_OPERATORS.has(rule.operator)) {
    const values = Array.isArray(rule.value) ? rule.value : [rule.value];
    return {
      type: 'cellIs',
      priority,
      operator: rule.operator,
      formulae: values.map((v) => String(v)),
      style,
    } as unknown as ExcelJS.ConditionalFormattingRule;
  }
  if (rule.subType === 'text') {
    const text = String(rule.value ?? '');
    switch (rule.operator) {
      case 'equal':
        return {
          type: 'cellIs',
          priority,
          operator: 'equal',
          formulae: [quoteText(text)],
          style,
        } as unknown as ExcelJS.ConditionalFormattingRule;
      case 'notEqual':
        return {
          type: 'cellIs',
          priority,
          operator: 'notEqual',
          formulae: [quoteText(text)],
          style,
        } as unknown as ExcelJS.ConditionalFormattingRule;
      case 'containsText':
        return { type: 'containsText', operator: 'containsText', text, priority, style } as unknown as ExcelJS.ConditionalFormattingRule;
      case 'notContainsText':
        return {
          type: 'expression',
          priority,
          formulae: [`ISERROR(SEARCH(${quoteText(text)},${topLeft}))`],
          style,
        } as ExcelJS.ConditionalFormattingRule;
      case 'beginsWith':
        return {
          type: 'expression',
          priority,
          formulae: [`LEFT(${topLeft},${text.length})=${quoteText(text)}`],
          style,
        } as ExcelJS.ConditionalFormattingRule;
      case 'endsWith':
        return {
          type: 'expression',
          priority,
          formulae: [`RIGHT(${topLeft},${text.length})=${quoteText(text)}`],
          style,
        } as ExcelJS.ConditionalFormattingRule;
      default:
        return undefined;
    }
  }
  return undefined;
}

export function writeConditionalFormats(ws: ExcelJS.Worksheet, formats: readonly SnapshotConditionalFormat[], notWritten: string[]): void {
  formats.forEach((format, i) => {
    const rule = conditionalRuleOf(format, i + 1);
    if (!rule) {
      const r = format.rule as SnapshotHighlight;
      notWritten.push(`conditional format ${r.type}${r.subType ? ` ${r.subType}` : ''}${r.operator ? ` ${r.operator}` : ''}`);
      return;
    }
    ws.addConditionalFormatting({ ref: format.ranges.map(a1).join(' '), rules: [rule] });
  });
}
