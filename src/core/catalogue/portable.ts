/**
 * Native-formula equivalents (English function names, as Excel's `formulas` and Univer take them)
 * for the functions the templates use. Blank inputs give a blank, like the SALES versions; the
 * divisions give #DIV/0! by themselves.
 */
import { nativeIsLowerBetter } from '../domain/direction';
import { DEFAULT_GRADE_THRESHOLDS, SLA_HOURS } from '../metrics/leads';

const blankIfAny = (cells: readonly string[], body: string): string => `IF(OR(${cells.map((c) => `${c}=""`).join(',')}),"",${body})`;

const higher = (a: string, t: string) => `(${a}-${t}+ABS(${t}))/ABS(${t})`;
const lower = (a: string, t: string) => `MAX(0,(${t}-${a}+ABS(${t}))/ABS(${t}))`;

export const PORTABLE: Readonly<Record<string, (args: readonly string[]) => string>> = {
  ATTAINMENT: ([a = '', t = '', polarity]) =>
    blankIfAny([a, t], polarity === undefined ? higher(a, t) : `IF(${nativeIsLowerBetter(polarity)},${lower(a, t)},${higher(a, t)})`),
  GAP: ([a = '', t = '']) => blankIfAny([a, t], `${t}-${a}`),
  CHANGE: ([before = '', after = '']) => blankIfAny([before, after], `(${after}-${before})/ABS(${before})`),
  CONVERSION: ([converted = '', total = '']) => blankIfAny([converted, total], `${converted}/${total}`),
  WEIGHTED: ([amount = '', probability = '']) => blankIfAny([amount, probability], `${amount}*${probability}`),
  LEADGRADE: ([score = '']) =>
    blankIfAny([score], `IF(${score}>=${DEFAULT_GRADE_THRESHOLDS.a},"A",IF(${score}>=${DEFAULT_GRADE_THRESHOLDS.b},"B","C"))`),
  SLADUE: ([grade = '', received = '']) => {
    const key = `UPPER(TRIM(${grade}))`;
    return blankIfAny([grade, received], `${received}+IF(${key}="A",${SLA_HOURS.A},IF(${key}="B",${SLA_HOURS.B},${SLA_HOURS.C}))/24`);
  },
  PIPELINENEEDED: ([target = '', won = '', winRate = '']) => blankIfAny([target, won, winRate], `MAX(0,(${target}-${won})/${winRate})`),
  DELAY: ([planned = '', actual = '']) =>
    `IF(${planned}="","",IF(${actual}<>"",INT(${actual})-INT(${planned}),IF(TODAY()>INT(${planned}),TODAY()-INT(${planned}),"")))`,
};
