/**
 * Writes what Excel needs from the catalogue, so no list of functions is kept by hand:
 *  - src/functions/functions.generated.ts — one JSDoc'd wrapper per function, which
 *    custom-functions-metadata-plugin turns into functions.json (en-US);
 *  - src/functions/locales.generated.json — zh-CN names and descriptions by id, which the
 *    webpack build merges into functions.zh-CN.json.
 * `npm run generate` rewrites both; `npm run generate -- --check` (part of `npm run lint`) fails when
 * they are stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, type FunctionSpec } from '../src/core';

const ROOT = join(__dirname, '..');
const HEADER = '// Generated from src/core/catalogue by scripts/generate-functions.ts. Do not edit: run `npm run generate`.\n';

const camel = (id: string): string => id.toLowerCase().replace(/[._](\w)/g, (_, c: string) => c.toUpperCase());
const jsdocText = (text: string): string => text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();

function wrapper(spec: FunctionSpec): string {
  const lines = [
    '/**',
    ` * ${jsdocText(spec.description['en-US'])}`,
    ` * @customfunction ${spec.id}`,
    ...spec.params.map((p) => ` * @param {any[][]} ${p.optional ? `[${p.key}]` : p.key} ${jsdocText(p.description['en-US'])}`),
    ' * @returns {any[][]} One value, or one per cell of the ranges given (spills).',
    ...(spec.volatile ? [' * @volatile'] : []),
    ' */',
  ];
  const params = spec.params.map((p) => `${p.key}${p.optional ? '?' : ''}: any[][]`).join(', ');
  const args = spec.params.map((p) => p.key).join(', ');
  return `${lines.join('\n')}\nexport function ${camel(spec.id)}(${params}): any[][] {\n  return callFromExcel('${spec.id}', [${args}]);\n}\n`;
}

export function functionsSource(): string {
  return `${HEADER}import { callFromExcel } from '../hosts/excel/customFunctions';\n\n${FUNCTIONS.map(wrapper).join('\n')}`;
}

export function zhCnLocale(): string {
  const byId = Object.fromEntries(
    FUNCTIONS.map((spec) => [
      spec.id,
      {
        name: spec.name['zh-CN'],
        description: spec.description['zh-CN'],
        parameters: spec.params.map((p) => ({ name: p.name['zh-CN'], description: p.description['zh-CN'] })),
      },
    ]),
  );
  return `${JSON.stringify({ 'zh-CN': byId }, null, 2)}\n`;
}

export const GENERATED = {
  'src/functions/functions.generated.ts': functionsSource,
  'src/functions/locales.generated.json': zhCnLocale,
} as const;

/** The generated files that differ from what the catalogue makes now (empty when up to date). */
export function staleGenerated(): string[] {
  return Object.entries(GENERATED).flatMap(([path, make]) => {
    const file = join(ROOT, path);
    return existsSync(file) && readFileSync(file, 'utf8') === make() ? [] : [path];
  });
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    // `npm run lint` runs this: a stale wrapper is caught without a build (docs/adr/0005-generated-wrappers.md).
    const stale = staleGenerated();
    for (const path of stale) console.error(`${path} is stale: run \`npm run generate\` and commit the result.`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const [path, make] of Object.entries(GENERATED)) {
    writeFileSync(join(ROOT, path), make());
    console.log(`wrote ${path}`);
  }
}
