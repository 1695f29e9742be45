// `npm start` / `node scripts/serve.mjs [path/to/team.xlsx]`: the web host's local server
// (src/server/main.ts), loaded through tsx so the server shares the TypeScript core with the page.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await tsImport('../src/server/main.ts', import.meta.url);
await main(process.argv.slice(2), root);
