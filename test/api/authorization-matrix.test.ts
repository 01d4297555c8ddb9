import type { SeededPerson } from '../../scripts/local/seed';
import { idCheckDigit } from '../../src/shared/rules/identity';
import { type ApiClient, consent, startTestApi, type TestApi } from '../helpers/api';

/**
 * Who may do what, asserted through the HTTP API: every endpoint × every kind of
 * caller. The matrix is data; later capabilities add their rows. Expected: a
 * status code. "Hidden" cells are 404 on purpose: a resident is not told that a
 * draft exists, nor anyone that another village's notice or person does.
 * Not here, because no role decides them: signing in (POST /auth/wechat, the demo
 * sign-in), unbinding oneself (DELETE /me/binding) and deleting one's account
 * (DELETE /me/account), which would sign the caller out of the next cells;
 * test/api/bindings.test.ts and test/api/privacy.test.ts cover them.
 */
type Who =
  | 'resident'
  | 'householdHead'
  | 'representative'
  | 'partyMember'
  | 'gridWorker'
  | 'otherGridWorker' // a grid worker of another grid than the fixtures' people
  | 'partyBranch'
  | 'committee'
  | 'supervisor'
  | 'township'
  | 'otherVillage'
  | 'signedOut';

interface Request {
  method: string;
  path: string;
  body?: unknown;
}
interface Row {
  endpoint: string;
  /** Makes a fresh resource for the cell (so an allowed change never spoils the next cell). */
  request: (fx: Fixtures) => Promise<Request>;
  expect: Record<Who, number>;
}
interface Fixtures {
  chair: ApiClient;
  vice: ApiClient;
  villageId: string;
  /** A fresh person on the roster, in the grid of the grid worker caller. */
  person(): Promise<{ personId: string; householdId: string }>;
  /** A fresh person holding a party-member term that can be ended. */
  personWithTerm(): Promise<{ personId: string; termId: string }>;
  /** A fresh person bound to a fresh WeChat account. */
  boundPerson(): Promise<string>;
  /** A pending claim by a fresh WeChat account, and a person it might be. */
  claim(): Promise<{ claimId: string; personId: string }>;
  invite(): Promise<string>;
  /** A fresh 扫码登录 ticket as the browser holds it; scanned by the chair (not a caller) when asked. */
  qrTicket(scannedByChair?: boolean): Promise<{ ticketId: string; pollSecret: string }>;
  /** A browser the chair signed in by 扫码登录. */
  chairBrowserSession(): Promise<string>;
  importFile(): Promise<{ fileBase64: string; checksum: string }>;
  /** A fresh topic: a draft, or open for a villagers' meeting (every adult votes). */
  topic(open: boolean): Promise<string>;
  residentId: string;
  published(): Promise<string>;
  draft(): Promise<string>;
  pending(): Promise<string>;
  /** A 财务 notice the committee approved, waiting for the 监委会's review. */
  pendingSignOff(): Promise<string>;
  question(): Promise<{ noticeId: string; questionId: string }>;
  settings(): Promise<unknown>;
  /** A fresh correction request by a plain resident (not a caller). */
  correction(): Promise<string>;
  /**
   * A fresh case: a public suggestion by a plain resident (not a caller), at a
   * stage of the workflow; a petition asking for a meeting; or a private
   * petition entered by the chair for a person in the grid worker's grid.
   */
  kase(kind: 'submitted' | 'accepted' | 'resolvedForResident' | 'cosignable' | 'withDuty' | 'private'): Promise<string>;
  gridWorkerId: string;
  /** A committee member of the village: a care record's cadre in charge. */
  cadreId: string;
  /** A fresh person in the care registry (an elder, their son as guardian), with an open problem when asked. */
  care(withProblem?: boolean): Promise<{ personId: string; problemId?: string }>;
  /** A photo uploaded by the committee caller (a photo is attached only by whoever uploaded it). */
  committeePhoto(): Promise<string>;
  /** A fresh 质询 by the 监委会 member caller, public or confidential. */
  inquiry(confidential: boolean): Promise<string>;
}

const notice = { category: 'village', title: '权限测试公告', body: '用于权限矩阵测试。' };
/** A fresh, valid ID number per call, so every cell registers a new person. */
let serial = 0;
const two = (n: number) => String(n).padStart(2, '0');
const freshIdNumber = () => {
  const n = serial++;
  const first17 = `330199${1950 + (n % 50)}${two(1 + (n % 12))}${two(1 + (n % 28))}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
};
const topicBody = () => ({
  title: '权限矩阵测试议题',
  background: '用于权限矩阵测试的议题背景说明。',
  body: 'villagers_meeting',
  kind: 'motion',
  secret: true,
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
});
const inquiryBody = { subject: 'other', title: '权限矩阵质询', text: '用于权限矩阵测试的质询内容，请答复。' };
const caseBody = () => ({
  kind: 'suggestion',
  categoryId: 'roads',
  text: `权限矩阵测试：村口的路灯坏了，请尽快修理（${serial++}）。`,
});
/** The fixtures' people live here: the grid of the first grid worker, not the second's. */
const GRID = '第一村民小组';
const newPerson = () => ({
  name: `矩阵${serial}`,
  groupName: GRID,
  householdId: `MX${serial}`,
  relation: '户主',
  idNumber: freshIdNumber(),
});
/** An ID number of someone born in 1948: old enough for the care registry. */
const elderIdNumber = () => {
  const n = serial++;
  const first17 = `3301991948${two(1 + (n % 12))}${two(1 + (n % 28))}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
};
const careChecks = (problem: boolean) =>
  Object.fromEntries(
    ['food', 'clothing', 'housing', 'medical', 'safety', 'guardian'].map((a) => [
      a,
      problem && a === 'housing' ? { status: 'problem', note: '屋顶漏雨' } : { status: 'ok' },
    ]),
  );
