/**
 * Every document a comment (or any text) in src/, test/ or scripts/ cites is a file of this
 * repository, and a cited section (`docs/DOMAIN.md §5`) is a heading of that file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|mjs|js|json)$/.test(name) ? [path] : [];
  });
}

const CITATION = /(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.md)(?: §(\d+))?/g;

const citations = ['src', 'test', 'scripts'].flatMap((dir) =>
  files(join(root, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(CITATION)].map((m) => ({ file: relative(root, file), doc: m[1] as string, section: m[2] })),
  ),
);

test('code cites documents', () => {
  expect(citations.length).toBeGreaterThan(20);
});

test('every cited document is a file of the repository, every cited section one of its headings', () => {
  const broken = citations.flatMap(({ file, doc, section }) => {
    const path = join(root, doc);
    if (!existsSync(path)) return [`${file}: ${doc} is not in the repository`];
    if (section === undefined) return [];
    const headings = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'));
    return headings.some((h) => new RegExp(`^#+ ${section}\\.`).test(h)) ? [] : [`${file}: ${doc} has no §${section}`];
  });
  expect(broken).toEqual([]);
});
