import { getPerson, type PersonRecord } from '../people/store';
import { dynamo } from './db';
import { env } from './env';
import * as keys from './keys';

/**
 * The caller's roster item, kept by this instance for a few seconds (env.callerCacheSeconds), so
 * that a page's reads don't each begin with a sequential GetItem for it. Only reads use it
 * (lib/http.ts): a write, and a read of the sensitive tier, read the roster afresh, so a role
 * ended or an account unbound refuses them at once. Whatever this instance writes to a person's
 * item (a role, a binding, a death) forgets that person here at once; another warm instance
 * may answer a read with the old roles until its copy is callerCacheSeconds old.
 */
interface Kept {
  person: PersonRecord | undefined;
  readAt: number;
}
const kept = new Map<string, Kept>();
/** A bound on memory: a village's active callers are far fewer. */
const MAX_KEPT = 10_000;
/** Bumped by every write to a person item: a read begun before a write may hold what it replaced. */
let writes = 0;

const idOf = (key: Key) => `${plain(key.pk)}|${plain(key.sk)}`;
/** Keys as the document client passes them, or as AttributeValues from the plain client (Powertools). */
const plain = (v: unknown) => (typeof v === 'object' && v && 'S' in v ? (v as { S: string }).S : v);

/** The caller's person, from this instance's copy when it is fresh enough. */
export async function keptCaller(tenantId: string, personId: string): Promise<PersonRecord | undefined> {
  const id = idOf(keys.person(tenantId, personId));
  const copy = kept.get(id);
  const age = Date.now() - (copy?.readAt ?? Number.NEGATIVE_INFINITY);
  if (copy && age >= 0 && age < env.callerCacheSeconds * 1000) return copy.person;
  return freshCaller(tenantId, personId);
}

/** The caller's person read from the table, kept for the next reads. */
export async function freshCaller(tenantId: string, personId: string): Promise<PersonRecord | undefined> {
  const before = writes;
  const readAt = Date.now();
  const person = await getPerson(tenantId, personId);
  const id = idOf(keys.person(tenantId, personId));
  kept.delete(id); // re-inserted last: the oldest copies are the first to go
  if (before === writes && env.callerCacheSeconds > 0) {
    kept.set(id, { person, readAt });
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return person;
}

type Key = { pk?: unknown; sk?: unknown };
/** What a write command names, whichever of them it is (document client or plain client). */
interface WriteInput {
  Item?: Key;
  Key?: Key;
  TransactItems?: { Put?: { Item?: Key }; Update?: { Key?: Key }; Delete?: { Key?: Key } }[];
  RequestItems?: Record<string, { PutRequest?: { Item?: Key }; DeleteRequest?: { Key?: Key } }[]>;
}
const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

function peopleWritten(input: WriteInput): Key[] {
  const written = [
    input.Item ?? input.Key,
    ...(input.TransactItems ?? []).map((t) => t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key),
    ...Object.values(input.RequestItems ?? {}).flatMap((ws) =>
      ws.map((w) => w.PutRequest?.Item ?? w.DeleteRequest?.Key),
    ),
  ];
  return written.filter((k): k is Key => String(plain(k?.sk)).startsWith('PERSON#'));
}

// Forgets the people a write touches before it is sent and once it is answered: a read in between is not kept.
dynamo.middlewareStack.add(
  (next, context) => async (args) => {
    const people = WRITE_COMMANDS.has(context.commandName ?? '') ? peopleWritten(args.input as WriteInput) : [];
    if (!people.length) return next(args);
    const forget = () => {
      writes++;
      for (const k of people) kept.delete(idOf(k));
    };
    forget();
    try {
      return await next(args);
    } finally {
      forget();
    }
  },
  { step: 'initialize', name: 'forgetWrittenCallers' },
);
