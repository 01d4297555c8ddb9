import { type Route, routes } from '../../src/shared/api';
import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Nothing a client can send gets a 500: every route, fed junk in its path, query,
 * headers and body, answers with a 4xx (or a plain 200 for a read that ignores the
 * junk), a readable message, and writes nothing.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('badrequests');
});
afterAll(() => api.stop());

const junkBodies = [
  '',
  'null',
  '[]',
  '"text"',
  '42',
  '{"title": {"$gt": ""}}',
  '{',
  '{"category": null, "title": []}',
  `{"text": "${'长'.repeat(300_000)}"}`,
];
const junkSegments = [
  '%00',
  '..%2F..',
  'x'.repeat(300),
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '%F0%9F%92%A9',
  "'; DROP TABLE --",
];
const junkQueries = [
  'limit=-1',
  'limit=abc',
  'cursor=%%%',
  'cursor=AAAA',
  'category=党务',
  'status=all',
  'villageId=../../x',
  `q=${'x'.repeat(100)}`,
  'limit=1&limit=2',
];

const fill = (r: Route, segment: string) => r.path.replace(/\{\w+\}/g, segment);

/** Reads of the sensitive tier are audited even when junk rides along: those entries are expected. */
const changes = (audits: Record<string, unknown>[]) =>
  audits.filter((a) => a.action !== 'roster.export' && a.action !== 'person.sensitive.view');

/** Unbinding oneself takes no input at all, so no junk can reach it; its own tests cover it. */
const takesInput = ([name]: [string, Route]) => name !== 'unbindMe';

describe('junk in, 4xx out, nothing written', () => {
  it.each((Object.entries(routes) as [string, Route][]).filter(takesInput))('%s', async (_, route) => {
    const chair = await api.as(api.township.villages[0].chair);
    const auditBefore = await rawTable().partition(
      `TN#${api.township.villages[0].villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`,
    );
    const replies = [];
    for (const segment of junkSegments)
      replies.push(await chair.request(route.method, fill(route, segment), route.body ? {} : undefined));
    for (const query of junkQueries)
      replies.push(await chair.request(route.method, `${fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV')}?${query}`));
    if (route.body)
      for (const body of junkBodies)
        replies.push(
          await chair.request(route.method, fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), body, {
            'content-type': 'application/json',
          }),
        );
    replies.push(
      await chair.request(route.method, fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), undefined, {
        'idempotency-key': '<script>',
      }),
    );
    replies.push(
      await api.anonymous.request(route.method, fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), undefined, {
        authorization: 'Bearer a.b.c',
      }),
    );
    for (const r of replies) {
      expect(r.status).toBeLessThan(500);
      if (r.status >= 400 && r.body?.error) expect(r.body.error.message.length).toBeGreaterThan(0);
    }
    const auditAfter = await rawTable().partition(
      `TN#${api.township.villages[0].villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`,
    );
    expect(changes(auditAfter)).toHaveLength(changes(auditBefore).length);
  });
});
