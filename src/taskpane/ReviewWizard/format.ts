/** Display and input conversions for the wizard: numbers, rates, day serials ⇄ `<input type="date">`. */
import { type Locale, isoFromSerial, serialFromIso } from '../../core';

export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function formatRate(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** `yyyy-mm-dd` for a date input, '' for none. */
export function isoOrEmpty(serial: number | null | undefined): string {
  return serial === null || serial === undefined || !Number.isFinite(serial) ? '' : isoFromSerial(serial);
}

/** A date input's value as a day serial, null when empty or incomplete. */
export function serialOrNull(text: string): number | null {
  return serialFromIso(text) ?? null;
}

/** The text to show in a number field: what the user typed, else the stored value. */
export function numberText(raw: string | undefined, value: number | null | undefined): string {
  if (raw !== undefined) return raw;
  return value === null || value === undefined ? '' : String(value);
}
