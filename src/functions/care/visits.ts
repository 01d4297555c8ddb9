import { dueAt } from '../../shared/rules/deadlines';
import { localDay } from '../../shared/rules/local-day';
import { type CheckArea, checkAreaLabels, checkAreas, type VisitRequest } from '../../shared/schemas/care';
import { calendarOf } from '../cases/view';
import type { Actor } from '../lib/actor';
import type { TransactItem } from '../lib/db';
import { conflict, invalidField, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { fingerprint } from '../lib/sensitive';
import { claimPhotos } from '../photos/service';
import { recordView, saveHead, writableHead } from './service';
import {
  flagPut,
  getMark,
  getProblem,
  markPut,
  problemPut,
  problemResolve,
  sealProblem,
  sealVisit,
  unsealProblem,
  visitPut,
} from './store';

const HOUR = 3_600_000;
/** A phone's clock may run a little ahead of the server's: a visit "now" is not in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What a visit's text says, with spacing and punctuation taken out: two registers filled in with the
 * same sentence (千篇一律), one with a comma more, are the same text. Kept only as a keyed fingerprint.
 */
const textDigest = (req: VisitRequest) =>
  fingerprint(
    'visit-text',
    [req.summary, ...checkAreas.map((a) => req.checks[a].note ?? '')]
      .join('|')
      .normalize('NFKC')
      .replace(/[\s\p{P}\p{S}]/gu, ''),
  );

/**
 * A visit at the person's home, as the visitor saw it. It is marked as entered late when typed in
 * more than the village's hours after it happened, and as copied when its text or one of its photos
 * repeats an earlier visit's anywhere in the village; both go on the township's list. Each area found
 * 有问题 becomes a problem task for the cadre in charge, due on the village's working-day calendar.
 */
export async function recordVisit(
  actor: Actor,
  personId: string,
  villageId: string | undefined,
  req: VisitRequest,
  now: Date,
) {
  const { village, head } = await writableHead(actor, villageId, personId);
  const visitedMs = Date.parse(req.visitedAt);
  if (visitedMs > now.getTime() + CLOCK_SKEW_MS) throw invalidField('visitedAt', '走访时间：不能晚于现在');
  if (localDay(new Date(visitedMs), village.settings.utcOffsetMinutes) < head.careSince)
    throw invalidField('visitedAt', '走访时间：不能早于纳入供养日期');
  const problemAreas = checkAreas.filter((a) => req.checks[a].status === 'problem');
  for (const a of problemAreas)
    if (!req.checks[a].note) throw invalidField(`checks.${a}.note`, `${checkAreaLabels[a]}：有问题时请写明看到的情况`);

  const visitId = newId(now.getTime());
  const visitedAt = new Date(visitedMs).toISOString();
  const photos = await claimPhotos(actor, village.villageId, req.photos, now);
  const text = textDigest(req);
  const earlierText = await getMark(village.villageId, 'text', text);
  const earlierPhotos = await Promise.all(photos.digests.map((d) => getMark(village.villageId, 'photo', d)));
  const earlierPhoto = earlierPhotos.find(Boolean);
  const copiedFrom = earlierText
    ? { ...earlierText, what: 'text' as const }
    : earlierPhoto
      ? { ...earlierPhoto, what: 'photo' as const }
      : undefined;
  const late = now.getTime() - visitedMs > village.settings.care.lateEntryHours * HOUR;
  const marks: TransactItem[] = [
    ...(earlierText ? [] : [markPut(village.villageId, 'text', text, { visitId, personId })]),
    ...[...new Set(photos.digests.filter((_, i) => !earlierPhotos[i]))].map((d) =>
      markPut(village.villageId, 'photo', d, { visitId, personId }),
    ),
  ];

  const due = dueAt(
    now.toISOString(),
    { amount: village.settings.care.problemWorkingDays, unit: 'working_days' },
    calendarOf(village),
  );
  const problems = problemAreas.map((area: CheckArea) => ({
    problemId: newId(now.getTime()),
    personId,
    visitId,
    area,
    owner: head.cadre,
    dueAt: due,
    status: 'open' as const,
    createdAt: now.toISOString(),
    sealed: sealProblem({ note: req.checks[area].note ?? '' }),
  }));
  const flagged = late || copiedFrom !== undefined;
  const lastVisitAt = head.lastVisitAt && head.lastVisitAt > visitedAt ? head.lastVisitAt : visitedAt;
  const saved = await saveHead(
    village,
    {
      ...head,
      lastVisitAt,
      openProblems: head.openProblems + problems.length,
      guardian: { ...head.guardian, problemCount: head.guardian.problemCount + (problems.length ? 1 : 0) },
    },
    head.version,
    [
      ...photos.items,
      ...marks,
      visitPut(village.villageId, personId, {
        visitId,
        visitedAt,
        enteredAt: now.toISOString(),
        visitor: { personId: actor.personId, name: actor.name },
        companions: req.companions,
        verdicts: Object.fromEntries(checkAreas.map((a) => [a, req.checks[a].status])) as Record<
          CheckArea,
          'ok' | 'problem'
        >,
        satisfaction: req.satisfaction,
        photos: photos.photos,
        late,
        copied: copiedFrom !== undefined,
        copiedFrom,
        sealed: sealVisit({
          summary: req.summary,
          notes: Object.fromEntries(checkAreas.map((a) => [a, req.checks[a].note])),
        }),
      }),
      ...problems.flatMap((p) => problemPut(village.villageId, p)),
      ...(flagged
        ? [
            flagPut({
              villageId: village.villageId,
              personId,
              name: head.name,
              visitId,
              visitedAt,
              copied: copiedFrom !== undefined,
              late,
            }),
          ]
        : []),
    ],
    { actor, action: 'care.visit', at: now },
  );
  return recordView(village, saved, now);
}

/** A problem task done: what was done about it, and it leaves the open list. */
export async function resolveProblem(
  actor: Actor,
  ids: { personId: string; problemId: string },
  villageId: string | undefined,
  resolution: string,
  now: Date,
) {
  const { village, head } = await writableHead(actor, villageId, ids.personId);
  const problem = await getProblem(village.villageId, ids.personId, ids.problemId);
  if (!problem) throw notFound('没有找到这个问题');
  if (problem.status !== 'open') throw conflict('这个问题已经登记解决');
  const { note } = unsealProblem(problem);
  const at = now.toISOString();
  const saved = await saveHead(
    village,
    { ...head, openProblems: Math.max(0, head.openProblems - 1) },
    head.version,
    problemResolve(village.villageId, problem, at, sealProblem({ note, resolution })),
    { actor, action: 'care.problem.resolve', at: now },
  );
  return recordView(village, saved, now);
}
