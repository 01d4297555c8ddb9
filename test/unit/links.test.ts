import {
  appPath,
  h5Link,
  nextPage,
  openedId,
  type SharedItem,
  sceneOf,
  sharedPages,
  withNext,
} from '../../src/shared/links';

const ID = '01JH0000000000000000000000';
const notice: SharedItem = { kind: 'notice', id: ID, villageId: 'V-lijia' };

describe('deep links', () => {
  it('a share card opens the detail page with the id and the village', () => {
    expect(appPath(notice)).toBe(`/pages/notices/detail/index?id=${ID}&villageId=V-lijia`);
    expect(appPath({ kind: 'topic', id: ID })).toBe(`/pages/topics/detail/index?id=${ID}`);
    expect(appPath({ kind: 'case', id: ID })).toBe(`/pages/cases/detail/index?id=${ID}`);
  });

  it('the H5 link is the site with the page after the hash, whatever hash the site was on', () => {
    expect(h5Link('https://hall.example.cn/', notice)).toBe(
      `https://hall.example.cn/#/pages/notices/detail/index?id=${ID}&villageId=V-lijia`,
    );
    expect(h5Link('https://hall.example.cn/#/pages/notices/print/index?id=x', notice)).toBe(
      `https://hall.example.cn/#/pages/notices/detail/index?id=${ID}&villageId=V-lijia`,
    );
  });

  it("a mini-program code's scene carries the id within WeChat's 32 characters, and the page reads it back", () => {
    const scene = sceneOf(notice);
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(openedId({ scene })).toBe(ID);
    expect(openedId({ scene: encodeURIComponent(scene) })).toBe(ID);
    expect(openedId({ id: ID })).toBe(ID);
    expect(openedId({ scene: 'not-an-id' })).toBe('');
    expect(openedId({})).toBe('');
    for (const page of Object.values(sharedPages)) expect(page.startsWith('/')).toBe(false); // getUnlimited refuses '/'
  });
});

describe('where sign-in and binding go next', () => {
  const detail = appPath(notice);

  it('keeps an in-app page, through the encoding of a query', () => {
    expect(nextPage(detail)).toBe(detail);
    expect(nextPage(encodeURIComponent(detail))).toBe(detail);
    expect(withNext('/pages/auth/sign-in/index', detail)).toBe(
      `/pages/auth/sign-in/index?next=${encodeURIComponent(detail)}`,
    );
    expect(withNext('/pages/bindings/claim/index?x=1', detail)).toBe(
      `/pages/bindings/claim/index?x=1&next=${encodeURIComponent(detail)}`,
    );
    expect(withNext('/pages/auth/sign-in/index', undefined)).toBe('/pages/auth/sign-in/index');
  });

  it('refuses another site, a malformed path, and the sign-in, binding and home pages (round in circles)', () => {
    for (const bad of [
      'https://evil.example/pages/x/index',
      '//evil.example/pages/x/index',
      '/pages/../x/index',
      'javascript:alert(1)',
      '/pages/auth/sign-in/index',
      '/pages/bindings/claim/index?next=x',
      '/pages/index/index',
      '%E0%A4%A',
      '',
      undefined,
    ])
      expect(nextPage(bad)).toBeUndefined();
  });
});
