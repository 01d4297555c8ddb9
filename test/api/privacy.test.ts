import type { SeededPerson } from '../../scripts/local/seed';
import { POLICY_VERSION } from '../../src/shared/rules/privacy';
import { consent, rawTable, startTestApi, type TestApi } from '../helpers/api';

/** Privacy the PIPL way: consent recorded at binding and asked again for a new policy version. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('privacy');
});
afterAll(() => api.stop());

const village = () => api.township.villages[0];
/** Residents the register has an ID number and a phone for, one per test. */
let used = 0;
const freshResident = () => village().residents.filter((p) => p.phone && p.idNumber)[used++];
const claimOf = (p: SeededPerson) => ({
  villageId: village().villageId,
  name: p.name,
  idTail: p.idNumber!.slice(-4),
  phone: p.phone,
});
const consentItem = (accountId: string) => rawTable().item(`ACCOUNT#${accountId}`, 'CONSENT');
const accountOf = async (client: { get: (p: string) => Promise<{ body: any }> }) =>
  (await client.get('/me')).body.account.accountId as string;

describe('consent at binding', () => {
  it('a claim that does not tick the policy and, separately, the ID number is refused, naming each; nothing is stored', async () => {
    const account = await api.wechat();
    const p = freshResident();
    const r = await account.post('/bindings/claims', {
      ...claimOf(p),
      consent: { policyVersion: POLICY_VERSION, policy: false, idNumber: false },
    });
    expect(r.status).toBe(400);
    const fields = r.body.error.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['consent.policy', 'consent.idNumber']));
    expect(r.body.error.fields.find((f: { path: string }) => f.path === 'consent.idNumber').message).toContain(
      '敏感个人信息',
    );
    expect((await account.get('/bindings/claims/mine')).body.items).toEqual([]);
    expect(await consentItem(await accountOf(account))).toBeUndefined();
    expect((await account.get('/me')).body.person).toBeNull();
  });

  it('a claim agreeing to an older policy version is asked to read the current one', async () => {
    const account = await api.wechat();
    const r = await account.post('/bindings/claims', {
      ...claimOf(freshResident()),
      consent: { ...consent, policyVersion: '2020-01-01' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]).toMatchObject({ path: 'consent.policyVersion' });
    expect(r.body.error.fields[0].message).toContain('隐私政策已更新');
  });

  it('binding records the time and the version agreed to, the ID number by its own consent; /me says so', async () => {
    const account = await api.wechat();
    const before = new Date().toISOString();
    const r = await account.post('/bindings/claims', { ...claimOf(freshResident()), consent });
    expect(r.body.status).toBe('bound');
    const me = (await account.withToken(r.body.session.token).get('/me')).body;
    expect(me.consent.policyVersion).toBe(POLICY_VERSION);
    expect(me.consent.agreedAt >= before).toBe(true);
    expect(me.consent.idNumberAgreedAt).toBe(me.consent.agreedAt);
    expect(await consentItem(me.account.accountId)).toMatchObject({ policyVersion: POLICY_VERSION });
  });

  it('a claim that waits for the committee records the consent too', async () => {
    const account = await api.wechat();
    const r = await account.post('/bindings/claims', { ...claimOf(freshResident()), idTail: '0000', consent });
    expect(r.body.status).toBe('pending');
    expect((await account.get('/me')).body.consent).toMatchObject({ policyVersion: POLICY_VERSION });
  });

  it('an invite code binds only with the consent, and records it', async () => {
    const p = freshResident();
    const chair = await api.as(village().chair);
    const invite = await chair.post(`/people/${p.personId}/invites`);
    const account = await api.wechat();
    const refused = await account.post('/bindings/invites/redeem', { code: invite.body.code });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toContain('consent');
    const r = await account.post('/bindings/invites/redeem', { code: invite.body.code, consent });
    expect(r.body.status).toBe('bound');
    expect((await account.withToken(r.body.session.token).get('/me')).body.consent.policyVersion).toBe(POLICY_VERSION);
  });
});

describe('a new policy version asks again', () => {
  it('a person bound without a recorded consent (or to an older version) agrees through POST /me/consent, audited', async () => {
    const p = freshResident();
    const client = await api.as(p); // the demo sign-in binds without asking
    expect((await client.get('/me')).body.consent).toBeNull();

    const stale = await client.post('/me/consent', { ...consent, policyVersion: '2020-01-01' });
    expect(stale.status).toBe(400);
    expect((await client.get('/me')).body.consent).toBeNull();

    const r = await client.post('/me/consent', consent);
    expect(r.status).toBe(200);
    expect(r.body.policyVersion).toBe(POLICY_VERSION);
    expect((await client.get('/me')).body.consent).toEqual(r.body);
    const history = await rawTable().partition(`TN#${p.tenantId}#AUDIT#${r.body.agreedAt.slice(0, 7)}`);
    expect(
      history.some(
        (e) => e.action === 'privacy.consent' && e.target === `person:${p.personId}` && e.reason === POLICY_VERSION,
      ),
    ).toBe(true);
  });
});
