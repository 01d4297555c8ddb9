const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const { extname, join, relative, sep } = require('node:path');
const { PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');

/**
 * A local Serverless plugin: `serverless deploy` ships the H5 app too. Once the stack
 * is up, it builds dist/h5 (its API on the same origin, under /api) and puts it into
 * the stack's WebBucket, which CloudFront serves packed (serverless.yml). It hooks
 * the deploy only, so `serverless package` needs neither credentials nor a build.
 * Plain JavaScript: Serverless loads plugins with require().
 */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every file under dir, as paths relative to it with forward slashes (the bucket's keys). */
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));

class H5Hosting {
  constructor(serverless, _options, { log }) {
    this.serverless = serverless;
    this.log = log;
    this.hooks = { 'after:deploy:deploy': () => this.ship() };
  }

  async ship() {
    const root = this.serverless.serviceDir;
    const provider = this.serverless.getProvider('aws');
    const out = join(root, 'dist', 'h5');
    // The mini-program's absolute API base is not the web app's: on the web the API is this origin's /api.
    // And the build goes to dist/h5, whatever a benchmark's TARO_OUTPUT_ROOT says.
    const { TARO_APP_API_BASE: _api, TARO_OUTPUT_ROOT: _out, ...env } = process.env;
    execFileSync(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, NODE_ENV: 'production' },
    });
    const resources = await provider.getStackResources();
    const bucket = resources.find((r) => r.LogicalResourceId === 'WebBucket')?.PhysicalResourceId;
    if (!bucket) throw new Error('The stack has no WebBucket (serverless.yml resources)');
    const s3 = new S3Client(await provider.getAwsSdkV3Config());
    // Hashed files first, kept a year; index.html last and never kept stale, so no visitor gets a page
    // whose scripts are not there yet. Old files stay: a page opened before the deploy still finds its chunks.
    const files = filesUnder(out).sort((a, b) => Number(a === 'index.html') - Number(b === 'index.html'));
    for (const key of files)
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: readFileSync(join(out, key)),
          ContentType: types[extname(key)] ?? 'application/octet-stream',
          CacheControl: key === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
        }),
      );
    this.log.notice(`H5 app: ${files.length} files to s3://${bucket}`);
  }
}

module.exports = H5Hosting;
