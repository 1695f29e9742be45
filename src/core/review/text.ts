/** Small formatting helpers for the wizard's generated sentences: one spelling in every rule. */
import { isoFromSerial } from '../dates';
import type { Locale } from '../i18n';

// Fixed 'en-US' grouping so a sentence is the same on every machine (tests compare text).
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 165 → "165", 1234.5 → "1,234.5", 0.125 → "0.13". */
export const num = (n: number): string => NUMBER.format(n);

/** 0.917 → "91.7%"; signed adds "+" to positive values (a change). */
export function pct(rate: number, signed = false): string {
  const text = `${(rate * 100).toFixed(1)}%`;
  return signed && rate > 0 ? `+${text}` : text;
}

/** yyyy-mm-dd, or the number itself when it is no date (a serial past 9999-12-31). */
export const day = (serial: number): string =>
  Number.isFinite(serial) && serial > 0 && serial < 2958466 ? isoFromSerial(serial) : String(serial);

/** A money amount with its unit: "15万" (CJK units attach), "15 kUSD"; no unit: "15". */
export function amount(n: number, unit: string | undefined): string {
  if (unit === undefined || unit === '') return num(n);
  return /^[\u3400-\u9fff]/.test(unit) ? `${num(n)}${unit}` : `${num(n)} ${unit}`;
}

/** zh joins clauses with "," / ";", en with ", " / "; ". */
export const list = (items: readonly string[], locale: Locale): string => items.join(locale === 'zh-CN' ? ';' : '; ');
export const comma = (items: readonly string[], locale: Locale): string => items.join(locale === 'zh-CN' ? ',' : ', ');
