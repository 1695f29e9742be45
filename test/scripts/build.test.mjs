// The build that `npm start` runs (scripts/build.mjs): a content stamp decides, so a second start
// with no source change serves at once without webpack, and the command line runs the compiled
// JavaScript of dist/node, recompiled (not run stale) when a source changes. Runs after `npm run build`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildNode, contentStamp, nodeBuildIsCurrent } from '../../scripts/build.mjs';
import { npmStart } from '../support/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the stamp follows file contents, not modification times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stamp-'));
  mkdirSync(join(dir, 'src', 'core'), { recursive: true });
  writeFileSync(join(dir, 'src', 'core', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'package.json'), '{}');
  const first = contentStamp(dir, ['src', 'package.json']);
  assert.equal(first.files, 2);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, 'src', 'core', 'a.ts'), later, later);
  assert.equal(contentStamp(dir, ['src', 'package.json']).stamp, first.stamp, 'touching a file is not a change');
  writeFileSync(join(dir, 'src', 'core', 'a.ts'), 'export const a = 2;\n');
  const edited = contentStamp(dir, ['src', 'package.json']);
  assert.notEqual(edited.stamp, first.stamp, 'an edit is a change');
  writeFileSync(join(dir, 'src', 'core', 'b.ts'), '');
  assert.notEqual(contentStamp(dir, ['src', 'package.json']).stamp, edited.stamp, 'a new file is a change');
  // A file moved to another path is a change even with the same bytes.
  const moved = mkdtempSync(join(tmpdir(), 'stamp-'));
  mkdirSync(join(moved, 'src'), { recursive: true });
  writeFileSync(join(moved, 'src', 'x.ts'), 'same');
  const before = contentStamp(moved, ['src']).stamp;
  cpSync(join(moved, 'src', 'x.ts'), join(moved, 'src', 'y.ts'));
  rmSync(join(moved, 'src', 'x.ts'));
  assert.notEqual(contentStamp(moved, ['src']).stamp, before);
});

test('a second npm start with no source change serves at once, without webpack', { timeout: 60_000 }, async () => {
  const webBundle = join(ROOT, 'dist', 'web.js');
  const builtAt = statSync(webBundle).mtimeMs;
  const { seconds, output } = await npmStart({ timeoutMs: 45_000 });
  assert.match(output, /dist\/ is up to date with the sources .*: not rebuilding\./);
  assert.doesNotMatch(output, /webpack/);
  assert.equal(statSync(webBundle).mtimeMs, builtAt, 'dist/web.js was not rewritten');
  console.log(`npm start served after ${seconds.toFixed(1)} s`);
});

test('the command line runs the compiled dist/node and answers --help without loading a workbook engine', () => {
  assert.ok(nodeBuildIsCurrent(), 'npm run build leaves dist/node current');
  const stampFile = join(ROOT, 'dist', 'node', '.build-stamp.json');
  const stampBefore = readFileSync(stampFile, 'utf8');
  const run = spawnSync(process.execPath, ['--trace-warnings', join(ROOT, 'scripts', 'workbook.mjs'), '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_DEBUG: 'module' },
  });
  assert.equal(run.status, 0, run.stderr.slice(-2000));
  assert.match(run.stdout, /npm run workbook -- new <out\.xlsx>/);
  assert.equal(readFileSync(stampFile, 'utf8'), stampBefore, 'nothing was recompiled');
  // NODE_DEBUG=module names every package Node loads: none of the heavy ones for --help.
  for (const heavy of ['@univerjs', 'exceljs', 'echarts', '@resvg', 'tsx'])
    assert.doesNotMatch(run.stderr, new RegExp(`load .*node_modules/${heavy}`), `--help loaded ${heavy}`);
});

test('a changed source makes dist/node stale, and the next command compiles it first', { timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'node-build-'));
  for (const path of ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'])
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  assert.equal(nodeBuildIsCurrent(root), false);
  await buildNode(root);
  assert.equal(nodeBuildIsCurrent(root), true);
  const file = join(root, 'src', 'cli', 'usage.ts');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n// edited\n`);
  assert.equal(nodeBuildIsCurrent(root), false);
  await buildNode(root);
  assert.match(readFileSync(join(root, 'dist', 'node', 'workbook.cjs'), 'utf8'), /UsageError/);
  assert.equal(nodeBuildIsCurrent(root), true);
  // A stamp whose files are gone (removed by hand, or by a cleaning build) is not a build.
  rmSync(join(root, 'dist', 'node', 'server.cjs'));
  assert.equal(nodeBuildIsCurrent(root), false);
});
