import type { Locale } from '../i18n';
import type { CalcContext } from '../lift';
import { numError } from '../errors';
import type { Arg, Result } from '../values';
import { FUNCTIONS } from './functions';
import type { FunctionSpec } from './types';

export { FUNCTIONS } from './functions';
export { callsSalesFunction, portableFormula } from './rewrite';
export type { FunctionSpec, ParamSpec, ResultKind } from './types';

/** Namespace of every function: `SALES.ATTAINMENT` in an en-US Excel, `销售.达成率` in a zh-CN one. */
export const NAMESPACE = { 'en-US': 'SALES', 'zh-CN': '销售' } as const satisfies Record<Locale, string>;

const byId = new Map(FUNCTIONS.map((spec) => [spec.id, spec]));

export function functionById(id: string): FunctionSpec | undefined {
  return byId.get(id.toUpperCase());
}

/**
 * Evaluates a catalogue function as a spreadsheet would: arguments padded to the declared count
 * (an omitted optional argument is `undefined`), a thrown exception turned into `#NUM!` so no host
 * ever sees one.
 */
export function evaluate(id: string, args: readonly Arg[], ctx: CalcContext): Result {
  const spec = functionById(id);
  if (spec === undefined) return numError(`unknown function ${id}`);
  const padded: Arg[] = spec.params.map((_, i) => args[i]);
  try {
    return spec.impl(padded, ctx);
  } catch (error) {
    return numError(error instanceof Error ? error.message : 'calculation failed');
  }
}

/** `SALES.ATTAINMENT` / `销售.达成率`: what a user types in a given language. */
export function qualifiedName(spec: FunctionSpec, locale: Locale): string {
  return `${NAMESPACE[locale]}.${spec.name[locale]}`;
}
