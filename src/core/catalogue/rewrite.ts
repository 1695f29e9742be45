/**
 * Rewrites `SALES.*` calls inside any formula text into their native equivalents from the
 * catalogue, so a workbook computes without the add-in (the `portable` command and the portable
 * download). Calls nest (`SALES.GAP(SALES.ATTAINMENT(…),1)`), text in quotes is never touched.
 *
 * A call is rewritten only where the native form means the same thing: the catalogue has one, the
 * call passes no more arguments than the native form takes, and no argument is a range (the
 * native forms are per cell; `SALES.WEIGHTED(B2:B9,C2:C9)` sums over deals and has no per-cell
 * twin). Anything else makes the whole formula unportable (`undefined`), and the caller keeps the
 * cell's computed value instead.
 */
import { FUNCTIONS } from './functions';

const byId = new Map(FUNCTIONS.map((spec) => [spec.id, spec]));

/** How many arguments each native form understands (the rest of a SALES signature is optional). */
const NATIVE_ARITY: Readonly<Record<string, number>> = {
  ATTAINMENT: 3,
  GAP: 2,
  CHANGE: 2,
  CONVERSION: 2,
  WEIGHTED: 2,
  LEADGRADE: 1,
  SLADUE: 2,
  DELAY: 2,
  PIPELINENEEDED: 3,
  PACE: 9,
  COMMISSION: 4,
  SCORE: 2,
};

/** Arguments a native form takes as ranges (COMMISSION's tier table, SCORE's KPIs); any other range argument makes a call unportable. */
const RANGE_PARAMS: Readonly<Record<string, readonly number[]>> = { COMMISSION: [1, 2], SCORE: [0, 1] };

const CALL = /SALES\.([A-Za-z]+)\s*\(/iy;

/** Splits the arguments of a call whose `(` is just before `start`; returns them and the index after `)`. */
function splitArguments(formula: string, start: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (ch === '"') {
      const close = skipString(formula, i);
      current += formula.slice(i, close);
      i = close - 1;
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    if ((ch === ')' || ch === '}') && depth > 0) {
      depth--;
      current += ch;
      continue;
    }
    if (ch === ')' && depth === 0) {
      if (current.trim() !== '' || args.length > 0) args.push(current);
      return { args, end: i + 1 };
    }
    if (ch === ',' && depth === 0) {
      args.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  return undefined;
}

/** Index just after the string literal that opens at `open` (`""` is an escaped quote). */
function skipString(formula: string, open: number): number {
  let i = open + 1;
  while (i < formula.length) {
    if (formula[i] === '"') {
      if (formula[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_.]/.test(ch);

function rewriteFrom(formula: string, start: number): string | undefined {
  let out = '';
  let i = start;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      const close = skipString(formula, i);
      out += formula.slice(i, close);
      i = close;
      continue;
    }
    CALL.lastIndex = i;
    const call = !isNameChar(formula[i - 1]) ? CALL.exec(formula) : null;
    if (call) {
      const id = (call[1] as string).toUpperCase();
      const split = splitArguments(formula, CALL.lastIndex);
      if (!split) return undefined;
      const args: string[] = [];
      for (const arg of split.args) {
        const inner = rewriteFrom(arg, 0);
        if (inner === undefined) return undefined;
        args.push(inner.trim());
      }
      const native = nativeCall(id, args);
      if (native === undefined) return undefined;
      out += `(${native})`;
      i = split.end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function nativeCall(id: string, args: readonly string[]): string | undefined {
  const fn = byId.get(id);
  const arity = NATIVE_ARITY[id];
  if (fn?.portable === undefined || arity === undefined) return undefined;
  if (args.length > arity || args.length < fn.params.filter((p) => !p.optional).length) return undefined;
  const ranges = RANGE_PARAMS[id] ?? [];
  if (args.some((arg, i) => !ranges.includes(i) && /[A-Za-z$]+\$?\d+\s*:\s*\$?[A-Za-z$]+\$?\d+|[A-Za-z]+:[A-Za-z]+|\d+:\d+/.test(arg)))
    return undefined;
  return fn.portable(args);
}

/** True when the formula text calls a SALES function (outside quoted text). */
export function callsSalesFunction(formula: string): boolean {
  let i = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      i = skipString(formula, i);
      continue;
    }
    CALL.lastIndex = i;
    if (!isNameChar(formula[i - 1]) && CALL.test(formula)) return true;
    i++;
  }
  return false;
}

/**
 * The formula with every SALES call replaced by its native equivalent (same leading `=` or none),
 * or `undefined` when one of its calls has no native equivalent with the same meaning.
 */
export function portableFormula(formula: string): string | undefined {
  if (!callsSalesFunction(formula)) return formula;
  return rewriteFrom(formula, 0);
}

const ANY_CALL = /SALES[._]([A-Za-z0-9]+)\s*\(/iy;

/**
 * The formula with every SALES call spelled for a host: `SALES.ATTAINMENT(` or `SALES_ATTAINMENT(`
 * (for a host whose function names cannot hold a dot). Quoted text and names
 * that merely end in SALES are left alone; ids are upper-cased as the catalogue spells them.
 */
export function spellSalesCalls(formula: string, separator: '.' | '_'): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      const close = skipString(formula, i);
      out += formula.slice(i, close);
      i = close;
      continue;
    }
    ANY_CALL.lastIndex = i;
    const match = isNameChar(formula[i - 1]) ? null : ANY_CALL.exec(formula);
    if (match !== null && byId.has((match[1] as string).toUpperCase())) {
      out += `SALES${separator}${(match[1] as string).toUpperCase()}(`;
      i = ANY_CALL.lastIndex;
      continue;
    }
    out += formula[i];
    i++;
  }
  return out;
}
