/** The cell-value helpers every function reads its arguments through. */
import {
  type Arg,
  CalcError,
  ERROR_CODES,
  type Matrix,
  at,
  broadcastShape,
  cellsOf,
  finite,
  isBlank,
  isCalcError,
  L,
  parseErrorCode,
  shapeOf,
  toMatrix,
  toNumber,
  toText,
  toVector,
  vectorLike,
} from '../../src/core';

const X = L('x', 'x');

const kindOf = (value: unknown): string | undefined => (isCalcError(value) ? value.kind : undefined);

describe('isBlank', () => {
  test.each([[null], [undefined], [''], ['   ']])('%p is blank', (value) => expect(isBlank(value)).toBe(true));
  test.each([[0], [-0], ['0'], [false], ['甲'], [new CalcError('NA')]])('%p is not blank', (value) => expect(isBlank(value)).toBe(false));
});

describe('toMatrix and shapeOf', () => {
  test('a scalar is 1×1, an omitted argument a 1×1 blank, a range itself', () => {
    expect(toMatrix(5)).toEqual([[5]]);
    expect(toMatrix(undefined)).toEqual([[null]]);
    const range: Matrix = [[1, 2]];
    expect(toMatrix(range)).toBe(range);
  });

  test('shapes', () => {
    expect(shapeOf([[1, 2, 3]])).toEqual({ rows: 1, cols: 3 });
    expect(shapeOf([[1], [2]])).toEqual({ rows: 2, cols: 1 });
    expect(shapeOf([])).toEqual({ rows: 0, cols: 0 });
  });
});

describe('broadcastShape', () => {
  test('equal shapes pair up', () => {
    expect(broadcastShape([[[1, 2]], [[3, 4]]])).toEqual({ rows: 1, cols: 2 });
    expect(
      broadcastShape([
        [[1], [2], [3]],
        [[4], [5], [6]],
      ]),
    ).toEqual({ rows: 3, cols: 1 });
  });

  test('1×1 broadcasts to any shape, in any position', () => {
    expect(
      broadcastShape([
        [[1]],
        [
          [1, 2],
          [3, 4],
        ],
        [[9]],
      ]),
    ).toEqual({ rows: 2, cols: 2 });
    expect(broadcastShape([[[1]], [[2]]])).toEqual({ rows: 1, cols: 1 });
    expect(broadcastShape([])).toEqual({ rows: 1, cols: 1 });
  });

  test('different shapes give #VALUE!, including a row against a column', () => {
    expect(kindOf(broadcastShape([[[1, 2]], [[1], [2]]]))).toBe('VALUE');
    expect(
      kindOf(
        broadcastShape([
          [[1], [2]],
          [[1], [2], [3]],
        ]),
      ),
    ).toBe('VALUE');
    expect(kindOf(broadcastShape([[[1, 2]], [[1]], [[1, 2, 3]]]))).toBe('VALUE');
  });

  test('empty or ragged ranges give #VALUE!', () => {
    expect(kindOf(broadcastShape([[]]))).toBe('VALUE');
    expect(kindOf(broadcastShape([[[]]]))).toBe('VALUE');
    expect(kindOf(broadcastShape([[[1, 2], [3]]]))).toBe('VALUE');
    expect(kindOf(broadcastShape([[[1], [2, 3]]]))).toBe('VALUE');
  });
});

describe('at', () => {
  test('reads a cell, and the single cell of a 1×1 matrix at any position', () => {
    const m: Matrix = [
      [1, 2],
      [3, 4],
    ];
    expect(at(m, 1, 0)).toBe(3);
    expect(at([[7]], 2, 3)).toBe(7);
  });

  test('a missing cell reads as blank', () => {
    expect(at([], 0, 0)).toBeNull();
    expect(at([[]], 0, 0)).toBeNull();
  });
});

