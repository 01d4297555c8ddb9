import { sensitiveFields } from '../../shared/rules/tiers';
import { table } from './db';
import { newId } from './ids';
import * as keys from './keys';

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
  /** Values before and after, for the changed fields that are not sensitive (fieldChanges). */
  changes?: FieldChange[];
}

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
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

/** Enough of a value to see what changed (a notice's body is long); the entry is in the table for good. */
const VALUE_CHARS = 200;
const shown = (v: unknown) => {
  if (v === undefined || v === null) return undefined;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text;
};

/**
 * What an audit entry says changed: every changed field by name, and the values
 * before and after of those that are not sensitive. A sensitive value (an ID
 * number, a phone, a petitioner's contact) is never written into the log, since
 * the log is kept for good and anyone with the table can read it.
 */
export function fieldChanges<T extends object>(before: Partial<T>, after: T, also: string[] = []) {
  const names = changedFields(before, after);
  const changes = names
    .filter((k) => !sensitiveFields.has(k))
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }));
  return { changedFields: [...names, ...also], changes };
}
