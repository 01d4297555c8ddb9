import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { rotateRosterKey } from '../../scripts/ops/rotate-roster-key';
import { dynamo, table } from '../../src/functions/lib/db';
import { rosterKeyPair } from '../../src/functions/lib/sensitive';
import { idCheckDigit } from '../../src/shared/rules/identity';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * Rotating the secrets (docs/operations.md): a new session secret signs everyone
 * out with a plain 401 the app answers by signing in again; a new roster key, after
 * scripts/ops/rotate-roster-key.ts, reads every sealed value back while the old key
 * opens none of them. The roster key is rotated over the whole table, so this file
 * has a table of its own.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('aprot', { ownTable: true });
});
afterAll(() => api.stop());

const everyone = () => {
  const v = api.township.villages[0];
  return [v.chair, ...v.committee, ...v.representatives, ...v.residents].filter((p) => p.idNumber);
};
/** The key the table's sealed fields are under now: each rotation below moves it on. */
let tableKey = '';
const sensitiveOf = async (personId: string) => {
  const chair = await api.as(api.township.villages[0].chair);
  return chair.get(`/people/${personId}/sensitive`);
};

describe('rotating the session secret', () => {
  it('ends every session with a 401 that asks to sign in again, and a fresh sign-in works', async () => {
    const resident = api.township.villages[0].residents[0];
    const before = await api.anonymous.post('/auth/demo-sign-in', {
      tenantId: resident.tenantId,
      personId: resident.personId,
    });
    const signedIn = api.anonymous.withToken(before.body.token);
    expect((await signedIn.get('/me')).status).toBe(200);

    const old = process.env.SESSION_SECRET;
    process.env.SESSION_SECRET = randomBytes(32).toString('hex');
    try {
      const r = await signedIn.get('/me');
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'unauthenticated', message: '登录凭证无效，请重新登录' });
      const again = await api.anonymous.post('/auth/demo-sign-in', {
        tenantId: resident.tenantId,
        personId: resident.personId,
      });
      expect((await api.anonymous.withToken(again.body.token).get('/me')).status).toBe(200);
    } finally {
      process.env.SESSION_SECRET = old;
    }
  });
});

describe('rotating the roster key', () => {
  it('re-seals every ID number and phone: they read back under the new key, the old key opens none', async () => {
    const people = everyone().slice(0, 12);
    expect(people.length).toBeGreaterThan(5);
    // A petition's contact phone is sealed too.
    const resident = await api.as(api.township.villages[0].residents[1]);
    const filed = await resident.post(
      '/cases',
      {
        kind: 'suggestion',
        categoryId: 'roads',
        text: '村口的路灯坏了一个星期了，晚上走路看不见',
        contactPhone: '13900001111',
      },
      { 'idempotency-key': `rot-${randomBytes(4).toString('hex')}` },
    );
    expect(filed.status).toBe(201);

    // The rotation re-seals every item of the table it reaches: this file's own, never the one other files share.
    expect(table()).toBe(process.env.TABLE_NAME);
    expect(table()).toMatch(/-aprot$/);
    const oldKey = process.env.ROSTER_KEY as string;
    const newKey = randomBytes(32).toString('hex');
    const done = await rotateRosterKey(oldKey, newKey);
    process.env.ROSTER_KEY = newKey;
    tableKey = newKey;
    try {
      expect(done.resealed).toBeGreaterThan(people.length);
      for (const p of people) {
        const r = await sensitiveOf(p.personId);
        expect(r.status).toBe(200);
        expect(r.body.idNumber).toBe(p.idNumber);
        if (p.phone) expect(r.body.phone).toBe(p.phone);
      }
      const staff = await api.as(api.township.villages[0].chair);
      const opened = await staff.get(`/cases/${filed.body.caseId}`);
      expect(opened.body.contactPhone).toBe('13900001111');

      // The old key opens nothing any more: not a person's fields, not the petition's phone.
      const old = rosterKeyPair(oldKey, newKey);
      const { Items = [] } = await dynamo.send(new ScanCommand({ TableName: table() }));
      const sealed = Items.flatMap((i) => [i.sealed, i.contact, i.openid].filter((x) => typeof x === 'string'));
      expect(sealed.length).toBeGreaterThan(people.length);
      for (const value of sealed) expect(() => old.unsealOld(value)).toThrow();
      expect(Items.some((i) => i.caseId === filed.body.caseId && i.contact)).toBe(true);

      // The register still knows each ID number once: its marker moved to the new fingerprint.
      const again = await staff.post('/people', {
        name: '重复登记',
        groupName: '第二村民小组',
        householdId: 'ROT1',
        relation: '户主',
        idNumber: people[0].idNumber,
      });
      expect(again.status).toBe(409);

      // Run again (after an interruption, say): nothing left to rotate.
      expect((await rotateRosterKey(oldKey, newKey)).resealed).toBe(0);
    } finally {
      process.env.ROSTER_KEY = oldKey;
    }
    // It re-seals a whole seeded township item by item, as the maintenance job does: 15 s alone, longer beside other files.
  }, 180_000);
});

describe('the window while functions still hold the old roster key (docs/operations.md)', () => {
  it('fails reads of what was re-sealed and strands what is written meanwhile, until the script runs once more', async () => {
    const chair = await api.as(api.township.villages[0].chair);
    const person = everyone()[0];
    const oldKey = tableKey || (process.env.ROSTER_KEY as string);
    const newKey = randomBytes(32).toString('hex');
    const before = process.env.ROSTER_KEY;
    process.env.ROSTER_KEY = oldKey; // every instance, until it reads the parameter again (up to five minutes)
    try {
      await rotateRosterKey(oldKey, newKey);
      expect((await sensitiveOf(person.personId)).status).toBe(500);
      // Registered meanwhile by an instance still on the old key: sealed and fingerprinted under it.
      const first17 = `33019919800101${String(Date.now() % 1000).padStart(3, '0')}`;
      const idNumber = first17 + idCheckDigit(first17);
      const added = await chair.post('/people', {
        name: '轮换期间登记',
        groupName: '第二村民小组',
        householdId: 'ROTW',
        relation: '户主',
        idNumber,
      });
      expect(added.status).toBe(201);

      process.env.ROSTER_KEY = newKey; // every instance has read the new key
      expect((await sensitiveOf(person.personId)).status).toBe(200);
      expect((await sensitiveOf(added.body.personId)).status).toBe(500);
      // The second run, with both keys, brings over what the window wrote.
      expect((await rotateRosterKey(oldKey, newKey)).resealed).toBeGreaterThanOrEqual(1);
      const opened = await sensitiveOf(added.body.personId);
      expect(opened.status).toBe(200);
      expect(opened.body.idNumber).toBe(idNumber);
      const twice = await chair.post('/people', {
        name: '重复登记',
        groupName: '第二村民小组',
        householdId: 'ROTX',
        relation: '户主',
        idNumber,
      });
      expect(twice.status).toBe(409);
      tableKey = newKey;
    } finally {
      process.env.ROSTER_KEY = before;
    }
  }, 180_000);
});
