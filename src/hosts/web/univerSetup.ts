/**
 * The Univer pieces every web host shares: the non-UI plugins, their locales, the facade mixins and
 * the SALES functions registered from the catalogue. Node tests use `createHeadlessUniver`; the
 * browser entry (browserUniver.ts) adds the UI plugins, CSS and UI locales around the same pieces.
 * Nothing browser-only (CSS, UI plugins, DOM) may be imported here.
 */
import {
  BooleanNumber,
  type IDisposable,
  type ILocales,
  LifecycleService,
  LifecycleStages,
  LocaleService,
  LocaleType,
  LogLevel,
  type Plugin,
  type PluginCtor,
  Univer,
  mergeLocales,
  toDisposable,
} from '@univerjs/core';
import { FUniver } from '@univerjs/core/facade';
import { UniverDataValidationPlugin } from '@univerjs/data-validation';
import {
  ArrayValueObject,
  BaseFunction,
  type BaseValueObject,
  BooleanValueObject,
  ErrorType,
  ErrorValueObject,
  FunctionType,
  type IFunctionInfo,
  IFunctionService,
  NullValueObject,
  NumberValueObject,
  StringValueObject,
  UniverFormulaEnginePlugin,
} from '@univerjs/engine-formula';
import { UniverSheetsPlugin } from '@univerjs/sheets';
import { UniverSheetsConditionalFormattingPlugin } from '@univerjs/sheets-conditional-formatting';
import { UniverSheetsDataValidationPlugin } from '@univerjs/sheets-data-validation';
import { IDescriptionService, UniverSheetsFormulaPlugin } from '@univerjs/sheets-formula';
import { UniverSheetsNumfmtPlugin } from '@univerjs/sheets-numfmt';
import { UniverSheetsTablePlugin } from '@univerjs/sheets-table';

// Facade mixins: each import patches FUniver / FWorkbook / FWorksheet / FRange (and their types).
import '@univerjs/engine-formula/facade';
import '@univerjs/sheets/facade';
import '@univerjs/sheets-formula/facade';
import '@univerjs/sheets-numfmt/facade';
import '@univerjs/sheets-data-validation/facade';
import '@univerjs/sheets-conditional-formatting/facade';
import '@univerjs/sheets-table/facade';

import DataValidationEnUS from '@univerjs/data-validation/locale/en-US';
import DataValidationZhCN from '@univerjs/data-validation/locale/zh-CN';
import SheetsEnUS from '@univerjs/sheets/locale/en-US';
import SheetsZhCN from '@univerjs/sheets/locale/zh-CN';
import SheetsDVEnUS from '@univerjs/sheets-data-validation/locale/en-US';
import SheetsDVZhCN from '@univerjs/sheets-data-validation/locale/zh-CN';
import SheetsFormulaEnUS from '@univerjs/sheets-formula/locale/en-US';
import SheetsFormulaZhCN from '@univerjs/sheets-formula/locale/zh-CN';
import SheetsTableEnUS from '@univerjs/sheets-table/locale/en-US';
import SheetsTableZhCN from '@univerjs/sheets-table/locale/zh-CN';

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

/** The Univer locale of a product language. */
export function univerLocaleOf(locale: Locale): LocaleType {
  return locale === 'zh-CN' ? LocaleType.ZH_CN : LocaleType.EN_US;
}

/**
 * The non-UI plugins in registration order (formula engine before sheets, features after).
 * The browser adds its render/UI/docs plugins and each feature's UI plugin around these.
 */
export const HEADLESS_PLUGINS: readonly PluginCtor<Plugin>[] = [
  UniverFormulaEnginePlugin,
  UniverSheetsPlugin,
  UniverSheetsFormulaPlugin,
  UniverSheetsNumfmtPlugin,
  UniverDataValidationPlugin,
  UniverSheetsDataValidationPlugin,
  UniverSheetsConditionalFormattingPlugin,
  UniverSheetsTablePlugin,
];

/** Locales of the non-UI plugins (the numfmt and conditional-formatting cores ship none). */
export const HEADLESS_LOCALES: ILocales = {
  [LocaleType.ZH_CN]: mergeLocales(SheetsZhCN, SheetsFormulaZhCN, DataValidationZhCN, SheetsDVZhCN, SheetsTableZhCN),
  [LocaleType.EN_US]: mergeLocales(SheetsEnUS, SheetsFormulaEnUS, DataValidationEnUS, SheetsDVEnUS, SheetsTableEnUS),
};


