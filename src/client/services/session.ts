import Taro from '@tarojs/taro';
import type { Me, Role } from '../../shared/schemas/person';
import { wantsLargeText } from './elderly';

/** What the app remembers on the phone: the session token, who is signed in, the text size. */
const TOKEN = 'vh.token';
const ME = 'vh.me';
const LARGE_TEXT = 'vh.largeText';
/** H5 only, locally: who "the WeChat user" of this browser is (see wechatLoginCode). */
const DEMO_WECHAT_USER = 'vh.demoWechatUser';

export const session = {
  token: (): string | undefined => Taro.getStorageSync(TOKEN) || undefined,
  me: (): Me | undefined => Taro.getStorageSync(ME) || undefined,
  signIn(token: string) {
    Taro.setStorageSync(TOKEN, token);
    Taro.removeStorageSync(ME);
  },
  remember(me: Me) {
    Taro.setStorageSync(ME, me);
  },
  signOut() {
    Taro.removeStorageSync(TOKEN);
    Taro.removeStorageSync(ME);
  },
  /** Until the person chooses, the phone's own font setting decides (see wantsLargeText). */
  largeText(): boolean {
    const chosen = Taro.getStorageSync(LARGE_TEXT);
    if (typeof chosen === 'boolean') return chosen;
    const on = wantsLargeText(systemFontSize());
    Taro.setStorageSync(LARGE_TEXT, on);
    return on;
  },
  setLargeText(on: boolean) {
    Taro.setStorageSync(LARGE_TEXT, on);
    Taro.eventCenter.trigger(LARGE_TEXT, on);
  },
  /** Calls back whenever the large-text setting changes; returns the unsubscribe. */
  onLargeText(listener: (on: boolean) => void) {
    Taro.eventCenter.on(LARGE_TEXT, listener);
    return () => {
      Taro.eventCenter.off(LARGE_TEXT, listener);
    };
  },
};

/**
 * The text size the person set for the whole phone: WeChat's 字体大小 (fontSizeSetting, px;
 * 16 is 标准) in the mini-program; on H5 the browser's default font size (16 unless set larger).
 */
function systemFontSize(): number | undefined {
  if (process.env.TARO_ENV === 'h5') {
    // Not the root's size: Taro sets that for its rem units. `medium` is the size the person chose.
    if (typeof document === 'undefined' || !document.body) return undefined;
    const probe = document.createElement('div');
    probe.style.fontSize = 'medium';
    document.body.appendChild(probe);
    const size = Number.parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return size;
  }
  try {
    return Taro.getSystemInfoSync().fontSizeSetting;
  } catch {
    return undefined;
  }
}

const randomId = (length: number) => Array.from({ length }, () => Math.floor(Math.random() * 36).toString(36)).join('');

/**
 * A one-time WeChat login code to exchange at /auth/wechat. In the mini-program it
 * comes from wx.login(). H5 has no wx.login: locally, the fake code2Session takes
 * `<user>.<nonce>`, and <user> is kept in this browser so it stays one WeChat user.
 * Without `create`, an H5 browser that never signed in as such a user gets none.
 */
export async function wechatLoginCode(create = true): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'weapp') return (await Taro.login()).code;
  let user: string = Taro.getStorageSync(DEMO_WECHAT_USER) || '';
  if (!user) {
    if (!create) return undefined;
    user = `h5${randomId(14)}`;
    Taro.setStorageSync(DEMO_WECHAT_USER, user);
  }
  return `${user}.${randomId(12)}`;
}

/** Signed in, but not yet bound to a person of the roster. */
export const isUnbound = (me?: Me) => me !== undefined && me.person === null;
export const hasRole = (me: Me | undefined, ...roles: Role[]) =>
  Boolean(me?.person?.roles.some((r) => roles.includes(r)));
export const isEditor = (me?: Me) => hasRole(me, 'committee', 'party_branch');
export const isOverseer = (me?: Me) => hasRole(me, 'committee', 'party_branch', 'supervisor', 'township_staff');
export const isTownship = (me?: Me) => me?.person?.tenant.kind === 'township';
