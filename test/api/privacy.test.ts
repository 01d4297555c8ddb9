import type { SeededPerson } from '../../scripts/local/seed';
import { POLICY_VERSION } from '../../src/shared/rules/policy-version';
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

describe('我的数据', () => {
  it('hands over what is held about me: masked register entry, household, roles, cases, topics (never a secret choice), inbox, sign-ins', async () => {
    const v = village();
    const rep = v.representatives[0];
    const me = await api.as(rep);
    const chair = await api.as(v.chair);
    const petition = await me.post('/cases', {
      kind: 'petition',
      categoryId: 'disputes',
      text: '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调处理。',
      contactPhone: '13912345678',
    });
    expect(petition.status).toBe(201);
    const topic = await chair.post('/topics', {
      title: '关于村道硬化工程的表决',
      background: '经村“两委”讨论，拟对三组至五组村道进行硬化，资金来自上级补助和村集体收入。',
      body: 'representatives',
      kind: 'motion',
      secret: true,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await chair.post(`/topics/${topic.body.topicId}/open`)).status).toBe(200);
    await api.events.settle();
    expect((await me.post(`/topics/${topic.body.topicId}/ballots`, { choices: ['oppose'] })).status).toBe(200);
    await api.events.settle();

    const r = await me.get('/me/data');
    expect(r.status).toBe(200);
    const data = r.body;
    expect(data.person.personId).toBe(rep.personId);
    expect(data.person.name).toBe(rep.name);
    expect(data.household.members.some((m: { isMe: boolean }) => m.isMe)).toBe(true);
    expect(data.roles.map((t: { role: string }) => t.role)).toContain('representative');
    const mine = data.cases.find((c: { caseId: string }) => c.caseId === petition.body.caseId);
    expect(mine).toMatchObject({ kind: 'petition', category: '矛盾纠纷', contactPhone: '139****5678' });
    const took = data.topics.find((t: { topicId: string }) => t.topicId === topic.body.topicId);
    expect(took).toEqual({ topicId: topic.body.topicId, title: '关于村道硬化工程的表决', secret: true, voted: true });
    expect(data.inbox.some((i: { kind: string }) => i.kind === 'topic.opened')).toBe(true);
    expect(Array.isArray(data.sessions)).toBe(true);
    // The sensitive tier only masked; a secret ballot's choice nowhere.
    const text = JSON.stringify(data);
    if (rep.idNumber) expect(text).not.toContain(rep.idNumber);
    if (rep.idNumber) expect(text).not.toContain(rep.idNumber.slice(-4));
    if (rep.phone) expect(text).not.toContain(rep.phone);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('oppose');
  });

  it('a correction request reaches the committee as news with a deadline, and is kept', async () => {
    const v = village();
    const p = v.residents[10];
    const me = await api.as(p);
    const bad = await me.post('/me/data/corrections', { field: 'phone', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('text');

    const r = await me.post('/me/data/corrections', { field: 'phone', text: '手机号换了，新号码请当面核对' });
    expect(r.status).toBe(201);
    const days = (Date.parse(r.body.dueBy) - Date.parse(r.body.requestedAt.slice(0, 10))) / 86_400_000;
    expect(days).toBe(15); // the village's default
    await api.events.settle();
    const inbox = (await (await api.as(v.chair)).get('/inbox')).body.items;
    const news = inbox.find((i: { kind: string }) => i.kind === 'privacy.correction');
    expect(news.title).toContain('手机号');
    expect(news.body).toContain(r.body.dueBy);
    expect(news.link).toMatchObject({ page: 'person', id: p.personId });
    const stored = await rawTable().item(`TN#${v.villageId}#CORRECTION#${r.body.correctionId}`, 'CORRECTION');
    expect(stored).toMatchObject({ personId: p.personId, field: 'phone' });
    // A plain resident is not told of another's request.
    const other = (await (await api.as(v.residents[11])).get('/inbox')).body.items;
    expect(other.some((i: { kind: string }) => i.kind === 'privacy.correction')).toBe(false);
  });
});

describe('注销账号', () => {
  it('deletes the account, its sign-ins, subscriptions and inbox; the roster entry stays; deleting again answers the same', async () => {
    const v = village();
    const p = freshResident();
    // Bound by the committee's approval, which leaves news in the person's inbox.
    const claimed = await (await api.wechat('privacy-leaver')).post('/bindings/claims', {
      ...claimOf(p),
      idTail: '0000',
      consent,
    });
    expect(claimed.body.status).toBe('pending');
    const chair = await api.as(v.chair);
    const approved = await chair.post(`/bindings/claims/${claimed.body.claim.claimId}/approve`, {
      personId: p.personId,
    });
    expect(approved.status).toBe(200);
    await api.events.settle();
    const me = await api.wechat('privacy-leaver');
    const accountId = (await me.get('/me')).body.account.accountId as string;
    expect((await me.put('/me/inbox-preferences', { muted: ['topic'], categories: ['finance'] })).status).toBe(200);
    const inboxPk = `TN#${v.villageId}#INBOX#${p.personId}`;
    expect((await rawTable().partition(inboxPk)).some((i) => i.kind === 'binding.approved')).toBe(true);
    expect(await rawTable().item(`TN#${v.villageId}#PREFS`, p.personId)).toBeDefined();

    const r = await me.delete('/me/account');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deleted: true });
    expect(await rawTable().partition(`ACCOUNT#${accountId}`)).toEqual([]);
    expect(await rawTable().partition(inboxPk)).toEqual([]);
    expect(await rawTable().item(`TN#${v.villageId}#PREFS`, p.personId)).toBeUndefined();
    const entry = await rawTable().item(`TN#${v.villageId}`, `PERSON#${p.personId}`);
    expect(entry).toMatchObject({ personId: p.personId, name: p.name, status: 'active' });
    expect(entry?.accountId).toBeUndefined();
    expect((await me.get('/me')).status).toBe(401);

    const again = await me.delete('/me/account');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ deleted: true });
    const history = await rawTable().partition(`TN#${v.villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`);
    expect(history.filter((e) => e.action === 'account.delete' && e.target === `person:${p.personId}`)).toHaveLength(1);
  });

  it('takes with it the claims the account left waiting for the committee', async () => {
    const v = village();
    const me = await api.wechat('privacy-claimant');
    const claimed = await me.post('/bindings/claims', { ...claimOf(freshResident()), idTail: '0000', consent });
    expect(claimed.body.status).toBe('pending');
    const claimId = claimed.body.claim.claimId as string;
    const chair = await api.as(v.chair);
    const waiting = async () =>
      ((await chair.get('/bindings/claims')).body.items as { claimId: string }[]).some((c) => c.claimId === claimId);
    expect(await waiting()).toBe(true);

    expect((await me.delete('/me/account')).status).toBe(200);
    expect(await rawTable().item(`TN#${v.villageId}#CLAIM#${claimId}`, 'CLAIM')).toBeUndefined();
    expect(await waiting()).toBe(false);
    expect((await chair.post(`/bindings/claims/${claimId}/reject`, { reason: '核对不上' })).status).toBe(404);
  });
});