describe('toVector', () => {
  test('a row or a column becomes a list in reading order', () => {
    expect(toVector([[1, 2, 3]])).toEqual([1, 2, 3]);
    expect(toVector([[1], [2], [3]])).toEqual([1, 2, 3]);
  });

  test('a scalar is a list of one, an omitted argument a list of one blank', () => {
    expect(toVector(5)).toEqual([5]);
    expect(toVector(undefined)).toEqual([null]);
  });

  test('a copy, not the range itself', () => {
    const row: Matrix = [[1, 2]];
    const list = toVector(row) as unknown[];
    list.push(3);
    expect(row).toEqual([[1, 2]]);
  });

  test('a 2-D block, an empty or a ragged range gives #VALUE!', () => {
    const bad: Arg[] = [
      [
        [1, 2],
        [3, 4],
      ],
      [],
      [[]],
      [[1], [2, 3]],
    ];
    for (const arg of bad) expect(kindOf(toVector(arg))).toBe('VALUE');
  });
});

describe('cellsOf and vectorLike', () => {
  test('cellsOf reads a range row by row', () => {
    expect(
      cellsOf([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([1, 2, 3, 4]);
    expect(cellsOf('甲')).toEqual(['甲']);
  });

  test('vectorLike keeps the orientation of the list it came from', () => {
    expect(vectorLike([[1, 2, 3]], ['a', 'b', 'c'])).toEqual([['a', 'b', 'c']]);
    expect(vectorLike([[1], [2]], ['a', 'b'])).toEqual([['a'], ['b']]);
    expect(vectorLike(7, ['a'])).toEqual([['a']]);
  });
});

describe('toNumber', () => {
  test('numbers as they are, numeric text as its number', () => {
    expect(toNumber(165, X)).toBe(165);
    expect(toNumber(-0, X)).toBe(-0);
    expect(toNumber('165', X)).toBe(165);
    expect(toNumber(' 42 ', X)).toBe(42);
    expect(toNumber('-1.5e3', X)).toBe(-1500);
    expect(toNumber('.5', X)).toBe(0.5);
    expect(toNumber('+3', X)).toBe(3);
  });

  test('words, booleans, blanks and other number spellings give #VALUE!', () => {
    for (const value of ['abc', '0x10', '1,000', '50%', 'NaN', 'Infinity', '', true, false, null]) {
      expect(kindOf(toNumber(value, X))).toBe('VALUE');
    }
  });

  test('non-finite numbers, and numeric text too large for a number, give #NUM!', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1e309', '-1e309']) {
      expect(kindOf(toNumber(value, X))).toBe('NUM');
    }
  });

  test('an error passes through unchanged', () => {
    const error = new CalcError('NA');
    expect(toNumber(error, X)).toBe(error);
  });

  test('the error names the argument', () => {
    const result = toNumber('abc', L('目标', 'target'));
    expect(isCalcError(result) && result.message?.['en-US']).toContain('target');
    expect(isCalcError(result) && result.message?.['zh-CN']).toContain('目标');
  });
});

describe('toText and finite', () => {
  test('toText trims, reads blank as empty and passes errors', () => {
    expect(toText('  线索获取 ')).toBe('线索获取');
    expect(toText(null)).toBe('');
    expect(toText(12)).toBe('12');
    const error = new CalcError('DIV0');
    expect(toText(error)).toBe(error);
  });

  test('finite keeps finite numbers and turns NaN and ±Infinity into #NUM!', () => {
    expect(finite(1.5)).toBe(1.5);
    expect(finite(-1e308)).toBe(-1e308);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(kindOf(finite(value))).toBe('NUM');
  });
});

describe('errors', () => {
  test.each(Object.entries(ERROR_CODES))('%s is spelled %s and parses back', (kind, code) => {
    const error = new CalcError(kind as CalcError['kind']);
    expect(error.code).toBe(code);
    expect(String(error)).toBe(code);
    expect(parseErrorCode(code)?.kind).toBe(kind);
  });

  test('other text is not an error spelling', () => {
    for (const text of ['#div/0!', 'DIV0', '#NULL!', '', '#N/A ']) expect(parseErrorCode(text)).toBeUndefined();
  });
});
