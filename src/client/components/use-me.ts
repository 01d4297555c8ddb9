import { useEffect, useState } from 'react';
import type { Me } from '../../shared/schemas/person';
import { call } from '../services/api';
import { session, wechatLoginCode } from '../services/session';

let rebindTried = false;

/**
 * A claim the committee approved binds the account, but the session in hand is
 * still the unbound one it was signed in with: signing in with WeChat again (no
 * tap needed) gives the bound session. Tried once per app run, so an account
 * that later let go of its binding is not signed in over and over.
 */
async function rebindIfApproved(): Promise<boolean> {
  if (rebindTried) return false;
  const mine = await call('myClaims');
  if (!mine.items.some((c) => c.status === 'approved')) return false;
  rebindTried = true;
  const code = await wechatLoginCode(false);
  if (!code) return false;
  const r = await call('wechatSignIn', { body: { code } });
  if (!r.person) return false;
  session.signIn(r.token);
  return true;
}

/** Who is signed in: remembered on the phone, refreshed from /me once per page. `person` is null until bound. */
export function useMe() {
  const [me, setMe] = useState<Me | undefined>(session.me());
  useEffect(() => {
    if (!session.token()) return;
    const load = async () => {
      let m = await call('me');
      if (!m.person && (await rebindIfApproved().catch(() => false))) m = await call('me');
      session.remember(m);
      setMe(m);
    };
    load().catch(() => undefined);
  }, []);
  return me;
}
