/**
 * Two jest projects. `node`: unit, API (DynamoDB Local + real HTTP) and browser (H5 build in Chromium) tests.
 * `weapp`: the mini-program build (dist/weapp) started in miniprogram-simulate under jsdom, with the browser's
 * globals hidden from the build's code (test/weapp/hide-browser.cjs) as WeChat hides them.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];
const typescript = { '^.+\\.(t|j)sx?$': swc };
// `npm test` runs the suite in three parts (VH_TEST_PART): `rest` (unit, API, mini-program) two files at once, its
// log lines captured (VH_LOG_CAPTURE, test/helpers/log-capture.ts); `logs` (test/logs), which searches them; then
// `browser` (test/e2e) one file at a time. A browser test beside another file's stack on a 2-core machine saw H5's
// router lose a navigation now and then; alone, it has the machine. Unset, jest runs everything but test/logs (it
// has nothing to read without a captured run), as a developer running one file expects.
const part = process.env.VH_TEST_PART;
const nodeProject = {
  displayName: 'node',
  testEnvironment: 'node',
  roots: [{ browser: '<rootDir>/test/e2e', logs: '<rootDir>/test/logs' }[part] ?? '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/weapp/',
    ...(part === 'rest' ? ['<rootDir>/test/e2e/'] : []),
    ...(part === 'logs' ? [] : ['<rootDir>/test/logs/']),
  ],
  transform: typescript,
  // middy and jose ship only ES modules; compile them to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose)/)'],
  // The logs part reads files: no database, and no logger of its own to capture.
  ...(part === 'logs'
    ? {}
    : {
        setupFiles: ['<rootDir>/test/helpers/log-capture.ts'],
        globalSetup: '<rootDir>/test/helpers/global-setup.ts',
        globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
      }),
};
const weappProject = {
  displayName: 'weapp',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // The build's own files and the fixtures' pages run as WeChat would run them: no window, document, storage.
    '[/\\\\](dist[/\\\\]weapp|test[/\\\\]weapp[/\\\\]fixtures)[/\\\\].+\\.js$': '<rootDir>/test/weapp/hide-browser.cjs',
    ...typescript,
  },
};
module.exports = {
  // A 2-core CI machine runs two files at once; a file's stack once took over a minute to seed there.
  testTimeout: 120000,
  maxWorkers: part === 'browser' ? 1 : 2,
  projects: part === 'browser' || part === 'logs' ? [nodeProject] : [nodeProject, weappProject],
};
