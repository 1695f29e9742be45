/**
 * Property tests over the whole catalogue (docs/DOMAIN.md §3: "bad input gives the spreadsheet's own
 * error value, never an exception, never NaN"): every function, whatever a host hands it, returns a
 * finite number, text, boolean, blank or error, in a well-formed shape. Plus cheap semantic laws.
 */
import fc from 'fast-check';
import {
  comparePilot,
  type Arg,
  CalcError,
  type CalcErrorKind,
  ERROR_CODES,
  FUNCTIONS,
  type FunctionSpec,
  L,
  type Matrix,
  type Result,
  type Scalar,
  evaluate,
  isCalcError,
  runFunction,
} from '../../src/core';
import { normalizeResult } from '../cases/cases';

/** Runs per property: jest global from jest.config.js (env FAST_CHECK_RUNS), 1000 by default. */
declare const FAST_CHECK_RUNS: number | undefined;
const numRuns = typeof FAST_CHECK_RUNS === 'number' && FAST_CHECK_RUNS > 0 ? FAST_CHECK_RUNS : 1000;
const params = { numRuns };

// ---------------------------------------------------------------------------------------------
// Classification, read from the catalogue's metadata (`shape`): element-wise functions pair
// equal-shaped ranges cell by cell and spill; list functions read whole ranges.

const ELEMENTWISE = new Set(FUNCTIONS.filter((spec) => spec.shape === 'elementwise').map((spec) => spec.id));
const LIST = new Set(FUNCTIONS.filter((spec) => spec.shape === 'list').map((spec) => spec.id));

/** Functions whose first two arguments are not two ranges that must pair up, and why. */
const NO_PAIRED_RANGES: Readonly<Record<string, string>> = {
  FUNNEL: 'the second argument is a mode option',
  REPEATRATE: 'takes one list',
};
/** Functions for which a malformed (empty or ragged) first range is not #VALUE!, and why. */
const MALFORMED_OK: Readonly<Record<string, string>> = {
  REPEATRATE: 'any cells form an order list; an empty one is #DIV/0!',
};

// ---------------------------------------------------------------------------------------------
// Arbitraries

const SPECIAL_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  2,
  50,
  80,
  100,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
  -5e-324,
  Number.MIN_VALUE,
  2.2250738585072014e-308,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  45376,
  45376.375,
  2958465,
];

const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: 40000, max: 50000 }), // day serials around today
  fc.double({ min: 0, max: 1, noNaN: true }), // rates and probabilities
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }), // anything, incl. huge, tiny and -0
);
/** Not something a sheet holds, but a host bug could pass it: it must not leak out either. */
const hostileNumberArb = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const blankArb: fc.Arbitrary<Scalar> = fc.constantFrom(null, '', '   ');
const KEYWORDS = [
  'lower',
  'higher',
  'LOWER',
  '-1',
  '1',
  '越低越好',
  '越高越好',
  '高',
  '低',
  'step',
  'cumulative',
  '累计',
  '逐级',
  'mean',
  'median',
  'average',
  '平均',
  '中位数',
  'A',
  'B',
  'C',
  'a',
  'b',
  'c',
  'D',
  'AB',
  '线索获取',
  '商务谈判',
  '甲',
  '乙',
];
const numericTextArb: fc.Arbitrary<Scalar> = fc.oneof(
  numberArb.map(String),
  fc.constantFrom('165', ' 42 ', '1e308', '1e309', '-1e309', '-0', '.5', '5.', '+3', '0x10', '1,000', '50%', '١٢', 'NaN', 'Infinity'),
);
const textArb: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom(...KEYWORDS),
  numericTextArb,
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }), // Chinese and other scripts
  fc.constantFrom('#DIV/0!', '#N/A', '线索转化率低', '销售部、市场部'),
);
const ERROR_KINDS = Object.keys(ERROR_CODES) as CalcErrorKind[];
const errorArb: fc.Arbitrary<Scalar> = fc
  .constantFrom(...ERROR_KINDS)
  .map((kind) => new CalcError(kind, L('来自工作表', 'from the sheet')));

