import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startHttpServer } from '../../scripts/local/http-server';
import { closeServer } from '../../scripts/local/stack';

/**
 * The H5 app reaches a village phone over a slow line: the local server sends its
 * scripts, styles and pages packed (brotli or gzip, whichever the browser takes),
 * and always the bytes of the current build.
 */
let dir: string;
let server: Server;
let url: string;
const script = `window.notices=${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ title: `第${i}号公告`, body: '村民议事厅'.repeat(20) })))};`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vh-static-'));
  mkdirSync(join(dir, 'js'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>村民议事厅</title><body>${'<p>骨架</p>'.repeat(100)}`);
  writeFileSync(join(dir, 'js', 'app.js'), script);
  writeFileSync(join(dir, 'logo.png'), Buffer.alloc(2048, 7));
  ({ server, url } = await startHttpServer({ staticDir: dir }));
});
afterAll(async () => {
  await closeServer(server);
  rmSync(dir, { recursive: true, force: true });
});

/** A GET with this Accept-Encoding (none sent when undefined); the body as it came over the wire. */
const get = (path: string, acceptEncoding?: string) =>
  new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

it('sends a script in brotli to a browser that takes it, a fraction of its size, and it unpacks to the file', async () => {
  const r = await get('/js/app.js', 'gzip, deflate, br');
  expect(r.headers['content-encoding']).toBe('br');
  expect(r.headers.vary).toBe('accept-encoding');
  expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(r.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
  expect(brotliDecompressSync(r.body).toString()).toBe(script);
});

it('sends gzip where brotli is not taken (or refused with q=0), and the plain file to a client that takes neither', async () => {
  for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
    const r = await get('/js/app.js', accept);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString()).toBe(script);
  }
  const plain = await get('/js/app.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(script);
});

it('packs the page a deep link falls back to, and leaves images as they are', async () => {
  const page = await get('/pages/notices/list/index', 'br');
  expect(page.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(page.body).toString()).toContain('<title>村民议事厅</title>');
  const image = await get('/logo.png', 'br, gzip');
  expect(image.headers['content-encoding']).toBeUndefined();
  expect(image.body.length).toBe(2048);
});

it('after a rebuild sends the new file, not the packed copy of the old one', async () => {
  await get('/js/app.js', 'br');
  const rebuilt = `${script}window.rebuilt=true;`;
  writeFileSync(join(dir, 'js', 'app.js'), rebuilt);
  const later = new Date(Date.now() + 5_000);
  utimesSync(join(dir, 'js', 'app.js'), later, later);
  const r = await get('/js/app.js', 'br');
  expect(brotliDecompressSync(r.body).toString()).toBe(rebuilt);
});
