import { useState } from 'react';
import type { Me } from '../../shared/schemas/person';
import { isTownship } from '../services/session';
import { useLoading } from './use-loading';
import { usePageLoad } from './use-page-load';

/**
 * The village a page shows: the caller's own (the server knows it), or for
 * township staff the one they picked with the village picker (or opened the page with), their first by default.
 */
export function useVillageChoice(me: Me | undefined, opened?: string) {
  const [picked, choose] = useState<string | undefined>(opened || undefined);
  const township = isTownship(me);
  return { township, chosen: picked ?? (township ? me?.villages[0]?.villageId : undefined), choose };
}

/**
 * A page of one village's data: the village it shows (as above), its fetch and loading state, loaded when the
 * page opens and each time it shows again; `pick` is the village picker's choice, which loads that village.
 */
export function useVillagePage(
  me: Me | undefined,
  fetch: (villageId: string | undefined) => Promise<void>,
  opened?: string,
) {
  const { township, chosen, choose } = useVillageChoice(me, opened);
  const { loading, error, track } = useLoading();
  const load = (village = chosen) => track(() => fetch(village));
  usePageLoad(me, () => load());
  const pick = (villageId: string) => {
    choose(villageId);
    load(villageId);
  };
  return { township, chosen, pick, load, loading, error };
}
