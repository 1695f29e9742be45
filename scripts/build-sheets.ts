/**
 * `npm run build` (after webpack): writes dist/sheets/, the Google Sheets add-on as `clasp push`
 * uploads it — Code.js (the server bundle as the global `SalesReview`, then the top-level
 * functions of src/hosts/sheets/sheetsCode.ts), Sidebar.html (the pane, one self-contained file:
 * HtmlService serves no other files), appsscript.json and .clasp.json.example.
 *
 * esbuild, not webpack: one file per side with nothing to split, built in about a second.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Plugin, build } from 'esbuild';
import { BUNDLE_GLOBAL, codeEntries } from '../src/hosts/sheets/sheetsCode';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'sheets');

/** The narrow scopes the add-on needs: this spreadsheet only, and its menu and sidebar. */
export const OAUTH_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
] as const;

const MANIFEST = {
  timeZone: 'Asia/Shanghai',
  dependencies: {},
  exceptionLogging: 'STACKDRIVER',
  runtimeVersion: 'V8',
  oauthScopes: OAUTH_SCOPES,
};

const CLASP_EXAMPLE = {
  scriptId: 'paste the scriptId that `clasp create --type sheets` printed (see README)',
  rootDir: '.',
};

/**
 * ExcelJS's Node utils, which src/files/exactDates.ts wraps for the server's reader, are empty in a
 * bundle: the sidebar uses ExcelJS's own browser build (as webpack.config.js's alias does).
 */
const nodeOnlyModules: Plugin = {
  name: 'node-only-modules',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^exceljs\/lib\/utils\/utils$/ }, (args) => ({ path: args.path, namespace: 'node-only' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'node-only' }, () => ({ contents: 'module.exports = undefined;', loader: 'js' }));
  },
};

async function bundle(entry: string, options: { globalName?: string; browser: boolean }): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    ...(options.globalName ? { globalName: options.globalName } : {}),
    // Apps Script's V8 runtime and the browsers Google Sheets supports both run ES2020.
    target: 'es2020',
    platform: options.browser ? 'browser' : 'neutral',
    // The sidebar takes a package's browser build where it has one (ExcelJS, for an .xlsx import), as webpack does.
    mainFields: options.browser ? ['browser', 'module', 'main'] : ['module', 'main'],
    minify: options.browser,
    legalComments: 'none',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    plugins: [nodeOnlyModules],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return file.text;
}

/** Inline script text must not close its own <script> element. */
const inlineScript = (js: string): string => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

function sidebarHtml(js: string): string {
  return `<!DOCTYPE html>
<html>
  <head>
    <base target="_top" />
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>销售复盘 Sales Review</title>
    <style>html, body, #root { margin: 0; min-height: 100%; }</style>
  </head>
  <body>
    <div id="root"></div>
    <script>${inlineScript(js)}</script>
  </body>
</html>
`;
}

/** What a build writes; anything else in dist/sheets (the user's .clasp.json from `clasp create`) is kept. */
const OUTPUTS = ['Code.js', 'Sidebar.html', 'appsscript.json', '.clasp.json.example', '.claspignore'] as const;

export async function buildSheets(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const file of OUTPUTS) rmSync(join(OUT, file), { force: true });
  const [server, sidebar] = await Promise.all([
    bundle('src/hosts/sheets/server.ts', { globalName: BUNDLE_GLOBAL, browser: false }),
    bundle('src/hosts/sheets/main.tsx', { browser: true }),
  ]);
  const header = '// Sales Review (销售复盘) for Google Sheets — built by scripts/build-sheets.ts; do not edit.\n';
  writeFileSync(join(OUT, 'Code.js'), `${header}${server}\n${codeEntries(BUNDLE_GLOBAL)}`);
  writeFileSync(join(OUT, 'Sidebar.html'), sidebarHtml(sidebar));
  writeFileSync(join(OUT, 'appsscript.json'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
  writeFileSync(join(OUT, '.clasp.json.example'), `${JSON.stringify(CLASP_EXAMPLE, null, 2)}\n`);
  writeFileSync(join(OUT, '.claspignore'), '.clasp.json.example\n');
}

if (require.main === module) {
  buildSheets().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
