/** callsSales: whether an en-US formula calls a SALES function — the one pattern localizeFormula rewrites. */
import fc from 'fast-check';
import { FUNCTIONS, callsSales, localizeFormula } from '../../../src/core';

declare const FAST_CHECK_RUNS: number;

test.each([
  ['=SALES.ATTAINMENT(G3,D3)', true],
  ['=IF(B3="","",1)', false],
  ['=MYSALES.ATTAINMENT(A1)', false],
])('%s → %s', (formula, calls) => expect(callsSales(formula)).toBe(calls));

test('every catalogue function call is one, and it is what a Chinese Excel renames', () => {
  for (const fn of FUNCTIONS) {
    const formula = `=SALES.${fn.id}(A1)`;
    expect(callsSales(formula)).toBe(true);
    expect(localizeFormula(formula, 'zh-CN')).not.toBe(formula);
  }
});

test('a formula without "SALES." never calls one', () => {
  fc.assert(
    fc.property(
      fc.string().filter((s) => !s.toUpperCase().includes('SALES.')),
      (formula) => !callsSales(formula),
    ),
    { numRuns: FAST_CHECK_RUNS },
  );
});
