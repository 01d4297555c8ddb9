import { DeleteParameterCommand, GetParametersCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  GetCommand,
  ScanCommand,
  type ScanCommandOutput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { dynamo, isConditionFailure, table } from '../../src/functions/lib/db';
import * as keys from '../../src/functions/lib/keys';
import { rosterKeyPair } from '../../src/functions/lib/sensitive';
import type { SensitiveFields } from '../../src/functions/people/store';

/**
 * Rotates the roster key: every sealed field in the table (a person's ID number,
 * phone and birth date, a claim's typed factors, a case's contact phone, a push
 * grant's openid) is opened under the old key and sealed under the new, and each
 * person's ID-number fingerprint and uniqueness marker are keyed anew. A field
 * the old key no longer opens was rotated by an earlier, interrupted run and is
 * left alone, so the script can simply be run again. The old key opens nothing
 * afterwards. A Scan is right here: this is a maintenance job, not a request.
 *
 * Deployed (docs/operations.md): put the new key in /village-hall/<stage>/roster-key-next, then
 *   STAGE=<stage> AWS_REGION=<region> npx tsx scripts/ops/rotate-roster-key.ts
 * which reads both keys from SSM, rewrites the table, and makes the new key the roster key.
 * Locally: OLD_ROSTER_KEY, NEW_ROSTER_KEY, TABLE_NAME and DYNAMODB_ENDPOINT instead of SSM.
 */

const SEALED_ATTRIBUTES = ['sealed', 'contact', 'openid'] as const;

interface Item {
  pk: string;
  sk: string;
  type?: string;
  idHash?: string;
  tenant?: { kind: string; villageId?: string };
  [attribute: string]: unknown;
}

export interface Rotated {
  /** Sealed fields now under the new key. */
  resealed: number;
  /** People whose ID-number fingerprint and marker were keyed anew. */
  fingerprints: number;
  /** Fields an earlier run had rotated already. */
  skipped: number;
}

export async function rotateRosterKey(oldKey: string, newKey: string): Promise<Rotated> {
  const keyPair = rosterKeyPair(oldKey, newKey);
  const done: Rotated = { resealed: 0, fingerprints: 0, skipped: 0 };
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: table(), ExclusiveStartKey: start }));
    for (const item of (page.Items ?? []) as Item[]) await rotateItem(item, keyPair, done);
    start = page.LastEvaluatedKey;
  } while (start);
  return done;
}

async function rotateItem(item: Item, keyPair: ReturnType<typeof rosterKeyPair>, done: Rotated) {
  const fresh: Record<string, string> = {};
  for (const name of SEALED_ATTRIBUTES) {
    const value = item[name];
    if (typeof value !== 'string') continue;
    try {
      fresh[name] = keyPair.reseal(value);
    } catch {
      done.skipped++;
    }
  }
  const names = Object.keys(fresh);
  if (!names.length) return;
  // Written only if no one changed the item since it was read: otherwise it is read again.
  const update = {
    TableName: table(),
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :n${i}`).join(', ')}`,
    ConditionExpression: names.map((_, i) => `#a${i} = :o${i}`).join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
    ExpressionAttributeValues: Object.fromEntries(
      names.flatMap((n, i) => [
        [`:n${i}`, fresh[n]],
        [`:o${i}`, item[n]],
      ]),
    ),
  };
  const villageId = item.tenant?.kind === 'village' ? item.tenant.villageId : undefined;
  const rekeyed =
    item.type === 'person' && item.idHash && villageId && typeof item.sealed === 'string' && fresh.sealed
      ? keyPair.newFingerprint('id-number', keyPair.unsealOld<SensitiveFields>(item.sealed).idNumber)
      : undefined;
  try {
    if (rekeyed && villageId && item.idHash) {
      update.UpdateExpression += ', idHash = :h';
      update.ExpressionAttributeValues[':h'] = rekeyed;
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: update },
            {
              Put: {
                TableName: table(),
                Item: { ...keys.idNumberMarker(villageId, rekeyed), type: 'id-number', personId: item.personId },
              },
            },
            { Delete: { TableName: table(), Key: keys.idNumberMarker(villageId, item.idHash) } },
          ],
        }),
      );
      done.fingerprints++;
    } else {
      await dynamo.send(new UpdateCommand(update));
    }
    done.resealed += names.length;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const { Item: again } = await dynamo.send(
      new GetCommand({ TableName: table(), Key: { pk: item.pk, sk: item.sk } }),
    );
    if (again) await rotateItem(again as Item, keyPair, done);
  }
}

async function main() {
  const stage = process.env.STAGE;
  const local = process.env.OLD_ROSTER_KEY && process.env.NEW_ROSTER_KEY;
  if (local) {
    console.log(await rotateRosterKey(process.env.OLD_ROSTER_KEY as string, process.env.NEW_ROSTER_KEY as string));
    return;
  }
  if (!stage) throw new Error('Set STAGE (and AWS_REGION), or OLD_ROSTER_KEY and NEW_ROSTER_KEY for a local table');
  process.env.TABLE_NAME ??= `village-hall-${stage}`;
  const current = `/village-hall/${stage}/roster-key`;
  const next = `/village-hall/${stage}/roster-key-next`;
  const ssm = new SSMClient({});
  const { Parameters = [] } = await ssm.send(
    new GetParametersCommand({ Names: [current, next], WithDecryption: true }),
  );
  const value = (name: string) => {
    const found = Parameters.find((p) => p.Name === name)?.Value;
    if (!found) throw new Error(`${name} is not set`);
    return found;
  };
  const [oldKey, newKey] = [value(current), value(next)];
  console.log(await rotateRosterKey(oldKey, newKey));
  await ssm.send(new PutParameterCommand({ Name: current, Value: newKey, Type: 'SecureString', Overwrite: true }));
  await ssm.send(new DeleteParameterCommand({ Name: next }));
  console.log(`${current} now holds the new key; functions read it within 5 minutes (or at once after a deploy).`);
  // Instances still on the old key until then seal what they write under it (docs/operations.md, "Roster key").
  console.log('After the deploy, run once more with OLD_ROSTER_KEY and NEW_ROSTER_KEY to bring over what they wrote.');
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
