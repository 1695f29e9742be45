/**
 * Native-formula equivalents (English function names, as Excel's `formulas` and Univer take them)
 * for the functions the templates use. Blank inputs give a blank, like the SALES versions; the
 * divisions give #DIV/0! by themselves.
 */
import { nativeIsLowerBetter } from '../domain/direction';
import { columnLetter } from '../templates/a1';
import { DEFAULT_PACE_THRESHOLDS, type PaceLevel, paceLabel, paceLocale } from '../domain/pace';
import { DEFAULT_GRADE_THRESHOLDS, SLA_HOURS } from '../metrics/leads';

const blankIfAny = (cells: readonly string[], body: string): string => `IF(OR(${cells.map((c) => `${c}=""`).join(',')}),"",${body})`;

const higher = (a: string, t: string) => `(${a}-${t}+ABS(${t}))/ABS(${t})`;
const lower = (a: string, t: string) => `MAX(0,(${t}-${a}+ABS(${t}))/ABS(${t}))`;

/** A vertical or horizontal A1 range, optionally sheet-qualified and anchored: `'表'!$B$2:$B$4`. */
const RANGE = /^((?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+):(\$?)([A-Z]{1,3})(\$?)(\d+)$/;

/** The range without its last cell and without its first (for the next tier's threshold), or undefined when it is no line. */
function shifted(range: string): { head: string; tail: string; cells: number } | undefined {
  const m = RANGE.exec(range.trim());
  if (!m) return undefined;
  const [, sheet = '', c1d, c1, r1d, r1, c2d, c2, r2d, r2] = m as unknown as string[];
  const [top, bottom] = [Number(r1), Number(r2)];
  if (c1 === c2 && bottom >= top) {
    const cell = (row: number) => `${c1d}${c1}${r1d}${row}`;
    const end = (row: number) => `${c2d}${c2}${r2d}${row}`;
    return { head: `${sheet}${cell(top)}:${end(bottom - 1)}`, tail: `${sheet}${cell(top + 1)}:${end(bottom)}`, cells: bottom - top + 1 };
  }
  if (top === bottom) {
    const index = (col: string) => [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const letter = (n: number): string => columnLetter(n - 1);
    const [left, right] = [index(c1 as string), index(c2 as string)];
    if (right < left) return undefined;
    return {
      head: `${sheet}${c1d}${c1}${r1d}${r1}:${c2d}${letter(right - 1)}${r2d}${r2}`,
      tail: `${sheet}${c1d}${letter(left + 1)}${r1d}${r1}:${c2d}${c2}${r2d}${r2}`,
      cells: right - left + 1,
    };
  }
  return undefined;
}

/**
 * Progressive commission as native formulas: Σ rate × (amount − threshold)⁺ over the tiers, minus
 * the same over each next threshold with the tier's own rate — the part above the next threshold
 * belongs to the next tier. Flat: the amount × the rate LOOKUP finds. The tiers must be cell ranges.
 */
function commissionNative([amount = '', thresholds = '', rates = '', mode]: readonly string[]): string | undefined {
  const modeText = mode?.trim().replace(/^"|"$/g, '').toLowerCase();
  if (mode !== undefined && !/^"[^"]*"$/.test(mode.trim())) return undefined;
  if (modeText === 'flat' || modeText === '全额')
    return `IF(${amount}="","",${amount}*IFERROR(LOOKUP(${amount},${thresholds},${rates}),0))`;
  if (modeText !== undefined && modeText !== '' && modeText !== 'progressive' && modeText !== '累进') return undefined;
  const t = shifted(thresholds);
  const r = shifted(rates);
  if (!t || !r || t.cells !== r.cells) return undefined;
  const above = (range: string) => `(${amount}>${range})*(${amount}-${range})`;
  // (next<>"") lets spare blank tier rows below the last tier count for nothing.
  const next = t.cells > 1 ? `-SUMPRODUCT(${r.head},(${t.tail}<>"")*${above(t.tail)})` : '';
  return `IF(${amount}="","",SUMPRODUCT(${rates},${above(thresholds)})${next})`;
}

export const PORTABLE: Readonly<Record<string, (args: readonly string[]) => string | undefined>> = {
  COMMISSION: commissionNative,
  // DID's mean changes over the members with both values, as SALES.DID skips the others.
  DID: ([pb = '', pa = '', cb = '', ca = '']) => {
    const change = (before: string, after: string) => {
      const both = `(${before}<>"")*(${after}<>"")`;
      return `SUMPRODUCT(${both},${after}-${before})/SUMPRODUCT(${both})`;
    };
    return `${change(pb, pa)}-${change(cb, ca)}`;
  },
  // SCORE skips a KPI not measured yet, so the weights summed are those of the filled values.
  SCORE: ([values = '', weights = '']) =>
    `IF(COUNT(${values})=0,"",SUMPRODUCT(${values},${weights})/SUMPRODUCT((${values}<>"")*${weights}))`,
  ATTAINMENT: ([a = '', t = '', polarity]) =>
    blankIfAny([a, t], polarity === undefined ? higher(a, t) : `IF(${nativeIsLowerBetter(polarity)},${lower(a, t)},${higher(a, t)})`),
  GAP: ([a = '', t = '']) => blankIfAny([a, t], `${t}-${a}`),
  CHANGE: ([before = '', after = '']) => blankIfAny([before, after], `(${after}-${before})/ABS(${before})`),
  FORECASTACCURACY: ([actual = '', forecast = '']) => blankIfAny([actual, forecast], `MAX(0,1-ABS(${actual}-${forecast})/ABS(${actual}))`),
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
