/**
 * Excel entry of the task pane (the web host's is src/hosts/web/main.tsx). Office.js is touched here
 * and in hosts/excel only: the pane
 * receives the language, the theme and the workbook port as props.
 */
import { createRoot } from 'react-dom/client';
import { localeFromLanguage } from '../../core';
import { App } from '../../taskpane/App/App';
import { browserStorage, createStorageSettingsStore } from '../../taskpane/Settings/store';
import { createExcelWorkbook } from './excelWorkbook';

/** Office's theme gives colours only: a dark body background means a dark theme. */
function officeTheme(): 'light' | 'dark' {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return 'light';
  const hex = background.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
}

/**
 * Settings live in localStorage under Office's partition key when there is one (Excel on the web
 * and new Outlook-style hosts partition storage per add-in and document origin); elsewhere plain.
 */
function settingsStore() {
  const partition = Office.context.partitionKey;
  return createStorageSettingsStore(browserStorage(), partition ? `${partition}/` : '');
}

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const displayLanguage = Office.context.displayLanguage;
  createRoot(container).render(
    <App
      locale={localeFromLanguage(displayLanguage)}
      theme={officeTheme()}
      settingsStore={settingsStore()}
      workbook={createExcelWorkbook({
        excel: Excel,
        displayLanguage,
        isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
      })}
    />,
  );
});
