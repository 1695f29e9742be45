/**
 * Each main folder of src/ has a short guide (what lives there, what never does, how to add one),
 * and every file or folder a guide names exists — a guide that points at a moved file fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const GUIDED = ['core', 'workbook', 'hosts', 'taskpane', 'cli', 'files', 'server'];

test.each(GUIDED)('src/%s has a guide that says what lives there, what never does, and how to add', (folder) => {
  const text = readFileSync(join(root, 'src', folder, 'README.md'), 'utf8');
  expect(text).toMatch(/What lives here/);
  expect(text).toMatch(/What never lives here/);
  expect(text).toMatch(/Adding /);
});

test('every path a guide names is in the repository', () => {
  const missing = GUIDED.flatMap((folder) => {
    const guide = join(root, 'src', folder, 'README.md');
    const named = [...readFileSync(guide, 'utf8').matchAll(/`([\w./-]+\.(?:ts|tsx|mjs|json)|[\w-]+\/[\w./-]*)`/g)].map(
      (m) => m[1] as string,
    );
    return named.filter((path) => {
      const bare = path.replace(/\/$/, '');
      return ![join(root, bare), join(dirname(guide), bare)].some((p) => existsSync(p));
    });
  });
  expect(missing).toEqual([]);
});
