import type { SeededVillage } from '../../scripts/local/seed';
import { freezeElectorate } from '../../src/functions/topics/service';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Consultation topics and votes through the HTTP API: a frozen electorate, one
 * vote per voter across the app, the meeting and paper, secret ballots that
 * cannot be linked to their voters in the stored data, receipts, and results
 * by the law's quorum published as a notice.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const motion = (over: Record<string, unknown> = {}) => ({
  title: '关于村道硬化工程的表决',
  background: '经村“两委”讨论，拟对三组至五组村道进行硬化，资金来自上级补助和村集体收入。',
  body: 'representatives',
  kind: 'motion',
  secret: true,
  closesAt: inHours(24),
  ...over,
});
const openTopic = async (over: Record<string, unknown> = {}) => {
  const created = await chair.post('/topics', motion(over));
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const opened = await chair.post(`/topics/${created.body.topicId}/open`);
  if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));
  await api.events.settle(); // the queue's consumer freezes the electorate and opens the vote
  return (await chair.get(`/topics/${created.body.topicId}`)).body;
};
const vote = async (who: ApiClient, topicId: string, choices: string[], key?: string) =>
  who.post(`/topics/${topicId}/ballots`, { choices }, key ? { 'idempotency-key': key } : {});

beforeAll(async () => {
  api = await startTestApi('topics');
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

describe('proposing and opening', () => {
  it('refuses a bad topic, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'single', options: ['甲'] }, 'options'],
      [{ kind: 'multiple', options: ['甲', '乙'], maxChoices: 3 }, 'maxChoices'],
      [{ body: 'custom' }, 'customBody'],
      [{ perHousehold: true }, 'perHousehold'],
      [{ closesAt: inHours(-1) }, 'closesAt'],
      [{ title: '表决' }, 'title'],
    ];
    for (const [over, field] of cases) {
      const r = await chair.post('/topics', motion(over));
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe(field);
    }
  });

  it('keeps the attachments listed by name', async () => {
    const r = await chair.post('/topics', motion({ attachments: [{ name: '村道硬化预算表.xlsx' }] }));
    expect((await chair.get(`/topics/${r.body.topicId}`)).body.attachments).toEqual([{ name: '村道硬化预算表.xlsx' }]);
  });

  it('starts at once, takes no ballot until the queue has frozen the electorate, then opens', async () => {
    const created = await chair.post('/topics', motion());
    const topicId = created.body.topicId;
    const rep = await api.as(v1.representatives[0]);
    api.events.hold(); // a backed-up queue: the start is answered, the electorate not yet frozen
    try {
      const started = await chair.post(`/topics/${topicId}/open`);
      expect(started.status).toBe(200);
      expect(started.body.status).toBe('opening');
      const early = await vote(rep, topicId, ['approve']);
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain('名单正在生成');
      expect((await chair.post(`/topics/${topicId}/close`, { reason: '测试提前结束' })).status).toBe(409);
      expect((await chair.get(`/topics/${topicId}/turnout`)).body.participants).toBe(0);
    } finally {
      api.events.release();
    }
    await api.events.settle();
    const t = (await chair.get(`/topics/${topicId}`)).body;
    expect(t.status).toBe('open');
    expect(t.electorate).toBe(v1.representatives.length);
    expect((await vote(rep, topicId, ['approve'])).status).toBe(200);
    // The job delivered again (at-least-once) changes nothing: same electorate, the ballot still counted.
    expect(await freezeElectorate(v1.villageId, topicId, new Date())).toBe(0);
    const turnout = (await chair.get(`/topics/${topicId}/turnout`)).body;
    expect([turnout.electorate, turnout.participants]).toEqual([v1.representatives.length, 1]);
  });

  it('falls back to the draft, saying why, when the deciding body has nobody in it', async () => {
    const created = await chair.post('/topics', motion({ body: 'custom', customBody: '没有成员的理事会' }));
    expect((await chair.post(`/topics/${created.body.topicId}/open`)).status).toBe(200);
    await api.events.settle();
    const t = (await chair.get(`/topics/${created.body.topicId}`)).body;
    expect(t.status).toBe('draft');
    expect(t.openRefused).toContain('没有有表决权的人员');
  });

  it('freezes the electorate when voting opens', async () => {
    const t = await openTopic();
    expect(t.status).toBe('open');
    expect(t.electorate).toBe(v1.representatives.length);
    // A representative appointed after opening is not in this vote.
    const newcomer = v1.residents[20];
    await chair.post(`/people/${newcomer.personId}/roles`, { role: 'representative', from: '2026-01-01' });
    const r = await vote(await api.as(newcomer), t.topicId, ['approve']);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('名单');
    expect((await chair.get(`/topics/${t.topicId}`)).body.electorate).toBe(v1.representatives.length);
  });

  it('lets only the committee propose, open and close', async () => {
    const resident = await api.as(v1.residents[0]);
    expect((await resident.post('/topics', motion())).status).toBe(403);
    const t = (await chair.post('/topics', motion())).body;
    expect((await resident.post(`/topics/${t.topicId}/open`)).status).toBe(403);
    expect((await (await api.as(v1.supervisor)).post(`/topics/${t.topicId}/open`)).status).toBe(403);
  });
});

