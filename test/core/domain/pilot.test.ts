/**
 * 试点组 vs 对照组 (core/domain/pilot.ts): the difference in differences and the exact permutation
 * test's p-value equal a brute-force oracle (every subset by bit mask); groups too small to ever
 * reach the threshold say so; the metric's direction decides better or worse; large groups are
 * sampled with a fixed seed, close to the exact answer.
 */
import fc from 'fast-check';
import { PILOT_ALPHA, comparePilot } from '../../../src/core';

/** Two-sided p over all splittings, by bit mask: the oracle. */
function oracleP(pilot: readonly number[], control: readonly number[]): { p: number; arrangements: number } {
  const pooled = [...pilot, ...control];
  const [n, k] = [pooled.length, pilot.length];
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const observed = Math.abs(mean([...pilot]) - mean([...control]));
  let total = 0;
  let atLeast = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) bits++;
    if (bits !== k) continue;
    const a = pooled.filter((_x, i) => mask & (1 << i));
    const b = pooled.filter((_x, i) => !(mask & (1 << i)));
    total += 1;
    if (Math.abs(mean(a) - mean(b)) >= observed - 1e-9 * Math.max(1, observed)) atLeast += 1;
  }
  return { p: atLeast / total, arrangements: total };
}

test('a clear gain in 6 against 6: the exact p equals the oracle and the verdict is 推广', () => {
  // Lead conversion (points): the pilot's changes all above the control's.
  const pilot = [6, 7, 5, 8, 6, 7];
  const control = [1, 0, 2, 1, -1, 1];
  const c = comparePilot(pilot, control);
  const oracle = oracleP(pilot, control);
  expect(c).toMatchObject({
    pilotChange: 6.5,
    controlChange: 4 / 6,
    method: 'exact',
    arrangements: 924,
    verdict: 'rollOut',
    reason: 'better',
  });
  expect(c?.difference).toBeCloseTo(6.5 - 4 / 6, 12);
  expect(c?.pValue).toBeCloseTo(oracle.p, 12);
  expect(c?.pValue).toBeCloseTo(2 / 924, 12); // only this splitting and its mirror are as extreme
});

test('2 against 2 is too small to conclude, however large the difference, and says so', () => {
  const c = comparePilot([30, 40], [0, 1]);
  expect(c).toMatchObject({ arrangements: 6, smallestP: 2 / 6, verdict: 'keepWatching', reason: 'tooSmall' });
  expect(c?.pValue).toBeCloseTo(oracleP([30, 40], [0, 1]).p, 12);
  expect(c?.smallestP).toBeGreaterThan(PILOT_ALPHA);
});

test('a lower-is-better metric: the pilot that went down did better; one that went up, worse', () => {
  const fell = comparePilot([-15, -12, -14, -16, -13], [0, 1, -1, 2, 0], 'lower');
  expect(fell).toMatchObject({ verdict: 'rollOut', reason: 'better' });
  expect(fell?.effect).toBeGreaterThan(0);
  const rose = comparePilot([15, 12, 14, 16, 13], [0, 1, -1, 2, 0], 'lower');
  expect(rose).toMatchObject({ verdict: 'stop', reason: 'worse' });
});

test('a difference chance explains keeps watching', () => {
  expect(comparePilot([3, -2, 5, 0, 1], [2, 4, -1, 0, 3])).toMatchObject({ verdict: 'keepWatching', reason: 'chance' });
});

test('property: p equals the oracle for any small groups; the verdict follows p, the threshold and the effect', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 6 }),
      (pilot, control) => {
        const c = comparePilot(pilot, control);
        const oracle = oracleP(pilot, control);
        expect(c?.arrangements).toBe(oracle.arrangements);
        expect(c?.pValue).toBeCloseTo(oracle.p, 10);
        if (c?.smallestP !== undefined && c.smallestP > PILOT_ALPHA) expect(c.reason).toBe('tooSmall');
        else if (c && c.pValue <= PILOT_ALPHA && c.effect > 0) expect(c.verdict).toBe('rollOut');
        else if (c && c.pValue <= PILOT_ALPHA && c.effect < 0) expect(c.verdict).toBe('stop');
        else expect(c?.verdict).toBe('keepWatching');
      },
    ),
    { numRuns: 200 },
  );
});

test('groups of 16 and 16 are sampled with a fixed seed: the same answer each time, near the exact one', () => {
  const pilot = Array.from({ length: 16 }, (_x, i) => (i % 5) + 1.5);
  const control = Array.from({ length: 16 }, (_x, i) => (i % 5) - 0.5);
  const a = comparePilot(pilot, control);
  const b = comparePilot(pilot, control);
  expect(a?.method).toBe('sampled');
  expect(a?.pValue).toBe(b?.pValue);
  expect(a?.pValue).toBeLessThan(0.01);
  expect(a?.verdict).toBe('rollOut');
  expect(comparePilot([], [1])).toBeUndefined();
});
