/**
 * Element-by-element evaluation: equal-shaped ranges pair up cell by cell and spill, 1×1 arguments
 * broadcast, a blank in a required argument gives a blank result (a future month shows nothing),
 * an error in any argument passes through.
 */
import { CalcError, isCalcError } from './errors';
import { type Arg, type Result, type Scalar, at, broadcastShape, isBlank, mapShape, toMatrix } from './values';

export interface CalcContext {
  /** Today's day serial (1900 date system), supplied by the host: core never reads a clock. */
  readonly today: number;
}

/** Every catalogue function has this shape: arguments as the host passes them, errors as values. */
export type Metric = (args: readonly Arg[], ctx: CalcContext) => Result;

export function elementwise(args: readonly Arg[], required: number, cell: (cells: Scalar[]) => Scalar): Result {
  const matrices = args.map(toMatrix);
  const shape = broadcastShape(matrices);
  if (shape instanceof CalcError) return shape;
  const result = mapShape(shape, (r, c) => {
    const cells = matrices.map((m) => at(m, r, c));
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (isCalcError(value)) return value;
      if (i < required && isBlank(value)) return null;
    }
    return cell(cells.map((v) => (isBlank(v) ? null : v)));
  });
  return shape.rows === 1 && shape.cols === 1 ? (result[0]?.[0] ?? null) : result;
}

/**
 * The pairs of two equal-shaped ranges (1×1 broadcasts) that a list function reads, in order: a
 * pair with a blank is skipped (an open deal, a KPI not yet measured), an error cell is returned.
 */
export function filledPairs(first: Arg, second: Arg): [Scalar, Scalar][] | CalcError {
  const a = toMatrix(first);
  const b = toMatrix(second);
  const shape = broadcastShape([a, b]);
  if (shape instanceof CalcError) return shape;
  const pairs: [Scalar, Scalar][] = [];
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) {
      const x = at(a, r, c);
      const y = at(b, r, c);
      if (isCalcError(x)) return x;
      if (isCalcError(y)) return y;
      if (!isBlank(x) && !isBlank(y)) pairs.push([x, y]);
    }
  }
  return pairs;
}
