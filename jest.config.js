/**
 * Jest: ts-jest transpiles (tsc --noEmit does the type checking); jsdom only for React components.
 * Projects: `unit` needs nothing but `npm install`; `office` runs LibreOffice and the real-workbook
 * corpus (`npm run test:deps` provides them); `build` checks what `npm run build` emits in dist/
 * (the manifest, the Excel bundle, its metadata) and runs after the build in `npm test`.
 */
const FAST_CHECK_RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);

/** The suites that read dist/. */
const BUILD_SUITES = [
  'test/manifest/manifest.test.ts',
  'test/functions/bundle.test.ts',
  'test/functions/metadata.test.ts',
  'test/hosts/sheets/code.test.ts',
];

/**
 * The suites that run real applications beside ours — LibreOffice recomputing what we write, the
 * public real-workbook corpus, xmllint — minutes of work that `test:unit` leaves to `test:office`.
 */
const OFFICE_SUITES = [
  'test/files/nativeForms.test.ts',
  'test/files/libreoffice.test.ts',
  'test/files/xlsxPictures.test.ts',
  'test/files/validity.test.ts',
  'test/hosts/web/teamRollup.test.ts',
  'test/hosts/web/registerNames.test.ts',
  'test/hosts/web/registerLinks.test.ts',
  'test/hosts/web/forecastTiers.test.ts',
  'test/hosts/web/pilotGroups.test.ts',
  'test/cli/rollup.test.ts',
  'test/cli/goalsMonth.test.ts',
  'test/cli/report.test.ts',
  'test/cli/numberValidation.test.ts',
  'test/cli/tiers.test.ts',
  'test/cli/userFile.test.ts',
  'test/server/corpus.test.ts',
];

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
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
  // @fluentui/react-charts' CommonJS build requires d3's ESM-only packages; each ships a UMD build.
  moduleNameMapper: { '^(d3-[a-z-]+|internmap)$': '<rootDir>/node_modules/$1/dist/$1.js' },
  globals: { FAST_CHECK_RUNS },
};

/**
 * The Excel suites again under each Excel the manifest admits (test/hosts/excel/excelProfiles.ts);
 * `unit` runs them as Microsoft 365. Excel 2019 is not admitted (test/manifest/manifest.test.ts).
 */
const EXCEL_PROFILES = ['excel2021', 'excel2024', 'mac', 'web', 'ipad'];
const excelProfileProject = (profile) => ({
  ...common,
  displayName: `excel:${profile}`,
  testMatch: ['<rootDir>/test/hosts/excel/**/*.test.ts'],
  // The API-set scan reads the sources, not an Excel: once is enough.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/hosts/excel/apiSets.test.ts'],
  globals: { FAST_CHECK_RUNS, EXCEL_PROFILE: profile },
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', ...[...BUILD_SUITES, ...OFFICE_SUITES].map((suite) => `<rootDir>/${suite}`)],
    },
    { ...common, displayName: 'office', testMatch: OFFICE_SUITES.map((suite) => `<rootDir>/${suite}`) },
    { ...common, displayName: 'build', testMatch: BUILD_SUITES.map((suite) => `<rootDir>/${suite}`) },
    ...EXCEL_PROFILES.map(excelProfileProject),
  ],
};
