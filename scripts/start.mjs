// `npm start [-- path/to/team.xlsx]`: builds dist/ only when the sources changed since the last
// build (scripts/build.mjs, a content stamp), then serves the web host (scripts/serve.mjs).
import { buildAll } from './build.mjs';

await buildAll({ ifStale: true });
await import('./serve.mjs');
