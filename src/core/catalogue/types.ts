import type { Localized } from '../i18n';
import type { Metric } from '../lift';

/** How a result is best shown; templates and the function guide pick a number format from it. */
export type ResultKind = 'percent' | 'number' | 'days' | 'date' | 'datetime' | 'text';

export interface ParamSpec {
  /** ASCII identifier, used in the en-US metadata and the Excel wrapper's signature. */
  readonly key: string;
  readonly name: Localized;
  readonly description: Localized;
  readonly optional?: boolean;
}

export interface FunctionSpec {
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
  readonly impl: Metric;
  /**
   * The same calculation as a native formula over argument expressions (cell references), for
   * workbooks sent to someone without the add-in. Given for every function a template uses.
   */
  readonly portable?: (args: readonly string[]) => string;
}
