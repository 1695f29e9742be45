/**
 * The case table run against the BUILT Excel bundle (dist/functions.js), loaded in a sandbox
 * with a stub `CustomFunctions` that records `associate`: a wrapper that drops an argument, maps
 * an error wrongly or is never associated fails here, whatever core does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { FUNCTIONS, FUNCTION_MESSAGES, isoFromSerial } from '../../src/core';
import { type FunctionCase, type JsonArg, caseName, expectMatches, isErrorSpelling, loadFunctionCases, todayOf } from '../cases/cases';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'functions.js');

/** Excel's error codes are these spellings (Office.js `CustomFunctions.ErrorCode`). */
const ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {
    if (!Object.values(ERROR_CODE).includes(code as never)) throw new Error(`unknown error code ${code}`);
    if (message !== undefined && code !== ERROR_CODE.invalidValue && code !== ERROR_CODE.notAvailable) {
      throw new Error(`Excel shows no message for ${code}: passing one is a bug`);
    }
  }
}

type ExcelFunction = (...args: unknown[]) => unknown;

/** Loads the bundle with a clock fixed at noon (local time) of the serial day `today`; `office` stands in for Office.js. */
function loadBundle(today: number, office?: unknown): Map<string, ExcelFunction> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "npm run build" first (npm test does).`);
  const associated = new Map<string, ExcelFunction>();
  const [y, m, d] = isoFromSerial(today).split('-').map(Number) as [number, number, number];
  const fixed = new Date(y, m - 1, d, 12).getTime();
  class FixedDate extends Date {
    constructor(...args: []) {
      super(...((args.length === 0 ? [fixed] : args) as []));
    }
    static override now(): number {
      return fixed;
    }
  }
  const CustomFunctions = {
    associate: (id: string, fn: ExcelFunction) => {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: StubError,
    ErrorCode: ERROR_CODE,
  };
  const sandbox: Record<string, unknown> = {
    CustomFunctions,
    Date: FixedDate,
    console,
    ...(office === undefined ? {} : { Office: office }),
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  runInNewContext(readFileSync(BUNDLE, 'utf8'), sandbox, { filename: BUNDLE });
  return associated;
}

/** How Excel hands arguments to a matrix parameter: always 2-D, blank cells as empty strings. */
function asExcelArg(arg: JsonArg): unknown[][] {
  const matrix = Array.isArray(arg) ? arg : [[arg]];
  return matrix.map((row) => row.map((cell) => (cell === null ? '' : cell)));
}

/** Excel never calls a custom function with an error argument: it shows that error itself. */
const reachableInExcel = (c: FunctionCase): boolean =>
  c.args.every((arg) => (Array.isArray(arg) ? arg.flat() : [arg]).every((cell) => !isErrorSpelling(cell)));

const cases = loadFunctionCases();
const bundles = new Map<number, Map<string, ExcelFunction>>();
const bundleFor = (today: number): Map<string, ExcelFunction> => {
  let bundle = bundles.get(today);
  if (!bundle) bundles.set(today, (bundle = loadBundle(today)));
  return bundle;
};

describe('dist/functions.js', () => {
  it('associates every catalogue function exactly once, and nothing else', () => {
    expect([...bundleFor(45376).keys()].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  it('declares each wrapper with the catalogue parameter count', () => {
    const bundle = bundleFor(45376);
    for (const spec of FUNCTIONS) expect([spec.id, bundle.get(spec.id)?.length]).toEqual([spec.id, spec.params.length]);
  });

  it('shows error messages in Office’s display language (English without Office)', () => {
    const message = (bundle: Map<string, ExcelFunction>) =>
      ((bundle.get('ATTAINMENT') as ExcelFunction)(1, 1, 'sideways') as StubError[][])[0]?.[0]?.message;
    expect(message(loadBundle(45376, { context: { displayLanguage: 'zh-CN' } }))).toBe(FUNCTION_MESSAGES.polarity['zh-CN']);
    expect(message(loadBundle(45376, { context: { displayLanguage: 'en-GB' } }))).toBe(FUNCTION_MESSAGES.polarity['en-US']);
    expect(message(bundleFor(45376))).toBe(FUNCTION_MESSAGES.polarity['en-US']);
  });

  const reachable = cases.filter(reachableInExcel);
  it('runs most of the case table (error inputs are Excel’s own business)', () => {
    expect(reachable.length).toBeGreaterThan(cases.length * 0.8);
  });

  it.each(reachable.map((c) => [caseName(c), c] as const))('%s', (_name, c) => {
    const fn = bundleFor(todayOf(c)).get(c.fn);
    expect(fn).toBeDefined();
    const result = (fn as ExcelFunction)(...c.args.map(asExcelArg));
    expect(Array.isArray(result)).toBe(true);
    expectMatches(result, c.expected, c.precision);
  });
});
