/**
 * The first command a user runs: `npm start` cold (no dist/, no build cache) and warm (nothing
 * changed: scripts/build.mjs's stamp skips the build), both to the server's "running" line; and the
 * workbook command line (`--help`, `new`, `report`) beside `node -e 0`, the floor any Node command pays.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES } from '../../src/core';

const ROOT = join(__dirname, '..', '..');

const seconds = (ms: number): number => +(ms / 1000).toFixed(2);

function timeCommand(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr.slice(-500)}`);
  return seconds(performance.now() - started);
}

/** Seconds from `npm start` to the server's "is running at" line. */
async function timeStart(): Promise<number> {
  const support: string = '../../test/support/browser.mjs';
  const { npmStart } = (await import(support)) as { npmStart: () => Promise<{ seconds: number }> };
  return seconds((await npmStart()).seconds * 1000);
}

export async function startBench(): Promise<void> {
  const floor = timeCommand(['-e', '0']);
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  rmSync(join(ROOT, 'node_modules', '.cache', 'webpack'), { recursive: true, force: true });
  const cold = await timeStart();
  const warm = await timeStart();
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const book = join(dir, 'team.xlsx');
  const cli = (args: readonly string[]) => timeCommand([join(ROOT, 'scripts', 'workbook.mjs'), ...args]);
  const help = cli(['--help']);
  const made = cli(['new', book]);
  const report = cli(['report', book, '--as-of', '2024-04-01']);
  const row = (step: string, value: number, budget: string, peer?: number) => ({
    step,
    seconds: value,
    budget,
    'peer: node -e 0 (s)': peer ?? '',
    ratio: peer ? +(value / peer).toFixed(1) : '',
  });
  console.log('The first command: npm start and the workbook command line');
  console.table([
    row('npm start, cold (no dist/, no build cache) to serving', cold, '— (a build, with progress)'),
    row('npm start, warm (no source change) to serving', warm, '≤ 5 s', floor),
    row('workbook --help', help, '< 1 s', floor),
    row(`workbook new (all ${TEMPLATES.length} templates)`, made, 'a few seconds', floor),
    row('workbook report', report, 'a few seconds', floor),
  ]);
}
