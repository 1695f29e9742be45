// `npm run workbook -- …`: the workbook command line (src/cli/workbook.ts), run as the compiled
// JavaScript of dist/node — compiled first (about a second, scripts/build.mjs) when the sources
// changed since, so the command never runs stale code and never waits for TypeScript.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { NODE_DIST, buildNode, nodeBuildIsCurrent } from './build.mjs';

if (!nodeBuildIsCurrent()) await buildNode();
const { runWorkbookCli } = createRequire(import.meta.url)(join(NODE_DIST, 'workbook.cjs'));
const code = await runWorkbookCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
process.exit(code);
