import { useState } from 'react';
import type { Me } from '../../shared/schemas/person';
import { isTownship } from '../services/session';

/**
 * The village a page shows: the caller's own (the server knows it), or for
 * township staff the one they picked with the village picker (or opened the page with), their first by default.
 */
export function useVillageChoice(me: Me | undefined, opened?: string) {
  const [picked, choose] = useState<string | undefined>(opened || undefined);
  const township = isTownship(me);
  return { township, chosen: picked ?? (township ? me?.villages[0]?.villageId : undefined), choose };
}
