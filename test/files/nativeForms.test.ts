/**
 * The native forms of the SALES functions, computed by LibreOffice: every case of the shared table
 * (test/cases/functions.json) for a function with a native form, whose arguments it takes and
 * whose result is a value (native forms promise the numbers, not the error kinds), written as
 * `=SALES.X(…)` into a portable .xlsx (so the writer rewrites them), recalculated by LibreOffice
 * and compared with the case's expected value. COMMISSION's tier table and SCORE's KPIs are cell ranges.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICellData, IWorkbookData } from '@univerjs/core';
import { cellAddress, portableFormula, rangeAddress } from '../../src/core';
import { readXlsx } from '../../src/files/xlsxRead';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { type FunctionCase, type JsonArg, caseName, expectMatches, isErrorSpelling, loadFunctionCases } from '../cases/cases';
import { resavedByLibreOffice } from '../support/libreoffice';

/** Functions whose native form the templates or the portable download use, with their range arguments. */
const NATIVE = ['ATTAINMENT', 'GAP', 'CHANGE', 'CONVERSION', 'LEADGRADE', 'PIPELINENEEDED', 'PACE', 'COMMISSION', 'SCORE'];
/** Arguments that are ranges in the native form. */
const RANGE_ARGS: Readonly<Record<string, readonly number[]>> = { COMMISSION: [1, 2], SCORE: [0, 1] };
/** Sums past the largest double overflow in a spreadsheet; SCORE scales its weights first. */
const overflows = (arg: JsonArg): boolean => Array.isArray(arg) && arg.flat().some((v) => typeof v === 'number' && Math.abs(v) > 1e300);

const cases = loadFunctionCases().filter(
  (c) =>
    NATIVE.includes(c.fn) &&
    c.today === undefined &&
    // LEADGRADE's native form is for the default thresholds only; custom ones keep the SALES call.
    !(c.fn === 'LEADGRADE' && c.args.length > 1) &&
    !Array.isArray(c.expected) &&
    !isErrorSpelling(c.expected) &&
    !c.args.some(overflows) &&
    c.args.every((a, i) => ((RANGE_ARGS[c.fn] ?? []).includes(i) ? Array.isArray(a) : !Array.isArray(a) && !isErrorSpelling(a))),
);

interface Placed {
  readonly c: FunctionCase;
  readonly row: number;
  readonly col: number;
}

function cellOf(value: JsonArg): ICellData | undefined {
  if (value === null || Array.isArray(value)) return undefined;
  if (typeof value === 'string') return { v: value, t: 1 };
  if (typeof value === 'boolean') return { v: value, t: 3 };
  return { v: value, t: 2 };
}

let computed: Map<string, unknown>;
let placed: Placed[];
let formulas: Map<string, string>;

beforeAll(async () => {
  const cellData: Record<number, Record<number, ICellData>> = {};
  const put = (r: number, c: number, data: ICellData | undefined) => {
    if (data) (cellData[r] ??= {})[c] = data;
  };
  placed = [];
  formulas = new Map();
  let top = 0;
  for (const c of cases) {
    let left = 0;
    let height = 1;
    const refs: string[] = [];
    for (const arg of c.args) {
      if (Array.isArray(arg)) {
        const width = Math.max(1, ...arg.map((row) => row.length));
        arg.forEach((row, r) => row.forEach((v, k) => put(top + r, left + k, cellOf(v))));
        refs.push(rangeAddress(top, left, top + arg.length - 1, left + width - 1, true));
        height = Math.max(height, arg.length);
        left += width;
      } else {
        put(top, left, cellOf(arg));
        refs.push(cellAddress(top, left));
        left++;
      }
    }
    // Text arguments the native forms read as literals (PACE's language, COMMISSION's mode) stay literal.
    const literalArgs = refs.map((ref, i) => (typeof c.args[i] === 'string' ? JSON.stringify(c.args[i]) : ref));
    const formula = `=SALES.${c.fn}(${literalArgs.join(',')})`;
    put(top, left, { f: formula });
    formulas.set(caseName(c), portableFormula(formula) ?? '(no native form)');
    placed.push({ c, row: top, col: left });
    top += height + 1;
  }
  const snapshot = {
    id: 'native',
    name: 'native',
    appVersion: '0.25.1',
    locale: 'zhCN',
    styles: {},
    sheetOrder: ['s'],
    sheets: { s: { id: 's', name: 'Cases', rowCount: top + 1, columnCount: 12, cellData } },
    resources: [],
  } as unknown as IWorkbookData;
  const dir = mkdtempSync(join(tmpdir(), 'native-'));
  const file = join(dir, 'native.xlsx');
  const { buffer } = await writeXlsx(snapshot, { portable: true });
  writeFileSync(file, buffer);
  const [resaved = ''] = resavedByLibreOffice([file]);
  const back = (await readXlsx(readFileSync(resaved), 'native.xlsx', 'zh-CN')).snapshot;
  const sheet = Object.values(back.sheets).find((s) => s?.name === 'Cases');
  computed = new Map(placed.map((p) => [caseName(p.c), sheet?.cellData?.[p.row]?.[p.col]?.v ?? null]));
}, 300_000);

test('the cases cover every function with a native form, and each is rewritten to one', () => {
  expect([...new Set(cases.map((c) => c.fn))].sort()).toEqual([...NATIVE].sort());
  expect([...formulas.values()].filter((f) => f === '(no native form)' || /SALES\./.test(f))).toEqual([]);
});

test.each(cases.map((c) => [caseName(c), c] as const))('%s', (name, c) => {
  const value = computed.get(name);
  const actual = value === '' ? null : value;
  try {
    expectMatches(actual, c.expected, c.precision ?? 1e-9);
  } catch (error) {
    throw new Error(`${formulas.get(name)}: ${(error as Error).message}`);
  }
});
