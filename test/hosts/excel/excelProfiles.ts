/**
 * The Excels managers have, as the strict fake plays them: which requirement sets each implements
 * (Microsoft's "Excel JavaScript API requirement sets" and "Custom functions requirement sets"
 * tables) and what else differs (Excel on the web's 5 MB per request and per response).
 * Every Excel suite runs under each profile the manifest admits (jest.config.js, EXCEL_PROFILE).
 */
import { latestExcelApi } from '../../../scripts/officeApiTable';

export type ExcelProfileId = 'excel2019' | 'excel2021' | 'excel2024' | 'm365' | 'mac' | 'web' | 'ipad';

export interface ExcelProfile {
  readonly id: ExcelProfileId | 'custom';
  readonly label: string;
  /** Requirement set → the highest version implemented; a set not named is not there at all. */
  readonly sets: Readonly<Record<string, string>>;
  /** Bytes a request (what is written) and a response (what is loaded) may weigh; Excel on the web: 5 MB. */
  readonly payloadLimit?: number;
}

const FIVE_MB = 5 * 1024 * 1024;
const LATEST = latestExcelApi();

export const EXCEL_PROFILES: Readonly<Record<ExcelProfileId, ExcelProfile>> = {
  // No custom functions nor shared runtime: the manifest keeps the add-in off it.
  excel2019: { id: 'excel2019', label: 'Excel 2019 (Windows)', sets: { ExcelApi: '1.8' } },
  excel2021: {
    id: 'excel2021',
    label: 'Excel 2021 (Windows, perpetual)',
    sets: { ExcelApi: '1.14', CustomFunctionsRuntime: '1.3', SharedRuntime: '1.1' },
  },
  excel2024: {
    id: 'excel2024',
    label: 'Excel 2024 / LTSC 2024 (Windows)',
    sets: { ExcelApi: '1.17', CustomFunctionsRuntime: '1.3', SharedRuntime: '1.1' },
  },
  m365: {
    id: 'm365',
    label: 'Microsoft 365 (Windows, current)',
    sets: { ExcelApi: LATEST, ExcelApiDesktop: '1.1', CustomFunctionsRuntime: '1.5', SharedRuntime: '1.1' },
  },
  mac: { id: 'mac', label: 'Microsoft 365 for Mac', sets: { ExcelApi: LATEST, CustomFunctionsRuntime: '1.5', SharedRuntime: '1.1' } },
  web: {
    id: 'web',
    label: 'Excel on the web',
    sets: { ExcelApi: LATEST, ExcelApiOnline: '1.1', CustomFunctionsRuntime: '1.5', SharedRuntime: '1.1' },
    payloadLimit: FIVE_MB,
  },
  // Custom functions are not supported on iPad; the task pane is.
  ipad: { id: 'ipad', label: 'Excel on iPad', sets: { ExcelApi: '1.20' } },
};

/** The profile the Excel suites run under: EXCEL_PROFILE (one Jest project per profile), else Microsoft 365. */
export function currentProfile(): ExcelProfile {
  const fromJest = (globalThis as { EXCEL_PROFILE?: string }).EXCEL_PROFILE;
  const id = (fromJest ?? process.env.EXCEL_PROFILE ?? 'm365') as ExcelProfileId;
  const profile = EXCEL_PROFILES[id];
  if (!profile) throw new Error(`EXCEL_PROFILE=${id}: not one of ${Object.keys(EXCEL_PROFILES).join(', ')}`);
  return profile;
}

/** A display language with its regional settings, as formulas typed into Excel meet them. */
export interface ExcelLocale {
  readonly displayLanguage: 'zh-CN' | 'en-US' | 'de-DE' | 'tr-TR';
  /** Excel's decimal separator here; the list separator is `;` where this is `,`. */
  readonly decimalSeparator: '.' | ',';
  /** The SALES names `formulasLocal` takes: localized where the manifest localizes them (zh-CN). */
  readonly salesNames: 'zh-CN' | 'en-US';
  /** Native names `formulasLocal` takes are the English ones (Chinese Excel) rather than local ones (SUMME, EĞER). */
  readonly englishNatives: boolean;
  /** Custom functions typed through `formulas` show #NAME? (office-js#891, #6614; Turkish until Excel 2607). */
  readonly formulasLoseCustomFunctions: boolean;
}

export const EXCEL_LOCALES: Readonly<Record<ExcelLocale['displayLanguage'], ExcelLocale>> = {
  'zh-CN': {
    displayLanguage: 'zh-CN',
    decimalSeparator: '.',
    salesNames: 'zh-CN',
    englishNatives: true,
    formulasLoseCustomFunctions: true,
  },
  'en-US': {
    displayLanguage: 'en-US',
    decimalSeparator: '.',
    salesNames: 'en-US',
    englishNatives: true,
    formulasLoseCustomFunctions: false,
  },
  'de-DE': {
    displayLanguage: 'de-DE',
    decimalSeparator: ',',
    salesNames: 'en-US',
    englishNatives: false,
    formulasLoseCustomFunctions: true,
  },
  'tr-TR': {
    displayLanguage: 'tr-TR',
    decimalSeparator: ',',
    salesNames: 'en-US',
    englishNatives: false,
    formulasLoseCustomFunctions: true,
  },
};
