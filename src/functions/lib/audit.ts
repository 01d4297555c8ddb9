import { table } from './db';
import { newId } from './ids';
import { keys } from './keys';

/**
 * Append-only audit entries: who did what to which thing, when, and why.
 * They are written in the same transaction as the change they record, and
 * linked soon after into their tenant's hash chain (audit/chain.ts).
 */
export interface AuditEntry {
  tenantId: string;
  at: string;
  actorId: string;
  action: string;
  target: string;
  reason?: string;
  changedFields?: string[];
}

export const auditItem = (e: AuditEntry) => {
  const entryId = newId();
  return {
    ...keys.audit(e.tenantId, e.at, entryId),
    ...keys.historyIndex(e.tenantId, e.target, e.at, entryId),
    ...keys.unchainedIndex(e.tenantId, e.at, entryId), // until audit/chain.ts links it
    type: 'audit',
    ...e,
  };
};

export const auditPut = (e: AuditEntry) => ({
  Put: { TableName: table(), Item: auditItem(e), ConditionExpression: 'attribute_not_exists(pk)' },
});

/** The fields of `after` whose value differs from `before`: what an audit entry says changed. */
export const changedFields = <T extends object>(before: Partial<T>, after: T) =>
  (Object.keys(after) as (keyof T & string)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
