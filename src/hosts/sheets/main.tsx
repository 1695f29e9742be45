/**
 * Google Sheets entry of the task pane (the sidebar; Excel's is src/hosts/excel/main.tsx, the web
 * host's src/hosts/web/main.tsx). `google.script.run` is touched here only: the pane gets a port
 * that calls the Apps Script server (sheetsClient.ts), in the user's language.
 */
import { createRoot } from 'react-dom/client';
import { App } from '../../taskpane/App/App';
import { browserStorage, createStorageSettingsStore } from '../../taskpane/Settings/store';
import { type ScriptRunner, createServerCall, createSheetsClientPort, fetchContext } from './sheetsClient';

declare const google: { readonly script: { readonly run: ScriptRunner } };

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const runner = () => google.script.run;
  // The first call answers the user's language; errors before it are shown in English.
  const context = await fetchContext(createServerCall(runner, 'en-US'));
  document.documentElement.lang = context.locale;
  createRoot(container).render(
    <App
      locale={context.locale}
      settingsStore={createStorageSettingsStore(browserStorage(), 'sheets/')}
      workbook={createSheetsClientPort(createServerCall(runner, context.locale))}
    />,
  );
}

boot().catch((error: unknown) => {
  const container = document.getElementById('root');
  const why = error instanceof Error ? error.message : String(error);
  if (container) container.textContent = `无法启动销售复盘 / Sales Review could not start: ${why}`;
});
