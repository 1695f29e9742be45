/**
 * The catalogue's numeric bounds are the calculation's: for every bounded parameter, a value just
 * outside gives #NUM! naming that parameter in both languages, and the bound itself is accepted.
 * The parameter list comes from the catalogue, so a new bound without a case here fails.
 */
import {
  type Arg,
  type Bound,
  type CalcError,
  FUNCTIONS,
  LOCALES,
  type Matrix,
  type Result,
  type Scalar,
  evaluate,
  isCalcError,
} from '../../../src/core';
import { loadFunctionCases, toCoreArgs, todayOf } from '../../cases/cases';

/** Valid arguments for each function with a bounded parameter (ranges as columns). */
const VALID: Readonly<Record<string, readonly Arg[]>> = {
  CONVERSION: [18, 100],
  FUNNEL: [[[100], [60], [30]]],
  BOTTLENECK: [
    [['线索'], ['接洽'], ['需求']],
    [[100], [60], [30]],
    [[1], [0.7], [0.6]],
  ],
  WINRATE: [5, 15],
  WEIGHTED: [
    [[100], [200]],
    [[0.5], [0.1]],
  ],
  COVERAGE: [900, 500, 200],
  VELOCITY: [40, 0.25, 12, 60],
  PIPELINENEEDED: [500, 200, 0.25],
  PACE: [60, 150, 45352, 45382, 45361, 0, 0, 0],
  COMMISSION: [600000, [[0], [100000], [500000]], [[0.02], [0.05], [0.08]]],
  AOV: [500, 40],
  LEADGRADE: [85, 80, 50],
  SLADUE: ['A', 45352, 5],
  SCORE: [
    [[0.9], [1.2]],
    [[0.6], [0.4]],
  ],
};

const bounded = FUNCTIONS.flatMap((spec) =>
  spec.params.flatMap((param, index) => (param.bounds === undefined ? [] : [{ spec, param, index, bound: param.bounds }])),
);

/** The argument with its first cell replaced: a range keeps its shape. */
function withValue(arg: Arg, value: number): Arg {
  if (!Array.isArray(arg)) return value;
  return (arg as Matrix).map((row, r) => row.map((cell, c) => (r === 0 && c === 0 ? value : cell)));
}

const outside = (bound: Bound): number[] => [
  bound.exclusiveMin ? bound.min : bound.min - 0.5,
  ...(bound.max === undefined ? [] : [bound.max + 0.5]),
];
const inside = (bound: Bound): number[] => [
  bound.exclusiveMin ? bound.min + 0.5 : bound.min,
  ...(bound.max === undefined ? [] : [bound.max]),
];

const run = (id: string, args: readonly Arg[]): Result => evaluate(id, args, { today: 45376 });
const firstCell = (result: Result): Scalar => (Array.isArray(result) ? (result[0]?.[0] ?? null) : result);

describe('numeric bounds declared in the catalogue', () => {
  test('every bounded parameter has valid arguments to test it with', () => {
    expect(bounded.length).toBeGreaterThan(10);
    expect([...new Set(bounded.map((b) => b.spec.id))].sort()).toEqual(Object.keys(VALID).sort());
  });

  test.each(Object.entries(VALID))('%s: the valid arguments compute', (id, args) => {
    const result = run(id, args);
    const cells = Array.isArray(result) ? result.flat() : [result];
    expect(cells.filter(isCalcError)).toEqual([]);
  });

  test.each(bounded.map((b) => [`${b.spec.id}(${b.param.key})`, b] as const))('%s: outside gives #NUM! naming it', (_name, b) => {
    const valid = VALID[b.spec.id] ?? [];
    for (const value of outside(b.bound)) {
      const args = valid.map((arg, i) => (i === b.index ? withValue(arg, value) : arg));
      const result = b.spec.shape === 'list' ? run(b.spec.id, args) : firstCell(run(b.spec.id, args));
      const error = (Array.isArray(result) ? result.flat().find(isCalcError) : result) as CalcError;
      expect([value, isCalcError(error) && error.kind]).toEqual([value, 'NUM']);
      if (b.spec.shape === 'elementwise') {
        for (const locale of LOCALES) expect(error.message?.[locale]).toContain(b.param.name[locale]);
      }
    }
    for (const value of inside(b.bound)) {
      const args = valid.map((arg, i) => (i === b.index ? withValue(arg, value) : arg));
      const result = run(b.spec.id, args);
      const cells = Array.isArray(result) ? result.flat() : [result];
      // A bound that is accepted may still meet the function's own rules (0 orders is #DIV/0!), never a bound error.
      const boundErrors = cells.filter(
        (cell) => isCalcError(cell) && cell.kind === 'NUM' && /between|negative|more than|at most/.test(cell.message?.['en-US'] ?? ''),
      );
      expect([value, boundErrors]).toEqual([value, []]);
    }
  });
});

describe('function error messages', () => {
  test('every error of the case table that carries a message has it in both languages', () => {
    let withMessage = 0;
    for (const c of loadFunctionCases()) {
      const result = evaluate(c.fn, toCoreArgs(c), { today: todayOf(c) });
      const cells = Array.isArray(result) ? result.flat() : [result];
      for (const cell of cells) {
        if (!isCalcError(cell) || cell.message === undefined) continue;
        withMessage++;
        expect(cell.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        // English apart from quoted cell text (a stage name the user typed).
        expect(cell.message['en-US'].replace(/"[^"]*"/g, '')).toMatch(/^[^\u4e00-\u9fff]*[a-z][^\u4e00-\u9fff]*$/);
      }
    }
    expect(withMessage).toBeGreaterThan(50);
  });
});
