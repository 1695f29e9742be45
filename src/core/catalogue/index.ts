import type { Locale } from '../i18n';
import { type CalcContext, elementwise } from '../lift';
import { type Bound, outOfBound } from '../bounds';
import { type CalcError, isCalcError, numError } from '../errors';
import { FUNCTION_MESSAGES } from '../functionMessages';
import { type Arg, type Result, type Scalar, toNumber } from '../values';
import { FUNCTIONS } from './functions';
import type { FunctionSpec, ParamSpec } from './types';

export { FUNCTIONS } from './functions';
export { callsSalesFunction, portableFormula, spellSalesCalls } from './rewrite';
export type { ElementMetric, FunctionShape, FunctionSpec, ParamDefault, ParamKind, ParamSpec, ResultKind } from './types';

/** Namespace of every function: `SALES.ATTAINMENT` in an en-US Excel, `销售.达成率` in a zh-CN one. */
export const NAMESPACE = { 'en-US': 'SALES', 'zh-CN': '销售' } as const satisfies Record<Locale, string>;

const byId = new Map(FUNCTIONS.map((spec) => [spec.id, spec]));

export function functionById(id: string): FunctionSpec | undefined {
  return byId.get(id.toUpperCase());
}

/** What the runner reads of an element-wise spec's parameters, worked out once per spec (evaluate runs per cell). */
interface ElementPlan {
  readonly required: number;
  /** Per parameter: the default an omitted or blank cell takes (`'today'` resolved per call). */
  readonly defaults: readonly (ParamSpec['default'] | undefined)[];
  /** Per parameter: read as a number (number and date kinds), with its bounds. */
  readonly numeric: readonly boolean[];
  readonly bounds: readonly (Bound | undefined)[];
  readonly names: readonly ParamSpec['name'][];
}

const elementPlans = new WeakMap<FunctionSpec, ElementPlan>();

function elementPlan(spec: FunctionSpec): ElementPlan {
  let plan = elementPlans.get(spec);
  if (plan === undefined) {
    plan = {
      required: spec.params.filter((param) => !param.optional).length,
      defaults: spec.params.map((param) => param.default),
      numeric: spec.params.map((param) => param.kind === 'number' || param.kind === 'date'),
      bounds: spec.params.map((param) => param.bounds),
      names: spec.params.map((param) => param.name),
    };
    elementPlans.set(spec, plan);
  }
  return plan;
}

/**
 * One element's cells as the metric receives them: defaults for blanks, then every number or date
 * converted (the first that is not a number wins, in parameter order), then every bound checked.
 * Conversion errors (#VALUE!) therefore always win over bound errors (#NUM!), as before the runner.
 */
function prepareCells(plan: ElementPlan, cells: readonly Scalar[], today: number): Scalar[] | CalcError {
  const prepared: Scalar[] = cells.map((value, i) => {
    const fallback = plan.defaults[i];
    return value === null && fallback !== undefined ? (fallback === 'today' ? today : fallback) : value;
  });
  for (let i = 0; i < prepared.length; i++) {
    const value = prepared[i] ?? null;
    if (!plan.numeric[i] || value === null) continue;
    const n = toNumber(value, plan.names[i] as ParamSpec['name']);
    if (isCalcError(n)) return n;
    prepared[i] = n;
  }
  for (let i = 0; i < prepared.length; i++) {
    const bound = plan.bounds[i];
    const value = prepared[i];
    if (bound === undefined || typeof value !== 'number') continue;
    const refused = outOfBound(value, bound, plan.names[i] as ParamSpec['name']);
    if (refused !== undefined) return refused;
  }
  return prepared;
}

/**
 * Runs a function as its metadata says, with no safety net: arguments padded to the declared count
 * (an omitted optional argument is `undefined`); an element-wise function pairs its ranges cell by
 * cell (`elementwise`: the required parameters are the leading non-optional ones, a blank in one
 * gives a blank), and each element's cells are prepared by `prepareCells` (defaults, numbers,
 * bounds), so each metric is the plain calculation.
 */
export function runFunction(spec: FunctionSpec, args: readonly Arg[], ctx: CalcContext): Result {
  const padded: Arg[] = spec.params.map((_, i) => args[i]);
  if (spec.shape === 'list') return spec.impl(padded, ctx);
  const plan = elementPlan(spec);
  const { cell } = spec;
  return elementwise(padded, plan.required, (cells) => {
    const prepared = prepareCells(plan, cells, ctx.today);
    return isCalcError(prepared) ? prepared : cell(prepared);
  });
}

/**
 * Evaluates a catalogue function as a spreadsheet would (`runFunction`), a thrown exception turned into
 * `#NUM!` so no host ever sees one.
 */
export function evaluate(id: string, args: readonly Arg[], ctx: CalcContext): Result {
  const spec = functionById(id);
  if (spec === undefined) return numError(FUNCTION_MESSAGES.unknownFunction(id));
  try {
    return runFunction(spec, args, ctx);
  } catch (error) {
    return numError(FUNCTION_MESSAGES.calculationFailed(error instanceof Error ? error.message : String(error)));
  }
}

/** `SALES.ATTAINMENT` / `销售.达成率`: the localized name a user types in a given language. */
export function qualifiedName(spec: FunctionSpec, locale: Locale): string {
  return `${NAMESPACE[locale]}.${spec.name[locale]}`;
}

/**
 * How a host spells the SALES functions: `localized` by language (`销售.达成率` in Chinese),
 * `dotted` (`SALES.ATTAINMENT` in every language) or `underscored` (`SALES_ATTAINMENT`, where a
 * function name cannot hold a dot). Each port says which it uses (src/workbook/port.ts).
 */
export type FunctionSpelling = 'localized' | 'dotted' | 'underscored';

/** The name a user types for a function in a host. */
export function hostFunctionName(spec: FunctionSpec, locale: Locale, spelling: FunctionSpelling): string {
  if (spelling === 'underscored') return `SALES_${spec.id.replace(/\./g, '_')}`;
  return spelling === 'dotted' ? `SALES.${spec.id}` : qualifiedName(spec, locale);
}
