/**
 * SALES calls rewritten to native formulas (the portable download and `workbook portable`): the
 * rewrite computes what the SALES function computes, nests, leaves quoted text and other functions
 * alone, and refuses (undefined) where the native form would mean something else.
 */
import fc from 'fast-check';
import { callsSalesFunction, portableFormula, spellSalesCalls } from '../../../src/core';

declare const FAST_CHECK_RUNS: number;

test.each([
  ['=SALES.ATTAINMENT(G3,D3)', '=(IF(OR(G3="",D3=""),"",(G3-D3+ABS(D3))/ABS(D3)))'],
  ['=SALES.GAP(G3, D3)+1', '=(IF(OR(G3="",D3=""),"",D3-G3))+1'],
  ['=sales.gap(A1,B1)', '=(IF(OR(A1="",B1=""),"",B1-A1))'],
  ['="SALES.GAP(x)"&A1', '="SALES.GAP(x)"&A1'],
  ['=SUM(A1:A3)', '=SUM(A1:A3)'],
  ['=MYSALES.GAP(A1,B1)', '=MYSALES.GAP(A1,B1)'],
])('%s → %s', (formula, native) => {
  expect(portableFormula(formula)).toBe(native);
});

test('nested calls are rewritten inside out', () => {
  const result = portableFormula('=IF(A1>0,SALES.CHANGE(SALES.GAP(A1,B1),C1),0)');
  expect(result).toBeDefined();
  expect(callsSalesFunction(result ?? '')).toBe(false);
  expect(result).toContain('B1-A1');
});

test.each([
  ['ranges (a sum over deals has no per-cell twin)', '=SALES.WEIGHTED(B2:B9,C2:C9)'],
  ['a function without a native form', '=SALES.FUNNEL(B3:B8)'],
  ['an argument the native form cannot take', '=SALES.SLADUE(A1,B1,C1)'],
  ['an unknown function', '=SALES.NOPE(A1)'],
  ['an unclosed call', '=SALES.GAP(A1,B1'],
])('refused: %s', (_label, formula) => {
  expect(portableFormula(formula)).toBeUndefined();
});

test('property: any text never throws; a result never calls SALES; text without SALES is unchanged', () => {
  const piece = fc.constantFrom(
    'SALES.GAP(',
    'SALES.ATTAINMENT(',
    'SALES.FUNNEL(',
    '"',
    ')',
    '(',
    ',',
    'A1',
    'B2:B9',
    '+',
    '"SALES.GAP("',
    'IF(',
    '1',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const formula = `=${pieces.join('')}`;
      const result = portableFormula(formula);
      if (result !== undefined) expect(callsSalesFunction(result)).toBe(false);
      if (!callsSalesFunction(formula)) expect(result).toBe(formula);
    }),
    { numRuns: FAST_CHECK_RUNS },
  );
});

describe('spellSalesCalls', () => {
  test('spells every SALES call for the host, nested, any case, quoted text untouched', () => {
    expect(spellSalesCalls('=SALES.GAP(sales.attainment(G3,D3),1)', '_')).toBe('=SALES_GAP(SALES_ATTAINMENT(G3,D3),1)');
    expect(spellSalesCalls('=SALES_GAP(G3, D3)&"SALES.GAP(x)"', '.')).toBe('=SALES.GAP(G3, D3)&"SALES.GAP(x)"');
    expect(spellSalesCalls('=MYSALES.GAP(1)+SALES.NOSUCH(1)', '_')).toBe('=MYSALES.GAP(1)+SALES.NOSUCH(1)');
  });

  test('spelling one way and back gives the formula again', () => {
    const piece = fc.constantFrom('SALES.GAP(', 'SALES.ATTAINMENT(', 'SALES_CHANGE(', ')', ',', 'A1', '"SALES.GAP("', 'IF(', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const dotted = spellSalesCalls(`=${pieces.join('')}`, '.');
        expect(spellSalesCalls(spellSalesCalls(dotted, '_'), '.')).toBe(dotted);
        expect(callsSalesFunction(spellSalesCalls(dotted, '_'))).toBe(false);
      }),
      { numRuns: FAST_CHECK_RUNS },
    );
  });
});

test('PIPELINENEEDED has a native form: blank in, blank out; never below 0', () => {
  expect(portableFormula('=SALES.PIPELINENEEDED(B2,C2,D2)')).toBe('=(IF(OR(B2="",C2="",D2=""),"",MAX(0,(B2-C2)/D2)))');
});

describe('SCORE: the KPIs as ranges', () => {
  test('weights of the measured KPIs only, blank when none is measured', () => {
    expect(portableFormula('=SALES.SCORE(D3:F3,G3:I3)')).toBe(
      '=(IF(COUNT(D3:F3)=0,"",SUMPRODUCT(D3:F3,G3:I3)/SUMPRODUCT((D3:F3<>"")*G3:I3)))',
    );
  });
});

describe('COMMISSION: the tier table as ranges', () => {
  test('progressive: the tiers minus the same above each next threshold, ranges shifted by one', () => {
    expect(portableFormula('=SALES.COMMISSION(A2,$E$2:$E$4,$F$2:$F$4)')).toBe(
      '=(IF(A2="","",SUMPRODUCT($F$2:$F$4,(A2>$E$2:$E$4)*(A2-$E$2:$E$4))-SUMPRODUCT($F$2:$F$3,($E$3:$E$4<>"")*(A2>$E$3:$E$4)*(A2-$E$3:$E$4))))',
    );
  });

  test('a sheet-qualified row of tiers, and a single tier', () => {
    expect(portableFormula("=SALES.COMMISSION(B5,'提成方案'!B2:D2,'提成方案'!B3:D3)")).toContain(
      "SUMPRODUCT('提成方案'!B3:C3,('提成方案'!C2:D2<>\"\")*(B5>'提成方案'!C2:D2)",
    );
    expect(portableFormula('=SALES.COMMISSION(A1,B1:B1,C1:C1)')).toBe('=(IF(A1="","",SUMPRODUCT(C1:C1,(A1>B1:B1)*(A1-B1:B1))))');
  });

  test('flat: the amount times the rate LOOKUP finds', () => {
    expect(portableFormula('=SALES.COMMISSION(A2,E2:E4,F2:F4,"flat")')).toBe('=(IF(A2="","",A2*IFERROR(LOOKUP(A2,E2:E4,F2:F4),0)))');
  });

  test.each([
    ['a mode in a cell', '=SALES.COMMISSION(A2,E2:E4,F2:F4,G1)'],
    ['tiers that are not ranges', '=SALES.COMMISSION(A2,E2,F2)'],
    ['a range of amounts', '=SALES.COMMISSION(A2:A9,E2:E4,F2:F4)'],
    ['tier ranges of different lengths', '=SALES.COMMISSION(A2,E2:E4,F2:F5)'],
  ])('refused: %s', (_label, formula) => {
    expect(portableFormula(formula)).toBeUndefined();
  });
});
