import { ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { localClient } from '../../scripts/local/dynamodb';
import { type Route, routes } from '../../src/shared/api';
import { type ApiClient, startTestApi, type TestApi } from '../helpers/api';

/**
 * Junk to every route of the shared route table, property-based (fast-check),
 * bounded in time: malformed path parameters (bad %-escapes, NUL, lone
 * surrogates, bidi overrides, long strings), queries, bodies that are not JSON
 * or not the right JSON, and odd headers, from a committee member, a resident,
 * a forged token and no one. Every answer is below 500 and, when refused, in the
 * app's error shape with a Chinese message; and nothing is written.
 */
const PREFIX = 'fuzz';
let api: TestApi;
let callers: Record<'chair' | 'resident' | 'forged' | 'anonymous', ApiClient>;

/** Routes junk can make invalid: one that takes no input at all (sign me out) is a valid request whatever we send. */
const table = routes as Record<string, Route>;
const fuzzable = Object.keys(table).filter((n) => {
  const r = table[n];
  return r.method === 'GET' || r.params || r.body || r.query;
});

const nasty = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%zz',
  '%00',
  '..',
  '../..',
  '\u0000\u0000',
  '\uD800',
  '\u202Eevil',
  '\u0007',
  'a'.repeat(600),
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '-1',
  '1e309',
  'null',
  '{}',
  '[]',
  '张三',
);
const junkText = fc.oneof(nasty, fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer().map(String));
/** Percent-encoding of what a phone would send for the text (a lone surrogate goes out as U+FFFD). */
const encode = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
/** A path segment as a careless or hostile client writes it: encoded, or raw with its broken escapes. */
const segment = fc.oneof(junkText.map(encode), nasty);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(), // not JSON, mostly
  fc.constantFrom('{', '{"a":', '\u0000', '[1,2', '"x"', 'true'),
  fc.dictionary(junkText, fc.jsonValue(), { maxKeys: 5 }).map((v) => JSON.stringify(v)),
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom('cursor', 'limit', 'villageId', 'status', 'view', 'track', 'q', 'groupName', 'text'),
    junkText,
  ),
  junkText,
  { maxKeys: 4 },
);
const request = fc.record({
  route: fc.constantFrom(...fuzzable),
  segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
  query,
  body,
  caller: fc.constantFrom('chair', 'resident', 'forged', 'anonymous') as fc.Arbitrary<keyof typeof callers>,
  idempotencyKey: fc.option(junkText, { nil: undefined }),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=gbk', ''),
});

const toPath = (r: Route, segments: string[], q: Record<string, string>) => {
  let i = 0;
  const path = r.path.replace(/\{\w+\}/g, () => segments[i++] ?? 'x');
  const qs = Object.entries(q)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
};

/** Everything this file's township has in the table, item by item: it must not move while only junk is sent. */
async function tableState() {
  const doc = localClient(process.env.DYNAMODB_ENDPOINT!);
  const rows: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(
      new ScanCommand({
        TableName: process.env.TABLE_NAME!,
        FilterExpression: 'contains(pk, :p) OR contains(sk, :p)',
        ExpressionAttributeValues: { ':p': { S: `${PREFIX}-` } },
        ExclusiveStartKey: start as never,
      }),
    );
    for (const item of r.Items ?? []) rows.push(JSON.stringify(Object.fromEntries(Object.entries(item).sort())));
    start = r.LastEvaluatedKey;
  } while (start);
  return new Set(rows);
}

beforeAll(async () => {
  // A table of its own: the two Scans below then read this township, not everything the run wrote beside it
  // (on the shared table they took minutes and held DynamoDB Local from the files running alongside).
  api = await startTestApi(PREFIX, { ownTable: true });
  const [v1] = api.township.villages;
  const chair = await api.as(v1.chair);
  callers = {
    chair,
    resident: await api.as(v1.residents[0]),
    forged: chair.withToken(`${chair.token?.slice(0, -4)}AAAA`),
    anonymous: api.anonymous,
  };
});
afterAll(() => api.stop());

it('answers junk on every route with a readable 4xx, never a 5xx, and writes nothing', async () => {
  const before = await tableState();
  const accepted: string[] = [];
  const auditedReads: string[] = [];
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(request, async (x) => {
      const route = table[x.route];
      const path = toPath(route, x.segments, x.query);
      const headers: Record<string, string> = {};
      if (x.contentType) headers['content-type'] = x.contentType;
      if (x.idempotencyKey !== undefined) headers['idempotency-key'] = encode(x.idempotencyKey);
      const client = callers[x.caller];
      const res = await fetch(client.base + path, {
        method: route.method,
        headers: { ...(client.token ? { authorization: `Bearer ${client.token}` } : {}), ...headers },
        body: route.method === 'GET' ? undefined : x.body,
      });
      sent++;
      const text = await res.text();
      const where = `${route.method} ${path} as ${x.caller}: ${res.status} ${text.slice(0, 300)}`;
      expect([where, res.status < 500]).toEqual([where, true]);
      if (res.status >= 400) {
        const error = JSON.parse(text).error;
        expect([where, typeof error?.code]).toEqual([where, 'string']);
        expect([where, /[\u4e00-\u9fa5]/.test(error.message)]).toEqual([where, true]);
      } else if (route.method !== 'GET') accepted.push(where);
      else if (x.route === 'exportRoster') auditedReads.push(where);
    }),
    {
      numRuns: 2000,
      interruptAfterTimeLimit: 40_000,
      endOnFailure: true,
      seed: Number(process.env.FUZZ_SEED) || undefined,
    },
  );
  expect(sent).toBeGreaterThan(200);
  // Junk is refused: no change got through.
  expect(accepted).toEqual([]);
  // Nothing was written, but the audit entry of each read that is audited when it succeeds (a roster export).
  const after = await tableState();
  expect([...before].filter((row) => !after.has(row))).toEqual([]);
  const added = [...after].filter((row) => !before.has(row)).map((row) => JSON.parse(row));
  expect(added.map((i) => i.action?.S)).toEqual(auditedReads.map(() => 'roster.export'));
}, 240_000);
