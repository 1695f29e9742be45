/**
 * The interactive Univer spreadsheet for the browser: the headless plugins plus their UI, CSS
 * and locales. Kept apart from univerPlugins.ts so Node never loads CSS or UI code.
 */
import { type ILocales, LocaleType, LogLevel, type Plugin, type PluginCtor, Univer, mergeLocales } from '@univerjs/core';
import { FUniver } from '@univerjs/core/facade';
import { UniverDocsPlugin } from '@univerjs/docs';
import { UniverDocsUIPlugin } from '@univerjs/docs-ui';
import { UniverFormulaEnginePlugin } from '@univerjs/engine-formula';
import { UniverRenderEnginePlugin } from '@univerjs/engine-render';
import { UniverSheetsPlugin } from '@univerjs/sheets';
import { UniverSheetsConditionalFormattingPlugin } from '@univerjs/sheets-conditional-formatting';
import { UniverSheetsConditionalFormattingUIPlugin } from '@univerjs/sheets-conditional-formatting-ui';
import { UniverSheetsDataValidationPlugin } from '@univerjs/sheets-data-validation';
import { UniverSheetsDataValidationUIPlugin } from '@univerjs/sheets-data-validation-ui';
import { UniverSheetsFormulaPlugin } from '@univerjs/sheets-formula';
import { UniverSheetsFormulaUIPlugin } from '@univerjs/sheets-formula-ui';
import { UniverSheetsNumfmtPlugin } from '@univerjs/sheets-numfmt';
import { UniverSheetsNumfmtUIPlugin } from '@univerjs/sheets-numfmt-ui';
import { UniverSheetsTablePlugin } from '@univerjs/sheets-table';
import { UniverSheetsTableUIPlugin } from '@univerjs/sheets-table-ui';
import { UniverSheetsNotePlugin } from '@univerjs/sheets-note';
import { UniverSheetsNoteUIPlugin } from '@univerjs/sheets-note-ui';
import { UniverDrawingPlugin } from '@univerjs/drawing';
import { UniverDrawingUIPlugin } from '@univerjs/drawing-ui';
import { UniverDocsDrawingPlugin } from '@univerjs/docs-drawing';
import { UniverSheetsDrawingPlugin } from '@univerjs/sheets-drawing';
import { UniverSheetsDrawingUIPlugin } from '@univerjs/sheets-drawing-ui';
import { UniverSheetsUIPlugin } from '@univerjs/sheets-ui';
import { UniverUIPlugin } from '@univerjs/ui';

import '@univerjs/engine-formula/facade';
import '@univerjs/ui/facade';
import '@univerjs/docs-ui/facade';
import '@univerjs/sheets/facade';
import '@univerjs/sheets-ui/facade';
import '@univerjs/sheets-formula/facade';
import '@univerjs/sheets-formula-ui/facade';
import '@univerjs/sheets-numfmt/facade';
import '@univerjs/sheets-data-validation/facade';
import '@univerjs/sheets-conditional-formatting/facade';
import '@univerjs/sheets-table/facade';

import '@univerjs/design/lib/index.css';
import '@univerjs/ui/lib/index.css';
import '@univerjs/docs-ui/lib/index.css';
import '@univerjs/sheets-ui/lib/index.css';
import '@univerjs/sheets-formula-ui/lib/index.css';
import '@univerjs/sheets-numfmt-ui/lib/index.css';
import '@univerjs/sheets-data-validation-ui/lib/index.css';
import '@univerjs/sheets-conditional-formatting-ui/lib/index.css';
import '@univerjs/sheets-table-ui/lib/index.css';
import '@univerjs/sheets-note-ui/lib/index.css';
import '@univerjs/drawing-ui/lib/index.css';
import '@univerjs/sheets-drawing-ui/lib/index.css';

import DesignZhCN from '@univerjs/design/locale/zh-CN';
import UIZhCN from '@univerjs/ui/locale/zh-CN';
import DocsUIZhCN from '@univerjs/docs-ui/locale/zh-CN';
import SheetsUIZhCN from '@univerjs/sheets-ui/locale/zh-CN';
import SheetsFormulaUIZhCN from '@univerjs/sheets-formula-ui/locale/zh-CN';
import SheetsNumfmtUIZhCN from '@univerjs/sheets-numfmt-ui/locale/zh-CN';
import SheetsDVUIZhCN from '@univerjs/sheets-data-validation-ui/locale/zh-CN';
import SheetsCFUIZhCN from '@univerjs/sheets-conditional-formatting-ui/locale/zh-CN';
import SheetsTableUIZhCN from '@univerjs/sheets-table-ui/locale/zh-CN';
import SheetsNoteUIZhCN from '@univerjs/sheets-note-ui/locale/zh-CN';
import DrawingUIZhCN from '@univerjs/drawing-ui/locale/zh-CN';
import SheetsDrawingUIZhCN from '@univerjs/sheets-drawing-ui/locale/zh-CN';
import DesignEnUS from '@univerjs/design/locale/en-US';
import UIEnUS from '@univerjs/ui/locale/en-US';
import DocsUIEnUS from '@univerjs/docs-ui/locale/en-US';
import SheetsUIEnUS from '@univerjs/sheets-ui/locale/en-US';
import SheetsFormulaUIEnUS from '@univerjs/sheets-formula-ui/locale/en-US';
import SheetsNumfmtUIEnUS from '@univerjs/sheets-numfmt-ui/locale/en-US';
import SheetsDVUIEnUS from '@univerjs/sheets-data-validation-ui/locale/en-US';
import SheetsCFUIEnUS from '@univerjs/sheets-conditional-formatting-ui/locale/en-US';
import SheetsTableUIEnUS from '@univerjs/sheets-table-ui/locale/en-US';
import SheetsNoteUIEnUS from '@univerjs/sheets-note-ui/locale/en-US';
import DrawingUIEnUS from '@univerjs/drawing-ui/locale/en-US';
import SheetsDrawingUIEnUS from '@univerjs/sheets-drawing-ui/locale/en-US';

