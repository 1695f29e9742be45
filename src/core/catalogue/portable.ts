/**
 * Native-formula equivalents (English function names, as Excel's `formulas` and Univer take them)
 * for the functions the templates use. Blank inputs give a blank, like the SALES versions; the
 * divisions give #DIV/0! by themselves.
 */
import { nativeIsLowerBetter } from '../domain/direction';
import { DEFAULT_PACE_THRESHOLDS, type PaceLevel, paceLabel, paceLocale } from '../domain/pace';
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
  // Thresholds and the label language may be literals or cells; a blank cell takes the default, as in SALES.PACE.
  PACE: ([actual = '', target = '', start = '', end = '', asOf, ahead, onTrack, behind, lang]) => {
    const day = asOf === undefined || /^TODAY\(\)$/i.test(asOf) ? 'TODAY()' : `IF(${asOf}="",TODAY(),${asOf})`;
    const threshold = (arg: string | undefined, fallback: number) =>
      arg === undefined ? String(fallback) : /^[\d.]+$/.test(arg) ? arg : `IF(${arg}="",${fallback},${arg})`;
    const literal = lang === undefined || /^"[^"]*"$/.test(lang);
    const label = (level: PaceLevel) =>
      literal
        ? `"${paceLabel(level, paceLocale(lang?.slice(1, -1)))}"`
        : `IF(LEFT(LOWER(${lang}),2)="en","${paceLabel(level, 'en-US')}","${paceLabel(level, 'zh-CN')}")`;
    const ratio = `(${actual})/((${target})*MIN(1,(INT(${day})-INT(${start})+1)/(INT(${end})-INT(${start})+1)))`;
    const [a, o, b] = [
      threshold(ahead, DEFAULT_PACE_THRESHOLDS.ahead),
      threshold(onTrack, DEFAULT_PACE_THRESHOLDS.onTrack),
      threshold(behind, DEFAULT_PACE_THRESHOLDS.behind),
    ];
    return blankIfAny(
      [actual, target, start, end],
      `IF(INT(${day})<INT(${start}),NA(),IF(${ratio}>=${a},${label('ahead')},IF(${ratio}>=${o},${label('onTrack')},IF(${ratio}>=${b},${label('behind')},${label('atRisk')}))))`,
    );
  },
  DELAY: ([planned = '', actual = '']) =>
    `IF(${planned}="","",IF(${actual}<>"",INT(${actual})-INT(${planned}),IF(TODAY()>INT(${planned}),TODAY()-INT(${planned}),"")))`,
};
