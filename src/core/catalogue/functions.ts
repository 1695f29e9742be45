/**
 * The one table of every SALES function. Excel's wrappers and metadata, the zh-CN
 * metadata, the web host's registrations and the function guide are all generated or read from it.
 */
import { PORTABLE } from './portable';
import type { FunctionSpec } from './types';
import { PROGRESS_FUNCTIONS } from './specsProgress';
import { PIPELINE_FUNCTIONS } from './specsPipeline';

const SPECS: readonly FunctionSpec[] = [...PROGRESS_FUNCTIONS, ...PIPELINE_FUNCTIONS];

/** Every function, with its native equivalent attached where one exists. */
export const FUNCTIONS: readonly FunctionSpec[] = SPECS.map((spec) => {
  const portable = PORTABLE[spec.id];
  return portable === undefined ? spec : { ...spec, portable };
});
