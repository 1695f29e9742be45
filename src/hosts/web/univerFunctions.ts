/**
 * The SALES functions in Univer, registered through the plugins' documented configuration — the
 * formula engine's `function` executors and sheets-formula's `description` entries (docs/adr/0004-univer-functions.md):
 * Univer's value objects in, core values through `evaluate`, core errors out as Univer errors.
 */
import { BooleanNumber, type ILocales, LocaleType } from '@univerjs/core';
import {
  ArrayValueObject,
  type IUniverEngineFormulaConfig,
  BaseFunction,
  type BaseValueObject,
  BooleanValueObject,
  ErrorType,
  ErrorValueObject,
  FunctionType,
  type IFunctionInfo,
  NullValueObject,
  NumberValueObject,
  StringValueObject,
} from '@univerjs/engine-formula';
import type { IUniverSheetsFormulaBaseConfig } from '@univerjs/sheets-formula';
import {
  type Arg,
  CalcError,
  type CalcErrorKind,
  FUNCTIONS,
  type FunctionSpec,
  type Locale,
  type Matrix,
  type Result,
  type Scalar,
  evaluate,
  parseErrorCode,
  todaySerial,
} from '../../core';

export interface SalesFunctionOptions {
  /**
   * Today's day serial for functions whose optional date is omitted (RUNRATE, DELAY): a fixed
   * number (tests) or a function read at every calculation. Default: the local calendar day.
   */
  readonly today?: number | (() => number);
  /** The language of error messages shown in a cell's error tip. Default en-US. */
  readonly locale?: Locale;
}

/** The name a SALES function is registered under: `SALES.<ID>` (the same in every language). */
export const salesFunctionName = (spec: FunctionSpec): string => `SALES.${spec.id}`;

// ---------------------------------------------------------------------------------------------
// Value objects ⇄ core values

const UNIVER_ERROR: Readonly<Record<CalcErrorKind, ErrorType>> = {
  DIV0: ErrorType.DIV_BY_ZERO,
  VALUE: ErrorType.VALUE,
  NUM: ErrorType.NUM,
  NA: ErrorType.NA,
};

/**
 * Univer errors the core has no kind for (#NAME?, #REF!, #SPILL!…) enter the core as a `#VALUE!`
 * stand-in and leave as the original error: the core passes error values through by identity.
 */
const foreignErrors = new WeakMap<CalcError, ErrorType>();

function fromErrorObject(error: BaseValueObject): CalcError {
  const type = (error as ErrorValueObject).getErrorType();
  const known = parseErrorCode(type);
  if (known !== undefined) return known;
  const standIn = new CalcError('VALUE');
  foreignErrors.set(standIn, type);
  return standIn;
}

/** One cell of a range; a blank cell is `null` (never 0, unlike the facade's registerFunction). */
function fromCell(cell: BaseValueObject | null | undefined | void): Scalar {
  if (!cell || cell.isNull()) return null;
  if (cell.isError()) return fromErrorObject(cell);
  if (cell.isBoolean()) return Boolean(cell.getValue());
  if (cell.isNumber()) return Number(cell.getValue());
  if (cell.isString()) return String(cell.getValue());
  return null;
}

/**
 * One argument as the engine hands it over: a range (even a single cell) is an ArrayValueObject
 * and becomes a matrix; a literal is a scalar; an omitted argument in the middle (`f(a,,c)`) is a
 * scalar blank and becomes `undefined`, like a trailing one.
 */
export function argFromUniver(variant: BaseValueObject | undefined): Arg {
  if (variant === undefined) return undefined;
  if (variant.isArray()) {
    const array = variant as ArrayValueObject;
    const matrix: Matrix = [];
    for (let r = 0; r < array.getRowCount(); r++) {
      const row: Scalar[] = [];
      for (let c = 0; c < array.getColumnCount(); c++) row.push(fromCell(array.get(r, c)));
      matrix.push(row);
    }
    return matrix;
  }
  if (variant.isNull()) return undefined;
  return fromCell(variant);
}

function toValueObject(value: Scalar, locale: Locale): BaseValueObject {
  if (value instanceof CalcError) {
    return ErrorValueObject.create(foreignErrors.get(value) ?? UNIVER_ERROR[value.kind], value.message?.[locale] ?? '');
  }
  if (value === null) return NullValueObject.create();
  if (typeof value === 'number') return Number.isFinite(value) ? NumberValueObject.create(value) : ErrorValueObject.create(ErrorType.NUM);
  if (typeof value === 'boolean') return BooleanValueObject.create(value);
  return StringValueObject.create(value);
}

