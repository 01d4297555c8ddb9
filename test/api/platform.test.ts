import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpRoutes, scheduledFunctions } from '../../scripts/local/serverless-config';
import { routes } from '../../src/shared/api';
import { startTestApi, type TestApi } from '../helpers/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('apiplatform');
});
afterAll(() => api.stop());

describe('the platform', () => {
  it('answers /health when ready', async () => {
    const r = await api.anonymous.get('/health');
    expect(r).toEqual({ status: 200, body: { ok: true, stage: 'local' } });
  });

  it('serves an OpenAPI document with every route', async () => {
    const r = await api.anonymous.get('/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    for (const route of Object.values(routes))
      expect(r.body.paths[route.path][route.method.toLowerCase()]).toBeDefined();
    const create = r.body.paths['/notices'].post.requestBody.content['application/json'].schema;
    expect(create.properties.category.enum).toEqual(['party', 'government', 'village', 'finance', 'service']);
  });

  it('serverless.yml declares exactly the routes the API defines, and a catch-all for the rest', () => {
    const declared = httpRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(declared).toEqual([...Object.values(routes).map((r) => `${r.method} ${r.path}`), '* /{proxy+}'].sort());
  });

  it('answers a path no route serves in the app error shape, in Chinese', async () => {
    for (const path of ['/no-such-thing', '/notices/x/y/z']) {
      const r = await api.anonymous.get(path);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      expect(r.body.error.message).toContain('接口');
    }
    const wrongMethod = await api.anonymous.request('PATCH', '/health');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.message).toContain('PATCH');
  });

  it('runs the result closer, the case escalation, the audit chainer and anchor, the photo sweep, the events relay, announcements and held pushes on a schedule', () => {
    expect(scheduledFunctions().map((f) => [f.module, f.exportName, f.everyMs])).toEqual([
      ['src/functions/topics/handler', 'closeDue', 5 * 60_000],
      ['src/functions/cases/handler', 'escalateDue', 15 * 60_000],
      ['src/functions/audit/handler', 'chainRecent', 5 * 60_000],
      ['src/functions/audit/handler', 'anchorDaily', 24 * 60 * 60_000],
      ['src/functions/photos/handler', 'sweepUnattached', 60 * 60_000],
      ['src/functions/events/handler', 'relay', 60_000],
      ['src/functions/events/handler', 'announce', 15 * 60_000],
      ['src/functions/subscriptions/handler', 'release', 5 * 60_000],
    ]);
  });

  it('no request path uses a Scan', () => {
    const dir = join(__dirname, '../../src/functions');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/ScanCommand|\bScan\b/);
  });

  it('answers an unknown route with 404 and a wrong method with 405, never 500', async () => {
    expect((await api.anonymous.get('/nothing-here')).status).toBe(404);
    expect((await api.anonymous.request('PATCH', '/notices')).status).toBe(405);
  });

  it('lists demo people for the local sign-in, and signs one in', async () => {
    const r = await api.anonymous.get('/auth/demo-people');
    const chair = api.township.villages[0].chair;
    expect(r.body.people).toContainEqual(
      expect.objectContaining({
        personId: chair.personId,
        roles: expect.arrayContaining(['committee']),
        // Villages of different townships may share a name; the list says which township.
        tenantName: `${api.township.name} ${api.township.villages[0].name}`,
      }),
    );
    const bad = await api.anonymous.post('/auth/demo-sign-in', { tenantId: chair.tenantId, personId: 'nobody' });
    expect(bad.status).toBe(404);
  });
});
