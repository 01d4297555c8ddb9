import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { VillageSettings } from '../../shared/schemas/settings';
import { dynamo, isConditionFailure, table } from './db';
import { tooMany } from './errors';
import * as keys from './keys';

/**
 * Per-person limits on the writes a script could flood the committee with
 * (VillageSettings.writeLimits). A window is a fixed village-time day or hour,
 * counted in one item per person and window (a conditional ADD, so two requests
 * at once cannot both take the last one); beyond the limit a 429 whose
 * Retry-After says when the next window opens. Called after a request is
 * validated and just before it is written, so bad input spends nothing.
 */
const HOUR = 3_600_000;
const limits = {
  cases: {
    windowMs: 24 * HOUR,
    max: (s: VillageSettings) => s.writeLimits.casesPerDay,
    message: (max: number) => `今天已提交 ${max} 条建议或诉求，已达本村每天的上限，请明天再提交；急事请直接联系村委会`,
  },
  questions: {
    windowMs: HOUR,
    max: (s: VillageSettings) => s.writeLimits.questionsPerHour,
    message: (max: number) => `这一小时已提问 ${max} 次，已达本村的上限，请稍后再问`,
  },
} as const;

export async function spendWriteAllowance(
  kind: keyof typeof limits,
  village: { villageId: string; settings: VillageSettings },
  personId: string,
  now: Date,
) {
  const limit = limits[kind];
  const max = limit.max(village.settings);
  const offsetMs = village.settings.utcOffsetMinutes * 60_000;
  const start = Math.floor((now.getTime() + offsetMs) / limit.windowMs) * limit.windowMs - offsetMs;
  const end = start + limit.windowMs;
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.writeAllowance(village.villageId, personId, kind, new Date(start).toISOString()),
        UpdateExpression: 'ADD spent :one SET #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(spent) OR spent < :max',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':max': max, ':ttl': Math.ceil(end / 1000) + 86_400 },
      }),
    );
  } catch (e) {
    if (isConditionFailure(e)) throw tooMany(limit.message(max), Math.ceil((end - now.getTime()) / 1000));
    throw e;
  }
}
