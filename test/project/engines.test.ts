/**
 * The Node version the README promises is the one every locked package accepts: a package whose
 * declared engine excludes it (as @sparticuz/chromium 153 did, Node ≥ 22.17) fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; os?: string[] }>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const promised = semver.coerce(/Node\.js (\d+(?:\.\d+)?) or later/.exec(readme)?.[1] ?? '');
const lowest = semver.minVersion(manifest.engines.node);

describe('declared engines', () => {
  test('package.json engines and the README promise the same lowest Node', () => {
    expect(lowest).not.toBeNull();
    expect(lowest!.version).toBe(promised?.version);
  });

  test('every locked package accepts the lowest Node we promise', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, meta]) => {
        const range = Array.isArray(meta.engines) ? undefined : meta.engines?.node;
        return range && !semver.satisfies(lowest!, range) ? [`${path} wants node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
