import { SignJWT } from 'jose';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, consent, rawTable, startTestApi, type TestApi, wechatCode } from '../helpers/api';

/**
 * How a resident gets in: WeChat sign-in (against the local fake of code2Session),
 * then binding an account to a person of the roster by what only they know, by an
 * invite code, or by the committee's approval; and how bindings end.
 */
let api: TestApi;
let v1: SeededVillage;
let v2: SeededVillage;
const tail = (p: SeededPerson) => p.idNumber!.slice(-4);
const withPhone = (people: SeededPerson[], skip = 0) => people.filter((p) => p.phone && p.idNumber)[skip];
const claimAs = (client: ApiClient, villageId: string, p: SeededPerson, over: Record<string, string> = {}) =>
  client.post('/bindings/claims', { villageId, name: p.name, idTail: tail(p), phone: p.phone, consent, ...over });

beforeAll(async () => {
  api = await startTestApi('bindings');
  [v1, v2] = api.township.villages;
});
afterAll(() => api.stop());

describe('WeChat sign-in', () => {
  it('makes an unbound account from a login code, and finds the same account next time', async () => {
    const first = await api.anonymous.post('/auth/wechat', { code: wechatCode('wx-same-user') });
    expect(first.status).toBe(200);
    expect(first.body.person).toBeNull();
    const me = await api.anonymous.withToken(first.body.token).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.person).toBeNull();
    const again = await api.anonymous.post('/auth/wechat', { code: wechatCode('wx-same-user') });
    const meAgain = await api.anonymous.withToken(again.body.token).get('/me');
    expect(meAgain.body.account.accountId).toBe(me.body.account.accountId);
  });

  it('signs in the first time from two phones at once into one account, stored once', async () => {
    const both = await Promise.all(
      [1, 2, 3].map(() => api.anonymous.post('/auth/wechat', { code: wechatCode('wx-first-time-twice') })),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200, 200]);
    const accounts = await Promise.all(both.map((r) => api.anonymous.withToken(r.body.token).get('/me')));
    const ids = new Set(accounts.map((me) => me.body.account.accountId));
    expect(ids.size).toBe(1);
    const [accountId] = ids;
    expect(await rawTable().partition(`ACCOUNT#${accountId}`)).toHaveLength(1);
  });

  it('refuses a malformed code, a code WeChat does not know, and a code used twice', async () => {
    const junk = await api.anonymous.post('/auth/wechat', { code: 'not a code!' });
    expect(junk.status).toBe(400);
    expect(junk.body.error.fields[0].path).toBe('code');
    const unknown = await api.anonymous.post('/auth/wechat', { code: 'nodot' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toContain('无效');
    const code = wechatCode('wx-replay');
    expect((await api.anonymous.post('/auth/wechat', { code })).status).toBe(200);
    const replay = await api.anonymous.post('/auth/wechat', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toContain('用过');
  });

  it('refuses a forged token, and a token naming a person of another village', async () => {
    const forged = await new SignJWT({ per: v1.chair.personId, ten: v1.villageId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`demo-${v1.chair.personId}`)
      .setAudience('village-hall:local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-different-secret-of-32-characters!!'));
    const r = await api.anonymous.request('GET', '/me', undefined, { authorization: `Bearer ${forged}` });
    expect(r.status).toBe(401);
    // A real token of the chair of village 1, edited to claim village 2, fails its signature too;
    // a validly signed token whose person is not in that village is refused as no longer valid.
    const chair = await api.as(v1.chair);
    const crossed = await new SignJWT({ per: v1.chair.personId, ten: v2.villageId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`demo-${v1.chair.personId}`)
      .setAudience('village-hall:local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(process.env.SESSION_SECRET!));
    const cross = await chair.request('GET', '/notices', undefined, { authorization: `Bearer ${crossed}` });
    expect(cross.status).toBe(401);
  });

  it('tells an unbound account to bind before it reads notices', async () => {
    const account = await api.wechat();
    const r = await account.get('/notices');
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('绑定');
  });
});

describe('binding by name, ID ending and phone', () => {
  it('binds at once when exactly one person matches, and the new session sees their household', async () => {
    const person = withPhone(v1.residents, 10);
    const account = await api.wechat();
    const r = await claimAs(account, v1.villageId, person);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('bound');
    expect(r.body.replacedEarlierAccount).toBe(false);
    const bound = account.withToken(r.body.session.token);
    const me = await bound.get('/me');
    expect(me.body.person.personId).toBe(person.personId);
    const household = await bound.get('/me/household');
    expect(household.body.members.some((m: { isMe: boolean }) => m.isMe)).toBe(true);
  });

  it('keeps a claim that does not match pending, shows it to its claimant, and binds nobody', async () => {
    const person = withPhone(v1.residents, 11);
    const account = await api.wechat();
    const r = await claimAs(account, v1.villageId, person, { phone: '13000000000' });
    expect(r.body.status).toBe('pending');
    const mine = await account.get('/bindings/claims/mine');
    expect(mine.body.items[0]).toMatchObject({
      claimId: r.body.claim.claimId,
      status: 'pending',
      villageName: v1.name,
    });
    expect((await account.get('/me')).body.person).toBeNull();
  });

  it('lets the committee approve a pending claim as a person, and the claimant is then bound', async () => {
    const person = withPhone(v1.residents, 12);
    const account = await api.wechat('wx-approved');
    const r = await claimAs(account, v1.villageId, person, { idTail: '0000', note: '在外务工，现在杭州' });
    const chair = await api.as(v1.chair);
    const pending = await chair.get('/bindings/claims');
    const claim = pending.body.items.find((c: { claimId: string }) => c.claimId === r.body.claim.claimId);
    expect(claim.note).toBe('在外务工，现在杭州');
    expect(claim.phone).toMatch(/^\d{3}\*{4}\d{4}$/); // masked
    // The committee sees whether each factor agrees with the register, not the ID ending typed.
    const candidate = claim.candidates.find((c: { personId: string }) => c.personId === person.personId);
    expect(candidate.matches).toEqual({ idTail: false, phone: true });
    expect(JSON.stringify(claim)).not.toContain('0000');
    const approved = await chair.post(`/bindings/claims/${claim.claimId}/approve`, { personId: person.personId });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const again = await chair.post(`/bindings/claims/${claim.claimId}/approve`, { personId: person.personId });
    expect(again.status).toBe(409);
    const after = await chair.get('/bindings/claims');
    expect(after.body.items.map((c: { claimId: string }) => c.claimId)).not.toContain(claim.claimId);
    // The claimant signs in again and is bound now.
    const session = await api.anonymous.post('/auth/wechat', { code: wechatCode('wx-approved') });
    expect(session.body.person.personId).toBe(person.personId);
  });

  it('lets the committee reject a claim with a reason the claimant sees', async () => {
    const account = await api.wechat();
    const r = await account.post('/bindings/claims', {
      villageId: v1.villageId,
      name: '冒名者',
      idTail: '1111',
      phone: '13900001111',
      consent,
    });
    const chair = await api.as(v1.chair);
    const noReason = await chair.post(`/bindings/claims/${r.body.claim.claimId}/reject`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    await chair.post(`/bindings/claims/${r.body.claim.claimId}/reject`, { reason: '本村没有此人' });
    const after = await chair.get('/bindings/claims');
    expect(after.body.items.map((c: { claimId: string }) => c.claimId)).not.toContain(r.body.claim.claimId);
    const mine = await account.get('/bindings/claims/mine');
    expect(mine.body.items[0]).toMatchObject({ status: 'rejected', reason: '本村没有此人' });
  });

  it('stops an account after five claims in a day', async () => {
    const account = await api.wechat();
    const guess = (i: number) =>
      account.post('/bindings/claims', {
        villageId: v1.villageId,
        name: `猜测${i}`,
        idTail: '2222',
        phone: '13900002222',
        consent,
      });
    for (let i = 0; i < 5; i++) expect((await guess(i)).status).toBe(200);
    const sixth = await guess(6);
    expect(sixth.status).toBe(429);
    // Only the newest of them is still pending: each replaced the one before.
    const mine = await account.get('/bindings/claims/mine');
    expect(mine.body.items.filter((c: { status: string }) => c.status === 'pending')).toHaveLength(1);
  });

  it('refuses a claim with a bad ID ending or phone, naming the field', async () => {
    const account = await api.wechat();
    const bad = await account.post('/bindings/claims', {
      villageId: v1.villageId,
      name: '张三',
      idTail: '12',
      phone: 'x',
      consent,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['idTail', 'phone']);
  });
});

describe('invite codes, one account per person and unbinding', () => {
  it('binds by an invite a grid worker issued, once only', async () => {
    const grid = await api.as(v1.gridWorkers[0]);
    const chair = await api.as(v1.chair);
    const roster = await chair.get(`/people?groupName=${encodeURIComponent('第一村民小组')}&limit=100`);
    const elder = roster.body.items.find((p: { bound: boolean; status: string }) => !p.bound && p.status === 'active');
    const invite = await grid.post(`/people/${elder.personId}/invites`);
    expect(invite.status).toBe(200);
    expect(invite.body.code).toMatch(/^[A-Z2-9]{8}$/);
    const account = await api.wechat();
    const r = await account.post('/bindings/invites/redeem', { code: invite.body.code.toLowerCase(), consent });
    expect(r.status).toBe(200);
    expect(r.body.session.person.personId).toBe(elder.personId);
    const reuse = await (await api.wechat()).post('/bindings/invites/redeem', { code: invite.body.code, consent });
    expect(reuse.status).toBe(404);
    expect(reuse.body.error.message).toContain('邀请码');
  });

  it('does not let a grid worker issue invites outside their grid', async () => {
    const grid = await api.as(v1.gridWorkers[0]);
    const chair = await api.as(v1.chair);
    const other = await chair.get(`/people?groupName=${encodeURIComponent('第三村民小组')}&limit=5`);
    const r = await grid.post(`/people/${other.body.items[0].personId}/invites`);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('网格');
  });

  it("never lets a neighbour's exact claim take a bound person over: it waits, and the bound phone is told", async () => {
    const person = withPhone(v1.residents, 13);
    const owner = await api.wechat();
    const first = await claimAs(owner, v1.villageId, person);
    expect(first.body.status).toBe('bound');
    const ownerSession = owner.withToken(first.body.session.token);
    const before = await ownerSession.get('/me');
    expect(before.body.pendingTakeover).toBeUndefined();

    // The neighbour knows the name, the phone and (somehow) the ID ending: the claim only waits.
    const neighbour = await api.wechat();
    const claim = await claimAs(neighbour, v1.villageId, person);
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('pending');
    expect((await neighbour.get('/me')).body.person).toBeNull();
    const stored = await rawTable().item(`TN#${v1.villageId}`, `PERSON#${person.personId}`);
    expect(stored?.accountId).toBe(before.body.account.accountId);

    // The owner's phone still works, and 我的 tells them someone asked.
    expect((await ownerSession.get('/notices')).status).toBe(200);
    const told = await ownerSession.get('/me');
    expect(told.body.person.personId).toBe(person.personId);
    expect(told.body.pendingTakeover.claimedAt).toBe(claim.body.claim.createdAt);

    // The committee sees the claim, that both factors agree and that the person is bound; it rejects.
    const chair = await api.as(v1.chair);
    const pending = (await chair.get('/bindings/claims')).body.items.find(
      (c: { claimId: string }) => c.claimId === claim.body.claim.claimId,
    );
    expect(pending.candidates.find((c: { personId: string }) => c.personId === person.personId)).toMatchObject({
      bound: true,
      matches: { idTail: true, phone: true },
    });
    await chair.post(`/bindings/claims/${claim.body.claim.claimId}/reject`, { reason: '本人仍在使用原来的手机' });
    expect((await ownerSession.get('/me')).body.pendingTakeover).toBeUndefined();
    expect((await ownerSession.get('/notices')).status).toBe(200);
  });

  it("moves a bound person's binding once the committee approves, and the old session ends at once", async () => {
    const person = withPhone(v1.residents, 17);
    const oldPhone = await api.wechat();
    const oldSession = oldPhone.withToken((await claimAs(oldPhone, v1.villageId, person)).body.session.token);
    const newPhone = await api.wechat('wx-new-phone');
    const claim = await claimAs(newPhone, v1.villageId, person, { note: '换了新手机' });
    expect(claim.body.status).toBe('pending');
    const chair = await api.as(v1.chair);
    const approved = await chair.post(`/bindings/claims/${claim.body.claim.claimId}/approve`, {
      personId: person.personId,
    });
    expect(approved.status).toBe(200);
    const after = await oldSession.get('/notices');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain('另一部手机');
    const signedIn = await api.anonymous.post('/auth/wechat', { code: wechatCode('wx-new-phone') });
    expect(signedIn.body.person.personId).toBe(person.personId);
    const me = await api.anonymous.withToken(signedIn.body.token).get('/me');
    expect(me.body.pendingTakeover).toBeUndefined();
    // The change is in the person's history.
    const detail = await chair.get(`/people/${person.personId}`);
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['person.bind', 'person.rebind']),
    );
  });

  it("moves a bound person's binding by an invite code handed over face to face", async () => {
    const person = withPhone(v1.residents, 18);
    const oldPhone = await api.wechat();
    const oldSession = oldPhone.withToken((await claimAs(oldPhone, v1.villageId, person)).body.session.token);
    const newPhone = await api.wechat();
    expect((await claimAs(newPhone, v1.villageId, person)).body.status).toBe('pending');
    const chair = await api.as(v1.chair);
    const invite = await chair.post(`/people/${person.personId}/invites`);
    const r = await newPhone.post('/bindings/invites/redeem', { code: invite.body.code, consent });
    expect(r.status).toBe(200);
    expect(r.body.replacedEarlierAccount).toBe(true);
    expect((await oldSession.get('/notices')).status).toBe(401);
    expect((await newPhone.withToken(r.body.session.token).get('/me')).body.pendingTakeover).toBeUndefined();
  });

  it('shows the roster no ID ending a claim asks for: a roster reader cannot claim with what they see', async () => {
    const person = withPhone(v1.residents, 19);
    for (const reader of [v1.chair, v1.gridWorkers[0], v1.supervisor]) {
      const client = await api.as(reader);
      const roster = await client.get(`/people?q=${encodeURIComponent(person.name)}`);
      const listed = roster.body.items.find((p: { personId: string }) => p.personId === person.personId);
      if (!listed) continue; // a grid worker of another grid does not see them at all
      expect(listed.idNumber).toMatch(/^\d{3}\*{15}$/);
      expect(JSON.stringify(listed)).not.toContain(tail(person));
      const detail = await client.get(`/people/${person.personId}`);
      expect(JSON.stringify(detail.body)).not.toContain(tail(person));
    }
  });

  it('refuses a second person for an account already bound', async () => {
    const [a, b] = [withPhone(v1.residents, 14), withPhone(v1.residents, 15)];
    const account = await api.wechat();
    await claimAs(account, v1.villageId, a);
    const r = await claimAs(account, v1.villageId, b);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('解除绑定');
  });

  it('ends the session at once when the resident unbinds, or the committee does', async () => {
    const person = withPhone(v1.residents, 16);
    const account = await api.wechat();
    const bound = account.withToken((await claimAs(account, v1.villageId, person)).body.session.token);
    const unbound = await bound.delete('/me/binding');
    expect(unbound.status).toBe(200);
    expect(unbound.body.person).toBeNull();
    expect((await bound.get('/notices')).status).toBe(401);
    // Bind again, then the committee unbinds.
    const again = account.withToken((await claimAs(account, v1.villageId, person)).body.session.token);
    expect((await again.get('/notices')).status).toBe(200);
    const chair = await api.as(v1.chair);
    const r = await chair.delete(`/people/${person.personId}/binding`);
    expect(r.status).toBe(200);
    expect(r.body.bound).toBe(false);
    expect((await again.get('/notices')).status).toBe(401);
  });

  it('takes a role away at once, without waiting for the token to expire', async () => {
    const chair = await api.as(v1.chair);
    const member = await api.as(v1.committee[4]);
    expect((await member.get('/notices?status=draft')).status).toBe(200);
    const detail = await chair.get(`/people/${v1.committee[4].personId}`);
    const term = detail.body.terms.find((t: { role: string; until?: string }) => t.role === 'committee' && !t.until);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ended = await chair.post(`/people/${v1.committee[4].personId}/roles/${term.termId}/end`, {
      until: yesterday,
      reason: '换届',
    });
    expect(ended.status).toBe(200);
    expect((await member.get('/notices?status=draft')).status).toBe(403);
  });

  it('stores no openid, and a claim keeps what was typed only sealed', async () => {
    const account = await api.wechat('wx-privacy');
    const me = await account.get('/me');
    const stored = await rawTable().item(`ACCOUNT#${me.body.account.accountId}`, 'ACCOUNT');
    expect(JSON.stringify(stored)).not.toMatch(/"openid"/);
    const r = await account.post('/bindings/claims', {
      villageId: v1.villageId,
      name: '隐私测试',
      idTail: '3333',
      phone: '13712345678',
      consent,
    });
    const claim = await rawTable().item(`TN#${v1.villageId}#CLAIM#${r.body.claim.claimId}`, 'CLAIM');
    expect(claim?.name).toBe('隐私测试');
    for (const typed of ['13712345678', '5678', '3333']) expect(JSON.stringify(claim)).not.toContain(typed);
  });
});
