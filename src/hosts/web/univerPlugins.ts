/**
 * The Univer plugins and locales every web host shares, listed once: the formula engine and the
 * sheet features without UI. Node (tests, the `workbook` command) registers just these
 * (univerHeadless.ts); the browser (browserUniver.ts) adds the render engine, the UI and each
 * feature's UI plugin beside them. Nothing browser-only (CSS, UI plugins, DOM) may be imported here.
 */
import { type ILocales, LocaleType, type Plugin, type PluginCtor, type Univer, mergeLocales } from '@univerjs/core';
import { UniverFormulaEnginePlugin } from '@univerjs/engine-formula';
import { UniverDataValidationPlugin } from '@univerjs/data-validation';
import { UniverSheetsPlugin } from '@univerjs/sheets';
import { UniverSheetsConditionalFormattingPlugin } from '@univerjs/sheets-conditional-formatting';
import { UniverSheetsDataValidationPlugin } from '@univerjs/sheets-data-validation';
import { UniverSheetsFormulaPlugin } from '@univerjs/sheets-formula';
import { UniverSheetsNumfmtPlugin } from '@univerjs/sheets-numfmt';
import { UniverSheetsTablePlugin } from '@univerjs/sheets-table';
import { UniverSheetsNotePlugin } from '@univerjs/sheets-note';
import { UniverDrawingPlugin } from '@univerjs/drawing';
import { UniverSheetsDrawingPlugin } from '@univerjs/sheets-drawing';

// Facade mixins: each import patches FUniver / FWorkbook / FWorksheet / FRange (and their types).
import '@univerjs/engine-formula/facade';
import '@univerjs/sheets/facade';
import '@univerjs/sheets-formula/facade';
import '@univerjs/sheets-numfmt/facade';
import '@univerjs/sheets-data-validation/facade';
import '@univerjs/sheets-conditional-formatting/facade';
import '@univerjs/sheets-table/facade';
import '@univerjs/sheets-note/facade';
import '@univerjs/sheets-drawing/facade';

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

import type { Locale } from '../../core';

/** The Univer locale of a product language. */
export function univerLocaleOf(locale: Locale): LocaleType {
  return locale === 'zh-CN' ? LocaleType.ZH_CN : LocaleType.EN_US;
}

/** A plugin and the configuration it is registered with. */
export interface PluginStep {
  readonly plugin: PluginCtor<Plugin>;
  readonly config?: object;
}

/**
 * The non-UI plugins in registration order (formula engine before sheets, features after); the
 * formula engine and sheets-formula plugins carry the SALES functions (`formula`, from univerFunctions.ts). The
 * browser registers each feature's UI plugin right after it.
 */
export function corePlugins(formula: { readonly engine: object; readonly sheets: object }): PluginStep[] {
  return [
    { plugin: UniverFormulaEnginePlugin, config: formula.engine },
    { plugin: UniverSheetsPlugin },
    { plugin: UniverSheetsFormulaPlugin, config: formula.sheets },
    { plugin: UniverSheetsNumfmtPlugin },
    { plugin: UniverDataValidationPlugin },
    { plugin: UniverSheetsDataValidationPlugin },
    { plugin: UniverSheetsConditionalFormattingPlugin },
    { plugin: UniverSheetsTablePlugin },
    { plugin: UniverSheetsNotePlugin },
    // Pictures over the grid: the report's charts in the web host (univerReport.ts).
    { plugin: UniverDrawingPlugin },
    { plugin: UniverSheetsDrawingPlugin },
  ];
}

/** Registers a plugin step (Univer types each plugin's config by its constructor). */
export function registerStep(univer: Univer, step: PluginStep): void {
  (univer.registerPlugin as (plugin: PluginCtor<Plugin>, config?: object) => void).call(univer, step.plugin, step.config);
}

/** Locales of the non-UI plugins (the numfmt and conditional-formatting cores ship none). */
export const HEADLESS_LOCALES: ILocales = {
  [LocaleType.ZH_CN]: mergeLocales(SheetsZhCN, SheetsFormulaZhCN, DataValidationZhCN, SheetsDVZhCN, SheetsTableZhCN),
  [LocaleType.EN_US]: mergeLocales(SheetsEnUS, SheetsFormulaEnUS, DataValidationEnUS, SheetsDVEnUS, SheetsTableEnUS),
};

/**
 * Locale sets (each keyed by LocaleType) merged language by language: Univer's own `mergeLocales`
 * is a shallow Object.assign, so merging whole sets keeps only the last set's languages.
 */
export function mergeLocaleSets(...sets: readonly ILocales[]): ILocales {
  const merged: ILocales = {};
  for (const set of sets)
    for (const [language, texts] of Object.entries(set) as [LocaleType, ILocales[LocaleType]][])
      merged[language] = mergeLocales(merged[language] ?? {}, texts ?? {});
  return merged;
}
