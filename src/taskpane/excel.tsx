/**
 * Excel entry of the task pane. Office.js is touched here and in hosts/excel only: the pane
 * receives the display language and everything else through props and context.
 */
import { createRoot } from 'react-dom/client';
import { localeFromLanguage } from '../core';
import { App } from './App/App';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<App locale={localeFromLanguage(Office.context.displayLanguage)} />);
});
