import Taro from '@tarojs/taro';
import { BIND_PAGE, HOME_PAGE, nextPage, SIGN_IN_PAGE, withNext } from '../../shared/links';

/** Taro's own additions to a page's query, which are not part of where the person was going. */
const TARO_PARAMS = new Set(['stamp', '$taroTimestamp']);

/** Query values come as written in the address (Taro does not decode them); a malformed one is kept as it is. */
const decoded = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

/** The page in view with its query, e.g. a notice opened from a share card before signing in. */
export function currentPage(): string | undefined {
  const router = Taro.getCurrentInstance().router;
  if (!router) return undefined;
  const page = router.path.split('?')[0];
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(router.params ?? {}))
    if (!TARO_PARAMS.has(k) && typeof v === 'string') query.set(k, decoded(v));
  const q = query.toString();
  return nextPage(q ? `${page}?${q}` : page);
}

/** Sign-in, told to come back to the page in view afterwards. */
export const signInHere = () => Taro.reLaunch({ url: withNext(SIGN_IN_PAGE, currentPage()) });

/** Binding, told to come back to the page in view afterwards. */
export const bindHere = () => Taro.redirectTo({ url: withNext(BIND_PAGE, currentPage()) });

/**
 * Once signed in: an account not yet bound binds first (still carrying where to
 * go), a bound one goes where it was going, or home.
 */
export function goOn(bound: boolean, next: string | undefined) {
  const to = nextPage(next);
  return Taro.reLaunch({ url: bound ? (to ?? HOME_PAGE) : withNext(BIND_PAGE, to) });
}
