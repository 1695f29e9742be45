/**
 * CSV files as Chinese Excel and CRM systems write them, into typed cells: UTF-8 with or without
 * BOM, UTF-16 with BOM, or GB18030/GBK (what a Chinese Excel's "CSV" is); comma, semicolon, tab or
 * bar separators; quoted fields with separators, quotes and newlines inside (papaparse).
 *
 * Typing: numbers (`1,234.5`, `-3`, `1.2e6`) become numbers, `12%` a percentage, `2024-03-05`,
 * `2024/3/5` and `2024-03-05 14:00` dates with a date format; TRUE/FALSE booleans. A column in
 * which any number is written with a leading zero (`00123`, `0755…`) is an id column and keeps all
 * its values as text, as do phone numbers (`+86 138…`), digit strings past 15 digits (they would
 * lose digits as numbers) and everything else. Text is never a formula: `=HYPERLINK(…)` stays text.
 */
import Papa from 'papaparse';
import { serialFromDate } from '../core';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface TypedCell {
  readonly v: string | number | boolean;
  /** Univer cell type: 1 text, 2 number, 3 boolean. */
  readonly t: 1 | 2 | 3;
  /** Number format for dates and percentages. */
  readonly format?: string;
}

export interface ParsedTable {
  readonly rows: readonly (readonly (TypedCell | null)[])[];
  readonly columnCount: number;
  readonly encoding: CsvEncoding;
  readonly delimiter: string;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a Chinese Excel or CRM export in GB18030 (a superset of GBK and GB2312).
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([-+]?(\d+(\.\d*)?|\.\d+))%$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const LEADING_ZERO = /^[-+]?0\d/;

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

function dateSerial(text: string): { serial: number; timed: boolean } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  const hours = Number(m[4] ?? 0);
  const minutes = Number(m[5] ?? 0);
  const seconds = Number(m[6] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return { serial: serialFromDate(year, month, day) + (hours * 3600 + minutes * 60 + seconds) / 86400, timed: m[4] !== undefined };
}

/** One field as a typed cell; `textOnly` for id columns. */
export function typeField(raw: string, textOnly = false): TypedCell | null {
  const text = raw.trim();
  if (text === '') return null;
  if (textOnly) return { v: raw, t: 1 };
  if (NUMBER.test(text) || GROUPED.test(text)) {
    const digits = text.replace(/[^0-9]/g, '');
    const n = Number(text.replace(/,/g, ''));
    if (Number.isFinite(n) && digits.length <= 15) return { v: n, t: 2 };
    return { v: raw, t: 1 };
  }
  const pct = PERCENT.exec(text);
  if (pct) return { v: Number(pct[1]) / 100, t: 2, format: '0.0%' };
  const date = dateSerial(text);
  if (date) return { v: date.serial, t: 2, format: date.timed ? DATE_TIME_FORMAT : DATE_FORMAT };
  if (/^(true|false)$/i.test(text)) return { v: text.toUpperCase() === 'TRUE', t: 3 };
  return { v: raw, t: 1 };
}

/** Columns (0-based) where a number is written with a leading zero: ids, kept as text throughout. */
function idColumns(rows: readonly string[][]): Set<number> {
  const ids = new Set<number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    for (let c = 0; c < row.length; c++) {
      const text = (row[c] as string).trim();
      if (LEADING_ZERO.test(text) && /^[-+]?\d+$/.test(text)) ids.add(c);
    }
  }
  return ids;
}

/** Parses CSV bytes into typed rows; the first row (headers) is always text. */
export function parseCsv(bytes: Uint8Array): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const raw = parsed.data;
  const ids = idColumns(raw);
  const columnCount = raw.reduce((max, row) => Math.max(max, row.length), 0);
  const rows = raw.map((row, r) =>
    row.map((field, c) => (r === 0 ? (field.trim() === '' ? null : ({ v: field, t: 1 } as TypedCell)) : typeField(field, ids.has(c)))),
  );
  return { rows, columnCount, encoding, delimiter: parsed.meta.delimiter };
}
