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
module.exports = {
  testTimeout: 60000, // a 2-core CI machine runs two files at once, browsers included
  maxWorkers: 2,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/weapp/'],
      transform: typescript,
      // middy and jose ship only ES modules; compile them to CommonJS like our own code.
      transformIgnorePatterns: ['/node_modules/(?!(@middy|jose)/)'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
    {
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.ts'],
      transform: {
        // The build's own files and the fixtures' pages run as WeChat would run them: no window, document, storage.
        '[/\\\\](dist[/\\\\]weapp|test[/\\\\]weapp[/\\\\]fixtures)[/\\\\].+\\.js$':
          '<rootDir>/test/weapp/hide-browser.cjs',
        ...typescript,
      },
    },
  ],
};
