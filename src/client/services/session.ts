import Taro from '@tarojs/taro';
import type { Me, Role } from '../../shared/schemas/person';

/** What the app remembers on the phone: the session token, who is signed in, the text size. */
const TOKEN = 'vh.token';
const ME = 'vh.me';
const LARGE_TEXT = 'vh.largeText';

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
  largeText: (): boolean => Taro.getStorageSync(LARGE_TEXT) === true,
  setLargeText(on: boolean) {
    Taro.setStorageSync(LARGE_TEXT, on);
  },
};

export const hasRole = (me: Me | undefined, ...roles: Role[]) =>
  Boolean(me?.person.roles.some((r) => roles.includes(r)));
export const isEditor = (me?: Me) => hasRole(me, 'committee', 'party_branch');
export const isOverseer = (me?: Me) => hasRole(me, 'committee', 'party_branch', 'supervisor', 'township_staff');
export const isTownship = (me?: Me) => me?.person.tenant.kind === 'township';
