/**
 * Loader and comparer for the shared case table `functions.json` (format documented in its
 * `about` field). The core tests, the Excel-bundle tests and the web-host tests all read the table
 * through this module, so a case means the same thing on every host.
 */
import { type Arg, CalcError, type Scalar, parseErrorCode } from '../../src/core';
import table from './functions.json';

/** A cell as written in the JSON: blank is null, an error is its spelling (`"#DIV/0!"`). */
export type JsonCell = number | string | boolean | null;
export type JsonArg = JsonCell | JsonCell[][];
/** An expected result: a scalar, or a 2-D array for a spilled result. */
export type Expected = JsonCell | JsonCell[][];

export interface FunctionCase {
  /** Catalogue id, e.g. `ATTAINMENT`. */
  readonly fn: string;
  /** Arguments as written in the table; trailing omitted optional arguments are absent. */
  readonly args: readonly JsonArg[];
  readonly expected: Expected;
  /** Short unique description. */
  readonly note: string;
  /** Day serial the case assumes for today (only when the result depends on TODAY()). */
  readonly today?: number;
  /** Absolute tolerance for numbers, scaled by max(1, |expected|). */
  readonly precision?: number;
}

const DEFAULT_PRECISION = 1e-9;
/** The `today` a case runs with when it does not depend on today (any fixed day works). */
const DEFAULT_TODAY = 45376; // 2024-03-25

const ERROR_SPELLINGS = new Set(['#DIV/0!', '#VALUE!', '#NUM!', '#N/A']);

export const isErrorSpelling = (value: unknown): value is string => typeof value === 'string' && ERROR_SPELLINGS.has(value);

function isJsonCell(value: unknown): value is JsonCell {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isJsonMatrix(value: unknown): value is JsonCell[][] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const rows = value as unknown[];
  if (!rows.every((row) => Array.isArray(row) && row.length > 0 && row.every(isJsonCell))) return false;
  const cols = (rows[0] as unknown[]).length;
  return rows.every((row) => (row as unknown[]).length === cols);
}

const isJsonArg = (value: unknown): value is JsonArg => isJsonCell(value) || isJsonMatrix(value);

/** Checks one raw entry of the table and says exactly what is wrong with it. */
function validateCase(raw: unknown, index: number): FunctionCase {
  const where = `functions.json case #${index}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: not an object`);
  const entry = raw as Record<string, unknown>;
  const allowed = new Set(['fn', 'args', 'expected', 'note', 'today', 'precision']);
  const unknownKeys = Object.keys(entry).filter((key) => !allowed.has(key));
  if (unknownKeys.length > 0) throw new Error(`${where}: unknown field(s) ${unknownKeys.join(', ')}`);
  if (typeof entry.fn !== 'string' || !/^[A-Z0-9.]+$/.test(entry.fn)) throw new Error(`${where}: fn must be a catalogue id`);
  if (typeof entry.note !== 'string' || entry.note.trim() === '') throw new Error(`${where} (${entry.fn}): note is required`);
  const label = `${where} (${entry.fn} — ${entry.note})`;
  if (!Array.isArray(entry.args) || !entry.args.every(isJsonArg)) {
    throw new Error(`${label}: args must be scalars or non-empty rectangular 2-D arrays`);
  }
  if (!('expected' in entry) || !isJsonArg(entry.expected)) {
    throw new Error(`${label}: expected must be a scalar, null or a rectangular 2-D array`);
  }
  if (entry.today !== undefined && !(typeof entry.today === 'number' && Number.isInteger(entry.today))) {
    throw new Error(`${label}: today must be an integer day serial`);
  }
  if (entry.precision !== undefined && !(typeof entry.precision === 'number' && entry.precision > 0)) {
    throw new Error(`${label}: precision must be a positive number`);
  }
  return entry as unknown as FunctionCase;
}

let cached: readonly FunctionCase[] | undefined;

/** Every case of the table, validated; throws on a malformed entry or a duplicate fn + note. */
export function loadFunctionCases(): readonly FunctionCase[] {
  if (cached !== undefined) return cached;
  const raw = (table as unknown as { cases?: unknown }).cases;
  if (!Array.isArray(raw)) throw new Error('functions.json: "cases" must be an array');
  const cases = raw.map(validateCase);
  const seen = new Set<string>();
  for (const c of cases) {
    const name = caseName(c);
    if (seen.has(name)) throw new Error(`functions.json: duplicate case "${name}"`);
    seen.add(name);
  }
  cached = cases;
  return cases;
}

/** The test name of a case: fn and note. */
export const caseName = (c: FunctionCase): string => `${c.fn} — ${c.note}`;

/** A JSON cell as a core value: an error spelling becomes a `CalcError`. */
function toCoreCell(cell: JsonCell): Scalar {
  if (isErrorSpelling(cell)) return parseErrorCode(cell) as CalcError;
  return cell;
}

