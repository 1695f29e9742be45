/**
 * Univer's CommonJS builds require four ESM-only packages (lodash-es, nanoid 5, rbush 4, kdbush 4).
 * Node ≥ 20.19 loads them through require(esm); Jest does not, and node_modules are not transformed.
 * Each Univer test file maps them to CommonJS equivalents with, at its top:
 *
 *   jest.mock('lodash-es', () => jest.requireActual('lodash'));
 *   jest.mock('nanoid', () => jest.requireActual('./esmShims').nanoidModule);
 *   jest.mock('rbush', () => jest.requireActual('./esmShims').umdBuild('rbush'));
 *   jest.mock('kdbush', () => jest.requireActual('./esmShims').umdBuild('kdbush'));
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const URL_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

function randomId(alphabet: string, size: number): string {
  let id = '';
  while (id.length < size) {
    for (const byte of randomBytes(size)) {
      const index = byte % 64;
      if (index < alphabet.length && id.length < size) id += alphabet[index];
    }
  }
  return id;
}

/** nanoid's two functions Univer uses. */
export const nanoidModule = {
  nanoid: (size = 21): string => randomId(URL_ALPHABET, size),
  customAlphabet:
    (alphabet: string, defaultSize = 21) =>
    (size = defaultSize): string =>
      randomId(alphabet, size),
};

/** The UMD build shipped beside a package's ESM entry (`rbush/rbush.js`, `kdbush/kdbush.js`). */
export function umdBuild(name: 'rbush' | 'kdbush'): unknown {
  const packageDir = path.dirname(require.resolve(`${name}/package.json`, { paths: [process.cwd()] }));
  return jest.requireActual(path.join(packageDir, `${name}.js`));
}