describe('one vote per voter, across every channel', () => {
  it('counts an app ballot once, returns the same receipt on a retry, and refuses a second ballot', async () => {
    const t = await openTopic();
    const rep = await api.as(v1.representatives[0]);
    const first = await vote(rep, t.topicId, ['approve'], 'retry-key-0001');
    expect(first.status).toBe(200);
    const retry = await vote(rep, t.topicId, ['approve'], 'retry-key-0001');
    expect(retry.status).toBe(200);
    expect(retry.body.receipt).toBe(first.body.receipt);
    const second = await vote(rep, t.topicId, ['oppose'], 'another-key-0002');
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('已经投过票');
    const check = await rep.get(`/topics/${t.topicId}/receipts/${first.body.receipt}`);
    expect(check.body).toEqual({ counted: true });
    const turnout = await rep.get(`/topics/${t.topicId}/turnout`);
    expect(turnout.body.participants).toBe(1);
  });

  it('refuses a paper ballot for someone who voted in the app, and the app after a paper ballot', async () => {
    const t = await openTopic({ secret: false });
    await vote(await api.as(v1.representatives[1]), t.topicId, ['approve']);
    const paper = await chair.post(`/topics/${t.topicId}/recorded-ballots`, {
      personId: v1.representatives[1].personId,
      choices: ['oppose'],
      channel: 'paper',
    });
    expect(paper.status).toBe(409);
    const meeting = await chair.post(`/topics/${t.topicId}/recorded-ballots`, {
      personId: v1.representatives[2].personId,
      choices: ['oppose'],
      channel: 'meeting',
    });
    expect(meeting.status).toBe(200);
    expect((await vote(await api.as(v1.representatives[2]), t.topicId, ['approve'])).status).toBe(409);
    const turnout = await chair.get(`/topics/${t.topicId}/turnout`);
    expect(turnout.body.participants).toBe(2);
    expect(turnout.body.voters.map((v: { channel: string }) => v.channel).sort()).toEqual(['app', 'meeting']);
  });

  it('refuses proxy votes unless the settings allow them', async () => {
    const t = await openTopic();
    const r = await chair.post(`/topics/${t.topicId}/recorded-ballots`, {
      personId: v1.representatives[3].personId,
      choices: ['approve'],
      channel: 'paper',
      proxy: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('proxy');
  });

  it('refuses bad ballots and changes nothing', async () => {
    const t = await openTopic({
      kind: 'multiple',
      options: ['修路', '修桥', '装路灯'],
      maxChoices: 2,
      body: 'villagers_meeting',
    });
    const resident = await api.as(v1.residents[1]);
    for (const choices of [['o1', 'o2', 'o3'], ['o9'], ['o1', 'o1'], []]) {
      const r = await vote(resident, t.topicId, choices);
      expect(r.status).toBe(400);
    }
    const other = await vote(await api.as(api.township.villages[1].residents[0]), t.topicId, ['o1']);
    expect(other.status).toBe(404);
    expect((await chair.get(`/topics/${t.topicId}/turnout`)).body.participants).toBe(0);
    expect((await vote(resident, t.topicId, ['o1', 'o3'])).status).toBe(200);
  });
});

describe('secret ballots', () => {
  it('stores no link from a ballot to its voter, not even for the database operator', async () => {
    const t = await openTopic({ secret: true });
    for (const p of v1.representatives.slice(0, 3)) await vote(await api.as(p), t.topicId, ['approve']);
    const items = await rawTable().partition(`TN#${v1.villageId}#T#${t.topicId}`);
    const ballots = items.filter((i) => i.type === 'ballot');
    expect(ballots).toHaveLength(3);
    const ids = v1.representatives.flatMap((p) => [p.personId, p.name]);
    for (const b of ballots) {
      expect(Object.keys(b).sort()).toEqual(['choices', 'pk', 'sk', 'type']);
      for (const id of ids) expect(JSON.stringify(b)).not.toContain(id);
    }
    const markers = items.filter((i) => i.type === 'voter' && i.voted);
    expect(markers).toHaveLength(3);
    for (const m of markers) expect(JSON.stringify(m)).not.toMatch(/approve|oppose|BALLOT/);
    // Who took part is visible to the electorate; how, never.
    const turnout = await (await api.as(v1.representatives[5])).get(`/topics/${t.topicId}/turnout`);
    expect(turnout.body.voters).toHaveLength(3);
    expect(turnout.body.voters[0].choices).toBeUndefined();
  });

  it('shows how each person voted on an open ballot, in the app and on paper alike', async () => {
    const t = await openTopic({ secret: false });
    await vote(await api.as(v1.representatives[0]), t.topicId, ['oppose']);
    const paper = await chair.post(`/topics/${t.topicId}/recorded-ballots`, {
      personId: v1.representatives[1].personId,
      choices: ['approve'],
      channel: 'paper',
    });
    expect(paper.status).toBe(200);
    const turnout = await chair.get(`/topics/${t.topicId}/turnout`);
    expect(turnout.body.voters).toEqual([
      { name: v1.representatives[0].name, channel: 'app', choices: ['oppose'] },
      { name: v1.representatives[1].name, channel: 'paper', choices: ['approve'] },
    ]);
    // An open ballot has no anonymous register: the scrutineer records each person's choice.
    const mark = await chair.post(`/topics/${t.topicId}/register`, {
      personIds: [v1.representatives[2].personId],
      channel: 'paper',
    });
    expect(mark.status).toBe(409);
    expect(mark.body.error.message).toContain('记名投票');
  });
});

describe('a secret ballot at the meeting or on paper: 登记领票, then 录入票箱', () => {
  const mark = (topicId: string, people: { personId: string }[], channel = 'paper') =>
    chair.post(`/topics/${topicId}/register`, { personIds: people.map((p) => p.personId), channel });
  const enter = (topicId: string, ballots: { choices: string[]; count: number }[]) =>
    chair.post(`/topics/${topicId}/ballot-box`, { ballots });

  it('refuses to record a secret ballot per person, naming the two steps', async () => {
    const t = await openTopic({ secret: true });
    const r = await chair.post(`/topics/${t.topicId}/recorded-ballots`, {
      personId: v1.representatives[0].personId,
      choices: ['approve'],
      channel: 'paper',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('登记领票');
    expect((await chair.get(`/topics/${t.topicId}/turnout`)).body.participants).toBe(0);
  });

  it('a person marked on paper cannot vote in the app, and one who voted in the app cannot be marked', async () => {
    const t = await openTopic({ secret: true });
    const [paperVoter, appVoter] = v1.representatives;
    expect((await mark(t.topicId, [paperVoter])).body).toEqual({ marked: 1, entered: 0 });
    const online = await vote(await api.as(paperVoter), t.topicId, ['approve']);
    expect(online.status).toBe(409);
    expect(online.body.error.message).toContain('已在纸质票登记领票，不能再在手机上投票');
    expect((await vote(await api.as(appVoter), t.topicId, ['oppose'])).status).toBe(200);
    const twice = await mark(t.topicId, [appVoter, v1.representatives[2]], 'meeting');
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain(appVoter.name);
    expect(twice.body.error.message).toContain('已经投过票');
    // All or nothing: the other person on the sheet was not marked either.
    expect((await chair.get(`/topics/${t.topicId}/register`)).body).toEqual({ marked: 1, entered: 0 });
    const turnout = await chair.get(`/topics/${t.topicId}/turnout`);
    expect(turnout.body.participants).toBe(2);
    expect(turnout.body.voters.map((v: { channel: string }) => v.channel).sort()).toEqual(['app', 'paper']);
  });

  it('never takes more ballots from the box than people marked, and counts them in the result', async () => {
    const t = await openTopic({ secret: true });
    const reps = v1.representatives.slice(0, 3);
    await mark(t.topicId, reps.slice(0, 2), 'meeting');
    await mark(t.topicId, reps.slice(2));
    const tooMany = await enter(t.topicId, [
      { choices: ['approve'], count: 3 },
      { choices: ['oppose'], count: 1 },
    ]);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.message).toContain('不能多于登记领票的人数');
    expect(tooMany.body.error.message).toContain('已登记 3 人');
    const bad = await enter(t.topicId, [{ choices: ['maybe'], count: 1 }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('ballots.0.choices');
    expect((await chair.get(`/topics/${t.topicId}/register`)).body).toEqual({ marked: 3, entered: 0 });

    const ok = await enter(t.topicId, [
      { choices: ['approve'], count: 2 },
      { choices: ['oppose'], count: 1 },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ marked: 3, entered: 3 });
    const more = await enter(t.topicId, [{ choices: ['approve'], count: 1 }]);
    expect(more.status).toBe(409);
    expect(more.body.error.message).toContain('最多还能录入 0 张');

    const resident = await api.as(v1.residents[0]);
    expect(
      (await resident.post(`/topics/${t.topicId}/register`, { personIds: [reps[0].personId], channel: 'paper' }))
        .status,
    ).toBe(403);
    const closed = await chair.post(`/topics/${t.topicId}/close`, { reason: '会场投票结束' });
    expect(closed.body.result).toMatchObject({ participants: 3 });
    expect(closed.body.result.tallies).toEqual([
      { optionId: 'approve', votes: 2 },
      { optionId: 'oppose', votes: 1 },
      { optionId: 'abstain', votes: 0 },
    ]);
  });
});

describe('results', () => {
  it('is invalid without a quorum, says so in plain words, and is published as a notice', async () => {
    const t = await openTopic();
    await vote(await api.as(v1.representatives[0]), t.topicId, ['approve']);
    const closed = await chair.post(`/topics/${t.topicId}/close`, { reason: '会议提前结束' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.result).toMatchObject({ valid: false, passed: false, participants: 1 });
    expect(closed.body.result.explanation).toContain('无效');
    const notice = await (await api.as(v1.residents[2])).get(`/notices/${closed.body.resultNoticeId}`);
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ status: 'published', category: 'village' });
    expect(notice.body.title).toContain(t.title);
    expect((await vote(await api.as(v1.representatives[1]), t.topicId, ['approve'])).status).toBe(409);
  });

  it("dates the result notice in the village's time, in Chinese, and states why the vote ended early", async () => {
    const t = await openTopic();
    const noReason = await chair.post(`/topics/${t.topicId}/close`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    expect((await chair.get(`/topics/${t.topicId}`)).body.status).toBe('open');

    const closed = await chair.post(`/topics/${t.topicId}/close`, { reason: '到会代表已全部投票' });
    expect(closed.body.closedEarlyReason).toBe('到会代表已全部投票');
    const notice = (await (await api.as(v1.residents[2])).get(`/notices/${closed.body.resultNoticeId}`)).body;
    // Beijing time, as the village reads a clock: 2026年12月1日 06:55.
    const beijing = (iso: string) => {
      const d = new Date(Date.parse(iso) + 8 * 3_600_000);
      const hm = d.toISOString().slice(11, 16);
      return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`;
    };
    expect(notice.body).toContain(`表决时间至 ${beijing(closed.body.closedAt)}`);
    expect(notice.body).toContain(`原定 ${beijing(t.closesAt)} 结束`);
    expect(notice.body).toContain('原因：到会代表已全部投票');
    expect(notice.body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('passes a motion with a quorum of two thirds and more than half approving', async () => {
    const t = await openTopic();
    const reps = v1.representatives; // (one more was appointed above: the electorate counts them too)
    const quorum = Math.ceil((t.electorate * 2) / 3);
    for (const [i, p] of reps.slice(0, quorum).entries())
      await vote(await api.as(p), t.topicId, [i < Math.floor(quorum / 2) + 1 ? 'approve' : 'oppose']);
    const closed = await chair.post(`/topics/${t.topicId}/close`, { reason: '全部到会代表已投票' });
    expect(closed.body.result).toMatchObject({
      valid: true,
      passed: true,
      participants: quorum,
      electorate: t.electorate,
    });
  });

  it("applies the village's own rule where it changed the law's default", async () => {
    const settings = (await chair.get('/village-settings')).body.settings;
    const half = { share: [1, 2], strict: true };
    await chair.put('/village-settings', {
      ...settings,
      voteRules: { ...settings.voteRules, representatives: { turnout: half, majority: half } },
    });
    const t = await openTopic();
    const enough = Math.floor(t.electorate / 2) + 1; // more than half, less than two thirds
    for (const p of v1.representatives.slice(0, enough)) await vote(await api.as(p), t.topicId, ['approve']);
    const closed = await chair.post(`/topics/${t.topicId}/close`, { reason: '测试村规' });
    expect(closed.body.result).toMatchObject({ valid: true, passed: true, participants: enough });
    await chair.put('/village-settings', settings);
  });

  it('closes by itself when the window passes, on the next look', async () => {
    const created = await chair.post('/topics', motion({ closesAt: new Date(Date.now() + 2500).toISOString() }));
    await chair.post(`/topics/${created.body.topicId}/open`);
    await api.events.settle();
    await new Promise((r) => setTimeout(r, 2600));
    const late = await vote(await api.as(v1.representatives[0]), created.body.topicId, ['approve']);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('结束');
    const t = await (await api.as(v1.residents[3])).get(`/topics/${created.body.topicId}`);
    expect(t.body.status).toBe('closed');
    expect(t.body.resultNoticeId).toEqual(expect.any(String));
  });

  it('lists topics for the village, newest first', async () => {
    const r = await (await api.as(v1.residents[0])).get('/topics');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(3);
    const times = r.body.items.map((t: { createdAt: string }) => t.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe("who took part in a party members' meeting", () => {
  it('names party members only to the electorate and the village officers who run the vote', async () => {
    const t = await openTopic({ body: 'party_members', secret: true });
    const members = v1.partyMembers.slice(0, 3);
    for (const p of members) expect((await vote(await api.as(p), t.topicId, ['approve'])).status).toBe(200);
    await (await api.as(members[0])).post(`/topics/${t.topicId}/comments`, { text: '同意这个方案，建议尽快实施。' });
    const names = v1.partyMembers.map((p) => p.name);
    const everything = async (who: ApiClient, scope: string) => {
      const bodies = await Promise.all(
        [
          `/topics${scope}`,
          `/topics/${t.topicId}${scope}`,
          `/topics/${t.topicId}/turnout${scope}`,
          `/topics/${t.topicId}/comments${scope}`,
        ].map(async (path) => {
          const r = await who.get(path);
          expect(r.status).toBe(200);
          return r.body;
        }),
      );
      return JSON.stringify(bodies);
    };
    for (const [who, scope] of [
      [await api.as(v1.residents[0]), ''],
      [await api.as(api.township.staff), `?villageId=${v1.villageId}`],
    ] as const) {
      const seen = await everything(who, scope);
      for (const name of names) expect(seen).not.toContain(name);
      const turnout = await who.get(`/topics/${t.topicId}/turnout${scope}`);
      expect(turnout.body).toMatchObject({ participants: 3, electorate: t.electorate });
      expect(turnout.body.voters).toBeUndefined();
    }
    for (const who of [members[1], v1.partyMembers[5], v1.supervisor]) {
      const turnout = await (await api.as(who)).get(`/topics/${t.topicId}/turnout`);
      expect(turnout.body.voters.map((v: { name: string }) => v.name).sort()).toEqual(
        members.map((p) => p.name).sort(),
      );
    }
  });
});

describe('四议两公开 for a major matter', () => {
  const stage = (topicId: string, s: string, on = new Date().toISOString().slice(0, 10)) =>
    chair.post(`/topics/${topicId}/stages`, {
      stage: s,
      on,
      minutes: `${s} 会议纪要摘要`,
      outcome: '同意提交下一环节',
    });

  it('records the stages in order, refuses to skip one, and opens the vote only after the first three', async () => {
    const t = (await chair.post('/topics', motion({ major: true, body: 'villagers_meeting' }))).body;
    const early = await chair.post(`/topics/${t.topicId}/open`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('党支部提议');
    const skipped = await stage(t.topicId, 'committees');
    expect(skipped.status).toBe(409);
    expect(skipped.body.error.message).toContain('党支部提议');
    const secretary = await api.as(v1.partySecretary);
    const proposed = await secretary.post(`/topics/${t.topicId}/stages`, {
      stage: 'proposal',
      on: new Date().toISOString().slice(0, 10),
      minutes: '党支部委员会提议硬化村道',
      outcome: '提交“两委”商议',
    });
    expect(proposed.status).toBe(200);
    expect((await stage(t.topicId, 'committees')).status).toBe(200);
    expect((await stage(t.topicId, 'committees')).status).toBe(409);
    expect((await stage(t.topicId, 'party_review')).status).toBe(200);
    expect((await (await api.as(v1.residents[0])).post(`/topics/${t.topicId}/stages`, {})).status).toBe(400);
    const opened = await chair.post(`/topics/${t.topicId}/open`);
    expect(opened.status).toBe(200);
    await api.events.settle();
    const closed = await chair.post(`/topics/${t.topicId}/close`, { reason: '测试结束' });
    expect(closed.body.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'proposal',
      'committees',
      'party_review',
      'decision',
      'decision_published',
    ]);
    expect((await stage(t.topicId, 'result_published')).status).toBe(200);
  });

  it('lets a village that does not make the process binding open a major matter at once', async () => {
    const settings = (await chair.get('/village-settings')).body.settings;
    await chair.put('/village-settings', { ...settings, majorMattersProcessMandatory: false });
    const t = (await chair.post('/topics', motion({ major: true }))).body;
    expect((await chair.post(`/topics/${t.topicId}/open`)).status).toBe(200);
    await chair.put('/village-settings', settings);
  });
});

describe('discussion before the vote', () => {
  it('lets residents comment, masks names for others, and a hidden comment stays as hidden with its reason', async () => {
    const t = (await chair.post('/topics', motion())).body;
    const resident = await api.as(v1.residents[7]);
    const posted = await resident.post(`/topics/${t.topicId}/comments`, { text: '建议先修三组的路，那里最难走。' });
    expect(posted.status).toBe(201);
    expect(posted.body.by).toEqual({ name: v1.residents[7].name, isMe: true });
    const rude = await (await api.as(v1.residents[8])).post(`/topics/${t.topicId}/comments`, {
      text: '骂人的话不堪入目',
    });
    const other = await (await api.as(v1.residents[9])).get(`/topics/${t.topicId}/comments`);
    expect(other.body.items[0].by.name).not.toBe(v1.residents[7].name);
    expect(other.body.items[0].by.name).toMatch(/\*/);
    expect(
      (await resident.post(`/topics/${t.topicId}/comments/${rude.body.commentId}/hide`, { reason: '不文明' })).status,
    ).toBe(403);
    const hidden = await chair.post(`/topics/${t.topicId}/comments/${rude.body.commentId}/hide`, {
      reason: '含有辱骂内容',
    });
    expect(hidden.status).toBe(200);
    const list = await (await api.as(v1.residents[9])).get(`/topics/${t.topicId}/comments`);
    const shown = list.body.items.find((c: { commentId: string }) => c.commentId === rude.body.commentId);
    expect(shown.text).toBeUndefined();
    expect(shown.hidden.reason).toBe('含有辱骂内容');
    const idNumber = await resident.post(`/topics/${t.topicId}/comments`, { text: '我的身份证 11010519491231002X' });
    expect(idNumber.status).toBe(400);
  });
});
