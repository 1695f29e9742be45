/** Jest: ts-jest transpiles (tsc --noEmit does the type checking); jsdom only for React components. */
const FAST_CHECK_RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // esmShims maps the ESM-only packages Univer requires to CommonJS (lazily, for every test file).
  setupFiles: ['<rootDir>/test/support/jsdomSetup.ts', '<rootDir>/test/hosts/web/esmShims.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: { module: 'CommonJS', moduleResolution: 'Node10', jsx: 'react-jsx', verbatimModuleSyntax: false },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  globals: { FAST_CHECK_RUNS },
  testTimeout: 60000,
};
