/**
 * withSeparators: an invariant formula as typed under a region's separators (German and Turkish:
 * `;` between arguments, `,` in numbers), text in quotes and quoted sheet names untouched.
 */
import fc from 'fast-check';
import { INVARIANT_SEPARATORS, separatorsFor, withSeparators } from '../../../src/core';

declare const FAST_CHECK_RUNS: number;
const LOCAL = separatorsFor(',');

test.each([
  ['=SALES.ATTAINMENT(G3,D3)', '=SALES.ATTAINMENT(G3;D3)'],
  ['=SALES.PACE(F3,E3,C3,D3,,1.1,0.9,0.7,"en-US")', '=SALES.PACE(F3;E3;C3;D3;;1,1;0,9;0,7;"en-US")'],
  ['=IF(A1>0.5,"a, b.c",.25)', '=IF(A1>0,5;"a, b.c";,25)'],
  ["='Q1, 2024'!A1*1.5+LOG10(B2)", "='Q1, 2024'!A1*1,5+LOG10(B2)"],
  ['=销售.达成率(G5,D5)', '=销售.达成率(G5;D5)'],
  ['="say ""a,b"""&C1', '="say ""a,b"""&C1'],
])('%s → %s', (invariant, local) => {
  expect(withSeparators(invariant, LOCAL)).toBe(local);
});

test('where the decimal separator is “.”, the list one is “,” and nothing changes', () => {
  expect(separatorsFor('.')).toEqual(INVARIANT_SEPARATORS);
  fc.assert(
    fc.property(fc.string(), (formula) => withSeparators(formula, INVARIANT_SEPARATORS) === formula),
    { numRuns: FAST_CHECK_RUNS },
  );
});

/** A formula of calls over references, numbers and quoted text, as the templates write them. */
const piece = fc.oneof(
  fc.constantFrom('A1', 'G3', 'Sheet1!B2', 'TODAY()'),
  fc.tuple(fc.nat(999), fc.nat(99)).map(([a, b]) => `${a}.${b}`),
  fc.string().map((t) => `"${t.replace(/"/g, '""')}"`),
);
const call = fc.array(piece, { minLength: 1, maxLength: 5 }).map((args) => `=SALES.GAP(${args.join(',')})`);

test('every argument separator becomes “;”, every decimal point “,”, and quoted text stays', () => {
  fc.assert(
    fc.property(call, (formula) => {
      const local = withSeparators(formula, LOCAL);
      const strings = (f: string) => f.match(/"(?:[^"]|"")*"/g) ?? [];
      const outside = (f: string) => f.replace(/"(?:[^"]|"")*"/g, '""');
      expect(strings(local)).toEqual(strings(formula));
      expect(outside(local)).not.toMatch(/[.](?=\d)/);
      expect((outside(local).match(/;/g) ?? []).length).toBe((outside(formula).match(/,/g) ?? []).length);
    }),
    { numRuns: FAST_CHECK_RUNS },
  );
});
