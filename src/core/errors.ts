/**
 * Errors as values (HyperFormula style): a calculation never throws for bad input, it returns a
 * `CalcError`, and each host maps it to its own error object at the edge.
 */
import type { Localized } from './i18n';

export type CalcErrorKind = 'DIV0' | 'VALUE' | 'NUM' | 'NA';

export class CalcError {
  readonly kind: CalcErrorKind;
  /** What to fix, in both languages (src/core/functionMessages.ts); the host shows its own. */
  readonly message?: Localized;

  constructor(kind: CalcErrorKind, message?: Localized) {
    this.kind = kind;
    if (message !== undefined) this.message = message;
  }

  /** The spreadsheet's own spelling of the error, identical in Excel, Univer and Google Sheets. */
  get code(): string {
    return ERROR_CODES[this.kind];
  }

  toString(): string {
    return this.code;
  }
}

export const ERROR_CODES: Readonly<Record<CalcErrorKind, string>> = {
  DIV0: '#DIV/0!',
  VALUE: '#VALUE!',
  NUM: '#NUM!',
  NA: '#N/A',
};

export const isCalcError = (value: unknown): value is CalcError => value instanceof CalcError;

export const divZero = (message?: Localized): CalcError => new CalcError('DIV0', message);
export const valueError = (message?: Localized): CalcError => new CalcError('VALUE', message);
export const numError = (message?: Localized): CalcError => new CalcError('NUM', message);
export const notAvailable = (message?: Localized): CalcError => new CalcError('NA', message);

/** Reads a spreadsheet error spelling (`#DIV/0!`) back into a value, for hosts that pass errors as text. */
export function parseErrorCode(text: string): CalcError | undefined {
  const kind = (Object.keys(ERROR_CODES) as CalcErrorKind[]).find((k) => ERROR_CODES[k] === text);
  return kind === undefined ? undefined : new CalcError(kind);
}
