import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { VillageSummary } from '../../shared/schemas/person';
import type { VillageSettings } from '../../shared/schemas/settings';
import { defaultVillageSettings, VillageSettings as SettingsSchema } from '../../shared/schemas/settings';
import { dynamo, table } from '../lib/db';
import { keys } from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';

export interface VillageRecord extends VillageSummary {
  settings: VillageSettings;
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
  { ...keys.townshipVillage(v.townshipId, v.villageId), type: 'township-village', ...v },
];

export async function getVillage(villageId: string): Promise<VillageRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.village(villageId) }));
  if (!Item) return undefined;
  // Settings saved before a new setting existed get the law's default for it.
  return { ...(Item as VillageRecord), settings: SettingsSchema.parse(Item.settings ?? defaultVillageSettings()) };
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