import type { Locale } from '../../core';
import { skipFormulaScanForPlainEdits } from './plainEditShortcut';
import { SALES_DESCRIPTION_LOCALES, salesFormulaConfig } from './univerFunctions';
import { HEADLESS_LOCALES, type PluginStep, corePlugins, mergeLocaleSets, registerStep, univerLocaleOf } from './univerPlugins';

/** What the browser adds after each core plugin (univerPlugins.ts): the UI, docs and each feature's UI. */
function uiAfter(container: HTMLElement): Map<PluginCtor<Plugin>, PluginStep[]> {
  return new Map<PluginCtor<Plugin>, PluginStep[]>([
    [
      UniverFormulaEnginePlugin,
      [{ plugin: UniverUIPlugin, config: { container } }, { plugin: UniverDocsPlugin }, { plugin: UniverDocsUIPlugin }],
    ],
    [UniverSheetsPlugin, [{ plugin: UniverSheetsUIPlugin }]],
    [UniverSheetsFormulaPlugin, [{ plugin: UniverSheetsFormulaUIPlugin }]],
    [UniverSheetsNumfmtPlugin, [{ plugin: UniverSheetsNumfmtUIPlugin }]],
    [UniverSheetsDataValidationPlugin, [{ plugin: UniverSheetsDataValidationUIPlugin }]],
    [UniverSheetsConditionalFormattingPlugin, [{ plugin: UniverSheetsConditionalFormattingUIPlugin }]],
    // The table-name tag is drawn above the header row, over the sheet's title in A1 (docs/DOMAIN.md §2).
    [UniverSheetsTablePlugin, [{ plugin: UniverSheetsTableUIPlugin, config: { hideAnchor: true } }]],
    // Header notes (一对一面谈's prompt questions) show on hover.
    [UniverSheetsNotePlugin, [{ plugin: UniverSheetsNoteUIPlugin }]],
    // Pictures over the grid (the report's charts in this host) are drawn and can be moved.
    [UniverDrawingPlugin, [{ plugin: UniverDrawingUIPlugin }, { plugin: UniverDocsDrawingPlugin }]],
    [UniverSheetsDrawingPlugin, [{ plugin: UniverSheetsDrawingUIPlugin }]],
  ]);
}

/** The UI packages' own locales (the core plugins' come from univerPlugins.ts). */
const UI_LOCALES: ILocales = {
  [LocaleType.ZH_CN]: mergeLocales(
    DesignZhCN,
    UIZhCN,
    DocsUIZhCN,
    SheetsUIZhCN,
    SheetsFormulaUIZhCN,
    SheetsNumfmtUIZhCN,
    SheetsDVUIZhCN,
    SheetsCFUIZhCN,
    SheetsTableUIZhCN,
    SheetsNoteUIZhCN,
    DrawingUIZhCN,
    SheetsDrawingUIZhCN,
  ),
  [LocaleType.EN_US]: mergeLocales(
    DesignEnUS,
    UIEnUS,
    DocsUIEnUS,
    SheetsUIEnUS,
    SheetsFormulaUIEnUS,
    SheetsNumfmtUIEnUS,
    SheetsDVUIEnUS,
    SheetsCFUIEnUS,
    SheetsTableUIEnUS,
    SheetsNoteUIEnUS,
    DrawingUIEnUS,
    SheetsDrawingUIEnUS,
  ),
};

/** The page's Univer: the core plugins with the SALES functions, each with its UI beside it. */
export function createBrowserUniver(container: HTMLElement, locale: Locale): { univer: Univer; api: FUniver } {
  const univer = new Univer({
    locale: univerLocaleOf(locale),
    logLevel: LogLevel.WARN,
    locales: mergeLocaleSets(HEADLESS_LOCALES, UI_LOCALES, SALES_DESCRIPTION_LOCALES),
  });
  univer.registerPlugin(UniverRenderEnginePlugin);
  const after = uiAfter(container);
  for (const step of corePlugins(salesFormulaConfig({ locale }))) {
    registerStep(univer, step);
    for (const ui of after.get(step.plugin) ?? []) registerStep(univer, ui);
  }
  skipFormulaScanForPlainEdits(univer);
  return { univer, api: FUniver.newAPI(univer) };
}