const cellArb: fc.Arbitrary<Scalar> = fc.oneof(
  { arbitrary: numberArb, weight: 8 },
  { arbitrary: blankArb, weight: 2 },
  { arbitrary: textArb, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: errorArb, weight: 1 },
  { arbitrary: hostileNumberArb, weight: 1 },
);
/** Mostly numbers, so that the calculations themselves run, not only the input checks. */
const plausibleCellArb: fc.Arbitrary<Scalar> = fc.oneof(
  { arbitrary: numberArb, weight: 16 },
  { arbitrary: blankArb, weight: 1 },
  { arbitrary: fc.constantFrom(...KEYWORDS), weight: 1 },
);

const matrixArb = (rows: number, cols: number, cell: fc.Arbitrary<Scalar> = cellArb): fc.Arbitrary<Matrix> =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const rectangularArb = (cell: fc.Arbitrary<Scalar> = cellArb): fc.Arbitrary<Matrix> =>
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([r, c]) => matrixArb(r, c, cell));

/** Empty arrays, empty rows and ragged rows: shapes no sheet produces but a host bug might. */
const malformedArb: fc.Arbitrary<Matrix> = fc.oneof(
  fc.constant<Matrix>([]),
  fc.constant<Matrix>([[]]),
  fc.constant<Matrix>([[], []]),
  fc
    .tuple(fc.array(cellArb, { minLength: 1, maxLength: 3 }), fc.array(cellArb, { minLength: 0, maxLength: 3 }))
    .filter(([a, b]) => a.length !== b.length)
    .map(([a, b]) => [a, b]),
);

const argArb: fc.Arbitrary<Arg> = fc.oneof(
  { arbitrary: cellArb, weight: 4 },
  { arbitrary: rectangularArb(), weight: 3 },
  { arbitrary: fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 4 }), weight: 1 },
  { arbitrary: malformedArb, weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/** Arguments of any kinds and count (even more than the function declares). */
const anyArgsArb = (spec: FunctionSpec): fc.Arbitrary<Arg[]> => fc.array(argArb, { minLength: 0, maxLength: spec.params.length + 1 });

/** Arguments that share one shape (each a range of it or a scalar), mostly numbers. */
const alignedArgsArb = (spec: FunctionSpec): fc.Arbitrary<Arg[]> =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([rows, cols]) =>
      fc.tuple(
        ...spec.params.map(
          (param): fc.Arbitrary<Arg> =>
            fc.oneof(plausibleCellArb, matrixArb(rows, cols, plausibleCellArb), param.optional ? fc.constant(undefined) : plausibleCellArb),
        ),
      ),
    );

const todayArb = fc.oneof(fc.constant(45376), fc.integer({ min: 1, max: 2958465 }), fc.double({ min: 0, max: 2958465, noNaN: true }));

// ---------------------------------------------------------------------------------------------
// Checks

