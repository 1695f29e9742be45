/**
 * The SALES functions in Google Sheets: the edge between Sheets' custom-function calls and the
 * core (`callFromSheets`), and the top-level wrappers `Code.js` declares, generated from the
 * catalogue with the JSDoc Sheets reads for its autocomplete (`@customfunction`).
 *
 * Sheets hands arguments over as a value or a 2-D array, blanks as `''`, date cells as `Date`s; it
 * shows a thrown error as `#ERROR!` with the message as the tip, so a whole-result error is thrown
 * with its code first (`#DIV/0! target is 0`), and an error inside a spilled array is its code text.
 */
import {
  type Arg,
  CalcError,
  FUNCTIONS,
  type FunctionSpec,
  type Locale,
  type ParamSpec,
  type Result,
  type Scalar,
  evaluate,
  functionById,
  hostFunctionName,
} from '../../core';
import { isDate, serialOfDate } from './sheetsCells';

/** What the edge asks its host lazily: Sheets' time zone costs a service call, needed only for dates and today. */
export interface SheetsCallContext {
  readonly timeZone: () => string;
  readonly now: () => Date;
  readonly locale: () => Locale;
}

/** `SALES_ATTAINMENT`: Sheets' function names cannot hold a dot (the id never ends in `_`). */
export const sheetsFunctionName = (spec: FunctionSpec): string => hostFunctionName(spec, 'en-US', 'underscored');

function fromSheets(value: unknown, timeZone: () => string): Scalar {
  if (value === '' || value === null || value === undefined) return null;
  if (isDate(value)) return serialOfDate(value, timeZone());
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function argFromSheets(arg: unknown, timeZone: () => string): Arg {
  if (arg === undefined) return undefined;
  if (Array.isArray(arg)) return arg.map((row: unknown) => (Array.isArray(row) ? row : [row]).map((cell) => fromSheets(cell, timeZone)));
  return fromSheets(arg, timeZone);
}

const cellToSheets = (value: Scalar): number | string | boolean => (value instanceof CalcError ? value.code : value === null ? '' : value);

/** Runs a catalogue function for Sheets; throws the error of a whole-result error (see the file comment). */
export function callFromSheets(
  id: string,
  args: readonly unknown[],
  context: SheetsCallContext,
): number | string | boolean | (number | string | boolean)[][] {
  let zone: string | undefined;
  const timeZone = () => (zone ??= context.timeZone());
  const spec = functionById(id);
  const needsToday = spec?.params.some((p) => p.default === 'today') ?? false;
  const today = needsToday ? Math.floor(serialOfDate(context.now(), timeZone())) : 0;
  // Apps Script passes every declared parameter: an omitted trailing one arrives as undefined.
  const result: Result = evaluate(
    id,
    args.map((arg) => argFromSheets(arg, timeZone)),
    { today },
  );
  if (Array.isArray(result)) return result.map((row) => row.map(cellToSheets));
  if (result instanceof CalcError) {
    const message = result.message?.[context.locale()];
    throw new Error(message ? `${result.code} ${message}` : result.code);
  }
  return cellToSheets(result);
}

const JSDOC_TYPE: Readonly<Record<ParamSpec['kind'], string>> = {
  number: 'number|Array<Array<number>>',
  date: 'Date|Array<Array<Date>>',
  text: 'string|Array<Array<string>>',
  range: 'Array<Array<*>>',
};

const RESULT_TYPE: Readonly<Record<FunctionSpec['result'], string>> = {
  percent: 'number',
  number: 'number',
  days: 'number',
  date: 'number',
  datetime: 'number',
  text: 'string',
};

/** One line of JSDoc text: no comment terminator, no line breaks. */
const doc = (text: string): string => text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();

/**
 * The top-level declaration of one wrapper: what Sheets lists, calling `SalesReview.callFromSheets`
 * (the bundle's global). `global` is the bundle's name in Code.js.
 */
export function sheetsWrapper(spec: FunctionSpec, global: string): string {
  const params = spec.params.map((p) => p.key);
  const lines = [
    '/**',
    ` * ${doc(spec.description['en-US'])}`,
    ` * ${doc(spec.description['zh-CN'])}`,
    ...spec.params.map((p) => {
      const name = p.optional ? `[${p.key}]` : p.key;
      return ` * @param {${JSDOC_TYPE[p.kind]}} ${name} ${doc(p.description['en-US'])} ${doc(p.description['zh-CN'])}`;
    }),
    ` * @return {${RESULT_TYPE[spec.result]}} ${doc(spec.name['en-US'])} · ${doc(spec.name['zh-CN'])}`,
    ' * @customfunction',
    ' */',
    `function ${sheetsFunctionName(spec)}(${params.join(', ')}) {`,
    `  return ${global}.callFromSheets(${JSON.stringify(spec.id)}, [${params.join(', ')}]);`,
    '}',
  ];
  return lines.join('\n');
}

/** Every wrapper, in catalogue order. */
export const sheetsWrappers = (global: string): string => FUNCTIONS.map((spec) => sheetsWrapper(spec, global)).join('\n\n');
