/** The parameter helper the function tables are written with. */
import type { Bound } from '../bounds';
import type { ParamDefault, ParamKind, ParamSpec } from './types';

interface ParamOptions {
  readonly optional?: boolean;
  readonly kind?: ParamKind;
  /** Implies optional. */
  readonly default?: ParamDefault;
  readonly bounds?: Bound;
}

/** A parameter: ASCII key (also its en-US name), zh-CN name, en-US and zh-CN descriptions; a number unless said. */
export const p = (key: string, zh: string, enDesc: string, zhDesc: string, options: ParamOptions = {}): ParamSpec => ({
  key,
  name: { 'en-US': key, 'zh-CN': zh },
  description: { 'en-US': enDesc, 'zh-CN': zhDesc },
  kind: options.kind ?? 'number',
  ...(options.optional || options.default !== undefined ? { optional: true } : {}),
  ...(options.default !== undefined ? { default: options.default } : {}),
  ...(options.bounds !== undefined ? { bounds: options.bounds } : {}),
});
