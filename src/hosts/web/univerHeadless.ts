/** A Univer without UI, for Node: tests, benchmarks and the `workbook` command. */
import { LogLevel, Univer } from '@univerjs/core';
import { FUniver } from '@univerjs/core/facade';
import type { Locale } from '../../core';
import { skipFormulaScanForPlainEdits } from './plainEditShortcut';
import { SALES_DESCRIPTION_LOCALES, type SalesFunctionOptions, salesFormulaConfig } from './univerFunctions';
import { HEADLESS_LOCALES, corePlugins, mergeLocaleSets, registerStep, univerLocaleOf } from './univerPlugins';

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
const UNIVER_DISPOSE_DELAY_MS = 1100;

/** A Univer without UI: the headless plugins, one workbook, the SALES functions registered. */
export function createHeadlessUniver(locale: Locale, options: HeadlessOptions = {}): HeadlessUniver {
  const locales = mergeLocaleSets(HEADLESS_LOCALES, SALES_DESCRIPTION_LOCALES);
  const univer = new Univer({ locale: univerLocaleOf(locale), locales, logLevel: options.logLevel ?? LogLevel.ERROR });
  for (const step of corePlugins(salesFormulaConfig({ locale, ...options }))) registerStep(univer, step);
  skipFormulaScanForPlainEdits(univer);
  const api = FUniver.newAPI(univer);
  api.createWorkbook({ name: options.workbookName ?? (locale === 'zh-CN' ? '销售复盘' : 'Sales Review') });
  return {
    univer,
    api,
    async dispose() {
      await new Promise((resolve) => setTimeout(resolve, UNIVER_DISPOSE_DELAY_MS));
      univer.dispose();
    },
  };
}
