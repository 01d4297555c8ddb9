import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { VillageSummary } from '../../shared/schemas/person';
import type { VillageSettings } from '../../shared/schemas/settings';
import { defaultVillageSettings, VillageSettings as SettingsSchema } from '../../shared/schemas/settings';
import { dynamo, sendTransaction, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';

export interface VillageRecord extends VillageSummary {
  settings: VillageSettings;
  /** Village groups (村民小组), grids (网格) or buildings (楼栋): every person belongs to one. */
  groups: string[];
}
export interface TownshipRecord {
  townshipId: string;
  name: string;
}

export const townshipItems = (t: TownshipRecord) => [
  { ...keys.township(t.townshipId), type: 'township', ...t },
  { ...keys.townshipEntry(t.townshipId), type: 'township-entry', ...t },
];
export const villageItems = (v: VillageRecord) => [
  { ...keys.village(v.villageId), type: 'village', ...v },
  {
    ...keys.townshipVillage(v.townshipId, v.villageId),
    type: 'township-village',
    villageId: v.villageId,
    townshipId: v.townshipId,
    name: v.name,
    kind: v.kind,
  },
];

/**
 * Every request reads its village (tenancy, settings). A warm function keeps it for
 * a short while: villages and their settings change rarely, and a change is seen
 * within VILLAGE_CACHE_MS everywhere.
 */
const VILLAGE_CACHE_MS = 30_000;
const villageCache = new Map<string, { at: number; village: VillageRecord }>();

export async function getVillage(villageId: string, now = Date.now()): Promise<VillageRecord | undefined> {
  const hit = villageCache.get(villageId);
  if (hit && now - hit.at < VILLAGE_CACHE_MS) return hit.village;
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.village(villageId) }));
  if (!Item) return undefined;
  // Settings saved before a new setting existed get the law's default for it.
  const village = {
    ...(Item as VillageRecord),
    groups: (Item.groups as string[] | undefined) ?? [],
    settings: SettingsSchema.parse(Item.settings ?? defaultVillageSettings()),
  };
  villageCache.set(villageId, { at: now, village });
  return village;
}

export async function getTownship(townshipId: string): Promise<TownshipRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.township(townshipId) }));
  return Item as TownshipRecord | undefined;
}

export const listTownships = () =>
  queryAll<TownshipRecord>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.townships().pk },
  });

export async function listTownshipVillages(townshipId: string): Promise<VillageSummary[]> {
  const villages = await queryAll<VillageSummary>(prefixQuery(keys.townshipVillagePrefix(townshipId)));
  return villages.map(({ villageId, townshipId, name, kind }) => ({ villageId, townshipId, name, kind }));
}

/** Every village of every township, with its settings: what the scheduled jobs walk. */
export async function* everyVillage(): AsyncGenerator<VillageRecord> {
  for (const township of await listTownships())
    for (const { villageId } of await listTownshipVillages(township.townshipId)) {
      const village = await getVillage(villageId);
      if (village) yield village;
    }
}

/** Replaces a village's settings (the whole object, validated), with its audit entry, all or nothing. */
export async function saveSettings(villageId: string, settings: VillageSettings, audit: TransactItem) {
  await sendTransaction([
    {
      Update: {
        TableName: table(),
        Key: keys.village(villageId),
        UpdateExpression: 'SET settings = :s',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':s': settings },
      },
    },
    audit,
  ]);
  villageCache.delete(villageId);
}
