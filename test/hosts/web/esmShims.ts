/**
 * Jest setup file (jest.config.js `setupFiles`): lets any test file load Univer's CommonJS builds.
 *
 * Those builds require six ESM-only packages (lodash-es, nanoid 5, rbush 4, kdbush 4, and through
 * engine-render cjk-regex and franc-min). Node ≥ 20.19 loads them through require(esm); Jest does
 * not, and node_modules are not transformed. The mocks below map them to CommonJS equivalents.
 * They are lazy: a factory runs only when a test actually loads Univer, so other suites pay
 * nothing. A setup file rather than `moduleNameMapper` because rbush and kdbush need a `default`
 * export added to their UMD builds (Univer calls `new rbush.default()`), which a path mapping
 * cannot express without one shim file per package.
 *
 * cjk-regex and franc-min only serve text layout in the renderer, which headless tests never run.
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
const nanoidModule = {
  nanoid: (size = 21): string => randomId(URL_ALPHABET, size),
  customAlphabet:
    (alphabet: string, defaultSize = 21) =>
    (size = defaultSize): string =>
      randomId(alphabet, size),
};

/**
 * The UMD build shipped beside a package's ESM entry (`rbush/rbush.js`, `kdbush/kdbush.js`), as an
 * ES-module namespace: Univer's CommonJS reads `.default` without an interop helper.
 */
function umdBuild(name: 'rbush' | 'kdbush'): unknown {
  const packageDir = path.dirname(require.resolve(name));
  const exported: unknown = jest.requireActual(path.join(packageDir, `${name}.js`));
  return { __esModule: true, default: exported };
}

const charset = (source: string) => ({ toRegExp: (): RegExp => new RegExp(`[${source}]`, 'u') });
const CJK_LETTERS = String.raw`\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}\p{Script=Bopomofo}`;
const CJK_PUNCTUATION = String.raw`\u3000-\u303F\u31C0-\u31EF\u3200-\u32FF\u3300-\u33FF\uFE10-\uFE1F\uFE30-\uFE4F\uFE50-\uFE6F\uFF00-\uFFEF`;

/** cjk-regex's three character classes, from Unicode properties (close enough for headless use). */
const cjkRegexModule = {
  letters: () => charset(CJK_LETTERS),
  punctuations: () => charset(CJK_PUNCTUATION),
  all: () => charset(CJK_LETTERS + CJK_PUNCTUATION),
};

/** franc-min's language guess, used for hyphenation only: always "undetermined". */
const francModule = { franc: (): string => 'und' };

// Registered from a setup file, these apply to every module the test file loads afterwards.
jest.mock('lodash-es', () => jest.requireActual('lodash'));
jest.mock('nanoid', () => nanoidModule);
jest.mock('rbush', () => umdBuild('rbush'));
jest.mock('kdbush', () => umdBuild('kdbush'));
jest.mock('cjk-regex', () => cjkRegexModule);
jest.mock('franc-min', () => francModule);
