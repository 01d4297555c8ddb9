import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  CareReason,
  CaseLink,
  Check,
  CheckArea,
  Disability,
  Duty,
  Guardian,
  Problem,
  SupportMode,
  Visit,
} from '../../shared/schemas/care';
import type { PhotoRef } from '../../shared/schemas/photo';
import { dynamo, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';
import { seal, unseal } from '../lib/sensitive';

/** What the registry holds sealed of a person in care: why they qualify, their disability, health and needs. */
export interface SealedCare {
  reason: CareReason;
  disability?: Disability;
  needs: string;
  health?: string;
}

/** A person's head in the registry: the current guardian, the counters the lists and the township read. */
export interface CareHead {
  villageId: string;
  personId: string;
  name: string;
  groupName?: string;
  supportMode: SupportMode;
  cadre: { personId: string; name: string };
  careSince: string;
  registeredAt: string;
  guardian: Guardian;
  agreementId?: string;
  lastVisitAt?: string;
  openProblems: number;
  /** Bumped by every change: a change is written only over the head it read. */
  version: number;
  sealed: string;
}

export interface AgreementRecord {
  agreementId: string;
  guardianId: string;
  guardianName: string;
  duties: Duty[];
  signedOn: string;
  startsOn: string;
  endsOn: string;
  scan: PhotoRef;
  recordedAt: string;
  recordedBy: string;
}

/** A visit as stored: the check's verdicts in the clear (they are counted), its notes and summary sealed. */
export interface VisitRecord extends Omit<Visit, 'checks' | 'summary' | 'photos'> {
  verdicts: Record<CheckArea, Check['status']>;
  photos: PhotoRef[];
  sealed: string;
}
export interface SealedVisit {
  notes: Partial<Record<CheckArea, string>>;
  summary: string;
}

export interface ProblemRecord extends Omit<Problem, 'note' | 'resolution' | 'overdue'> {
  personId: string;
  sealed: string;
}
export interface SealedProblem {
  note: string;
  resolution?: string;
}

export interface CareFlag {
  villageId: string;
  personId: string;
  name: string;
  visitId: string;
  visitedAt: string;
  copied: boolean;
  late: boolean;
}

export const sealCare = (c: SealedCare) => seal(c);
export const unsealCare = (h: Pick<CareHead, 'sealed'>) => unseal<SealedCare>(h.sealed);
export const sealVisit = (v: SealedVisit) => seal(v);
export const unsealVisit = (v: Pick<VisitRecord, 'sealed'>) => unseal<SealedVisit>(v.sealed);
export const sealProblem = (p: SealedProblem) => seal(p);
export const unsealProblem = (p: Pick<ProblemRecord, 'sealed'>) => unseal<SealedProblem>(p.sealed);

export async function getHead(villageId: string, personId: string): Promise<CareHead | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.careHead(villageId, personId) }));
  return Item ? (withoutKeys(Item) as CareHead) : undefined;
}

export const listHeads = async (villageId: string) =>
  (await queryAll<CareHead>(prefixQuery(keys.careHeadPrefix(villageId)))).map(withoutKeys);

/** Everything of one person's file: former guardians, agreements, visits, problems (a few dozen a year). */
export async function readFile(villageId: string, personId: string) {
  const items = await queryAll<Record<string, unknown>>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.careFile(villageId, personId).pk },
  });
  const of = <T>(type: string) => items.filter((i) => i.type === type).map((i) => withoutKeys(i) as T);
  return {
    guardians: of<Guardian>('care-guardian'),
    agreements: of<AgreementRecord>('care-agreement'),
    visits: of<VisitRecord>('care-visit'),
    problems: of<ProblemRecord>('care-problem'),
    cases: of<CaseLink>('care-case'),
  };
}

/**
 * Files a 关爱线索 case with the person it is about. A case is about one person: the entry by case is written
 * only if it is new or names the same person, so a second person's link fails the transaction.
 */
export const caseLinkPuts = (villageId: string, personId: string, link: CaseLink): TransactItem[] => [
  {
    Put: {
      TableName: table(),
      Item: { ...keys.careCase(villageId, personId, link.caseId), type: 'care-case', ...link },
    },
  },
  {
    Put: {
      TableName: table(),
      Item: { ...keys.careOfCase(villageId, link.caseId), type: 'care-of-case', personId },
      ConditionExpression: 'attribute_not_exists(pk) OR personId = :p',
      ExpressionAttributeValues: { ':p': personId },
    },
  },
];

