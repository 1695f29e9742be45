/**
 * How a formula typed into Excel meets a display language and region (excelProfiles.ts,
 * EXCEL_LOCALES): through `formulasLocal` it must use the local separators and the local names
 * (销售.* in Chinese Excel, SUMME or EĞER for natives in German or Turkish), through `formulas` the
 * invariant ones; custom functions typed through `formulas` show #NAME? under some languages.
 * A formula Excel cannot parse is refused (InvalidArgument); an unknown name computes to #NAME?.
 */
import { functionById, FUNCTIONS } from '../../../src/core';
import type { ExcelLocale } from './excelProfiles';
import { RichApiError } from './mockModel';

const ZH_SALES_NAMES = new Set(FUNCTIONS.map((f) => `销售.${f.name['zh-CN']}`));

/** The formula without its text literals and quoted sheet names (where any character may stand). */
const code = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");

function refuse(formula: string, via: string, why: string): never {
  throw new RichApiError('InvalidArgument', `Range.${via}: "${formula}" is not a formula here (${why})`, `Range.${via}`);
}

/** '#NAME?' when the formula names a function this Excel does not know as typed; throws when it cannot be parsed. */
export function checkFormula(formula: string, via: 'formulas' | 'formulasLocal', locale: ExcelLocale): '#NAME?' | undefined {
  const body = code(formula);
  const localCommaDecimal = via === 'formulasLocal' && locale.decimalSeparator === ',';
  if (localCommaDecimal) {
    // `,` is the decimal separator here: only between digits.
    for (let i = 0; i < body.length; i++)
      if (body[i] === ',' && !(/\d/.test(body[i - 1] ?? '') && /\d/.test(body[i + 1] ?? '')))
        refuse(formula, via, 'the list separator is ;');
  } else if (body.includes(';')) refuse(formula, via, 'the list separator is ,');
  for (const match of body.matchAll(/([A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*)\s*\(/g)) {
    const name = match[1] as string;
    if (/^SALES\./i.test(name)) {
      if (functionById(name.slice(6).toUpperCase()) === undefined) return '#NAME?';
      if (via === 'formulas' ? locale.formulasLoseCustomFunctions : locale.salesNames === 'zh-CN') return '#NAME?';
    } else if (/^[\x20-\x7e]+$/.test(name)) {
      if (via === 'formulasLocal' && !locale.englishNatives) return '#NAME?';
    } else if (!(via === 'formulasLocal' && locale.salesNames === 'zh-CN' && ZH_SALES_NAMES.has(name))) return '#NAME?';
  }
  return undefined;
}