function describeCell(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (value instanceof CalcError) return ERROR_KINDS.includes(value.kind) ? undefined : `unknown error kind ${String(value.kind)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `non-finite number ${value}`;
  if (typeof value === 'string' || typeof value === 'boolean') return undefined;
  return `a cell of type ${typeof value}`;
}

/** What is wrong with a result, or undefined: a valid scalar, or a non-empty rectangular matrix of valid cells. */
function invalidResult(result: unknown): string | undefined {
  if (!Array.isArray(result)) return describeCell(result);
  if (result.length === 0) return 'an empty matrix';
  const cols = Array.isArray(result[0]) ? result[0].length : -1;
  if (cols <= 0) return 'a matrix with an empty or missing first row';
  for (const row of result as unknown[]) {
    if (!Array.isArray(row) || row.length !== cols) return 'a ragged matrix';
    for (const cell of row) {
      const why = describeCell(cell);
      if (why !== undefined) return why;
    }
  }
  return undefined;
}

function assertValid(id: string, args: readonly Arg[], result: unknown): void {
  const why = invalidResult(result);
  if (why !== undefined) throw new Error(`${id} returned ${why} for ${show(args)}`);
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof CalcError) return v.code;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (Object.is(v, -0)) return '-0';
    if (v === undefined) return '(omitted)';
    return v;
  });
}

/** Calls the implementation without `evaluate`'s safety net: it must not need it. */
function callImpl(spec: FunctionSpec, args: readonly Arg[], today: number): Result {
  return runFunction(spec, args, { today });
}

const run = (id: string, args: readonly Arg[], today = 45376): Result => evaluate(id, args, { today });
const errorKind = (value: unknown): CalcErrorKind | undefined => (isCalcError(value) ? value.kind : undefined);
const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

const finiteArb = fc.double({ noNaN: true, noDefaultInfinity: true });
const nonZeroArb = finiteArb.filter((x) => x !== 0);
const moderateArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const countArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0, max: 1e308, noNaN: true }),
  fc.constantFrom(0, 5e-324, 1e308),
);

// ---------------------------------------------------------------------------------------------

describe('classification', () => {
  test('every catalogue function is either elementwise or list-based, never both', () => {
    for (const spec of FUNCTIONS) expect([ELEMENTWISE.has(spec.id), LIST.has(spec.id)]).toContain(true);
    for (const spec of FUNCTIONS) expect(ELEMENTWISE.has(spec.id) && LIST.has(spec.id)).toBe(false);
    const ids = new Set(FUNCTIONS.map((spec) => spec.id));
    for (const id of [...ELEMENTWISE, ...LIST, ...Object.keys(NO_PAIRED_RANGES), ...Object.keys(MALFORMED_OK)]) {
      expect(ids.has(id)).toBe(true);
    }
  });
});

describe.each(FUNCTIONS.map((spec) => [spec.id, spec] as const))('%s', (id, spec) => {
  test('never throws and returns only finite numbers, text, booleans, blanks or errors (any arguments)', () => {
    fc.assert(
      fc.property(anyArgsArb(spec), todayArb, (args, today) => {
        assertValid(id, args, evaluate(id, args, { today }));
        assertValid(id, args, callImpl(spec, args, today));
      }),
      params,
    );
  });

  test('never throws and returns only valid cells (same-shaped, mostly numeric arguments)', () => {
    fc.assert(
      fc.property(alignedArgsArb(spec), todayArb, (args, today) => {
        assertValid(id, args, evaluate(id, args, { today }));
        assertValid(id, args, callImpl(spec, args, today));
      }),
      params,
    );
  });

  test('never throws and returns only valid cells (extreme numbers only)', () => {
    const extremeArb = fc.constantFrom<Scalar>(
      0,
      -0,
      1,
      -1,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      5e-324,
      -5e-324,
      1e-300,
      null,
    );
    const extremeArgsArb = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([rows, cols]) =>
        fc.tuple(...spec.params.map((): fc.Arbitrary<Arg> => fc.oneof(extremeArb, matrixArb(rows, cols, extremeArb)))),
      );
    fc.assert(
      fc.property(extremeArgsArb, fc.constantFrom(1, 45376, 2958465), (args, today) => {
        assertValid(id, args, evaluate(id, args, { today }));
        assertValid(id, args, callImpl(spec, args, today));
      }),
      params,
    );
  });

  test('does not change its arguments', () => {
    fc.assert(
      fc.property(alignedArgsArb(spec), (args) => {
        const before = show(args);
        run(id, args);
        expect(show(args)).toBe(before);
      }),
      { numRuns: Math.min(numRuns, 200) },
    );
  });

  if (NO_PAIRED_RANGES[id] === undefined && spec.params.length >= 2) {
    test('ranges of different sizes in its first two arguments give #VALUE!', () => {
      const shapeArb = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).filter(([r, c]) => r * c >= 2);
      const pairArb = fc
        .tuple(shapeArb, shapeArb)
        .filter(([[r1, c1], [r2, c2]]) => r1 * c1 !== r2 * c2)
        .chain(([[r1, c1], [r2, c2]]) => fc.tuple(matrixArb(r1, c1), matrixArb(r2, c2)));
      fc.assert(
        fc.property(pairArb, fc.array(cellArb, { minLength: spec.params.length, maxLength: spec.params.length }), ([a, b], rest) => {
          expect(errorKind(run(id, [a, b, ...rest.slice(2)]))).toBe('VALUE');
        }),
        params,
      );
    });
  }

  if (MALFORMED_OK[id] === undefined) {
    test('an empty or ragged first range gives #VALUE!', () => {
      fc.assert(
        fc.property(malformedArb, fc.array(cellArb, { maxLength: spec.params.length }), (bad, rest) => {
          expect(errorKind(run(id, [bad, ...rest.slice(1)]))).toBe('VALUE');
        }),
        params,
      );
    });
  }

  if (ELEMENTWISE.has(id)) {
    const required = spec.params.filter((p) => !p.optional).length;

    test('elementwise: a range result equals the function of each cell, in the broadcast shape', () => {
      fc.assert(
        fc.property(
          fc
            .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
            .chain(([rows, cols]) =>
              fc.tuple(
                fc.constant([rows, cols] as const),
                fc.tuple(...spec.params.map(() => fc.oneof(cellArb, matrixArb(rows, cols), fc.constant(undefined)))),
              ),
            ),
          todayArb,
          ([[rows, cols], args], today) => {
            const whole = evaluate(id, args, { today });
            const spills = args.some((a) => Array.isArray(a) && (rows > 1 || cols > 1));
            if (!spills) {
              expect(Array.isArray(whole)).toBe(false);
            } else {
              expect(Array.isArray(whole)).toBe(true);
              const m = whole as Matrix;
              expect([m.length, m[0]?.length]).toEqual([rows, cols]);
            }
            for (let r = 0; r < rows; r++) {
              for (let c = 0; c < cols; c++) {
                const cellArgs = args.map((a) => (Array.isArray(a) ? (a[r]?.[c] ?? null) : a));
                const single = evaluate(id, cellArgs, { today });
                const part = Array.isArray(whole) ? whole[r]?.[c] : whole;
                expect(normalizeResult(part)).toEqual(normalizeResult(single));
              }
            }
          },
        ),
        params,
      );
    });

    test('elementwise: a blank required argument gives a blank result', () => {
      const noErrorCell = cellArb.filter((v) => !isCalcError(v));
      fc.assert(
        fc.property(
          fc.array(noErrorCell, { minLength: spec.params.length, maxLength: spec.params.length }),
          fc.integer({ min: 0, max: required - 1 }),
          blankArb,
          (args, which, blank) => {
            const withBlank = [...args];
            withBlank[which] = blank;
            expect(run(id, withBlank)).toBeNull();
          },
        ),
        params,
      );
    });

    test('elementwise: an error argument passes through when no required argument is blank', () => {
      fc.assert(
        fc.property(
          fc.array(
            plausibleCellArb.filter((v) => v !== null && !(typeof v === 'string' && v.trim() === '')),
            {
              minLength: spec.params.length,
              maxLength: spec.params.length,
            },
          ),
          fc.integer({ min: 0, max: spec.params.length - 1 }),
          fc.constantFrom(...ERROR_KINDS),
          (args, which, kind) => {
            const withError: Arg[] = [...args];
            withError[which] = new CalcError(kind);
            expect(errorKind(run(id, withError))).toBe(kind);
          },
        ),
        params,
      );
    });

    test('elementwise: a row against a column of the same length gives #VALUE!', () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 4 }), fc.array(plausibleCellArb, { minLength: 4, maxLength: 4 }), (n, cells) => {
          const row: Matrix = [cells.slice(0, n)];
          const column: Matrix = cells.slice(0, n).map((v) => [v]);
          expect(errorKind(run(id, [row, column]))).toBe('VALUE');
          expect(errorKind(run(id, [column, row]))).toBe('VALUE');
        }),
        { numRuns: Math.min(numRuns, 200) },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Semantic laws (docs/DOMAIN.md §3)

const num = (value: Result): number => {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${show(value)}`);
  return value;
};

