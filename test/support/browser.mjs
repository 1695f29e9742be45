// Browser-test support: serves dist/ on a free loopback port and launches the Chromium that ships
// inside the @sparticuz/chromium npm package (no browser download, no system install).
import chromium from '@sparticuz/chromium';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium as playwright } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'test-results');

/**
 * Starts `scripts/serve.mjs` (the built dist/) on a free port (or `port`) working on a workbook in
 * a folder of its own (a fresh temporary one unless given), and resolves with its URL once it listens.
 */
export function serveDist({ workbooksDir = mkdtempSync(join(tmpdir(), 'web-host-')), workbook, port = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, 'scripts', 'serve.mjs'), ...(workbook ? [workbook] : [])];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, PORT: String(port), SALES_REVIEW_WORKBOOKS: workbooksDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error('server did not start within 15 s')), 15_000);
    let output = '';
    let listening = false;
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /http:\/\/localhost:(\d+)\//.exec(output);
      if (match && !listening) {
        listening = true;
        clearTimeout(timer);
        // output(): what the server printed so far ("Opened team.xlsx in 12.3 s." once the workbook is read).
        resolve({
          url: `http://127.0.0.1:${match[1]}/`,
          port: Number(match[1]),
          workbooksDir,
          child,
          output: () => output,
          stop: () => child.kill(),
        });
      }
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited with ${code ?? signal}`)));
  });
}

/**
 * Runs `npm start` (its build check, then the server) on a free port with a fresh workbooks folder,
 * and resolves once the server says it is running: with the seconds that took and what it printed.
 * The server is stopped with npm (their own process group) before this resolves or rejects.
 */
export function npmStart({ timeoutMs = 600_000 } = {}) {
  const workbooks = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SALES_REVIEW_WORKBOOKS: workbooks },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const stop = () => process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`npm start did not serve within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const read = (chunk) => {
      output += chunk;
      if (!/is running at http:\/\/localhost:\d+\//.test(output)) return;
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      stop();
      resolve({ seconds, output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before serving:\n${output.slice(-2000)}`));
    });
  });
}

export async function launchBrowser() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    // --single-process (meant for one page in a Lambda) crashes when a test opens a second page.
    args: [
      ...chromium.args.filter((arg) => arg !== '--single-process'),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    headless: true,
  });
}

/** Reads a cell's displayed text from the web host's Univer workbook. */
export function cellText(page, sheetName, a1) {
  return page.evaluate(
    ([sheet, address]) => {
      const ws = window.salesReview.api.getActiveWorkbook().getSheetByName(sheet);
      return ws ? String(ws.getRange(address).getDisplayValue() ?? '') : null;
    },
    [sheetName, a1],
  );
}

/**
 * For a test file: serves dist/ and launches Chromium once (before all tests, closed after), and
 * returns `openPage(options)` that opens the web host in a new page of that browser.
 */
export function useWebHost() {
  let server;
  let browser;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
  return { openPage: (options) => openPage(browser, server, options) };
}

let pageCount = 0;

/**
 * Opens the web host in a new page and waits until the pane has rendered; collects page errors.
 * Each page works on a workbook of its own (`?book=page-N.xlsx`, created by the server), so tests
 * sharing a server never see each other's sheets; `book: null` opens the server's own workbook.
 */
export async function openPage(browser, server, { lang = 'zh-CN', width = 1280, height = 800, book = `page-${++pageCount}.xlsx` } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${server.url}?lang=${lang}${book ? `&book=${encodeURIComponent(book)}` : ''}`);
  await page.getByRole('heading', { name: lang === 'zh-CN' ? '销售复盘' : 'Sales Review' }).waitFor({ timeout: 60_000 });
  return { page, errors };
}

/** Runs axe-core on the task pane; returns the serious and critical violations. */
export async function paneViolations(page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await page.evaluate(async () => {
    // Fluent's focus trap helpers (tabster dummies) are aria-hidden focus sentinels that hand focus
    // on and are never shown: a known axe false positive (fluentui#27517, tabster#288).
    const result = await window.axe.run({ include: [['#pane']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Horizontal overflow of the pane: how far its content is wider than the pane (0 = none). */
export function paneOverflow(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('#pane');
    let widest = pane.scrollWidth;
    for (const el of pane.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && getComputedStyle(el).position !== 'fixed')
        widest = Math.max(widest, Math.ceil(box.right - pane.getBoundingClientRect().left));
    }
    return Math.max(0, widest - pane.clientWidth);
  });
}
