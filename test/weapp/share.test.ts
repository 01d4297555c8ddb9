import { join } from 'node:path';
import { startMiniProgram } from './harness';
import { resident, signedInAs, villageApi } from './village';

/**
 * Sharing a notice into a WeChat chat from the real mini-program build: WeChat
 * asks the page for its card (onShareAppMessage) and sends what it returns.
 * WEAPP_DIR: a build of one's own (its path must end in dist/weapp), as H5_DIR for the browser tests.
 */
const dist = process.env.WEAPP_DIR ?? join(__dirname, '..', '..', 'dist', 'weapp');

test("a notice's share card carries its title and the path that opens it, village included", async () => {
  const mp = await startMiniProgram(dist, { storage: signedInAs(resident), request: villageApi(resident) });
  const page = await mp.mount('pages/notices/detail/index', { id: 'n1' });
  expect(page.text()).toContain('十月村务收支公开');
  const instance = page.component.instance;
  const share = instance.onShareAppMessage as (this: unknown, o: object) => { title: string; path: string };
  // WeChat calls it on the page, as `this`.
  expect(share.call(instance, { from: 'menu' })).toEqual({
    title: '【公告】十月村务收支公开',
    path: '/pages/notices/detail/index?id=n1&villageId=v1',
  });
  // The share button is WeChat's own (open-type="share"), which the simulator renders as a button.
  expect(page.byId('share')).not.toBeNull();
  expect(mp.consoleErrors).toEqual([]);
});
