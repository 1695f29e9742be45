/**
 * The shared case table run through the core's `evaluate`, plus checks on the catalogue itself
 * (docs/DOMAIN.md §3: exactly these 23 functions, both languages, every function covered by cases).
 */
import { CalcError, FUNCTIONS, L, LOCALES, NAMESPACE, evaluate, functionById, isCalcError, qualifiedName } from '../../src/core';
import { caseName, compareResult, expectMatches, loadFunctionCases, normalizeResult, todayOf, toCoreArg, toCoreArgs } from '../cases/cases';

/** The functions of docs/DOMAIN.md §3, in its order. */
const DOMAIN_IDS = [
  'ATTAINMENT',
  'PIPELINENEEDED',
  'CONVERSION',
  'FUNNEL',
  'BOTTLENECK',
  'GAP',
  'CHANGE',
  'RUNRATE',
  'PACE',
  'PERIODCHANGE',
  'WINRATE',
  'WEIGHTED',
  'COVERAGE',
  'VELOCITY',
  'AOV',
  'REPEATRATE',
  'CYCLE',
  'LEADGRADE',
  'SLADUE',
  'DELAY',
  'FORECASTACCURACY',
  'SCORE',
  'DID',
  'COMMISSION',
];

const MIN_CASES_PER_FUNCTION = 3;
const cases = loadFunctionCases();
const HAN = /\p{Script=Han}/u;

describe('case table functions.json through evaluate', () => {
  test.each(cases.map((c) => [caseName(c), c] as const))('%s', (_name, c) => {
    const result = evaluate(c.fn, toCoreArgs(c), { today: todayOf(c) });
    expectMatches(result, c.expected, c.precision);
  });
});

describe('case loader and comparer (test/cases/cases.ts)', () => {
  test('error spellings in arguments become error values, other cells stay as they are', () => {
    const arg = toCoreArg([
      ['#DIV/0!', '#N/A'],
      [null, '甲'],
    ]) as unknown[][];
    expect(isCalcError(arg[0]?.[0]) && (arg[0]?.[0] as CalcError).kind).toBe('DIV0');
    expect(isCalcError(arg[0]?.[1]) && (arg[0]?.[1] as CalcError).kind).toBe('NA');
    expect(arg[1]).toEqual([null, '甲']);
    expect(toCoreArg(3)).toBe(3);
  });

  test('numbers match within the precision, scaled for large numbers', () => {
    expect(compareResult(0.9166666667, 0.9166666666666666)).toBeUndefined();
    expect(compareResult(0.9167, 0.9166666666666666)).toBeDefined();
    expect(compareResult(0.5555555, 0.5556, 1e-4)).toBeUndefined();
    expect(compareResult(0.5554, 0.5556, 1e-4)).toBeDefined();
    expect(compareResult(1e12 + 1e-4, 1e12)).toBeUndefined();
  });

  test('errors match by spelling, whether a CalcError or an object with a code', () => {
    expect(compareResult(new CalcError('DIV0', L('目标为 0', 'target is 0')), '#DIV/0!')).toBeUndefined();
    expect(compareResult({ code: '#N/A', message: 'x' }, '#N/A')).toBeUndefined();
    expect(compareResult(new CalcError('NUM'), '#DIV/0!')).toBeDefined();
    expect(compareResult(0, '#DIV/0!')).toBeDefined();
  });

  test('a blank result is null, undefined or an empty string, and nothing else', () => {
    expect(compareResult(null, null)).toBeUndefined();
    expect(compareResult(undefined, null)).toBeUndefined();
    expect(compareResult('', null)).toBeUndefined();
    expect(compareResult(0, null)).toBeDefined();
    expect(compareResult(null, 0)).toBeDefined();
  });

  test('a 1×1 spill equals its scalar; other spills compare shape and every cell', () => {
    expect(compareResult([[0.5]], 0.5)).toBeUndefined();
    expect(compareResult(0.5, [[0.5]])).toBeUndefined();
    expect(compareResult([[1], [0.6]], [[1], [0.6]])).toBeUndefined();
    expect(compareResult([[1, 0.6]], [[1], [0.6]])).toBeDefined();
    expect(compareResult([[1], [0.7]], [[1], [0.6]])).toBeDefined();
    expect(compareResult([[1], [new CalcError('NUM')]], [[1], ['#NUM!']])).toBeUndefined();
    expect(compareResult(1, [[1], [0.6]])).toBeDefined();
  });

  test('NaN, infinities, ragged or empty results never match', () => {
    expect(compareResult(Number.NaN, 0)).toBeDefined();
    expect(compareResult(Number.POSITIVE_INFINITY, 1e308)).toBeDefined();
    expect(compareResult([[1], [2, 3]], [[1], [2]])).toBeDefined();
    expect(compareResult([], null)).toBeDefined();
    expect(compareResult({}, null)).toBeDefined();
  });

  test('text matches exactly', () => {
    expect(compareResult('需求确认', '需求确认')).toBeUndefined();
    expect(compareResult('A', 'B')).toBeDefined();
    expect(compareResult('', 'A')).toBeDefined();
  });

  test('expectMatches throws with both values on a mismatch', () => {
    expect(() => expectMatches(0.5, 0.5)).not.toThrow();
    expect(() => expectMatches(0.4, 0.5)).toThrow(/0\.5/);
  });
});

