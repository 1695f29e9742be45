/**
 * The embedded web host that `npm start` serves: a Univer spreadsheet filling the window with the
 * task pane beside it, backed by the Univer WorkbookPort, working on the workbook the local server
 * keeps on disk (autosaved; `?book=team.xlsx` opens another one of the workbooks folder).
 * `?lang=en-US` picks the language (default: the browser's). The Excel entry is src/hosts/excel/main.tsx.
 */
import type { IWorkbookData } from '@univerjs/core';
import { createRoot } from 'react-dom/client';
import { localeFromLanguage } from '../../core';
import { App } from '../../taskpane/App/App';
import { browserStorage, createStorageSettingsStore } from '../../taskpane/Settings/store';
import { followLastSheet } from './lastSheet';
import type { Bilingual, WorkbookFiles } from '../../workbook/files';
import { createBrowserUniver } from './browserUniver';
import { installPaneFocusShortcut } from './paneFocus';
import { type LoadedWorkbook, createServerClient, pageToken } from './persistence/serverClient';
import { createWebFiles } from './persistence/webFiles';
import { createUniverWorkbook } from './univerWorkbook';
import { downloadFile } from '../../taskpane/download';

const params = new URLSearchParams(window.location.search);
const locale = localeFromLanguage(params.get('lang') ?? window.navigator.language);
document.documentElement.lang = locale;

const sheetHost = document.getElementById('sheet') as HTMLElement;
const paneHost = document.getElementById('pane') as HTMLElement;

function navigate(book: string | null): void {
  const next = new URLSearchParams(window.location.search);
  if (book === null) next.delete('book');
  else next.set('book', book);
  window.location.search = next.toString();
}

async function boot(): Promise<void> {
  const token = pageToken(document);
  const client = token ? createServerClient(token, params.get('book')) : undefined;
  let loaded: LoadedWorkbook | undefined;
  let loadFailure: Bilingual | undefined;
  if (client) {
    try {
      loaded = await client.load();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      loadFailure = {
        zh: `无法从本地服务器读取工作簿:${text}。表格中的改动不会被保存。`,
        en: `Could not read the workbook from the local server: ${text}. Changes will not be saved.`,
      };
    }
  } else {
    loadFailure = {
      zh: '此页面不是由 npm start 的本地服务器提供的,改动不会被保存。',
      en: 'This page was not served by the npm start server: changes will not be saved.',
    };
  }

  sheetHost.replaceChildren();
  const { univer, api } = createBrowserUniver(sheetHost, locale);
  // A stored workbook that cannot be shown must not lock its user out: a blank one stands in, nothing
  // typed there is saved, and the pane opens on the File tab, where Restore brings an earlier version.
  let renderFailure: Bilingual | undefined;
  if (loaded) {
    try {
      api.createWorkbook(loaded.snapshot as IWorkbookData);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      renderFailure = {
        zh: `此版本无法在网页表格中显示(${text})。这里的空白表格不会被保存;请在“文件”页的版本历史中恢复较早的版本。`,
        en: `This version cannot be shown in the web spreadsheet (${text}). The blank sheet here is not saved; restore an earlier version from the File tab's version history.`,
      };
    }
  }
  if (loaded && renderFailure) loaded = { ...loaded, notices: [renderFailure, ...loaded.notices] };
  if (!loaded || renderFailure) api.createWorkbook({ name: locale === 'zh-CN' ? '销售复盘' : 'Sales Review' });
  const workbook = createUniverWorkbook(api, { locale });
  // A reload opens on the sheet last used in this workbook (only for a workbook that is saved).
  if (loaded && !renderFailure) followLastSheet(api, browserStorage(), loaded.fileName);

  const files: WorkbookFiles | undefined =
    client && loaded
      ? createWebFiles({
          univer,
          api,
          client,
          loaded,
          locale,
          navigate,
          reloadPage: () => window.location.reload(),
          deliver: downloadFile,
          lifecycle: { window, document },
          ...(renderFailure ? { holdSaves: renderFailure } : {}),
        })
      : undefined;

  installPaneFocusShortcut(sheetHost, paneHost);
  // `?lang` (else the browser's language) is what the pane's automatic language follows; a language
  // chosen in Settings overrides it and is remembered in this browser's localStorage.
  createRoot(paneHost).render(
    <App
      locale={locale}
      workbook={workbook}
      files={files}
      filesProblem={loadFailure}
      {...(renderFailure ? { initialTab: 'file' } : {})}
      settingsStore={createStorageSettingsStore(browserStorage())}
    />,
  );

  // Browser tests read computed cells through the same facade the port uses.
  Object.assign(window, { salesReview: { api, workbook, files } });
}

void boot();
