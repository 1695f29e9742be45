/**
 * A metric's direction (KPI 多维追踪 and 效果评估, docs/DOMAIN.md §2): higher or lower is better.
 * One list of spellings serves the functions (ATTAINMENT's third argument), the review's reading
 * of the sheets and the native formulas the templates and portable files carry.
 */
import { L, type Localized } from '../i18n';
import type { Scalar } from '../values';

export type Polarity = 'higher' | 'lower';

/** The labels of the direction drop-down, in the order of the list. */
export const DIRECTION_LABELS: Readonly<Record<Polarity, Localized>> = {
  higher: L('越高越好', 'Higher is better'),
  lower: L('越低越好', 'Lower is better'),
};
/** The drop-down list of a direction column: higher first. */
export const DIRECTION = [DIRECTION_LABELS.higher, DIRECTION_LABELS.lower] as const;

/**
 * What a direction cell may hold, compared after trimming and lower-casing: the drop-down's labels
 * in both languages, the function's documented words and ±1, and the short forms users type.
 */
export const POLARITY_SPELLINGS: Readonly<Record<Polarity, readonly string[]>> = {
  higher: ['higher', 'high', 'up', '1', '高', ...Object.values(DIRECTION_LABELS.higher).map((label) => label.toLowerCase())],
  lower: ['lower', 'low', 'down', '-1', '低', ...Object.values(DIRECTION_LABELS.lower).map((label) => label.toLowerCase())],
};

const spelled = (value: Scalar, polarity: Polarity): boolean => POLARITY_SPELLINGS[polarity].includes(String(value).trim().toLowerCase());

/** Reads a direction cell: blank (or spaces) means higher-is-better; an unknown spelling is undefined. */
export function readPolarity(value: Scalar): Polarity | undefined {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return 'higher';
  if (spelled(value, 'higher')) return 'higher';
  if (spelled(value, 'lower')) return 'lower';
  return undefined;
}

/**
 * A native formula that is TRUE when `cell` reads as lower-is-better, accepting exactly the
 * spellings of POLARITY_SPELLINGS.lower (LOWER(TRIM()) so case and spaces count as readPolarity
 * counts them, whatever the engine's case-sensitivity setting; a number -1 reads as "-1").
 */
export function nativeIsLowerBetter(cell: string): string {
  const key = `LOWER(TRIM(${cell}))`;
  return `OR(${POLARITY_SPELLINGS.lower.map((spelling) => `${key}="${spelling}"`).join(',')})`;
}
