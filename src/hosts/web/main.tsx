/**
 * The embedded web host that `npm start` serves: a Univer spreadsheet filling the window with the
 * task pane beside it, backed by the Univer WorkbookPort. `?lang=en-US` picks the language
 * (default: the browser's).
 */
import { createRoot } from 'react-dom/client';
import { localeFromLanguage } from '../../core';
import { App } from '../../taskpane/App/App';
import { browserStorage, createStorageSettingsStore } from '../../taskpane/settings/store';
import { createBrowserUniver } from './browserUniver';
import { installPaneFocusShortcut } from './paneFocus';
import { registerSalesFunctions } from './univerSetup';
import { createUniverWorkbook } from './univerWorkbook';

const params = new URLSearchParams(window.location.search);
const locale = localeFromLanguage(params.get('lang') ?? window.navigator.language);
document.documentElement.lang = locale;

const sheetHost = document.getElementById('sheet') as HTMLElement;
const paneHost = document.getElementById('pane') as HTMLElement;
sheetHost.replaceChildren();

const { univer, api } = createBrowserUniver(sheetHost, locale);
api.createWorkbook({ name: locale === 'zh-CN' ? '销售复盘' : 'Sales Review' });
registerSalesFunctions(univer);
const workbook = createUniverWorkbook(api);

installPaneFocusShortcut(sheetHost, paneHost);
// `?lang` (else the browser's language) is what the pane's automatic language follows; a language
// chosen in Settings overrides it and is remembered in this browser's localStorage.
createRoot(paneHost).render(<App locale={locale} workbook={workbook} settingsStore={createStorageSettingsStore(browserStorage())} />);

// Browser tests read computed cells through the same facade the port uses.
Object.assign(window, { salesReview: { api, workbook } });
