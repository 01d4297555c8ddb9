import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { root } from '../../scripts/local/serverless-config';
import { openApiDocument } from '../../src/shared/openapi';

/**
 * The packaged OpenAPI function serves the document built when it was packaged (the esbuild plugin in
 * scripts/deploy/esbuild-plugins.js): the same document the route table makes, without the table's schemas
 * in the bundle. Bundled here with serverless.yml's esbuild settings and plugins, then called in a fresh node.
 */
const esbuildSettings = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')).custom.esbuild;
const plugins = require(join(root, esbuildSettings.plugins));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'openapi-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('serves the document the route table makes, built at packaging, with no schema in the bundle', async () => {
  const outfile = join(dir, 'handler.mjs');
  await build({
    entryPoints: [join(root, 'src/functions/openapi/handler.ts')],
    outfile,
    bundle: true,
    minify: esbuildSettings.minify,
    charset: esbuildSettings.charset,
    platform: esbuildSettings.platform,
    target: esbuildSettings.target,
    format: esbuildSettings.format,
    banner: esbuildSettings.banner,
    plugins,
    logLevel: 'silent',
  });
  const bundle = readFileSync(outfile, 'utf8');
  // What only building the document needs: its references, and the routes' own messages (a notice's title).
  expect(['#/components/', '标题不能超过 80 字'].filter((text) => bundle.includes(text))).toEqual([]);
  expect(bundle.length).toBeLessThan(300 * 1024);

  const call = `const { serve } = await import(process.argv[1]);
const event = { version: '2.0', routeKey: 'GET /openapi.json', rawPath: '/openapi.json', rawQueryString: '', headers: {},
  requestContext: { http: { method: 'GET', path: '/openapi.json' }, requestId: 'r1' }, isBase64Encoded: false };
const context = { awsRequestId: 'r1', functionName: 'openapi', functionVersion: '1', memoryLimitInMB: '256',
  invokedFunctionArn: 'arn:aws:lambda:ap-east-1:000000000000:function:openapi', getRemainingTimeInMillis: () => 3000 };
process.stdout.write(JSON.stringify(await serve(event, context)));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', call, pathToFileURL(outfile).href], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, STAGE: 'ci', AWS_REGION: 'ap-east-1', LOG_LEVEL: 'WARN' },
  });
  expect(r.stderr).toBe('');
  const response = JSON.parse(r.stdout);
  expect(response.statusCode).toBe(200);
  expect(JSON.parse(response.body)).toEqual(openApiDocument());
});
