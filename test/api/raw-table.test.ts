import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../scripts/local/dynamodb';
import type { SeededPerson } from '../../scripts/local/seed';
import { adultFrom } from '../../src/shared/rules/identity';
import { type ApiClient, consent, type Reply, startTestApi, type TestApi } from '../helpers/api';

/**
 * What a reader of a table export learns: after seeding a township (and a few
 * bindings and claims on it), every item of its raw table is read and none holds
 * a person's ID number, a part of it that rebuilds it (its ending, which a
 * binding claim asks for, its area code, the birth date inside it), a birth date
 * or 18th birthday in any written form, or a phone or its ending.
 */
const PREFIX = 'rawtable';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(PREFIX, { ownTable: true });
});
afterAll(() => api.stop());

interface Sensitive {
  personId: string;
  idNumber: string;
  phone?: string;
  birthDate: string;
}

/** Everyone on a village's register, unmasked, through the committee's audited view. */
async function registerOf(chair: ApiClient): Promise<Sensitive[]> {
  const people: { personId: string }[] = [];
  let cursor: string | null = null;
  do {
    const r: Reply<{ items: { personId: string }[]; nextCursor: string | null }> = await chair.get(
      `/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    people.push(...r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return Promise.all(people.map(async (p) => (await chair.get(`/people/${p.personId}/sensitive`)).body));
}

/** Every item of the whole table that belongs to this file's township (a Scan: fine in a test, never in a request). */
async function townshipItems() {
  const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new ScanCommand({ TableName: process.env.TABLE_NAME!, ExclusiveStartKey: start }));
    items.push(...(r.Items ?? []).filter((i) => JSON.stringify(i).includes(`${PREFIX}-`)));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every string a value holds, keys of maps included, with the attribute it sits under. */
const stringsOf = (v: unknown, key = ''): { key: string; s: string }[] =>
  typeof v === 'string' || typeof v === 'number'
    ? [{ key, s: String(v) }]
    : Array.isArray(v) || v instanceof Set
      ? [...v].flatMap((x) => stringsOf(x, key))
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => [{ key, s: k }, ...stringsOf(x, k)])
        : [];

/**
 * Ciphertext and keyed fingerprints (base64 runs of 20+ characters with letters in
 * them) are opaque; by chance they hold short digit runs, which would be false hits.
 * A plain value hides nothing in such a run: a mask, a tail, a date or a number is
 * bounded by *, -, / or the value's end.
 */
const readable = (s: string) =>
  s.replace(/[0-9A-Za-z+/=_-]*[A-Za-z][0-9A-Za-z+/=_-]*/g, (w) => (w.length >= 20 ? ' ' : w));

/** Dates that are events of the register, not anyone's birthday: a term's bounds, a departure, the statutory calendar. */
const EVENT_DATES = new Set(['from', 'until', 'departedOn', 'holidays', 'workdays']);

/**
 * What a reader can pick out of the table, each with where it stands: runs of
 * digits (a part of a number counts where it stands alone, not inside a longer
 * run such as an epoch), 4-character words (an ending counts where it stands
 * alone, not as the tail of an id like P0116 or the year of a timestamp), phones
 * written in groups, and dates in any written form, as ISO (a date that begins an
 * instant, 2026-12-01T08:00Z, is when something happened, not a birthday).
 */
function readings(texts: { where: string; key: string; s: string }[]) {
  const seen = {
    digits: new Map<string, string>(),
    words: new Map<string, string>(),
    dates: new Map<string, string>(),
  };
  const note = (m: Map<string, string>, v: string, t: { where: string; s: string }) => {
    if (!m.has(v)) m.set(v, `${t.where} ("${t.s}")`);
  };
  for (const t of texts) {
    for (const [run] of t.s.matchAll(/[0-9Xx]+/g)) note(seen.digits, run.toUpperCase(), t);
    for (const [grouped] of t.s.matchAll(/(?<![0-9])\d{3}[ -]\d{4}[ -]\d{4}(?![0-9])/g))
      note(seen.digits, grouped.replace(/[ -]/g, ''), t);
    for (const [word] of t.s.matchAll(/(?<![0-9A-Za-z])[0-9A-Za-z]{4}(?![0-9A-Za-z:.-])/g))
      note(seen.words, word.toUpperCase(), t);
    if (EVENT_DATES.has(t.key)) continue;
    for (const m of t.s.matchAll(
      /(?<![0-9])(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?![0-9]|T\d)/g,
    ))
      note(seen.dates, `${m[1]}-${(m[3] ?? m[5]).padStart(2, '0')}-${(m[4] ?? m[6]).padStart(2, '0')}`, t);
    for (const [run] of t.s.matchAll(/(?<![0-9])\d{8}(?![0-9])/g))
      note(seen.dates, `${run.slice(0, 4)}-${run.slice(4, 6)}-${run.slice(6)}`, t);
  }
  return seen;
}

const runsOf = (s: string, min: number) => {
  const runs = new Set<string>();
  for (let n = min; n <= s.length; n++) for (let i = 0; i + n <= s.length; i++) runs.add(s.slice(i, i + n));
  return [...runs];
};

/** What must not be readable for one person, each with why, so that a failure says what leaked. */
const forbiddenFor = (p: Sensitive): { what: string; in: 'digits' | 'words' | 'dates'; value: string }[] => [
  ...runsOf(p.idNumber, 6).map((value) => ({ what: 'a part of the ID number', in: 'digits' as const, value })),
  { what: 'the ID ending a binding claim asks for', in: 'words', value: p.idNumber.slice(-4) },
  { what: 'the birth date', in: 'dates', value: p.birthDate },
  { what: 'the 18th birthday', in: 'dates', value: adultFrom(p.birthDate) },
  ...(p.phone
    ? [
        ...runsOf(p.phone, 6).map((value) => ({ what: 'a part of the phone', in: 'digits' as const, value })),
        { what: 'the phone ending', in: 'words' as const, value: p.phone.slice(-4) },
      ]
    : []),
];

it('holds no ID number, ID ending, birth date or phone, in any form, anywhere in the table', async () => {
  const [v1, v2] = api.township.villages;
  const register = [...(await registerOf(await api.as(v1.chair))), ...(await registerOf(await api.as(v2.chair)))];
  expect(register.length).toBeGreaterThan(250);
  expect(register.every((p) => /^\d{17}[\dX]$/.test(p.idNumber))).toBe(true);

  // Bindings and claims write beside the register: an exact claim for an unbound person
  // binds, one for a bound person waits (and notes the attempt on the person).
  const withPhone = v1.residents.filter((p) => p.phone && p.idNumber);
  const claimFor = (p: SeededPerson) => ({
    villageId: v1.villageId,
    name: p.name,
    idTail: p.idNumber!.slice(-4),
    phone: p.phone,
    consent,
  });
  const bound = await (await api.wechat()).post('/bindings/claims', claimFor(withPhone[0]));
  expect(bound.body.status).toBe('bound');
  await api.as(withPhone[1]); // the demo sign-in binds an account to them
  const takeover = await (await api.wechat()).post('/bindings/claims', claimFor(withPhone[1]));
  expect(takeover.body.status).toBe('pending');

  const items = await townshipItems();
  expect(items.some((i) => i.type === 'person')).toBe(true);
  expect(items.some((i) => i.type === 'claim')).toBe(true);
  const seen = readings(
    items.flatMap((i) => stringsOf(i).map(({ key, s }) => ({ where: `${i.pk} ${i.sk} ${key}`, key, s: readable(s) }))),
  );
  const leaks = register.flatMap((p) =>
    forbiddenFor(p).flatMap((f) => {
      const where = seen[f.in].get(f.value);
      return where ? [`${f.what} of ${p.personId}: ${where}`] : [];
    }),
  );
  expect(leaks.slice(0, 10)).toEqual([]);
});
