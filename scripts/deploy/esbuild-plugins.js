/**
 * esbuild plugins for the function bundles (serverless.yml, custom.esbuild.plugins).
 * Plain JavaScript: serverless-esbuild loads this file with require().
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

/**
 * The AWS SDK stays out of the bundles (the Lambda runtime has it), and it ships as
 * CommonJS. An ES module that imports a CommonJS package makes Node scan the package's
 * source for its export names (cjs-module-lexer) before it runs it: for the DynamoDB
 * client that doubled its load, about half of every function's cold import. Reached
 * through require() instead (the banner's createRequire), the SDK loads without the scan.
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

/**
 * The OpenAPI function's document (src/functions/openapi/document.ts), built once here rather than at
 * every cold start: the module is replaced by the document itself, gzipped (561 KB of JSON in 30 KB;
 * gunzip starts faster than Brotli). Built with tsx from the route table, in a child process, since the
 * table is TypeScript and this file is loaded by require().
 */
const openapiBuiltOnce = {
  name: 'openapi-built-once',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]functions[\\/]openapi[\\/]document\.ts$/ }, () => {
      const root = join(__dirname, '..', '..');
      const built = spawnSync(
        process.execPath,
        [
          require.resolve('tsx/cli'),
          '-e',
          "import { openApiDocument } from './src/shared/openapi'; process.stdout.write(JSON.stringify(openApiDocument()));",
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (built.status !== 0) throw new Error(`building the OpenAPI document failed:\n${built.stderr}`);
      JSON.parse(built.stdout); // a document that doesn't parse fails the packaging, not the first request
      const packed = gzipSync(Buffer.from(built.stdout, 'utf8'), { level: 9 }).toString('base64');
      return {
        contents: `import { gunzipSync } from 'node:zlib';
export const document = JSON.parse(gunzipSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));`,
        loader: 'js',
      };
    });
  },
};

module.exports = [sdkByRequire, openapiBuiltOnce];
