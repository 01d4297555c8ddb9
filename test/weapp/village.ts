import { POLICY_VERSION } from '../../src/shared/rules/policy-version';
import type { Me } from '../../src/shared/schemas/person';
import type { FakeRequest, FakeResponse } from './fake-wx';

/**
 * What the API answers the mini-program in this suite: one village, a resident and a committee member, two
 * notices. Typed with the shared schemas' types, so an API change that the app would see breaks this first.
 * Anything not listed answers 404 in the API's error shape, as the real gateway does for an unknown id.
 */
export const API = 'http://127.0.0.1:3000/api';

const village = { villageId: 'v1', townshipId: 't1', name: '杏花村', kind: 'village' as const };
const tenant = { kind: 'village' as const, villageId: 'v1', townshipId: 't1' };
/** Both agreed to the current privacy policy when they bound. */
const consent = {
  policyVersion: POLICY_VERSION,
  agreedAt: '2026-11-01T00:00:00.000Z',
  idNumberAgreedAt: '2026-11-01T00:00:00.000Z',
};

export const resident: Me = {
  account: { accountId: 'a-resident', boundAt: '2026-11-01T00:00:00.000Z' },
  person: { personId: 'p-resident', name: '王秀英', tenant, groupName: '一组', roles: ['resident'], posts: [] },
  villages: [village],
  township: null,
  consent,
};

export const committee: Me = {
  account: { accountId: 'a-committee', boundAt: '2026-11-01T00:00:00.000Z' },
  person: {
    personId: 'p-committee',
    name: '李建国',
    tenant,
    groupName: '二组',
    roles: ['committee', 'resident'],
    posts: ['村委会主任'],
  },
  villages: [village],
  township: null,
  consent,
};

export const notices = [
  {
    noticeId: 'n1',
    villageId: 'v1',
    category: 'finance',
    title: '十月村务收支公开',
    status: 'published',
    version: 1,
    major: 1,
    createdAt: '2026-11-02T01:00:00.000Z',
    publishedAt: '2026-11-02T02:00:00.000Z',
  },
  {
    noticeId: 'n2',
    villageId: 'v1',
    category: 'affairs',
    title: '冬季防火巡逻安排',
    status: 'published',
    version: 1,
    major: 1,
    createdAt: '2026-11-05T01:00:00.000Z',
    publishedAt: '2026-11-05T02:00:00.000Z',
  },
];

const notFound: FakeResponse = { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到' } } };

/** The token a signed-in phone keeps, and who it stands for. */
export const signedInAs = (me: Me) => ({ 'vh.token': `token-${me.account.accountId}`, 'vh.me': me });

/** Answers requests for this village as `me` (or as nobody: then every signed-in route is a 401). */
export function villageApi(me?: Me) {
  return (req: FakeRequest): FakeResponse => {
    const url = new URL(req.url);
    const path = url.pathname.replace(/^\/api/, '');
    const key = `${req.method} ${path}`;
    if (key === 'GET /auth/demo-people')
      return { statusCode: 403, data: { error: { code: 'forbidden', message: '演示登录只在本地可用' } } };
    if (key === 'POST /auth/wechat')
      return {
        statusCode: 200,
        data: { token: 'token-from-wechat', expiresAt: '2026-12-31T00:00:00.000Z', person: resident.person },
      };
    if (!me) return { statusCode: 401, data: { error: { code: 'unauthenticated', message: '请先登录' } } };
    switch (key) {
      case 'GET /me':
        return { statusCode: 200, data: me };
      case 'GET /notices':
        return { statusCode: 200, data: { items: notices, nextCursor: null } };
      case 'GET /notices/n1':
        return {
          statusCode: 200,
          data: {
            ...notices[0],
            body: '收入 12,000 元，支出 8,000 元。',
            attachments: [],
            createdBy: { personId: 'p-committee', name: '李建国' },
            updatedAt: notices[0].publishedAt,
          },
        };
      case 'GET /notices/n1/questions':
        return { statusCode: 200, data: { items: [] } };
      case 'GET /cases/categories':
        return { statusCode: 200, data: { items: [] } };
      case 'POST /photos':
        return {
          statusCode: 200,
          data: {
            photoId: 'ph1',
            uploadUrl: 'https://photos.example.test/upload/ph1?signature=s',
            method: 'PUT',
            headers: { 'content-type': 'image/jpeg' },
            expiresAt: '2026-11-23T10:10:00.000Z',
          },
        };
      default:
        if (req.url.startsWith('https://photos.example.test/')) return { statusCode: 200, data: '' };
        return notFound;
    }
  };
}
