/**
 * Native-formula equivalents (English function names, as Excel's `formulas` and Univer take them)
 * for the functions the templates use. Blank inputs give a blank, like the SALES versions; the
 * divisions give #DIV/0! by themselves.
 */
const blankIfAny = (cells: readonly string[], body: string): string =>
  `IF(OR(${cells.map((c) => `${c}=""`).join(',')}),"",${body})`;

const higher = (a: string, t: string) => `(${a}-${t}+ABS(${t}))/ABS(${t})`;
const lower = (a: string, t: string) => `MAX(0,(${t}-${a}+ABS(${t}))/ABS(${t}))`;

export const PORTABLE: Readonly<Record<string, (args: readonly string[]) => string>> = {
  ATTAINMENT: ([a = '', t = '', polarity]) =>
    blankIfAny(
      [a, t],
      polarity === undefined
        ? higher(a, t)
        : `IF(OR(${polarity}="lower",${polarity}=-1,${polarity}="越低越好",${polarity}="Lower is better"),${lower(a, t)},${higher(a, t)})`,
    ),
  GAP: ([a = '', t = '']) => blankIfAny([a, t], `${t}-${a}`),
  CHANGE: ([before = '', after = '']) => blankIfAny([before, after], `(${after}-${before})/ABS(${before})`),
  CONVERSION: ([converted = '', total = '']) => blankIfAny([converted, total], `${converted}/${total}`),
  WEIGHTED: ([amount = '', probability = '']) => blankIfAny([amount, probability], `${amount}*${probability}`),
  LEADGRADE: ([score = '']) => blankIfAny([score], `IF(${score}>=80,"A",IF(${score}>=50,"B","C"))`),
  SLADUE: ([grade = '', received = '']) =>
    blankIfAny([grade, received], `${received}+IF(${grade}="A",2,IF(${grade}="B",24,168))/24`),
  DELAY: ([planned = '', actual = '']) =>
    `IF(${planned}="","",IF(${actual}<>"",INT(${actual})-INT(${planned}),IF(TODAY()>INT(${planned}),TODAY()-INT(${planned}),"")))`,
};
