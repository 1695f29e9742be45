/** The one list of direction spellings, read the same by the functions and by the native formulas. */
import fc from 'fast-check';
import { DIRECTION, POLARITY_SPELLINGS, nativeIsLowerBetter, readPolarity, verdictOf } from '../../../src/core';

declare const FAST_CHECK_RUNS: number;

describe('direction spellings', () => {
  test('every spelling, in any case and with spaces around, reads as its direction', () => {
    for (const polarity of ['higher', 'lower'] as const) {
      for (const text of POLARITY_SPELLINGS[polarity]) {
        expect([text, ` ${text.toUpperCase()}  `].map(readPolarity)).toEqual([polarity, polarity]);
      }
    }
    expect([null, '', '   ', 1, -1].map(readPolarity)).toEqual(['higher', 'higher', 'higher', 'higher', 'lower']);
  });

  test('the drop-down labels of both languages are spellings', () => {
    const [higher, lower] = DIRECTION;
    expect(Object.values(higher).map(readPolarity)).toEqual(['higher', 'higher']);
    expect(Object.values(lower).map(readPolarity)).toEqual(['lower', 'lower']);
  });

  test('the native test compares LOWER(TRIM(cell)) with exactly the lower spellings', () => {
    const compared = [...nativeIsLowerBetter('B3').matchAll(/LOWER\(TRIM\(B3\)\)="([^"]*)"/g)].map((m) => m[1]);
    expect(compared).toEqual([...POLARITY_SPELLINGS.lower]);
  });

  test('any other text is no direction', () => {
    const known = new Set([...POLARITY_SPELLINGS.higher, ...POLARITY_SPELLINGS.lower]);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const key = text.trim().toLowerCase();
        fc.pre(key !== '' && !known.has(key));
        expect(readPolarity(text)).toBeUndefined();
      }),
      { numRuns: FAST_CHECK_RUNS },
    );
  });
});

describe('verdictOf', () => {
  test.each([
    [0.5, 0.15, 'higher', 'met'],
    [-0.25, -0.25, 'lower', 'met'],
    [-0.1, -0.25, 'lower', 'missed'],
    [0.25, null, 'lower', 'worse'],
    [0.25, null, 'higher', 'improved'],
    [0, null, 'higher', 'flat'],
    [null, 0.1, 'higher', null],
  ] as const)('change %p against %p (%s is better) is %p', (change, goal, polarity, verdict) => {
    expect(verdictOf(change, goal, polarity)).toBe(verdict);
  });
});