describe('case table', () => {
  test('names only catalogue functions', () => {
    const unknown = cases.filter((c) => functionById(c.fn) === undefined).map(caseName);
    expect(unknown).toEqual([]);
  });

  test.each(FUNCTIONS.map((spec) => [spec.id] as const))(`%s has at least ${MIN_CASES_PER_FUNCTION} cases`, (id) => {
    expect(cases.filter((c) => c.fn === id).length).toBeGreaterThanOrEqual(MIN_CASES_PER_FUNCTION);
  });

  test.each(FUNCTIONS.map((spec) => [spec.id] as const))('%s has a case with a value and a case with an error', (id) => {
    const own = cases.filter((c) => c.fn === id).map((c) => normalizeResult(c.expected));
    const cells = own.flatMap((e) => (Array.isArray(e) ? e.flat() : [e]));
    expect(cells.some((e) => typeof e === 'number' || (typeof e === 'string' && !e.startsWith('#')))).toBe(true);
    expect(cells.some((e) => typeof e === 'string' && e.startsWith('#'))).toBe(true);
  });

  test('no case passes more arguments than the function declares', () => {
    const tooMany = cases.filter((c) => c.args.length > (functionById(c.fn)?.params.length ?? 0)).map(caseName);
    expect(tooMany).toEqual([]);
  });

  test('no case omits a required argument', () => {
    const short = cases.filter((c) => c.args.length < (functionById(c.fn)?.params.filter((p) => !p.optional).length ?? 0)).map(caseName);
    expect(short).toEqual([]);
  });

  test('a case sets today only for a function that depends on it', () => {
    const needless = cases.filter((c) => c.today !== undefined && !functionById(c.fn)?.volatile).map(caseName);
    expect(needless).toEqual([]);
  });
});