/** A core result as the engine's value: a matrix spills (a 1×1 matrix is its single cell). */
export function resultToUniver(result: Result, locale: Locale = 'en-US'): BaseValueObject {
  if (!Array.isArray(result)) return toValueObject(result, locale);
  const rowCount = result.length;
  const columnCount = result[0]?.length ?? 0;
  if (rowCount === 0 || columnCount === 0) return ErrorValueObject.create(ErrorType.VALUE);
  if (rowCount === 1 && columnCount === 1) return toValueObject(result[0]?.[0] ?? null, locale);
  return ArrayValueObject.create({
    calculateValueList: result.map((row) => row.map((cell) => toValueObject(cell, locale))),
    rowCount,
    columnCount,
    unitId: '',
    sheetId: '',
    row: -1,
    column: -1,
  });
}

// ---------------------------------------------------------------------------------------------
// Registration

/**
 * A catalogue function as an engine function. It extends `BaseFunction` rather than the facade's
 * custom function, which hands blank cells over as 0 and would turn a future month's blank
 * attainment into 0%.
 */
class SalesFunction extends BaseFunction {
  constructor(
    private readonly spec: FunctionSpec,
    private readonly today: () => number,
    private readonly locale: Locale,
  ) {
    super(salesFunctionName(spec));
    this.minParams = spec.params.filter((p) => !p.optional).length;
    this.maxParams = spec.params.length;
  }

  override calculate(...variants: BaseValueObject[]): BaseValueObject {
    const args = variants.map(argFromUniver);
    return resultToUniver(evaluate(this.spec.id, args, { today: this.today() }), this.locale);
  }
}

const LOCALE_ROOT = 'salesReview';

/** Description keys resolve through Univer's LocaleService, so the function list follows the UI language. */
function descriptionLocales(): ILocales {
  const build = (locale: Locale) => ({
    [LOCALE_ROOT]: {
      functions: Object.fromEntries(
        FUNCTIONS.map((spec) => [
          spec.id,
          {
            description: spec.description[locale],
            abstract: `${spec.name[locale]}: ${spec.description[locale]}`,
            params: Object.fromEntries(spec.params.map((p) => [p.key, { name: p.name[locale], detail: p.description[locale] }])),
          },
        ]),
      ),
    },
  });
  return { [LocaleType.ZH_CN]: build('zh-CN'), [LocaleType.EN_US]: build('en-US') };
}

function functionInfo(spec: FunctionSpec): IFunctionInfo {
  const key = `${LOCALE_ROOT}.functions.${spec.id}`;
  return {
    functionName: salesFunctionName(spec),
    functionType: FunctionType.User,
    description: `${key}.description`,
    abstract: `${key}.abstract`,
    functionParameter: spec.params.map((p, i) => ({
      name: `${key}.params.${p.key}.name`,
      detail: `${key}.params.${p.key}.detail`,
      example: spec.example.args[i] ?? '',
      require: p.optional ? BooleanNumber.FALSE : BooleanNumber.TRUE,
      repeat: BooleanNumber.FALSE,
    })),
  };
}

/** The plugin configurations that register the SALES functions: executors and descriptions. */
export interface SalesFormulaConfig {
  /** UniverFormulaEnginePlugin's `function`: one executor per catalogue entry, as `SALES.<ID>`. */
  readonly engine: Pick<IUniverEngineFormulaConfig, 'function'>;
  /** UniverSheetsFormulaPlugin's `description`: what the formula editor shows; its texts are in SALES_DESCRIPTION_LOCALES. */
  readonly sheets: Pick<IUniverSheetsFormulaBaseConfig, 'description'>;
}

/**
 * The configurations that register every catalogue function as `SALES.<ID>` with its description
 * (the description texts follow the UI language: merge SALES_DESCRIPTION_LOCALES into the locales).
 */
export function salesFormulaConfig(options: SalesFunctionOptions = {}): SalesFormulaConfig {
  const { today: given, locale = 'en-US' } = options;
  const today = typeof given === 'function' ? given : given === undefined ? () => todaySerial(new Date()) : () => given;
  return {
    engine: {
      // Univer constructs each executor as `new Ctor(name)`: one small class per catalogue entry.
      function: FUNCTIONS.map((spec) => [
        class extends SalesFunction {
          constructor() {
            super(spec, today, locale);
          }
        },
        salesFunctionName(spec),
      ]),
    },
    sheets: { description: FUNCTIONS.map(functionInfo) },
  };
}

export const SALES_DESCRIPTION_LOCALES: ILocales = descriptionLocales();
