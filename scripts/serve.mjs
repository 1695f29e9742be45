// `npm start` (after scripts/start.mjs's build check) / `node scripts/serve.mjs [path/to/team.xlsx]`:
// the web host's local server (src/server/main.ts), as the compiled JavaScript of dist/node when
// that matches the sources, else straight from the TypeScript through tsx.
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NODE_DIST, nodeBuildIsCurrent } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = nodeBuildIsCurrent()
  ? createRequire(import.meta.url)(join(NODE_DIST, 'server.cjs'))
  : await (await import('tsx/esm/api')).tsImport('../src/server/main.ts', import.meta.url);
await main(process.argv.slice(2), root);
