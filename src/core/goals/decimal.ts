/**
 * Exact decimals for the goal split: a JavaScript number is read as the decimal it prints as
 * (`0.6` is 6/10, not the binary double nearest to it), so shares, remainders and ties are exact.
 */

/** `n / 10^scale`, n an integer. */
export interface Decimal {
  readonly n: bigint;
  readonly scale: number;
}

const TEN = BigInt(10);

export const pow10 = (exponent: number): bigint => TEN ** BigInt(exponent);

/** The decimal a finite number prints as (`String(x)`), exactly. */
export function decimalOf(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (match === null) throw new RangeError(`unexpected number text: ${String(x)}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const power = Number(exponent) - fraction.length;
  return power >= 0 ? { n: digits * pow10(power), scale: 0 } : { n: digits, scale: -power };
}

/** Numbers as integers over one common power of ten: `[6, 4]` for `[0.6, 0.4]`. */
export function commonScale(values: readonly number[]): bigint[] {
  const decimals = values.map(decimalOf);
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  return decimals.map((d) => d.n * pow10(scale - d.scale));
}

/** The double nearest to `n / 10^scale` (parsed from its decimal text, so 9375/100 is exactly 93.75). */
export function decimalToNumber(n: bigint, scale: number): number {
  if (scale === 0) return Number(n);
  const negative = n < BigInt(0);
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  return Number(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** Digits after the decimal point a multiple of `unit` needs: 0.01 → 2, 0.5 → 1, 10 → 0. */
export function decimalsOf(unit: number): number {
  const { n, scale } = decimalOf(unit);
  let s = scale;
  let m = n;
  while (s > 0 && m % TEN === BigInt(0)) {
    m /= TEN;
    s--;
  }
  return s;
}