describe('semantic properties', () => {
  test('ATTAINMENT(x, x) = 1 for any x ≠ 0, in either direction', () => {
    fc.assert(
      fc.property(nonZeroArb, fc.constantFrom<Arg>(undefined, null, 'higher', 'lower', -1, 1), (x, polarity) => {
        expect(run('ATTAINMENT', [x, x, polarity])).toBe(1);
      }),
      params,
    );
  });

  test('ATTAINMENT with a positive target is actual / target; lower-is-better is max(0, 2 − that)', () => {
    fc.assert(
      fc.property(moderateArb, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (actual, target) => {
        const higher = num(run('ATTAINMENT', [actual, target]));
        const lower = num(run('ATTAINMENT', [actual, target, 'lower']));
        expect(close(higher, actual / target)).toBe(true);
        expect(close(lower, Math.max(0, 2 - actual / target))).toBe(true);
      }),
      params,
    );
  });

  test('ATTAINMENT: lower-is-better mirrors higher-is-better for every target (max(0, 2 − higher))', () => {
    fc.assert(
      fc.property(
        moderateArb,
        moderateArb.filter((t) => t !== 0),
        (actual, target) => {
          const higher = run('ATTAINMENT', [actual, target]);
          const lower = run('ATTAINMENT', [actual, target, 'lower']);
          if (typeof higher === 'number') expect(close(num(lower), Math.max(0, 2 - higher))).toBe(true);
          // a tiny target can overflow the ratio: then lower-is-better is 0 or overflows too
          else expect(lower === 0 || errorKind(lower) === 'NUM').toBe(true);
        },
      ),
      params,
    );
  });

  test('GAP(actual, target) = target − actual, or #NUM! when that overflows', () => {
    fc.assert(
      fc.property(finiteArb, finiteArb, (actual, target) => {
        const result = run('GAP', [actual, target]);
        if (Number.isFinite(target - actual)) expect(result).toBe(target - actual);
        else expect(errorKind(result)).toBe('NUM');
      }),
      params,
    );
  });

  test('CHANGE has the sign of after − before, and CHANGE(x, x) = 0', () => {
    fc.assert(
      fc.property(nonZeroArb, finiteArb, (before, after) => {
        expect(run('CHANGE', [before, before])).toBe(0);
        const result = run('CHANGE', [before, after]);
        if (typeof result === 'number') expect(Math.sign(result) || 0).toBe(Math.sign(after - before) || 0);
        else expect(errorKind(result)).toBe('NUM');
      }),
      params,
    );
  });

  test('FUNNEL of non-increasing positive counts: step rates in [0, 1], the first 1, cumulative = c[i] / c[0]', () => {
    const positiveArb = fc.oneof(
      fc.double({ min: 5e-324, max: 1e308, noNaN: true }),
      fc.integer({ min: 1, max: 100000 }),
      fc.constantFrom(5e-324, 1e308),
    );
    fc.assert(
      fc.property(fc.array(positiveArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (raw, asRow) => {
        const counts = [...raw].sort((a, b) => b - a);
        const arg: Matrix = asRow ? [counts] : counts.map((c) => [c]);
        const step = (run('FUNNEL', [arg]) as Matrix).flat();
        const cumulative = (run('FUNNEL', [arg, 'cumulative']) as Matrix).flat();
        expect(step.length).toBe(counts.length);
        expect(step[0]).toBe(1);
        expect(cumulative[0]).toBe(1);
        step.forEach((rate, i) => {
          expect(typeof rate).toBe('number');
          expect(rate as number).toBeGreaterThanOrEqual(0);
          expect(rate as number).toBeLessThanOrEqual(1);
          if (i > 0) expect(rate).toBe((counts[i] as number) / (counts[i - 1] as number));
        });
        cumulative.forEach((rate, i) => {
          expect(rate).toBe((counts[i] as number) / (counts[0] as number));
        });
      }),
      params,
    );
  });

  test('CONVERSION, WINRATE and FORECASTACCURACY results lie in [0, 1]', () => {
    fc.assert(
      fc.property(cellArb, cellArb, (a, b) => {
        for (const id of ['CONVERSION', 'WINRATE', 'FORECASTACCURACY']) {
          const result = run(id, [a, b]);
          if (typeof result === 'number') {
            expect(result).toBeGreaterThanOrEqual(0);
            expect(result).toBeLessThanOrEqual(1);
          }
        }
      }),
      params,
    );
  });

  test('CONVERSION(c, t) = c / t for 0 ≤ c ≤ t, t > 0', () => {
    fc.assert(
      fc.property(countArb, countArb, (a, b) => {
        fc.pre(Math.max(a, b) > 0);
        expect(run('CONVERSION', [Math.min(a, b), Math.max(a, b)])).toBe(Math.min(a, b) / Math.max(a, b));
      }),
      params,
    );
  });

  test('WINRATE(won, lost) + WINRATE(lost, won) = 1, even for huge counts', () => {
    fc.assert(
      fc.property(countArb, countArb, (won, lost) => {
        fc.pre(won + lost > 0);
        const a = num(run('WINRATE', [won, lost]));
        const b = num(run('WINRATE', [lost, won]));
        expect(close(a + b, 1)).toBe(true);
      }),
      params,
    );
  });

  test('LEADGRADE of a score in 0..100 is A, B or C, and never worse for a higher score', () => {
    const scoreArb = fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom(0, 49.999, 50, 79.999, 80, 100),
    );
    const rank = { A: 0, B: 1, C: 2 } as const;
    fc.assert(
      fc.property(scoreArb, scoreArb, (x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const gLow = run('LEADGRADE', [low]);
        const gHigh = run('LEADGRADE', [high]);
        expect(['A', 'B', 'C']).toContain(gLow);
        expect(['A', 'B', 'C']).toContain(gHigh);
        expect(rank[gHigh as keyof typeof rank]).toBeLessThanOrEqual(rank[gLow as keyof typeof rank]);
        expect(gHigh).toBe(high >= 80 ? 'A' : high >= 50 ? 'B' : 'C');
      }),
      params,
    );
  });

  test('SLADUE: received + 2 h (A) < + 24 h (B) < + 168 h (C)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2958465, noNaN: true }), (received) => {
        const a = num(run('SLADUE', ['A', received]));
        const b = num(run('SLADUE', ['B', received]));
        const c = num(run('SLADUE', ['C', received]));
        expect(close(a, received + 2 / 24)).toBe(true);
        expect(close(b, received + 1)).toBe(true);
        expect(close(c, received + 7)).toBe(true);
        expect(a).toBeLessThan(b);
        expect(b).toBeLessThan(c);
      }),
      params,
    );
  });

  test('DELAY of a finished task is actual − planned in whole days; an open one is never negative', () => {
    const dayArb = fc.double({ min: 1, max: 2958465, noNaN: true });
    fc.assert(
      fc.property(dayArb, dayArb, dayArb, (planned, actual, asOf) => {
        expect(run('DELAY', [planned, actual, asOf])).toBe(Math.floor(actual) - Math.floor(planned));
        const open = run('DELAY', [planned, null, asOf]);
        if (open === null) expect(Math.floor(asOf)).toBeLessThanOrEqual(Math.floor(planned));
        else expect(open).toBe(Math.floor(asOf) - Math.floor(planned));
      }),
      params,
    );
  });

  test('RUNRATE: at the end of the period it is the actual; inside, runrate × elapsed / period = actual', () => {
    fc.assert(
      fc.property(
        moderateArb,
        fc.integer({ min: 40000, max: 50000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (actual, start, length, offset) => {
          const end = start + length;
          expect(close(num(run('RUNRATE', [actual, start, end, end])), actual)).toBe(true);
          expect(run('RUNRATE', [actual, start, end, end + 1])).toBe(actual);
          const asOf = start + Math.min(offset, length);
          const projected = num(run('RUNRATE', [actual, start, end, asOf]));
          expect(close((projected * (asOf - start + 1)) / (length + 1), actual)).toBe(true);
        },
      ),
      params,
    );
  });

  test('WEIGHTED is Σ amount × probability, deal by deal', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(moderateArb, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), (deals) => {
        const result = num(run('WEIGHTED', [deals.map(([a]) => [a]), deals.map(([, p]) => [p])]));
        const expected = deals.reduce((sum, [a, p]) => sum + a * p, 0);
        expect(Math.abs(result - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...deals.map(([a]) => Math.abs(a))));
      }),
      params,
    );
  });

  test('DID is the core comparison’s difference in differences, and swapping the groups negates it', () => {
    const member = fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }));
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), fc.array(member, { minLength: 1, maxLength: 8 }), (pilot, control) => {
        const col = (xs: readonly (readonly [number, number])[], i: 0 | 1) => xs.map((m) => [m[i]]);
        const did = num(run('DID', [col(pilot, 0), col(pilot, 1), col(control, 0), col(control, 1)]));
        const swapped = num(run('DID', [col(control, 0), col(control, 1), col(pilot, 0), col(pilot, 1)]));
        const c = comparePilot(
          pilot.map(([b, a]) => a - b),
          control.map(([b, a]) => a - b),
        );
        expect(did).toBeCloseTo(c?.difference as number, 9);
        expect(swapped).toBeCloseTo(-did, 9);
      }),
      { numRuns: 100 },
    );
  });

  test('SCORE lies between the smallest and largest value it weighs, whatever the weights', () => {
    const weightArb = fc.oneof(fc.double({ min: 0, max: 1e308, noNaN: true }), fc.constantFrom(0, 5e-324, 1e-300, 1, 1e308));
    fc.assert(
      fc.property(fc.array(fc.tuple(moderateArb, weightArb), { minLength: 1, maxLength: 6 }), (pairs) => {
        fc.pre(pairs.some(([, w]) => w > 0));
        const result = num(run('SCORE', [pairs.map(([v]) => [v]), pairs.map(([, w]) => [w])]));
        const weighed = pairs.filter(([, w]) => w > 0).map(([v]) => v);
        const slack = 1e-9 * Math.max(1, ...weighed.map(Math.abs));
        expect(result).toBeGreaterThanOrEqual(Math.min(...weighed) - slack);
        expect(result).toBeLessThanOrEqual(Math.max(...weighed) + slack);
      }),
      params,
    );
  });

  test('SCORE with equal weights is the mean', () => {
    fc.assert(
      fc.property(fc.array(moderateArb, { minLength: 1, maxLength: 6 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (values, w) => {
        const result = num(run('SCORE', [values.map((v) => [v]), values.map(() => [w])]));
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        expect(Math.abs(result - mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...values.map(Math.abs)));
      }),
      params,
    );
  });

  test('REPEATRATE lies in [0, 1]; an order list where everyone orders twice is 1', () => {
    const idArb = fc.oneof(
      fc.constantFrom('甲', '乙', '丙', '丁'),
      fc.integer({ min: 1000, max: 1010 }),
      fc.string({ minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(idArb, { minLength: 1, maxLength: 12 }), (ids) => {
        const rate = run('REPEATRATE', [ids.map((v) => [v])]);
        if (typeof rate === 'number') {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        } else {
          expect(errorKind(rate)).toBe('DIV0'); // only blank-looking ids: an empty list
        }
        const twice = run('REPEATRATE', [[...ids, ...ids].map((v) => [v])]);
        if (typeof twice === 'number') expect(twice).toBe(1);
      }),
      params,
    );
  });

  test('CYCLE (median or mean) lies between the shortest and the longest closed deal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 40000, max: 50000 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('median', 'mean'),
        (deals, method) => {
          const result = num(run('CYCLE', [deals.map(([s]) => [s]), deals.map(([s, d]) => [s + d]), method]));
          const days = deals.map(([, d]) => d);
          expect(result).toBeGreaterThanOrEqual(Math.min(...days) - 1e-9);
          expect(result).toBeLessThanOrEqual(Math.max(...days) + 1e-9);
        },
      ),
      params,
    );
  });

  test('BOTTLENECK names one of the stages after the first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 6 }), (raw) => {
        const counts = [...raw].sort((a, b) => b - a);
        const stages = counts.map((_, i) => `阶段${i + 1}`);
        const result = run('BOTTLENECK', [stages.map((s) => [s]), counts.map((c) => [c])]);
        expect(stages.slice(1)).toContain(result);
        const i = stages.indexOf(result as string);
        const rates = counts.map((c, k) => (k === 0 ? 1 : c / (counts[k - 1] as number)));
        expect(rates[i]).toBe(Math.min(...rates.slice(1)));
      }),
      params,
    );
  });

  test('ratios do not depend on the scale of their inputs (no silent overflow or underflow)', () => {
    // Scaling every amount by a power of two is exact away from the subnormal range, so a ratio must
    // not change, except that one side may overflow to #NUM!.
    const amountArb = fc.oneof(
      fc.double({ min: 1e-290, max: 1e308, noNaN: true }),
      fc.constantFrom(0, 1, 100, 1e307, 1e308, Number.MAX_VALUE),
      fc.integer({ min: 0, max: 1000 }),
    );
    const ratios: readonly (readonly [string, number])[] = [
      ['CONVERSION', 2],
      ['WINRATE', 2],
      ['AOV', 2],
      ['COVERAGE', 3],
      ['ATTAINMENT', 2],
      ['CHANGE', 2],
      ['FORECASTACCURACY', 2],
    ];
    fc.assert(
      fc.property(
        fc.array(amountArb, { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.constantFrom(0.5, 2, 0.25, 4),
        (xs, negate, k) => {
          fc.pre(xs.every((x) => Number.isFinite(x * k)));
          for (const [id, arity] of ratios) {
            const args = xs
              .slice(0, arity)
              .map((x, i) => (negate[i] === true && id !== 'CONVERSION' && id !== 'WINRATE' && id !== 'AOV' ? -x : x));
            const a = run(id, args);
            const b = run(
              id,
              args.map((x) => x * k),
            );
            if (typeof a === 'number' && typeof b === 'number') {
              if (!close(a, b)) throw new Error(`${id}(${show(args)}) = ${a} but scaled by ${k} gives ${b}`);
            } else if (typeof a !== 'number' && typeof b !== 'number') {
              expect(errorKind(a)).toBe(errorKind(b));
            } else {
              expect(errorKind(typeof a === 'number' ? b : a)).toBe('NUM');
            }
          }
          const weights = xs.map((x) => [x]);
          const values = [[0.5], [1], [0.75]];
          const s1 = run('SCORE', [values, weights]);
          const s2 = run('SCORE', [values, weights.map(([w]) => [(w as number) * k])]);
          if (typeof s1 === 'number' && typeof s2 === 'number') expect(close(s1, s2)).toBe(true);
          else expect(errorKind(s1) ?? errorKind(s2)).toBeDefined();
        },
      ),
      params,
    );
  });

  test('AOV × orders = revenue, COVERAGE × (target − won) = pipeline, VELOCITY × cycle = opps × rate × deal', () => {
    fc.assert(
      fc.property(
        moderateArb,
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y, rate) => {
          expect(close(num(run('AOV', [x, y])) * y, x)).toBe(true);
          const pipeline = Math.abs(x);
          expect(close(num(run('COVERAGE', [pipeline, y])) * y, pipeline)).toBe(true);
          expect(close(num(run('VELOCITY', [pipeline, rate, x, y])) * y, pipeline * rate * x)).toBe(true);
        },
      ),
      params,
    );
  });
});
