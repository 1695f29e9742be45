/**
 * Cell values and argument shapes. Every function receives each argument as a scalar or a 2-D
 * matrix (a range), exactly as a spreadsheet hands it over, and reads it through these helpers.
 */
import { CalcError, isCalcError, numError, valueError } from './errors';
import { type ArgumentName, FUNCTION_MESSAGES } from './functionMessages';

/** `null` is the blank cell; `''` from a host is read as blank too (see `isBlank`). */
export type Scalar = number | string | boolean | null | CalcError;
export type Matrix = Scalar[][];
/** One argument as a host passes it: a scalar, a range, or `undefined` when an optional argument is omitted. */
export type Arg = Scalar | Matrix | undefined;
/** A function's result: one value, or a matrix that spills. */
export type Result = Scalar | Matrix;

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

const isMatrix = (arg: Arg | Result): arg is Matrix => Array.isArray(arg);

/**
 * The one blank-cell rule (docs/DOMAIN.md §5): nothing, an empty string, or text of only white
 * space. Functions skip such a cell, the review's cleaning treats it as empty, and a write may
 * fill a trailing row whose input cells are all blank.
 */
export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Every argument as a matrix: a scalar is 1×1, an omitted argument a 1×1 blank. */
export function toMatrix(arg: Arg): Matrix {
  if (isMatrix(arg)) return arg;
  return [[arg === undefined ? null : arg]];
}

export function shapeOf(matrix: Matrix): Shape {
  return { rows: matrix.length, cols: matrix.length === 0 ? 0 : (matrix[0]?.length ?? 0) };
}

/** A matrix is usable when it is non-empty and rectangular. */
function isRectangular(matrix: Matrix): boolean {
  const { rows, cols } = shapeOf(matrix);
  return rows > 0 && cols > 0 && matrix.every((row) => Array.isArray(row) && row.length === cols);
}

/**
 * The shape that equal-shaped arguments share; 1×1 arguments broadcast to any shape.
 * Returns a `#VALUE!` error when two arguments of different shapes meet.
 */
export function broadcastShape(matrices: readonly Matrix[]): Shape | CalcError {
  let shape: Shape = { rows: 1, cols: 1 };
  for (const matrix of matrices) {
    if (!isRectangular(matrix)) return valueError(FUNCTION_MESSAGES.rangeNotRectangular);
    const s = shapeOf(matrix);
    if (s.rows === 1 && s.cols === 1) continue;
    if (shape.rows === 1 && shape.cols === 1) shape = s;
    else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      return valueError(FUNCTION_MESSAGES.shapesDiffer(`${shape.rows}×${shape.cols}`, `${s.rows}×${s.cols}`));
    }
  }
  return shape;
}

export function at(matrix: Matrix, r: number, c: number): Scalar {
  const row = matrix.length === 1 ? matrix[0] : matrix[r];
  const value = row === undefined ? null : row.length === 1 ? row[0] : row[c];
  return value === undefined ? null : value;
}

/** Flattens a range that must be one row or one column; anything else is not a list. */
export function toVector(arg: Arg): Scalar[] | CalcError {
  const matrix = toMatrix(arg);
  if (!isRectangular(matrix)) return valueError(FUNCTION_MESSAGES.rangeNotRectangular);
  const { rows, cols } = shapeOf(matrix);
  if (rows !== 1 && cols !== 1) return valueError(FUNCTION_MESSAGES.notOneLine);
  return rows === 1 ? [...(matrix[0] as Scalar[])] : matrix.map((row) => row[0] as Scalar);
}

/** Every cell of a range in reading order (row by row). */
export function cellsOf(arg: Arg): Scalar[] {
  return toMatrix(arg).flat();
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number from a cell, as spreadsheet arithmetic reads it: numbers as they are, numeric text
 * (`"165"`) as its number, anything else (words, booleans) a `#VALUE!` naming the argument.
 */
export function toNumber(value: Scalar, name: ArgumentName): number | CalcError {
  if (isCalcError(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : numError(FUNCTION_MESSAGES.notFinite(name));
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) {
    const n = Number(value.trim()); // "1e309" matches the pattern but is Infinity
    return Number.isFinite(n) ? n : numError(FUNCTION_MESSAGES.notFinite(name));
  }
  return valueError(FUNCTION_MESSAGES.notANumber(name));
}

export function toText(value: Scalar): string | CalcError {
  if (isCalcError(value)) return value;
  if (value === null) return '';
  return String(value).trim();
}

/** The final guard of every numeric result: NaN or ±Infinity never reaches a sheet. */
export function finite(value: number): number | CalcError {
  return Number.isFinite(value) ? value : numError(FUNCTION_MESSAGES.resultTooLarge);
}

/** Builds a result matrix of a shape by calling `cell` for each position. */
export function mapShape(shape: Shape, cell: (r: number, c: number) => Scalar): Matrix {
  const out: Matrix = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < shape.cols; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

/** A vector result keeps the orientation of the list it came from. */
export function vectorLike(arg: Arg, values: Scalar[]): Matrix {
  const { rows } = shapeOf(toMatrix(arg));
  return rows === 1 ? [values] : values.map((v) => [v]);
}
