import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpRoutes, scheduledFunctions } from '../../scripts/local/serverless-config';
import { resources, routes } from '../../src/shared/api';
import { ApiError } from '../../src/shared/schemas/common';
import { type Reply, startTestApi, type TestApi } from '../helpers/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('apiplatform', { withNotices: true });
});

/** The statuses /openapi.json documents for one operation, and the schema each error answer refers to. */
async function documented(method: string, path: string) {
  const doc = (await api.anonymous.get('/openapi.json')).body;
  const responses: Record<string, { $ref?: string }> = doc.paths[path][method.toLowerCase()].responses;
  const errorSchemas = Object.entries(responses)
    .filter(([status]) => Number(status) >= 400)
    .map(([, r]) => doc.components.responses[r.$ref!.split('/').pop()!].content['application/json'].schema.$ref);
  return { statuses: Object.keys(responses), errorSchemas };
}

/** A real answer, whose status the document lists for its operation, and whose error body is the ApiError shape. */
async function expectDocumented(reply: Reply, method: string, path: string, status: number) {
  expect(reply.status).toBe(status);
  const { statuses, errorSchemas } = await documented(method, path);
  expect(statuses).toContain(String(status));
  if (status >= 400) {
    expect(ApiError.safeParse(reply.body).success).toBe(true);
    expect(new Set(errorSchemas)).toEqual(new Set(['#/components/schemas/ApiError']));
  }
}
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

  it('documents the statuses real calls answer, in the app error shape', async () => {
    const village = api.township.villages[0];
    const chair = await api.as(village.chair);
    const resident = await api.as(village.residents[0]);

    const invalid = await chair.post('/notices', {});
    await expectDocumented(invalid, 'POST', '/notices', 400);
    expect(invalid.body.error.fields.map((f: { path: string }) => f.path)).toContain('title');

    await expectDocumented(await api.anonymous.get('/notices'), 'GET', '/notices', 401);
    await expectDocumented(await resident.get('/people'), 'GET', '/people', 403);
    await expectDocumented(await chair.get('/notices/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 'GET', '/notices/{noticeId}', 404);

    // The same Idempotency-Key sent again with another question.
    const noticeId = village.publishedNoticeIds[0];
    const key = { 'idempotency-key': 'platform-test-key-1' };
    const asked = await resident.post(`/notices/${noticeId}/questions`, { text: '什么时候开工？' }, key);
    await expectDocumented(asked, 'POST', '/notices/{noticeId}/questions', 201);
    const reused = await resident.post(`/notices/${noticeId}/questions`, { text: '谁来施工？' }, key);
    await expectDocumented(reused, 'POST', '/notices/{noticeId}/questions', 422);

    await expectDocumented(await api.anonymous.post('/auth/qr-tickets'), 'POST', '/auth/qr-tickets', 201);
  });

  it('says which operations are public, and names each by its route, tagged with its route module', async () => {
    const doc = (await api.anonymous.get('/openapi.json')).body;
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.servers.map((s: { url: string }) => s.url)).toEqual([
      'http://127.0.0.1:{port}/api',
      'https://{apiId}.execute-api.{region}.amazonaws.com',
    ]);
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual(Object.keys(resources));
    for (const [tag, { routes: own }] of Object.entries(resources))
      for (const [name, r] of Object.entries(own)) {
        const op = doc.paths[r.path][r.method.toLowerCase()];
        expect({ name, operationId: op.operationId, tags: op.tags }).toEqual({ name, operationId: name, tags: [tag] });
        // Public: security [] (no session); the rest take the document's session.
        expect({ name, security: op.security }).toEqual({ name, security: r.auth ? undefined : [] });
        // Anything that reads input or a session documents how it refuses it (Redocly's operation-4xx-response).
        if (r.auth || 'params' in r || 'query' in r || 'body' in r)
          expect({ name, refuses: Object.keys(op.responses).some((s) => s.startsWith('4')) }).toEqual({
            name,
            refuses: true,
          });
      }
    expect(Object.values(doc.paths).flatMap((p) => Object.keys(p as object))).toHaveLength(Object.keys(routes).length);
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

  it('runs the result closer, the case and inquiry escalations, the village summaries, the audit chainer and anchor, the photo sweep, the events relay, announcements and held pushes on a schedule', () => {
    expect(scheduledFunctions().map((f) => [f.module, f.exportName, f.everyMs])).toEqual([
      ['src/functions/topics/handler', 'closeDue', 5 * 60_000],
      ['src/functions/cases/handler', 'anonymiseClosed', 24 * 60 * 60_000],
      ['src/functions/cases/handler', 'escalateDue', 15 * 60_000],
      ['src/functions/township/handler', 'refreshDaily', 24 * 60 * 60_000],
      ['src/functions/audit/handler', 'chainRecent', 5 * 60_000],
      ['src/functions/audit/handler', 'anchorDaily', 24 * 60 * 60_000],
      ['src/functions/inquiries/handler', 'escalateDue', 15 * 60_000],
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
    // A 404 the route declares (its shape has no id in the path).
    await expectDocumented(bad, 'POST', '/auth/demo-sign-in', 404);
  });
});
