import type { Bound } from '../bounds';
import type { Localized } from '../i18n';
import type { Metric } from '../lift';
import type { Scalar } from '../values';

/** How a result is best shown; templates and the function guide pick a number format from it. */
export type ResultKind = 'percent' | 'number' | 'days' | 'date' | 'datetime' | 'text';

/** What a parameter takes: one value per cell (number, date serial, text) or a whole range. */
export type ParamKind = 'number' | 'date' | 'text' | 'range';

/** The value an omitted or blank optional argument takes: a number, or today's day serial. */
export type ParamDefault = number | 'today';

export interface ParamSpec {
  /** ASCII identifier, used in the en-US metadata and the Excel wrapper's signature. */
  readonly key: string;
  readonly name: Localized;
  readonly description: Localized;
  readonly kind: ParamKind;
  readonly optional?: boolean;
  /** Applied by the runner (`evaluate`) to an omitted or blank cell, so the metric stays the plain calculation. */
  readonly default?: ParamDefault;
  /**
   * The values a number or date takes (each cell of a range parameter): the runner refuses any other
   * with `#NUM!` naming the parameter, before the calculation runs.
   */
  readonly bounds?: Bound;
}

/**
 * How a function reads its arguments, as HyperFormula's metadata says it: `elementwise` pairs
 * equal-shaped ranges cell by cell and spills (the runner does the pairing, the blanks, the
 * defaults and the error pass-through; `cell` computes one element); `list` reads whole ranges.
 */
export type FunctionShape = 'elementwise' | 'list';

/**
 * One element of an element-wise function, as the runner hands it over: a number or date parameter
 * is already a number within its bounds (an omitted optional one without a default is `null`), a
 * text parameter the cell as it is (blank as `null`). So the element is the plain calculation.
 */
export type ElementMetric = (cells: readonly Scalar[]) => Scalar;

interface FunctionSpecBase {
  /** Id shared by every host: `SALES.<id>` in Excel, `SALES_<id>` in Google Sheets. Matches ^[A-Z0-9.]+$. */
  readonly id: string;
  /** Display name without the namespace: ATTAINMENT / 达成率 (≥ 3 characters, Excel's rule). */
  readonly name: Localized;
  readonly description: Localized;
  readonly params: readonly ParamSpec[];
  readonly result: ResultKind;
  /** Depends on today's date when an optional date is omitted, so the host recalculates it daily. */
  readonly volatile?: boolean;
  /** A self-contained example for the function guide: literal arguments and the value it shows. */
  readonly example: { readonly args: readonly string[]; readonly shows: string };

  /**
   * The same calculation as a native formula over argument expressions (cell references), for
   * workbooks sent to someone without the add-in. Given for every function a template uses.
   */
  readonly portable?: (args: readonly string[]) => string | undefined;
}

/** A catalogue entry: an element-wise function gives its element, a list function its whole calculation. */
export type FunctionSpec = FunctionSpecBase &
  (
    | { readonly shape: Extract<FunctionShape, 'elementwise'>; readonly cell: ElementMetric }
    | { readonly shape: Extract<FunctionShape, 'list'>; readonly impl: Metric }
  );