export interface SalesFunctionOptions {
  /**
   * Today's day serial for functions whose optional date is omitted (RUNRATE, DELAY): a fixed
   * number (tests) or a function read at every calculation. Default: the local calendar day.
   */
  readonly today?: number | (() => number);
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
  const standIn = new CalcError('VALUE', type);
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

function toValueObject(value: Scalar): BaseValueObject {
  if (value instanceof CalcError) {
    return ErrorValueObject.create(foreignErrors.get(value) ?? UNIVER_ERROR[value.kind], value.message ?? '');
  }
  if (value === null) return NullValueObject.create();
  if (typeof value === 'number') return Number.isFinite(value) ? NumberValueObject.create(value) : ErrorValueObject.create(ErrorType.NUM);
  if (typeof value === 'boolean') return BooleanValueObject.create(value);
  return StringValueObject.create(value);
}

/** A core result as the engine's value: a matrix spills (a 1×1 matrix is its single cell). */
export function resultToUniver(result: Result): BaseValueObject {
  if (!Array.isArray(result)) return toValueObject(result);
  const rowCount = result.length;
  const columnCount = result[0]?.length ?? 0;
  if (rowCount === 0 || columnCount === 0) return ErrorValueObject.create(ErrorType.VALUE);
  if (rowCount === 1 && columnCount === 1) return toValueObject(result[0]?.[0] ?? null);
  return ArrayValueObject.create({
    calculateValueList: result.map((row) => row.map(toValueObject)),
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
  ) {
    super(salesFunctionName(spec));
    this.minParams = spec.params.filter((p) => !p.optional).length;
    this.maxParams = spec.params.length;
  }

  override calculate(...variants: BaseValueObject[]): BaseValueObject {
    const args = variants.map(argFromUniver);
    return resultToUniver(evaluate(this.spec.id, args, { today: this.today() }));
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

/**
 * Registers every catalogue function as `SALES.<ID>` with its zh-CN/en-US description (shown in
 * the language Univer runs in). Best called after a workbook exists: the descriptions need the
 * sheet plugins, which start with the first workbook (registered early, they wait for it).
 * Returns a disposable that unregisters them.
 */
export function registerSalesFunctions(univer: Univer, options: SalesFunctionOptions = {}): IDisposable {
  const injector = univer.__getInjector();
  const { today: given } = options;
  const today = typeof given === 'function' ? given : given === undefined ? () => todaySerial(new Date()) : () => given;

  const functionService = injector.get(IFunctionService);
  const names = FUNCTIONS.map(salesFunctionName);
  functionService.registerExecutors(...FUNCTIONS.map((spec) => new SalesFunction(spec, today)));

  const disposables: IDisposable[] = [
    toDisposable(() => {
      functionService.unregisterExecutors(...names);
      functionService.deleteFormulaAstCacheKey(...names);
    }),
  ];
  let disposed = false;
  const registerDescriptions = (): void => {
    if (disposed || !injector.has(IDescriptionService)) return;
    injector.get(LocaleService).load(descriptionLocales());
    disposables.push(injector.get(IDescriptionService).registerDescriptions(FUNCTIONS.map(functionInfo)));
  };
  // The description service arrives with the sheet plugins, which start with the first workbook.
  if (injector.has(IDescriptionService)) registerDescriptions();
  else void injector.get(LifecycleService).onStage(LifecycleStages.Ready).then(registerDescriptions);
  return toDisposable(() => {
    disposed = true;
    disposables.forEach((d) => d.dispose());
  });
}

// ---------------------------------------------------------------------------------------------
// Headless Univer (Node, tests)

export interface HeadlessUniver {
  readonly univer: Univer;
  readonly api: FUniver;
  /** Waits for pending calculation timers, then disposes Univer (disposing earlier crashes Node). */
  dispose(): Promise<void>;
}

export interface HeadlessOptions extends SalesFunctionOptions {
  /** Name of the workbook created at start (the SALES functions need one). */
  readonly workbookName?: string;
  readonly logLevel?: LogLevel;
}

/** sheets-formula leaves a 1 s progress timer after each calculation; it must fire before dispose. */
export const UNIVER_DISPOSE_DELAY_MS = 1100;

/** A Univer without UI: the headless plugins, one workbook, the SALES functions registered. */
export function createHeadlessUniver(locale: Locale, options: HeadlessOptions = {}): HeadlessUniver {
  const univer = new Univer({ locale: univerLocaleOf(locale), locales: HEADLESS_LOCALES, logLevel: options.logLevel ?? LogLevel.ERROR });
  for (const plugin of HEADLESS_PLUGINS) univer.registerPlugin(plugin);
  const api = FUniver.newAPI(univer);
  api.createWorkbook({ name: options.workbookName ?? (locale === 'zh-CN' ? '销售复盘' : 'Sales Review') });
  const functions = registerSalesFunctions(univer, options);
  return {
    univer,
    api,
    async dispose() {
      await new Promise((resolve) => setTimeout(resolve, UNIVER_DISPOSE_DELAY_MS));
      functions.dispose();
      univer.dispose();
    },
  };
}
