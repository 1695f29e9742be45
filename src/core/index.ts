/** Public entry of the pure calculation core: hosts and the task pane import from here. */
export * from './errors';
export * from './values';
export * from './bounds';
export * from './functionMessages';
export * from './dates';
export * from './periods';
export * from './i18n';
export * from './money';
export * from './settings';
export * from './domain';
export type { CalcContext, Metric } from './lift';
export {
  FUNCTIONS,
  NAMESPACE,
  callsSalesFunction,
  evaluate,
  functionById,
  hostFunctionName,
  portableFormula,
  qualifiedName,
  runFunction,
  spellSalesCalls,
} from './catalogue';
export type {
  ElementMetric,
  FunctionShape,
  FunctionSpelling,
  FunctionSpec,
  ParamDefault,
  ParamKind,
  ParamSpec,
  ResultKind,
} from './catalogue';
export * from './templates';
export * from './workbook';
export * from './review';
export * from './deals';
export * from './team';