const careVisit = (problem = false) => ({
  visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
  checks: careChecks(problem),
  summary: `权限矩阵测试走访，老人生活正常（${serial++}）。`,
  satisfaction: { rating: 'satisfied', by: 'person' },
});
const everyone = (status: number, over: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
  resident: status,
  householdHead: status,
  representative: status,
  partyMember: status,
  gridWorker: status,
  partyBranch: status,
  committee: status,
  supervisor: status,
  township: status,
  otherVillage: 404,
  signedOut: 401,
  ...over,
  // Where a grid worker may act, one of another grid may too, unless the row says otherwise.
  otherGridWorker: over.otherGridWorker ?? over.gridWorker ?? status,
});
const villagers = {
  resident: 0,
  householdHead: 0,
  representative: 0,
  partyMember: 0,
  gridWorker: 0,
  otherGridWorker: 0,
};
const asVillagers = (status: number) =>
  Object.fromEntries(Object.keys(villagers).map((k) => [k, status])) as Partial<Record<Who, number>>;
const scoped = (path: string, villageId: string) => `${path}${path.includes('?') ? '&' : '?'}villageId=${villageId}`;

const matrix: Row[] = [
  // Everyone's own household; another village's caller sees their own, never this one's.
  {
    endpoint: 'GET /me/household',
    request: async () => ({ method: 'GET', path: '/me/household' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  {
    endpoint: 'GET /notices',
    request: async (f) => ({ method: 'GET', path: scoped('/notices', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices?status=draft',
    request: async (f) => ({ method: 'GET', path: scoped('/notices?status=draft', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'POST /notices',
    request: async () => ({ method: 'POST', path: '/notices', body: notice }),
    expect: everyone(403, { committee: 201, otherVillage: 201 }), // the other village's committee drafts at home
  },
  {
    endpoint: 'GET /notices/{id} (published)',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices/{id} (draft)',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.draft()}`, f.villageId) }),
    expect: everyone(200, asVillagers(404)),
  },
  {
    endpoint: 'PUT /notices/{id}',
    request: async (f) => ({ method: 'PUT', path: `/notices/${await f.draft()}`, body: notice }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'DELETE /notices/{id}',
    request: async (f) => ({ method: 'DELETE', path: `/notices/${await f.draft()}` }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/publish',
    request: async (f) => ({ method: 'POST', path: `/notices/${await f.draft()}/publish` }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/approve',
    request: async (f) => ({ method: 'POST', path: `/notices/${await f.pending()}/approve` }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/reject',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.pending()}/reject`,
      body: { reason: '请补充材料' },
    }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/corrections',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.published()}/corrections`,
      body: { ...notice, reason: '更正测试' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/withdraw',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.published()}/withdraw`,
      body: { reason: '撤回测试' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'GET /notices/{id}/versions',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/versions`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices/{id}/versions/1',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/versions/1`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices/{id}/readers',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/readers`, f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'GET /notices/{id}/questions',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/questions`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /notices/{id}/questions',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.published()}/questions`,
      body: { text: '请问这是什么时候的事？' },
    }),
    expect: everyone(201, { township: 403 }),
  },
  {
    endpoint: 'POST /notices/{id}/questions/{q}/answer',
    request: async (f) => {
      const q = await f.question();
      return {
        method: 'POST',
        path: `/notices/${q.noticeId}/questions/${q.questionId}/answer`,
        body: { text: '已经安排。' },
      };
    },
    expect: everyone(403, { committee: 200 }),
  },
  // 一满意: the village's own people rate; its overseers and the township see counts and reasons.
  {
    endpoint: 'PUT /notices/{id}/my-rating',
    request: async (f) => ({
      method: 'PUT',
      path: `/notices/${await f.published()}/my-rating`,
      body: { rating: 'basically', reason: '内容清楚，但公示时间偏短' },
    }),
    expect: everyone(200, { township: 403 }),
  },
  {
    endpoint: 'GET /notices/{id}/my-rating',
    request: async (f) => ({ method: 'GET', path: `/notices/${await f.published()}/my-rating` }),
    expect: everyone(200, { township: 403 }),
  },
  {
    endpoint: 'GET /notices/{id}/ratings',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/ratings`, f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  // The township's table of its villages: township staff only; a village's people are told so, not "not found".
  {
    endpoint: 'GET /township/villages',
    request: async () => ({ method: 'GET', path: '/township/villages?sort=casesOverdue' }),
    expect: everyone(403, { township: 200, otherVillage: 403 }),
  },
  {
    endpoint: 'GET /village-settings',
    request: async (f) => ({ method: 'GET', path: scoped('/village-settings', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'PUT /village-settings',
    request: async (f) => ({ method: 'PUT', path: '/village-settings', body: await f.settings() }),
    // The other village's chair changes their own village's settings.
    expect: everyone(403, { committee: 200, otherVillage: 200 }),
  },
  {
    endpoint: 'GET /disclosure-calendar',
    request: async (f) => ({ method: 'GET', path: scoped('/disclosure-calendar', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'GET /me',
    request: async () => ({ method: 'GET', path: '/me' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  // One's own consent to the privacy policy: everyone signed in, nobody else's.
  {
    endpoint: 'POST /me/consent',
    request: async () => ({ method: 'POST', path: '/me/consent', body: consent }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  // 我的数据: one's own, whoever one is; a correction request needs a village register (township staff ask the township).
  {
    endpoint: 'GET /me/data',
    request: async () => ({ method: 'GET', path: '/me/data' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  {
    endpoint: 'POST /me/data/corrections',
    request: async () => ({
      method: 'POST',
      path: '/me/data/corrections',
      body: { field: 'other', text: '权限测试的更正申请' },
    }),
    expect: everyone(201, { otherVillage: 201, township: 403 }),
  },
  // The residents' correction requests: the committee lists and answers them.
  {
    endpoint: 'GET /corrections',
    request: async (f) => ({ method: 'GET', path: scoped('/corrections', f.villageId) }),
    expect: everyone(403, { committee: 200, otherVillage: 404 }),
  },
  {
    endpoint: 'POST /corrections/{correctionId}/resolve',
    request: async (f) => ({
      method: 'POST',
      path: `/corrections/${await f.correction()}/resolve`,
      body: { corrected: false, reply: '权限测试的答复' },
    }),
    // Township staff oversee but don't answer for a village; the other village's chair doesn't find this one's.
    expect: everyone(403, { committee: 200, otherVillage: 404 }),
  },
  {
    endpoint: 'GET /me/submissions',
    request: async () => ({ method: 'GET', path: '/me/submissions' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  {
    endpoint: 'GET /villages',
    request: async () => ({ method: 'GET', path: '/villages' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  // 扫码登录: the browser's steps need no session; the phone's need a bound villager, and a ticket is its scanner's.
  {
    endpoint: 'POST /auth/qr-tickets',
    request: async () => ({ method: 'POST', path: '/auth/qr-tickets' }),
    expect: everyone(201, { otherVillage: 201, signedOut: 201 }),
  },
  {
    endpoint: 'POST /auth/qr-tickets/{id}/poll',
    request: async (f) => {
      const { ticketId, pollSecret } = await f.qrTicket();
      return { method: 'POST', path: `/auth/qr-tickets/${ticketId}/poll`, body: { pollSecret } };
    },
    expect: everyone(200, { otherVillage: 200, signedOut: 200 }),
  },
  {
    endpoint: 'POST /auth/qr-tickets/{id}/scan',
    request: async (f) => ({ method: 'POST', path: `/auth/qr-tickets/${(await f.qrTicket()).ticketId}/scan` }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  {
    endpoint: 'POST /auth/qr-tickets/{id}/confirm (scanned by another)',
    request: async (f) => ({ method: 'POST', path: `/auth/qr-tickets/${(await f.qrTicket(true)).ticketId}/confirm` }),
    expect: everyone(403, { otherVillage: 403 }),
  },
  {
    endpoint: 'GET /me/sessions',
    request: async () => ({ method: 'GET', path: '/me/sessions' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  // Only one's own browsers can be signed out; another's is not found among one's own.
  {
    endpoint: "DELETE /me/sessions/{id} (the chair's)",
    request: async (f) => ({ method: 'DELETE', path: `/me/sessions/${await f.chairBrowserSession()}` }),
    expect: everyone(404),
  },
  // A bound account claiming again: its claim (no match) waits for review; only signing in is needed.
  {
    endpoint: 'POST /bindings/claims',
    request: async (f) => ({
      method: 'POST',
      path: '/bindings/claims',
      body: { villageId: f.villageId, name: '无此人', idTail: '1234', phone: '13800000000', consent },
    }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  {
    endpoint: 'GET /bindings/claims/mine',
    request: async () => ({ method: 'GET', path: '/bindings/claims/mine' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  // Every caller here is bound already: one account, one person.
  {
    endpoint: 'POST /bindings/invites/redeem',
    request: async (f) => ({
      method: 'POST',
      path: '/bindings/invites/redeem',
      body: { code: await f.invite(), consent },
    }),
    expect: everyone(409, { otherVillage: 409 }),
  },
  {
    endpoint: 'GET /bindings/claims',
    request: async (f) => ({ method: 'GET', path: scoped('/bindings/claims', f.villageId) }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /bindings/claims/{id}/approve',
    request: async (f) => {
      const c = await f.claim();
      return { method: 'POST', path: `/bindings/claims/${c.claimId}/approve`, body: { personId: c.personId } };
    },
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /bindings/claims/{id}/reject',
    request: async (f) => ({
      method: 'POST',
      path: `/bindings/claims/${(await f.claim()).claimId}/reject`,
      body: { reason: '信息不符' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'GET /people',
    request: async (f) => ({ method: 'GET', path: scoped('/people', f.villageId) }),
    expect: everyone(403, { committee: 200, partyBranch: 200, supervisor: 200, gridWorker: 200 }),
  },
  {
    endpoint: "GET /people?groupName= (the grid worker's grid)",
    request: async (f) => ({ method: 'GET', path: scoped(`/people?groupName=${encodeURI(GRID)}`, f.villageId) }),
    expect: everyone(403, { committee: 200, partyBranch: 200, supervisor: 200, gridWorker: 200, otherGridWorker: 403 }),
  },
  {
    endpoint: 'POST /people',
    request: async () => ({ method: 'POST', path: '/people', body: newPerson() }),
    // The other village's chair registers at home, where 第一村民小组 is not a group (its groups are buildings).
    expect: everyone(403, { committee: 201, otherVillage: 400 }),
  },
  {
    endpoint: 'GET /people/{id}',
    request: async (f) => ({ method: 'GET', path: scoped(`/people/${(await f.person()).personId}`, f.villageId) }),
    expect: everyone(403, { committee: 200, partyBranch: 200, supervisor: 200, gridWorker: 200, otherGridWorker: 403 }),
  },
  {
    endpoint: 'PUT /people/{id}',
    request: async (f) => ({
      method: 'PUT',
      path: `/people/${(await f.person()).personId}`,
      body: { relation: '户主', name: '改名测试' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /people/{id}/departure',
    request: async (f) => ({
      method: 'POST',
      path: `/people/${(await f.person()).personId}/departure`,
      body: { kind: 'moved_out', on: '2026-01-01', reason: '外出定居' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'GET /people/{id}/sensitive',
    request: async (f) => ({
      method: 'GET',
      path: scoped(`/people/${(await f.person()).personId}/sensitive`, f.villageId),
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /people/{id}/roles',
    request: async (f) => ({
      method: 'POST',
      path: `/people/${(await f.person()).personId}/roles`,
      body: { role: 'representative', from: '2026-01-01' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /people/{id}/roles/{term}/end',
    request: async (f) => {
      const p = await f.personWithTerm();
      return { method: 'POST', path: `/people/${p.personId}/roles/${p.termId}/end`, body: { until: '2026-06-30' } };
    },
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /people/{id}/invites',
    request: async (f) => ({ method: 'POST', path: `/people/${(await f.person()).personId}/invites` }),
    expect: everyone(403, { committee: 200, gridWorker: 200, otherGridWorker: 403 }),
  },
  {
    endpoint: 'DELETE /people/{id}/binding',
    request: async (f) => ({ method: 'DELETE', path: `/people/${await f.boundPerson()}/binding` }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'GET /households/{id}',
    request: async (f) => ({
      method: 'GET',
      path: scoped(`/households/${(await f.person()).householdId}`, f.villageId),
    }),
    expect: everyone(403, { committee: 200, partyBranch: 200, supervisor: 200, gridWorker: 200, otherGridWorker: 403 }),
  },
  {
    endpoint: 'GET /roster-summary',
    request: async () => ({ method: 'GET', path: '/roster-summary' }),
    expect: everyone(200, { ...asVillagers(403), otherVillage: 200 }),
  },
  {
    endpoint: 'POST /roster-imports/preview',
    request: async (f) => ({
      method: 'POST',
      path: '/roster-imports/preview',
      body: { fileBase64: (await f.importFile()).fileBase64 },
    }),
    expect: everyone(403, { committee: 200, otherVillage: 200 }),
  },
  {
    endpoint: 'POST /roster-imports',
    request: async (f) => ({ method: 'POST', path: '/roster-imports', body: await f.importFile() }),
    // Another village's plan for the same file differs from the previewed one.
    expect: everyone(403, { committee: 200, otherVillage: 409 }),
  },
  {
    endpoint: 'GET /roster-export',
    request: async (f) => ({ method: 'GET', path: scoped('/roster-export', f.villageId) }),
    expect: everyone(403, { committee: 200, supervisor: 200 }),
  },
  {
    endpoint: 'GET /topics',
    request: async (f) => ({ method: 'GET', path: scoped('/topics', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /topics',
    request: async () => ({ method: 'POST', path: '/topics', body: topicBody() }),
    expect: everyone(403, { committee: 201, otherVillage: 201 }),
  },
  {
    endpoint: 'GET /topics/{id}',
    request: async (f) => ({ method: 'GET', path: scoped(`/topics/${await f.topic(false)}`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /topics/{id}/open',
    request: async (f) => ({ method: 'POST', path: `/topics/${await f.topic(false)}/open` }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /topics/{id}/ballots',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(true)}/ballots`,
      body: { choices: ['approve'] },
    }),
    expect: everyone(200, { township: 403 }),
  },
  {
    endpoint: 'POST /topics/{id}/recorded-ballots',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(true)}/recorded-ballots`,
      body: { personId: f.residentId, choices: ['oppose'], channel: 'paper' },
    }),
    // The scrutineers may, but a secret ballot is never recorded per person (409): see the register below.
    expect: everyone(403, { committee: 409, supervisor: 409 }),
  },
  {
    endpoint: 'GET /topics/{id}/register',
    request: async (f) => ({ method: 'GET', path: `/topics/${await f.topic(true)}/register` }),
    expect: everyone(403, { committee: 200, supervisor: 200 }),
  },
  {
    endpoint: 'POST /topics/{id}/register',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(true)}/register`,
      body: { personIds: [f.residentId], channel: 'paper' },
    }),
    expect: everyone(403, { committee: 200, supervisor: 200 }),
  },
  {
    endpoint: 'POST /topics/{id}/ballot-box',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(true)}/ballot-box`,
      body: { ballots: [{ choices: ['approve'], count: 1 }] },
    }),
    // Nobody marked on this fresh topic: the scrutineers are refused the ballot, not the step.
    expect: everyone(403, { committee: 409, supervisor: 409 }),
  },
  {
    endpoint: 'GET /topics/{id}/receipts/{r}',
    request: async (f) => ({ method: 'GET', path: `/topics/${await f.topic(true)}/receipts/AAAA-AAAA-AAAA-AAAA` }),
    expect: everyone(200, { township: 403 }),
  },
  {
    endpoint: 'GET /topics/{id}/turnout',
    request: async (f) => ({ method: 'GET', path: scoped(`/topics/${await f.topic(true)}/turnout`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /topics/{id}/close',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(true)}/close`,
      body: { reason: '矩阵测试' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /topics/{id}/stages',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(false)}/stages`,
      body: { stage: 'proposal', on: '2026-01-05', minutes: '党支部提议的纪要', outcome: '提交商议' },
    }),
    expect: everyone(403, { committee: 200, partyBranch: 200 }),
  },
  {
    endpoint: 'GET /topics/{id}/comments',
    request: async (f) => ({ method: 'GET', path: scoped(`/topics/${await f.topic(false)}/comments`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /topics/{id}/comments',
    request: async (f) => ({
      method: 'POST',
      path: `/topics/${await f.topic(false)}/comments`,
      body: { text: '同意这个方案' },
    }),
    expect: everyone(201, { township: 403 }),
  },
  {
    endpoint: 'POST /topics/{id}/comments/{c}/hide',
    request: async (f) => {
      const topicId = await f.topic(false);
      const c = await f.chair.post(`/topics/${topicId}/comments`, { text: '一条要隐藏的发言' });
      return {
        method: 'POST',
        path: `/topics/${topicId}/comments/${c.body.commentId}/hide`,
        body: { reason: '矩阵测试' },
      };
    },
    expect: everyone(403, { committee: 200 }),
  },
  // Suggestions and petitions (issue 6). A public case is seen by the whole village, so a
  // step one may not take is 403; a private one is 404 to everyone who may not see it.
  {
    endpoint: 'POST /cases',
    request: async () => ({ method: 'POST', path: '/cases', body: caseBody() }),
    expect: everyone(201, { township: 403, otherVillage: 201 }),
  },
  {
    endpoint: 'POST /cases (proxy entry)',
    request: async (f) => ({
      method: 'POST',
      path: '/cases',
      body: { ...caseBody(), kind: 'petition', onBehalfOf: { personId: (await f.person()).personId, intake: 'visit' } },
    }),
    expect: everyone(403, { gridWorker: 201, committee: 201, otherVillage: 400, otherGridWorker: 403 }),
  },
  {
    endpoint: 'POST /photos',
    request: async () => ({ method: 'POST', path: '/photos', body: { contentType: 'image/jpeg', size: 1000 } }),
    expect: everyone(201, { township: 403, otherVillage: 201 }),
  },
  {
    // Those who draft notices (党务 by the party branch too), in their own village.
    endpoint: 'POST /notice-files',
    request: async () => ({
      method: 'POST',
      path: '/notice-files',
      body: { fileName: '预算表.pdf', contentType: 'application/pdf', size: 1000 },
    }),
    expect: everyone(403, { committee: 201, partyBranch: 201, otherVillage: 201 }),
  },
  {
    endpoint: 'GET /cases',
    request: async (f) => ({ method: 'GET', path: scoped('/cases?view=public', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /cases/categories',
    request: async (f) => ({ method: 'GET', path: scoped('/cases/categories', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /cases/similar',
    request: async () => ({ method: 'GET', path: `/cases/similar?text=${encodeURIComponent('路灯坏了')}` }),
    expect: everyone(200, { township: 403, otherVillage: 200 }),
  },
  {
    endpoint: 'GET /cases/dashboard',
    request: async (f) => ({ method: 'GET', path: scoped('/cases/dashboard', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  // The audit chain: checked by the supervision committee and the township; its anchored head posted to the village.
  {
    endpoint: 'GET /audit/chain',
    request: async (f) => ({ method: 'GET', path: scoped('/audit/chain', f.villageId) }),
    expect: everyone(403, { supervisor: 200, township: 200, otherVillage: 404 }),
  },
  {
    endpoint: 'GET /audit/entries',
    request: async (f) => ({ method: 'GET', path: scoped('/audit/entries?kind=person&limit=5', f.villageId) }),
    expect: everyone(403, { supervisor: 200, township: 200, otherVillage: 404 }),
  },
  {
    endpoint: 'GET /audit/anchor',
    request: async (f) => ({ method: 'GET', path: scoped('/audit/anchor', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /cases/escalated',
    request: async () => ({ method: 'GET', path: '/cases/escalated' }),
    expect: everyone(403, { township: 200, otherVillage: 403 }),
  },
  {
    endpoint: 'GET /cases/{id} (public)',
    request: async (f) => ({ method: 'GET', path: scoped(`/cases/${await f.kase('submitted')}`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /cases/{id} (private petition)',
    request: async (f) => ({ method: 'GET', path: scoped(`/cases/${await f.kase('private')}`, f.villageId) }),
    expect: everyone(404, { gridWorker: 200, committee: 200, supervisor: 200, township: 200, otherGridWorker: 404 }),
  },
  ...(
    [
      ['accept', 'submitted', {}],
      ['decline', 'submitted', { reason: '不属于本村办理范围' }],
      ['assign', 'accepted', 'gridWorker'],
      ['progress', 'accepted', { note: '已经联系施工队' }],
      ['extend', 'accepted', { reason: '等待镇里批复' }],
      ['reply', 'accepted', { text: '路灯已经全部修好，感谢您的建议。' }],
      ['transfer', 'submitted', { to: '青山镇派出所', reason: '涉嫌违法，移交派出所处理' }],
      ['sort', 'accepted', { track: 'needs' }],
    ] as const
  ).map(
    ([step, stage, body]): Row => ({
      endpoint: `POST /cases/{id}/${step}`,
      request: async (f) => ({
        method: 'POST',
        path: scoped(`/cases/${await f.kase(stage)}/${step}`, f.villageId),
        body: body === 'gridWorker' ? { personId: f.gridWorkerId } : body,
      }),
      expect: everyone(403, { committee: 200 }),
    }),
  ),
  {
    endpoint: 'GET /cases/{id}/handlers',
    request: async (f) => ({ method: 'GET', path: scoped(`/cases/${await f.kase('accepted')}/handlers`, f.villageId) }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /cases/{id}/rate',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/cases/${await f.kase('resolvedForResident')}/rate`, f.villageId),
      body: { rating: 'satisfied' },
    }),
    expect: everyone(403, { resident: 200 }),
  },
  {
    endpoint: 'POST /cases/{id}/second',
    request: async (f) => ({ method: 'POST', path: scoped(`/cases/${await f.kase('submitted')}/second`, f.villageId) }),
    expect: everyone(200, { township: 403 }),
  },
  {
    endpoint: 'POST /cases/{id}/cosign',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/cases/${await f.kase('cosignable')}/cosign`, f.villageId),
    }),
    expect: everyone(200, { township: 403 }),
  },
  {
    endpoint: 'POST /cases/{id}/meeting',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/cases/${await f.kase('withDuty')}/meeting`, f.villageId),
      body: { on: new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10), place: '村委会议室' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /cases/{id}/merge',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/cases/${await f.kase('accepted')}/merge`, f.villageId),
      body: { intoCaseId: await f.kase('accepted') },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /cases/{id}/topic',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/cases/${await f.kase('accepted')}/topic`, f.villageId),
      body: topicBody(),
    }),
    expect: everyone(403, { committee: 201 }),
  },
  // The care registry (特困人员监护照料): the committee keeps it, the 监委会 reads it, township civil affairs
  // (not the township's other offices) both; nobody else learns who is in care (a file is "not found").
  {
    endpoint: 'GET /care',
    request: async (f) => ({ method: 'GET', path: scoped('/care', f.villageId) }),
    expect: everyone(403, { committee: 200, supervisor: 200, otherVillage: 404 }),
  },
  {
    endpoint: 'POST /care',
    request: async (f) => {
      const { personId } = await f.person();
      return {
        method: 'POST',
        path: scoped('/care', f.villageId),
        body: {
          personId,
          reason: 'disability',
          disability: { category: 'intellectual', grade: 1 },
          supportMode: 'dispersed',
          needs: '需要每天有人照看',
          cadreId: f.cadreId,
          guardian: { guardianClass: 'institution', body: 'village_committee' },
        },
      };
    },
    expect: everyone(403, { committee: 201, otherVillage: 404 }),
  },
  {
    endpoint: 'GET /care-overview',
    request: async () => ({ method: 'GET', path: '/care-overview' }),
    expect: everyone(403, { committee: 200, supervisor: 200, otherVillage: 200 }), // the other village's chair: their own
  },
  {
    endpoint: 'GET /care/{personId}',
    request: async (f) => ({ method: 'GET', path: scoped(`/care/${(await f.care()).personId}`, f.villageId) }),
    expect: everyone(404, { committee: 200, supervisor: 200 }),
  },
  {
    endpoint: 'POST /care/{personId}/guardian',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/care/${(await f.care()).personId}/guardian`, f.villageId),
      body: { guardian: { guardianClass: 'institution', body: 'village_committee' }, reason: '儿子外出务工' },
    }),
    expect: everyone(404, { committee: 200, supervisor: 403 }),
  },
  {
    endpoint: 'POST /care/{personId}/agreements',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/care/${(await f.care()).personId}/agreements`, f.villageId),
      body: {
        duties: [
          { kind: 'daily_watch', text: '每天上门看望一次' },
          { kind: 'daily_life', text: '每周打扫卫生一次' },
          { kind: 'hospital', text: '住院时全程陪护' },
        ],
        signedOn: '2026-02-01',
        startsOn: '2026-02-01',
        endsOn: '2027-01-31',
        scanPhotoId: await f.committeePhoto(),
      },
    }),
    expect: everyone(404, { committee: 201, supervisor: 403 }),
  },
  {
    endpoint: 'POST /care/{personId}/visits',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/care/${(await f.care()).personId}/visits`, f.villageId),
      body: careVisit(),
    }),
    expect: everyone(404, { committee: 201, supervisor: 403 }),
  },
  {
    endpoint: 'POST /care/{personId}/problems/{problemId}/resolve',
    request: async (f) => {
      const { personId, problemId } = await f.care(true);
      return {
        method: 'POST',
        path: scoped(`/care/${personId}/problems/${problemId}/resolve`, f.villageId),
        body: { resolution: '已请人修好屋顶' },
      };
    },
    expect: everyone(404, { committee: 200, supervisor: 403 }),
  },
  {
    // Only a 关爱线索 the caller may open (civil affairs handle them: test/api/care.test.ts) is filed with a person;
    // the committee keeps the registry, and is told this case is none it can file.
    endpoint: 'POST /care/{personId}/cases',
    request: async (f) => ({
      method: 'POST',
      path: scoped(`/care/${(await f.care()).personId}/cases`, f.villageId),
      body: { caseId: await f.kase('submitted') },
    }),
    expect: everyone(404, { committee: 400, supervisor: 403 }),
  },
  // 财务 is reviewed by the 监委会 before it is published (signOffCategories): only a 监委会 member signs off or returns it.
  {
    endpoint: 'GET /notices?status=pending_signoff',
    request: async (f) => ({ method: 'GET', path: scoped('/notices?status=pending_signoff', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'POST /notices/{id}/sign-off',
    request: async (f) => ({ method: 'POST', path: `/notices/${await f.pendingSignOff()}/sign-off` }),
    expect: everyone(403, { ...asVillagers(404), supervisor: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/return',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.pendingSignOff()}/return`,
      body: { reason: '缺少验收单' },
    }),
    expect: everyone(403, { ...asVillagers(404), supervisor: 200 }),
  },
  // The month's check list: the 监委会's and the township's.
  {
    endpoint: 'GET /oversight/check-list',
    request: async (f) => ({ method: 'GET', path: scoped('/oversight/check-list', f.villageId) }),
    expect: everyone(403, { supervisor: 200, township: 200 }),
  },
  // 质询: asked by the 监委会, answered by the committee; a confidential one exists only for them and the township.
  {
    endpoint: 'GET /inquiries',
    request: async (f) => ({ method: 'GET', path: scoped('/inquiries', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /inquiries',
    request: async () => ({ method: 'POST', path: '/inquiries', body: inquiryBody }),
    expect: everyone(403, { supervisor: 201, otherVillage: 403 }), // the other village's caller is its chair, not 监委会
  },
  {
    endpoint: 'GET /inquiries/{id} (public)',
    request: async (f) => ({ method: 'GET', path: scoped(`/inquiries/${await f.inquiry(false)}`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /inquiries/{id} (confidential)',
    request: async (f) => ({ method: 'GET', path: scoped(`/inquiries/${await f.inquiry(true)}`, f.villageId) }),
    expect: everyone(404, { committee: 200, supervisor: 200, township: 200 }),
  },
  {
    endpoint: 'POST /inquiries/{id}/answer (public)',
    request: async (f) => ({
      method: 'POST',
      path: `/inquiries/${await f.inquiry(false)}/answer`,
      body: { text: '权限矩阵测试：已按规定办理并公开。' },
    }),
    expect: everyone(403, { committee: 200, otherVillage: 404 }),
  },
  {
    endpoint: 'POST /inquiries/{id}/answer (confidential)',
    request: async (f) => ({
      method: 'POST',
      path: `/inquiries/${await f.inquiry(true)}/answer`,
      body: { text: '权限矩阵测试：已按规定办理并公开。' },
    }),
    expect: everyone(404, { committee: 200, supervisor: 403, township: 403 }),
  },
];

let api: TestApi;
let callers: Record<Who, ApiClient>;
let fx: Fixtures;

beforeAll(async () => {
  api = await startTestApi('authzmatrix');
  const [v1, v2] = api.township.villages;
  const who = async (p: SeededPerson) => api.as(p);
  callers = {
    resident: await who(v1.residents[0]),
    householdHead: await who(v1.representatives[0]), // representatives are household heads in the seed
    representative: await who(v1.representatives[1]),
    partyMember: await who(v1.partyMembers[0]),
    gridWorker: await who(v1.gridWorkers[0]),
    otherGridWorker: await who(v1.gridWorkers[1]),
    partyBranch: await who(v1.partySecretary),
    committee: await who(v1.committee[1]),
    supervisor: await who(v1.supervisor),
    township: await who(api.township.staff),
    otherVillage: await who(v2.chair),
    signedOut: api.anonymous,
  };
  const chair = await who(v1.chair);
  const vice = await who(v1.committee[2]);
  const draft = async () => (await chair.post('/notices', notice)).body.noticeId as string;
  const pending = async () => {
    const id = await draft();
    await chair.post(`/notices/${id}/publish`);
    return id;
  };
  const published = async () => {
    const id = await pending();
    await vice.post(`/notices/${id}/approve`);
    return id;
  };
  const person = async () => {
    const body = newPerson();
    const r = await chair.post('/people', body);
    if (r.status !== 201) throw new Error(`fixture person: ${r.status} ${JSON.stringify(r.body)}`);
    return { personId: r.body.personId as string, householdId: body.householdId };
  };
  // The matrix makes a case or a question for nearly every cell: far beyond one person's daily allowance
  // (writeLimits, test/api/write-limits.test.ts), so the village allows its most, and the cases rotate authors.
  const settings = (await chair.get('/village-settings')).body.settings;
  await chair.put('/village-settings', { ...settings, writeLimits: { casesPerDay: 100, questionsPerHour: 200 } });
  const callerIds = new Set(
    [v1.residents[0], v1.representatives[0], v1.representatives[1], v1.partyMembers[0], v1.chair, v1.supervisor]
      .concat(v1.gridWorkers, v1.committee, [v1.partySecretary])
      .map((p) => p.personId),
  );
  const authors = v1.residents
    .slice(5)
    .filter((p) => !callerIds.has(p.personId))
    .slice(0, 4);
  let authored = 0;
  const invite = async () => {
    const { personId } = await person();
    return (await chair.post(`/people/${personId}/invites`)).body.code as string;
  };
  fx = {
    chair,
    vice,
    villageId: v1.villageId,
    person,
    invite,
    qrTicket: async (scannedByChair = false) => {
      const t = (await api.anonymous.post('/auth/qr-tickets')).body;
      if (scannedByChair) await chair.post(`/auth/qr-tickets/${t.ticketId}/scan`);
      return t;
    },
    chairBrowserSession: async () => {
      const t = (await api.anonymous.post('/auth/qr-tickets')).body;
      await chair.post(`/auth/qr-tickets/${t.ticketId}/scan`);
      await chair.post(`/auth/qr-tickets/${t.ticketId}/confirm`);
      const { token } = (await api.anonymous.post(`/auth/qr-tickets/${t.ticketId}/poll`, t)).body;
      const mine = (await api.anonymous.withToken(token).get('/me/sessions')).body.items;
      return mine[0].sessionId as string;
    },
    personWithTerm: async () => {
      const { personId } = await person();
      const r = await chair.post(`/people/${personId}/roles`, { role: 'party_member', from: '2025-07-01' });
      const term = r.body.terms.find((t: { role: string }) => t.role === 'party_member');
      return { personId, termId: term.termId };
    },
    boundPerson: async () => {
      const { personId } = await person();
      const code = (await chair.post(`/people/${personId}/invites`)).body.code;
      await (await api.wechat()).post('/bindings/invites/redeem', { code, consent });
      return personId;
    },
    claim: async () => {
      const { personId } = await person();
      const r = await (await api.wechat()).post('/bindings/claims', {
        villageId: v1.villageId,
        name: '陌生人',
        idTail: '0000',
        phone: '13900000000',
        consent,
      });
      return { claimId: r.body.claim.claimId as string, personId };
    },
    residentId: v1.residents[4].personId,
    topic: async (open) => {
      const t = await chair.post('/topics', topicBody());
      if (open) {
        await chair.post(`/topics/${t.body.topicId}/open`);
        await api.events.settle();
      }
      return t.body.topicId as string;
    },
    importFile: async () => {
      const csv = `户号,姓名,与户主关系,身份证号,村民小组\nIMP${serial},导入${serial},户主,${freshIdNumber()},第二村民小组\n`;
      const fileBase64 = Buffer.from(csv).toString('base64');
      const preview = await chair.post('/roster-imports/preview', { fileBase64 });
      return { fileBase64, checksum: preview.body.checksum as string };
    },
    draft,
    pending,
    pendingSignOff: async () => {
      const id = (await chair.post('/notices', { ...notice, category: 'finance' })).body.noticeId as string;
      await chair.post(`/notices/${id}/publish`);
      await vice.post(`/notices/${id}/approve`);
      return id;
    },
    published,
    settings: async () => (await chair.get('/village-settings')).body.settings,
    correction: async () => {
      const r = await (await who(authors[authored++ % authors.length])).post('/me/data/corrections', {
        field: 'other',
        text: '权限矩阵测试的更正申请',
      });
      if (r.status !== 201) throw new Error(`fixture correction: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.correctionId as string;
    },
    gridWorkerId: v1.gridWorkers[0].personId,
    cadreId: v1.committee[1].personId,
    care: async (withProblem = false) => {
      const householdId = `MXC${serial++}`;
      const elder = await chair.post('/people', { ...newPerson(), householdId, idNumber: elderIdNumber() });
      const son = await chair.post('/people', { ...newPerson(), householdId, relation: '子' });
      const r = await chair.post('/care', {
        personId: elder.body.personId,
        reason: 'aged',
        supportMode: 'dispersed',
        needs: '需要每天有人看望',
        cadreId: v1.committee[1].personId,
        guardian: { guardianClass: 'relative', personId: son.body.personId, kinship: 'child' },
      });
      if (r.status !== 201) throw new Error(`fixture care: ${r.status} ${JSON.stringify(r.body)}`);
      if (!withProblem) return { personId: elder.body.personId as string };
      const v = await chair.post(`/care/${elder.body.personId}/visits`, careVisit(true));
      return { personId: elder.body.personId as string, problemId: v.body.problems[0].problemId as string };
    },
    committeePhoto: async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      );
      const up = (await callers.committee.post('/photos', { contentType: 'image/png', size: png.length })).body;
      await fetch(up.uploadUrl, { method: 'PUT', headers: up.headers, body: new Uint8Array(png) });
      return up.photoId as string;
    },
    kase: async (kind) => {
      const author = await who(authors[authored++ % authors.length]);
      const made = async (client: ApiClient, body: Record<string, unknown>) => {
        const r = await client.post('/cases', body);
        if (r.status !== 201) throw new Error(`fixture case: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body.caseId as string;
      };
      if (kind === 'private') {
        const { personId } = await person();
        return made(chair, { ...caseBody(), kind: 'petition', onBehalfOf: { personId, intake: 'phone' } });
      }
      if (kind === 'cosignable' || kind === 'withDuty') {
        const asksFor = kind === 'cosignable' ? 'villagers_meeting' : 'representatives_assembly';
        const id = await made(author, { ...caseBody(), kind: 'petition', asksFor });
        for (const rep of kind === 'withDuty' ? v1.representatives.slice(2) : []) {
          const r = await (await who(rep)).post(`/cases/${id}/cosign`);
          if (r.body.duty) break;
        }
        return id;
      }
      const id = await made(kind === 'resolvedForResident' ? callers.resident : author, caseBody());
      if (kind !== 'submitted') await chair.post(`/cases/${id}/accept`, {});
      if (kind === 'resolvedForResident')
        await chair.post(`/cases/${id}/reply`, { text: '已经修好了，谢谢您的反映。' });
      return id;
    },
    inquiry: async (confidential) =>
      (await callers.supervisor.post('/inquiries', { ...inquiryBody, confidential })).body.inquiryId as string,
    question: async () => {
      const noticeId = await published();
      const q = await callers.resident.post(`/notices/${noticeId}/questions`, { text: '请问怎么办理？' });
      return { noticeId, questionId: q.body.questionId };
    },
  };
});
afterAll(() => api.stop());

describe.each(matrix)('$endpoint', (row) => {
  it.each(Object.entries(row.expect) as [Who, number][])('%s → %i', async (who, status) => {
    const r = await row.request(fx);
    const reply = await callers[who].request(r.method, r.path, r.body);
    expect(reply.status).toBe(status);
    if (status >= 400) expect(typeof reply.body.error.message).toBe('string');
  });
});
