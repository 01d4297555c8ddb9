import { useEffect, useState } from 'react';
import type { Me } from '../../shared/schemas/person';
import { call } from '../services/api';
import { session } from '../services/session';

/** Who is signed in: remembered on the phone, refreshed from /me once per page. */
export function useMe() {
  const [me, setMe] = useState<Me | undefined>(session.me());
  useEffect(() => {
    if (!session.token()) return;
    call('me')
      .then((m) => {
        session.remember(m);
        setMe(m);
      })
      .catch(() => undefined);
  }, []);
  return me;
}
