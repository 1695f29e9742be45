// `npm run build` and the build step of `npm start`: dist/ from the sources, rebuilt only when they
// changed. Three products, each with a content stamp (a hash of every input file's path and bytes,
// not modification times, so a checkout or a `touch` does not force a rebuild and an edit always does):
//  - the page and the Excel add-in (webpack, keeping ts-loader and the Office tooling's plugins)
//    and the Google Sheets add-on (scripts/build-sheets.ts) → dist/, stamp dist/.build-stamp.json;
//  - the server, the workbook command line and their workers as compiled JavaScript (esbuild, about
//    a second) → dist/node/, stamp dist/node/.build-stamp.json.
// webpack empties dist/ first, so a page build is always followed by the other two.
//
// node scripts/build.mjs            build everything now
// node scripts/build.mjs --if-stale build what changed since the last build (what `npm start` runs)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DIST = join(ROOT, 'dist');
export const NODE_DIST = join(DIST, 'node');
const STAMP = '.build-stamp.json';

/** Files every product is built from: the sources, the lockfile and the compiler settings. */
const COMMON_INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
/** What the page, the add-in and the add-on are also built from (and the one setting that changes them). */
const PAGE_INPUTS = ['assets', 'manifest.xml', 'webpack.config.js', 'scripts/build-sheets.ts', 'scripts/zh-cn-metadata-plugin.js'];
const PAGE_ENV = ['ADDIN_BASE_URL'];

/** Every file under `paths` (relative to `root`), sorted, skipping what is not a regular file or directory. */
function filesUnder(root, paths) {
  const found = [];
  const walk = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else if (stat.isFile()) found.push(path);
  };
  for (const path of paths) walk(join(root, path));
  return found.map((file) => relative(root, file).split(sep).join('/')).sort();
}

/** The content stamp of `paths` under `root`: sha256 over each file's path and bytes, and the given environment. */
export function contentStamp(root, paths, env = []) {
  const hash = createHash('sha256');
  const files = filesUnder(root, paths);
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  for (const name of env) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return { stamp: hash.digest('hex'), files: files.length };
}

const pageStamp = (root = ROOT) => contentStamp(root, [...COMMON_INPUTS, ...PAGE_INPUTS], PAGE_ENV);
const nodeStamp = (root = ROOT) => contentStamp(root, COMMON_INPUTS);

function readStamp(folder) {
  try {
    return JSON.parse(readFileSync(join(folder, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeStamp(folder, stamp, seconds) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, STAMP), JSON.stringify({ ...stamp, builtAt: new Date().toISOString(), seconds }, null, 2));
}

const NODE_SOURCES = {
  server: 'src/server/main.ts',
  workbook: 'src/cli/workbook.ts',
  openWorker: 'src/server/openWorker.ts',
  exportWorker: 'src/server/exportWorker.ts',
  rollupWorker: 'src/server/rollupWorker.ts',
};
const NODE_ENTRIES = Object.keys(NODE_SOURCES);

/** Whether dist/node holds the compiled server and command line of the sources as they are now. */
export function nodeBuildIsCurrent(root = ROOT) {
  const out = join(root, 'dist', 'node');
  return NODE_ENTRIES.every((entry) => existsSync(join(out, `${entry}.cjs`))) && readStamp(out)?.stamp === nodeStamp(root).stamp;
}

const elapsed = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** webpack through its API, printing where it is every few seconds (a production build takes minutes). */
async function buildPage(log) {
  const webpack = require('webpack');
  const config = require(join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  const started = Date.now();
  let lastPrinted = 0;
  config.plugins.push(
    new webpack.ProgressPlugin((fraction, message) => {
      if (Date.now() - lastPrinted < 5000 || fraction >= 1) return;
      lastPrinted = Date.now();
      log(`  webpack ${Math.round(fraction * 100)}% ${message} (${elapsed(started)})`);
    }),
  );
  await new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      log(`  webpack done (${elapsed(started)})`);
      resolve();
    });
  });
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * The server, the command line and the two workers as CommonJS in dist/node: our TypeScript
 * compiled, packages left to Node and loaded as the sources load them under tsx and Jest (their
 * CommonJS builds). Each `import()` in the sources stays lazy, so `--help` loads no Univer or ExcelJS.
 */
export async function buildNode(root = ROOT) {
  const { build } = await import('esbuild');
  const out = join(root, 'dist', 'node');
  const stamp = nodeStamp(root);
  const started = Date.now();
  await build({
    absWorkingDir: root,
    entryPoints: NODE_SOURCES,
    outdir: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
  });
  writeStamp(out, stamp, (Date.now() - started) / 1000);
  return stamp;
}

/** Builds what is stale (or everything), printing what and how long. */
export async function buildAll({ ifStale = false, log = (line) => console.log(line) } = {}) {
  const started = Date.now();
  const page = pageStamp();
  const last = readStamp(DIST);
  const pageBuilt = !(ifStale && last?.stamp === page.stamp && existsSync(join(DIST, 'index.html')));
  if (!pageBuilt) {
    log(`dist/ is up to date with the sources (${page.files} files, built ${last.builtAt}): not rebuilding.`);
  } else {
    log(
      last
        ? `Building dist/: the sources changed since the build of ${last.builtAt} (${page.files} files).`
        : `Building dist/ (${page.files} source files; the first build takes a few minutes).`,
    );
    log('  the page and the Excel add-in (webpack)…');
    await buildPage(log);
    log(`  the Google Sheets add-on (esbuild)… (${elapsed(started)})`);
    await run(process.execPath, [require.resolve('tsx/cli'), 'scripts/build-sheets.ts']);
    writeStamp(DIST, page, (Date.now() - started) / 1000);
  }
  let built = !ifStale || pageBuilt;
  if (built || !nodeBuildIsCurrent()) {
    log(`  the server and the command line (esbuild)… (${elapsed(started)})`);
    await buildNode();
    built = true;
  }
  if (built) log(`Build done in ${elapsed(started)}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildAll({ ifStale: process.argv.includes('--if-stale') }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