/** A JSON argument as a core argument (scalar or matrix). */
export function toCoreArg(arg: JsonArg): Arg {
  return Array.isArray(arg) ? arg.map((row) => row.map(toCoreCell)) : toCoreCell(arg);
}

export const toCoreArgs = (c: FunctionCase): Arg[] => c.args.map(toCoreArg);

/** The `today` a case runs with. */
export const todayOf = (c: FunctionCase): number => c.today ?? DEFAULT_TODAY;

/** A result as it compares: scalar, or rectangular 2-D array (a 1×1 spill becomes its scalar). */
export type Normalized = JsonCell | JsonCell[][] | { readonly invalid: string };

/**
 * Turns a host's result cell into a JSON cell: a `CalcError` (or any error object with a `#…`
 * `code`, such as Excel's `CustomFunctions.Error`) into its spelling, `undefined` into blank.
 * Anything a sheet cannot show (NaN, ±Infinity, objects) is reported as invalid.
 */
function normalizeCell(value: unknown): JsonCell | { readonly invalid: string } {
  if (value instanceof CalcError) return value.code;
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { invalid: String(value) };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string') {
    const code = (value as { code: string }).code;
    if (isErrorSpelling(code)) return code;
  }
  return { invalid: `unexpected ${typeof value}: ${safeString(value)}` };
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Normalises a whole result: matrices cell by cell, 1×1 matrices to their single cell. */
export function normalizeResult(value: unknown): Normalized {
  if (!Array.isArray(value)) return normalizeCell(value);
  const rows = value as unknown[];
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row) && row.length > 0)) {
    return { invalid: `not a rectangular non-empty matrix: ${safeString(value)}` };
  }
  const cols = (rows[0] as unknown[]).length;
  if (!rows.every((row) => (row as unknown[]).length === cols)) return { invalid: `ragged matrix: ${safeString(value)}` };
  const cells: JsonCell[][] = [];
  for (const row of rows as unknown[][]) {
    const out: JsonCell[] = [];
    for (const cell of row) {
      const n = normalizeCell(cell);
      if (n !== null && typeof n === 'object') return n;
      out.push(n);
    }
    cells.push(out);
  }
  return rows.length === 1 && cols === 1 ? (cells[0]?.[0] ?? null) : cells;
}

/** A blank result: null, or the empty string a host shows for it. */
const isBlankCell = (value: JsonCell): boolean => value === null || value === '';

function cellMismatch(actual: JsonCell, expected: JsonCell, precision: number): string | undefined {
  if (expected === null) return isBlankCell(actual) ? undefined : 'expected a blank result';
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `expected the number ${expected}`;
    const tolerance = precision * Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance ? undefined : `expected ${expected} ± ${tolerance}`;
  }
  return actual === expected ? undefined : `expected ${JSON.stringify(expected)}`;
}

/**
 * Compares a host's result with a case's expected value; returns a description of the first
 * difference, or undefined when they match.
 */
export function compareResult(actual: unknown, expected: Expected, precision: number = DEFAULT_PRECISION): string | undefined {
  const got = normalizeResult(actual);
  const want = normalizeResult(expected);
  const shown = safeString(got);
  if (got !== null && typeof got === 'object' && !Array.isArray(got)) return `invalid result: ${got.invalid}`;
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) return `invalid expectation: ${want.invalid}`;
  if (!Array.isArray(want)) {
    if (Array.isArray(got)) return `expected a single value, got the spill ${shown}`;
    const why = cellMismatch(got, want, precision);
    return why === undefined ? undefined : `${why}, got ${shown}`;
  }
  if (!Array.isArray(got)) return `expected a ${want.length}×${want[0]?.length ?? 0} spill, got ${shown}`;
  const wantCols = want[0]?.length ?? 0;
  const gotCols = got[0]?.length ?? 0;
  if (got.length !== want.length || gotCols !== wantCols) {
    return `expected a ${want.length}×${wantCols} spill, got ${got.length}×${gotCols}: ${shown}`;
  }
  for (let r = 0; r < want.length; r++) {
    for (let c = 0; c < wantCols; c++) {
      const why = cellMismatch(got[r]?.[c] ?? null, want[r]?.[c] ?? null, precision);
      if (why !== undefined) return `cell [${r}][${c}]: ${why}, got ${shown}`;
    }
  }
  return undefined;
}

/** Jest-friendly assertion: throws with the case's expectation and the actual result on a mismatch. */
export function expectMatches(actual: unknown, expected: Expected, precision: number = DEFAULT_PRECISION): void {
  const why = compareResult(actual, expected, precision);
  if (why !== undefined) throw new Error(`${why}\n  expected: ${JSON.stringify(expected)}`);
}
