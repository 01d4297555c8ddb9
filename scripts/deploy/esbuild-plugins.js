/**
 * esbuild plugins for the function bundles (serverless.yml, custom.esbuild.plugins).
 *
 * The AWS SDK stays out of the bundles (the Lambda runtime has it), and it ships as
 * CommonJS. An ES module that imports a CommonJS package makes Node scan the package's
 * source for its export names (cjs-module-lexer) before it runs it: for the DynamoDB
 * client that doubled its load, about half of every function's cold import. Reached
 * through require() instead (the banner's createRequire), the SDK loads without the scan.
 * Plain JavaScript: serverless-esbuild loads this file with require().
 */
const sdkByRequire = {
  name: 'aws-sdk-by-require',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\// }, (args) =>
      args.namespace === 'aws-sdk-by-require'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'aws-sdk-by-require' },
    );
    build.onLoad({ filter: /.*/, namespace: 'aws-sdk-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

module.exports = [sdkByRequire];
