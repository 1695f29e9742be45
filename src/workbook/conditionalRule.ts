/**
 * A planned conditional-format rule on a rule builder. Univer's facade and Apps Script's
 * SpreadsheetApp share the builder vocabulary (`whenNumberLessThan`, …), so both hosts state each
 * rule once here; Excel's API has no builder and maps rules itself (src/hosts/excel/excelTemplates.ts).
 */
import type { PlannedRule } from '../core';

export interface ConditionBuilder<B> {
  whenNumberLessThan(value: number): B;
  whenNumberGreaterThan(value: number): B;
  whenNumberGreaterThanOrEqualTo(value: number): B;
  whenNumberBetween(start: number, end: number): B;
  whenTextEqualTo(text: string): B;
  whenFormulaSatisfied(formula: string): B;
}

/** Sets `rule`'s condition on `builder`; `topLeft` is the A1 address of the range's first cell. */
export function applyCondition<B>(builder: ConditionBuilder<B>, rule: PlannedRule, topLeft: string): B {
  switch (rule.kind) {
    case 'lessThan':
      return builder.whenNumberLessThan(rule.value);
    case 'greaterThan':
      return builder.whenNumberGreaterThan(rule.value);
    case 'atLeast':
      return builder.whenNumberGreaterThanOrEqualTo(rule.value);
    case 'between':
      return builder.whenNumberBetween(rule.min, rule.max);
    case 'textEquals':
      return builder.whenTextEqualTo(rule.text);
    case 'isFalse':
      // A blank cell equals FALSE in a comparison: only real booleans may turn red.
      return builder.whenFormulaSatisfied(`=AND(ISLOGICAL(${topLeft}),NOT(${topLeft}))`);
  }
}
