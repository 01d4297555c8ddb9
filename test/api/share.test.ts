import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * The poster's mini-program code (GET /share/code): asked of WeChat's
 * getUnlimited (the local fake answers with a plain QR code of the page and
 * scene it was asked for), kept in the bucket, and only for what the village may read.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('apishare', { withNotices: true });
});
afterAll(() => api.stop());

const village = () => api.township.villages[0];
const noticeId = () => village().publishedNoticeIds[0];

/** What a phone's camera reads in the image behind the URL. */
async function scan(url: string) {
  const res = await fetch(url);
  expect(res.headers.get('content-type')).toBe('image/png');
  const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** WeChat out of reach from here on, in this test only. */
const withWechatDown = async <T>(run: () => Promise<T>) => {
  const base = process.env.WECHAT_API_BASE;
  process.env.WECHAT_API_BASE = 'http://127.0.0.1:9';
  try {
    return await run();
  } finally {
    process.env.WECHAT_API_BASE = base;
  }
};

describe("a poster's mini-program code", () => {
  it('opens the notice page with its id as the scene, and is kept: asked again, WeChat is not needed', async () => {
    const resident = await api.as(village().residents[0]);
    const path = `/share/code?kind=notice&id=${noticeId()}`;
    const r = await resident.get(path);
    expect(r.status).toBe(200);
    expect(new URL(r.body.url).pathname).toBe(
      `/${process.env.PHOTO_BUCKET}/codes/${village().villageId}/notice-${noticeId()}`,
    );
    expect(await scan(r.body.url)).toBe(`pages/notices/detail/index?scene=${noticeId()}`);

    const again = await withWechatDown(() => resident.get(path));
    expect(again.status).toBe(200);
    expect(await scan(again.body.url)).toBe(`pages/notices/detail/index?scene=${noticeId()}`);
  });

  it('says so in Chinese when WeChat is out of reach, and keeps nothing', async () => {
    const committee = await api.as(village().committee[1]);
    const path = `/share/code?kind=notice&id=${village().publishedNoticeIds[1]}`;
    const down = await withWechatDown(() => committee.get(path));
    expect(down.status).toBe(503);
    expect(down.body.error.message).toBe('微信服务暂时无法连接，请稍后再试');
    // Nothing was kept: once WeChat answers, it is asked.
    const back = await committee.get(path);
    expect([back.status, back.body?.error?.message]).toEqual([200, undefined]);
  });

  it('is refused for a kind it does not know, a malformed id, an item that is not there, or another village', async () => {
    const resident = await api.as(village().residents[0]);
    const badKind = await resident.get(`/share/code?kind=ballot&id=${noticeId()}`);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.fields).toEqual([expect.objectContaining({ path: 'kind' })]);
    const badId = await resident.get('/share/code?kind=notice&id=../../x');
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields[0]).toEqual({ path: 'id', message: '编号：格式不正确' });
    const missing = await resident.get('/share/code?kind=notice&id=01JH0000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('没有找到该公告');
    const other = await api.as(api.township.villages[1].residents[0]);
    const foreign = await other.get(`/share/code?kind=notice&id=${noticeId()}&villageId=${village().villageId}`);
    // Another village's notice is not theirs to print: for them it is not there.
    expect(foreign.status).toBe(404);
    expect(foreign.body.url).toBeUndefined();
    expect((await api.anonymous.get(`/share/code?kind=notice&id=${noticeId()}`)).status).toBe(401);
  });
});