/** Whose file a case is in, if anyone's. */
export async function careOfCase(villageId: string, caseId: string) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.careOfCase(villageId, caseId) }));
  return Item?.personId as string | undefined;
}

export async function getProblem(villageId: string, personId: string, problemId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.careProblem(villageId, personId, problemId) }),
  );
  return Item ? (withoutKeys(Item) as ProblemRecord) : undefined;
}

/** What the overview lists of an open problem: no note. */
export interface OpenProblem {
  personId: string;
  problemId: string;
  area: Problem['area'];
  dueAt: string;
  ownerName: string;
}

/** A village's open problems, earliest deadline first. */
export const openProblems = async (villageId: string) =>
  (
    await queryAll<OpenProblem>({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.openCareProblems(villageId).pk },
    })
  ).map(withoutKeys);

/** A village's visits flagged as copied or late since a day. */
export async function flagsSince(villageId: string, since: string) {
  const r = await queryAll<CareFlag>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk >= :since',
    ExpressionAttributeValues: { ':pk': keys.careFlags(villageId).pk, ':since': since },
  });
  return r.map(withoutKeys);
}

/** The earlier visit whose text or photo this digest is, if any. */
export async function getMark(villageId: string, kind: 'text' | 'photo', digest: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.careVisitMark(villageId, kind, digest) }),
  );
  return Item as { visitId: string; personId: string } | undefined;
}

/* ---------- writes: transaction items, written by the service with their audit entry ---------- */

export const newHeadPut = (h: CareHead): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.careHead(h.villageId, h.personId), type: 'care', ...h },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The head rewritten over the version it was read at: a change made meanwhile fails the whole transaction. */
export const headPut = (h: CareHead, readVersion: number): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.careHead(h.villageId, h.personId), type: 'care', ...h, version: readVersion + 1 },
    ConditionExpression: '#v = :v',
    ExpressionAttributeNames: { '#v': 'version' },
    ExpressionAttributeValues: { ':v': readVersion },
  },
});

export const formerGuardianPut = (villageId: string, personId: string, g: Guardian): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.careGuardian(villageId, personId, g.since, g.guardianId), type: 'care-guardian', ...g },
  },
});

export const agreementPut = (villageId: string, personId: string, a: AgreementRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.careAgreement(villageId, personId, a.agreementId), type: 'care-agreement', ...a },
  },
});

export const visitPut = (villageId: string, personId: string, v: VisitRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.careVisit(villageId, personId, v.visitedAt, v.visitId), type: 'care-visit', ...v },
  },
});

export const problemPut = (villageId: string, p: ProblemRecord): TransactItem[] => [
  {
    Put: {
      TableName: table(),
      Item: { ...keys.careProblem(villageId, p.personId, p.problemId), type: 'care-problem', ...p },
    },
  },
  {
    Put: {
      TableName: table(),
      Item: {
        ...keys.openCareProblem(villageId, p.dueAt, p.problemId),
        type: 'care-problem-open',
        personId: p.personId,
        problemId: p.problemId,
        area: p.area,
        dueAt: p.dueAt,
        ownerName: p.owner.name,
      } satisfies OpenProblem & Record<string, unknown>,
    },
  },
];

/** Resolves an open problem, taking it off the village's open list. */
export const problemResolve = (villageId: string, p: ProblemRecord, at: string, sealed: string): TransactItem[] => [
  {
    Update: {
      TableName: table(),
      Key: keys.careProblem(villageId, p.personId, p.problemId),
      UpdateExpression: 'SET #s = :resolved, resolvedAt = :at, sealed = :sealed',
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':resolved': 'resolved', ':open': 'open', ':at': at, ':sealed': sealed },
    },
  },
  { Delete: { TableName: table(), Key: keys.openCareProblem(villageId, p.dueAt, p.problemId) } },
];

/** The first visit with this text or photo; a second writer of the same digest fails the transaction. */
export const markPut = (
  villageId: string,
  kind: 'text' | 'photo',
  digest: string,
  visit: { visitId: string; personId: string },
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.careVisitMark(villageId, kind, digest), type: 'care-mark', ...visit },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const flagPut = (f: CareFlag): TransactItem => ({
  Put: { TableName: table(), Item: { ...keys.careFlag(f.villageId, f.visitedAt, f.visitId), type: 'care-flag', ...f } },
});