describe('catalogue', () => {
  test('has exactly the 23 functions of docs/DOMAIN.md §3', () => {
    expect(FUNCTIONS.map((spec) => spec.id).sort()).toEqual([...DOMAIN_IDS].sort());
    expect(new Set(FUNCTIONS.map((spec) => spec.id)).size).toBe(FUNCTIONS.length);
  });

  test('functionById finds every function, case-insensitively, and nothing else', () => {
    for (const spec of FUNCTIONS) {
      expect(functionById(spec.id)).toBe(spec);
      expect(functionById(spec.id.toLowerCase())).toBe(spec);
    }
    expect(functionById('NOPE')).toBeUndefined();
  });

  test('evaluate of an unknown function is an error value, not an exception', () => {
    expect(isCalcError(evaluate('NOPE', [], { today: 45376 }))).toBe(true);
  });

  test('names are unique in every language', () => {
    for (const locale of LOCALES) {
      const names = FUNCTIONS.map((spec) => spec.name[locale]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  describe.each(FUNCTIONS.map((spec) => [spec.id, spec] as const))('%s', (id, spec) => {
    test('id matches ^[A-Z0-9.]+$ and is its en-US name', () => {
      expect(id).toMatch(/^[A-Z0-9.]+$/);
      expect(spec.name['en-US']).toBe(id);
    });

    test('zh-CN name is Chinese, at least 3 characters', () => {
      const zh = spec.name['zh-CN'];
      expect([...zh].length).toBeGreaterThanOrEqual(3);
      expect(zh).toMatch(/^\p{Script=Han}+$/u);
    });

    test('qualified names use the namespace of each language', () => {
      expect(qualifiedName(spec, 'en-US')).toBe(`${NAMESPACE['en-US']}.${id}`);
      expect(qualifiedName(spec, 'zh-CN')).toBe(`${NAMESPACE['zh-CN']}.${spec.name['zh-CN']}`);
    });

    test('has descriptions in en-US and zh-CN', () => {
      expect(spec.description['en-US'].trim().length).toBeGreaterThan(10);
      expect(spec.description['zh-CN'].trim().length).toBeGreaterThan(3);
      expect(spec.description['zh-CN']).toMatch(HAN);
    });

    test('has parameters with ASCII keys, names and descriptions in both languages', () => {
      expect(spec.params.length).toBeGreaterThan(0);
      const keys = spec.params.map((p) => p.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const param of spec.params) {
        expect(param.key).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(param.name['en-US']).toBe(param.key);
        expect(param.name['zh-CN']).toMatch(HAN);
        expect(param.description['en-US'].trim()).not.toBe('');
        expect(param.description['zh-CN']).toMatch(HAN);
      }
    });

    test('optional parameters come last', () => {
      const firstOptional = spec.params.findIndex((p) => p.optional === true);
      if (firstOptional >= 0) expect(spec.params.slice(firstOptional).every((p) => p.optional === true)).toBe(true);
    });

    test('has an example for the function guide', () => {
      expect(spec.example.args.length).toBeGreaterThan(0);
      expect(spec.example.shows.trim()).not.toBe('');
    });

    test('with no arguments gives a value, never an exception', () => {
      const result = normalizeResult(evaluate(id, [], { today: 45376 }));
      expect(result === null || typeof result !== 'object' || Array.isArray(result)).toBe(true);
    });
  });
});

describe('argument metadata', () => {
  test.each(FUNCTIONS.map((spec) => [spec.id, spec] as const))(
    '%s: optional parameters trail, a default implies optional, the shape fits the kinds',
    (_id, spec) => {
      const firstOptional = spec.params.findIndex((param) => param.optional === true);
      if (firstOptional >= 0) expect(spec.params.slice(firstOptional).every((param) => param.optional === true)).toBe(true);
      for (const param of spec.params) if (param.default !== undefined) expect(param.optional).toBe(true);
      const ranges = spec.params.filter((param) => param.kind === 'range').length;
      if (spec.shape === 'elementwise') expect(ranges).toBe(0);
      else expect(ranges).toBeGreaterThan(0);
    },
  );

  test('the runner applies a default to an omitted or blank argument: COVERAGE won 0, RUNRATE and DELAY as of today, LEADGRADE 80/50', () => {
    const ctx = { today: 45376 };
    expect(evaluate('COVERAGE', [300, 200], ctx)).toBe(evaluate('COVERAGE', [300, 200, 0], ctx));
    expect(evaluate('COVERAGE', [300, 200, null], ctx)).toBe(1.5);
    expect(evaluate('RUNRATE', [100, 45366, 45395], ctx)).toBe(evaluate('RUNRATE', [100, 45366, 45395, 45376], ctx));
    expect(evaluate('DELAY', [45370], ctx)).toBe(6);
    expect([79, 80, 49, 50].map((score) => evaluate('LEADGRADE', [score], ctx))).toEqual(['B', 'A', 'C', 'B']);
  });
});
