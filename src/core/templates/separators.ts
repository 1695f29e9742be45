/**
 * A formula as typed under a region's separators. `formulasLocal` (and a user typing) takes the list
 * separator and decimal separator of the regional settings — `=SALES.ATTAINMENT(G3;D3)` and `0,5` in
 * German or Turkish — while our formulas are written in the invariant form (`,` and `.`). Text in
 * quotes and quoted sheet names stay as they are.
 */

export interface Separators {
  /** Between arguments: `,` (en-US, zh-CN) or `;` (where the decimal separator is `,`). */
  readonly list: ',' | ';';
  readonly decimal: '.' | ',';
}

export const INVARIANT_SEPARATORS: Separators = { list: ',', decimal: '.' };

/** Excel's list separator follows the decimal one: a `,` decimal makes `;` the list separator. */
export const separatorsFor = (decimal: string): Separators => (decimal === ',' ? { list: ';', decimal: ',' } : INVARIANT_SEPARATORS);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
/** A character that can be part of a name or reference (so a `.` after it is not a decimal point). */
const isNamePart = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}_$.\\]/u.test(ch);

/** `formula` (invariant `,` and `.`) with `separators` put in, outside strings and quoted sheet names. */
export function withSeparators(formula: string, separators: Separators): string {
  if (separators.list === ',' && separators.decimal === '.') return formula;
  let out = '';
  let quote: '"' | "'" | undefined;
  /** Whether the number being read started as a number (not inside a name such as A1 or LOG10). */
  let inNumber = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (quote !== undefined) {
      out += ch;
      if (ch === quote) {
        // A doubled quote is one quote character inside the text.
        if (formula[i + 1] === quote) out += formula[++i];
        else quote = undefined;
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inNumber = false;
      out += ch;
    } else if (ch === ',') {
      out += separators.list;
      inNumber = false;
    } else if (ch === '.' && isDigit(formula[i + 1]) && (inNumber || !isNamePart(formula[i - 1]))) {
      out += separators.decimal;
    } else {
      if (isDigit(ch)) inNumber = inNumber || !(isNamePart(formula[i - 1]) || isDigit(formula[i - 1]));
      else inNumber = false;
      out += ch;
    }
  }
  return out;
}
