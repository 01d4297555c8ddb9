import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { Me } from '../../shared/schemas/person';
import { bindHere } from '../services/next';
import { isUnbound, session } from '../services/session';

/** Where an account not yet bound to a person of the roster goes first. */
export { BIND_PAGE } from '../../shared/links';

/**
 * Loads a page's data once we know who is asking (township staff must name one of
 * their villages, so the query depends on /me), and again each time the page shows
 * again (back from a notice that was just published or corrected). An account not
 * yet bound to a person can see none of it: it is sent to bind first.
 */
export function usePageLoad(me: Me | undefined, load: () => unknown) {
  const latest = useRef(load);
  latest.current = load;
  const unbound = isUnbound(me);
  const ready = (Boolean(me) && !unbound) || !session.token(); // no session: the API's 401 leads to sign-in
  const personId = me?.person?.personId;
  useEffect(() => {
    if (unbound) bindHere();
  }, [unbound]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when another person signs in
  useEffect(() => {
    if (ready) latest.current();
  }, [ready, personId]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && ready) latest.current();
    shown.current = true;
  });
}
