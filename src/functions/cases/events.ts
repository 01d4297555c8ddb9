import type { EventKind } from '../../shared/schemas/inbox';
import type { TransactItem } from '../lib/db';
import { type Audience, emit } from '../lib/outbox';
import type { Step } from './steps';
import type { CaseRecord } from './store';

/**
 * The events a case's step emits, in the step's own transaction. The petitioner
 * (and the co-signers of a petition that asked for a meeting) hear that their
 * case moved; a handler hears of a case given to them, the township of one
 * escalated to it. The messages name neither the subject nor the petitioner
 * (events/messages.ts).
 */
const forAuthor: Partial<Record<Step['action'], EventKind>> = {
  accept: 'case.accepted',
  decline: 'case.declined',
  assign: 'case.assigned',
  reply: 'case.replied',
  reopen: 'case.reopened',
  escalate: 'case.escalated',
};

export function caseEvents(c: CaseRecord, step: Pick<Step, 'action' | 'note'>, now: Date): TransactItem[] {
  const base = { villageId: c.villageId, link: { page: 'case' as const, id: c.caseId, villageId: c.villageId } };
  const people = (...personIds: string[]): Audience => ({
    kind: 'people',
    people: personIds.map((personId) => ({ tenantId: c.villageId, personId })),
  });
  const author: Audience[] = [people(c.submitter.personId), ...(c.asksFor ? [cosigners(c)] : [])];
  const out: TransactItem[] = [];
  const kind = forAuthor[step.action];
  if (kind) out.push(emit({ ...base, kind, to: author }, now));
  if (step.action === 'assign' && c.assignee)
    out.push(emit({ ...base, kind: 'case.handle', to: [people(c.assignee.personId)] }, now));
  if (step.action === 'escalate')
    out.push(emit({ ...base, kind: 'case.township', to: [{ kind: 'township', townshipId: c.townshipId }] }, now));
  if (step.action === 'cosign')
    out.push(
      emit(
        {
          ...base,
          kind: 'cosign.threshold',
          to: [cosigners(c), { kind: 'committee' }],
          data: { duty: step.note ?? '' },
        },
        now,
      ),
    );
  // A step that is news to no one (a rating, a closing, an extension) still moves the township's summary.
  if (!out.length) out.push(emit({ ...base, kind: 'village.summary', to: [] }, now));
  return out;
}

/** A new case tells no one yet, but counts on the township's summary at once. */
export const summaryJob = (c: Pick<CaseRecord, 'villageId' | 'caseId'>, now: Date) =>
  emit(
    {
      villageId: c.villageId,
      link: { page: 'case', id: c.caseId, villageId: c.villageId },
      kind: 'village.summary',
      to: [],
    },
    now,
  );

const cosigners = (c: CaseRecord): Audience => ({ kind: 'cosigners', caseId: c.caseId });
