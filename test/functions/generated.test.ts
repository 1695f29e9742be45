/** The committed wrappers are what the catalogue makes now; no build needed (see scripts/generate-functions.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED, staleGenerated } from '../../scripts/generate-functions';

const ROOT = join(__dirname, '..', '..');

describe('generated sources', () => {
  it.each(Object.entries(GENERATED))('%s is up to date with the catalogue (run npm run generate)', (path, make) => {
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(make());
  });

  it('the --check mode reports none stale', () => {
    expect(staleGenerated()).toEqual([]);
  });
});
