import type { Locale } from '../i18n';
import { type CalcContext, elementwise } from '../lift';
import { numError } from '../errors';
import type { Arg, Result } from '../values';
import { FUNCTIONS } from './functions';
import type { FunctionSpec, ParamSpec } from './types';

export { FUNCTIONS } from './functions';
export { callsSalesFunction, portableFormula } from './rewrite';
export type { ElementMetric, FunctionShape, FunctionSpec, ParamDefault, ParamKind, ParamSpec, ResultKind } from './types';

/** Namespace of every function: `SALES.ATTAINMENT` in an en-US Excel, `销售.达成率` in a zh-CN one. */
export const NAMESPACE = { 'en-US': 'SALES', 'zh-CN': '销售' } as const satisfies Record<Locale, string>;

const byId = new Map(FUNCTIONS.map((spec) => [spec.id, spec]));

export function functionById(id: string): FunctionSpec | undefined {
  return byId.get(id.toUpperCase());
}

/**
 * Runs a function as its metadata says, with no safety net: arguments padded to the declared count
 * (an omitted optional argument is `undefined`); an element-wise function pairs its ranges cell by
 * cell (`elementwise`: the required parameters are the leading non-optional ones, a blank in one
 * gives a blank), and an omitted or blank cell of a parameter with a default takes it (today's
 * serial for `'today'`), so each metric is the plain calculation.
 */
/** What the runner reads of an element-wise spec's parameters, worked out once per spec (evaluate runs per cell). */
const elementPlans = new WeakMap<
  FunctionSpec,
  { readonly required: number; readonly defaults: readonly (ParamSpec['default'] | undefined)[]; readonly anyDefault: boolean }
>();

function elementPlan(spec: FunctionSpec) {
  let plan = elementPlans.get(spec);
  if (plan === undefined) {
    const defaults = spec.params.map((param) => param.default);
    plan = { required: spec.params.filter((param) => !param.optional).length, defaults, anyDefault: defaults.some((d) => d !== undefined) };
    elementPlans.set(spec, plan);
  }
  return plan;
}

export function runFunction(spec: FunctionSpec, args: readonly Arg[], ctx: CalcContext): Result {
  const padded: Arg[] = spec.params.map((_, i) => args[i]);
  if (spec.shape === 'list') return spec.impl(padded, ctx);
  const { required, defaults, anyDefault } = elementPlan(spec);
  const { cell } = spec;
  if (!anyDefault) return elementwise(padded, required, cell);
  const resolved = defaults.map((d) => (d === 'today' ? ctx.today : d));
  return elementwise(padded, required, (cells) => cell(cells.map((value, i) => (value === null ? (resolved[i] ?? null) : value))));
}

/**
 * Evaluates a catalogue function as a spreadsheet would (`runFunction`), a thrown exception turned into
 * `#NUM!` so no host ever sees one.
 */
export function evaluate(id: string, args: readonly Arg[], ctx: CalcContext): Result {
  const spec = functionById(id);
  if (spec === undefined) return numError(`unknown function ${id}`);
  try {
    return runFunction(spec, args, ctx);
  } catch (error) {
    return numError(error instanceof Error ? error.message : 'calculation failed');
  }
}

/** `SALES.ATTAINMENT` / `销售.达成率`: what a user types in a given language. */
export function qualifiedName(spec: FunctionSpec, locale: Locale): string {
  return `${NAMESPACE[locale]}.${spec.name[locale]}`;
}
