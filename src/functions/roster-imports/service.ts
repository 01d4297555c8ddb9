import { createHash } from 'node:crypto';
import { maskName } from '../../shared/rules/tiers';
import { roleLabels } from '../../shared/schemas/person';
import type { ImportPreview, RosterFile } from '../../shared/schemas/roster-import';
import type { Actor } from '../lib/actor';
import { auditItem } from '../lib/audit';
import { deleteAll, putAll } from '../lib/batch';
import { conflict } from '../lib/errors';
import { allows, authorize } from '../lib/policy';
import { fingerprint } from '../lib/sensitive';
import { columnHeaders, parseRoster, type RosterRow, rosterColumns, rosterCsv } from '../people/roster-csv';
import { newResident, rosterView, withHeadTerm } from '../people/service';
import {
  idNumberMarkerItem,
  listPeople,
  type PersonRecord,
  personItems,
  searchEntryWrites,
  sensitiveAttributes,
  unsealSensitive,
} from '../people/store';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';

/** The register's own fields a re-import may change (what the CSV carries). */
const importedFields = ['name', 'groupName', 'householdId', 'relation', 'idNumber', 'phone', 'birthDate'] as const;

interface Change {
  row: RosterRow;
  before?: PersonRecord;
  changedFields: string[];
}

interface Plan {
  preview: ImportPreview;
  changes: Change[];
}

const registerOf = (row: RosterRow) => ({
  name: row.name,
  groupName: row.groupName,
  householdId: row.householdNo,
  relation: row.relation,
});

function diff(row: RosterRow, p: PersonRecord): string[] {
  const sensitive = unsealSensitive(p);
  const now = { ...registerOf(row), idNumber: row.idNumber, phone: row.phone, birthDate: row.birthDate };
  const was = { name: p.name, groupName: p.groupName, householdId: p.householdId, relation: p.relation, ...sensitive };
  return importedFields.filter((f) => (now[f] ?? '') !== (was[f] ?? ''));
}

/**
 * What importing this file would do, without doing it: people matched by ID
 * number are updated where they differ, new ones created, nobody duplicated;
 * bad rows are listed with every reason and left out.
 */
async function plan(village: VillageRecord, file: RosterFile): Promise<Plan> {
  const bytes = Buffer.from(file.fileBase64, 'base64');
  const parsed = parseRoster(bytes, { groups: village.groups, fixes: file.fixes });
  const roster = await listPeople(village.villageId);
  const byIdHash = new Map(roster.filter((p) => p.idHash).map((p) => [p.idHash, p]));
  const badRows = parsed.badRows.map((b) => ({ ...b, cells: b.cells as Record<string, string> }));
  const good = headProblems(roster, parsed.rows, badRows);
  const changes: Change[] = [];
  let unchanged = 0;
  for (const row of good) {
    const before = byIdHash.get(fingerprint('id-number', row.idNumber));
    const changedFields = before ? diff(row, before) : importedFields.slice();
    if (before && before.status !== 'active') {
      badRows.push({ line: row.line, reasons: ['这位村民已登记为去世或迁出，请在名册中单独处理'], cells: {} });
      continue;
    }
    if (before && !changedFields.length) unchanged++;
    else changes.push({ row, before, changedFields });
  }
  const inFile = new Set(good.map((r) => fingerprint('id-number', r.idNumber)));
  const preview: ImportPreview = {
    encoding: parsed.encoding,
    fileProblems: parsed.fileProblems,
    totalRows: parsed.totalRows,
    badRows: badRows.sort((a, b) => a.line - b.line),
    toCreate: changes.filter((c) => !c.before).length,
    toUpdate: changes
      .filter((c) => c.before)
      .map((c) => ({ line: c.row.line, name: c.row.name, changedFields: c.changedFields })),
    unchanged,
    notInFile: roster.filter((p) => p.status === 'active' && p.idHash && !inFile.has(p.idHash)).length,
    checksum: null,
  };
  const checksum = createHash('sha256')
    .update(
      JSON.stringify([
        village.villageId,
        file.fileBase64.length,
        createHash('sha256').update(bytes).digest('hex'),
        file.fixes,
        changes.map((c) => [c.row, c.before?.personId, c.before?.updatedAt]),
      ]),
    )
    .digest('hex');
  return {
    preview: { ...preview, checksum: changes.length && !parsed.fileProblems.length ? checksum : null },
    changes,
  };
}

/**
 * A household has one head (户主) after the import: a household in the file
 * with no head in the file nor on the roster, or with a head in the file
 * besides another on the roster, is a bad row, reported with the others.
 */
function headProblems(roster: PersonRecord[], rows: RosterRow[], badRows: ImportPreview['badRows']) {
  const inFileIds = new Set(rows.map((r) => fingerprint('id-number', r.idNumber)));
  const rosterHead = new Map<string, PersonRecord>();
  for (const p of roster)
    if (p.relation === '户主' && p.status === 'active' && p.householdId && !inFileIds.has(p.idHash ?? ''))
      rosterHead.set(p.householdId, p);
  const fileHead = new Set(rows.filter((r) => r.relation === '户主').map((r) => r.householdNo));
  const good: RosterRow[] = [];
  for (const row of rows) {
    const existing = rosterHead.get(row.householdNo);
    const reason =
      !fileHead.has(row.householdNo) && !existing
        ? `户号 ${row.householdNo} 没有户主，请在文件中注明户主`
        : row.relation === '户主' && existing
          ? `户号 ${row.householdNo} 在名册中已有户主 ${maskName(existing.name)}`
          : undefined;
    if (reason)
      badRows.push({ line: row.line, reasons: [reason], cells: { name: row.name, householdNo: row.householdNo } });
    else good.push(row);
  }
  return good;
}

export async function previewImport(actor: Actor, file: RosterFile) {
  const village = await ownVillage(actor);
  authorize(actor, 'roster.import', village);
  return (await plan(village, file)).preview;
}

function personFrom(village: VillageRecord, c: Change, now: Date): PersonRecord {
  const sensitive = {
    idNumber: c.row.idNumber,
    birthDate: c.row.birthDate,
    ...(c.row.phone ? { phone: c.row.phone } : {}),
  };
  if (!c.before) return newResident(village, { ...registerOf(c.row), bodies: [] }, sensitive, now);
  const updated = {
    ...c.before,
    ...registerOf(c.row),
    ...sensitiveAttributes(sensitive),
    updatedAt: now.toISOString(),
  };
  return withHeadTerm(updated, now);
}

/**
 * Writes exactly what the preview showed: the plan is made again and must have
 * the same checksum. Batch writes (25 items a call), each person beside its
 * ID-number marker and its audit entry; a re-run converges, never duplicates.
 */
export async function confirmImport(actor: Actor, file: RosterFile & { checksum: string }, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'roster.import', village);
  const { preview, changes } = await plan(village, file);
  if (preview.checksum !== file.checksum) {
    if (!changes.length && !preview.fileProblems.length)
      throw conflict('这份名册已经导入过了，名册中没有需要更新的内容');
    throw conflict('名册在预览之后有变动，请重新预览后再确认');
  }
  const at = now.toISOString();
  const items: Record<string, unknown>[] = [];
  const gone: { pk: string; sk: string }[] = [];
  for (const c of changes) {
    const person = personFrom(village, c, now);
    items.push(...personItems(person, now));
    gone.push(
      ...searchEntryWrites(person, c.before, now).flatMap((w) =>
        w.DeleteRequest?.Key ? [w.DeleteRequest.Key as { pk: string; sk: string }] : [],
      ),
    );
    if (person.idHash !== c.before?.idHash)
      items.push(idNumberMarkerItem(village.villageId, person.idHash ?? '', person.personId));
    items.push(
      auditItem({
        tenantId: village.villageId,
        at,
        actorId: actor.personId,
        action: c.before ? 'person.update' : 'person.add',
        target: `person:${person.personId}`,
        reason: 'roster.import',
        changedFields: c.changedFields,
      }),
    );
  }
  items.push(
    auditItem({
      tenantId: village.villageId,
      at,
      actorId: actor.personId,
      action: 'roster.import',
      target: `village:${village.villageId}`,
      reason: `${file.fileName ?? '名册'}：新增 ${preview.toCreate}，更新 ${preview.toUpdate.length}`,
    }),
  );
  const consumedWriteUnits = (await putAll(items)) + (await deleteAll(gone));
  return {
    created: preview.toCreate,
    updated: preview.toUpdate.length,
    unchanged: preview.unchanged,
    consumedWriteUnits,
  };
}

/**
 * The roster as a CSV Excel opens, in the import's own columns (so an export
 * edited and imported again round-trips). Full sensitive fields only for those
 * allowed to see them, and that export is an audit entry; others get masks.
 */
export async function exportRoster(actor: Actor, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'roster.export', village);
  const full = allows(actor, 'person.sensitive', village);
  const people = (await listPeople(village.villageId)).sort(
    (a, b) =>
      (a.householdId ?? '').localeCompare(b.householdId ?? '') ||
      (a.relation === '户主' ? -1 : b.relation === '户主' ? 1 : 0),
  );
  const header = [...rosterColumns.map((c) => columnHeaders[c][0]), '状态', '身份'];
  const statusLabel = { active: '在册', deceased: '去世', moved_out: '迁出' };
  const rows = people.map((p) => {
    const s = full ? unsealSensitive(p) : undefined;
    const view = rosterView(p, now);
    const cells: Record<(typeof rosterColumns)[number], string> = {
      householdNo: p.householdId ?? '',
      name: p.name,
      relation: p.relation ?? '',
      idNumber: s?.idNumber ?? view.idNumber ?? '',
      birthDate: s?.birthDate ?? view.birthDate ?? '',
      phone: s?.phone ?? view.phone ?? '',
      groupName: p.groupName ?? '',
    };
    return [
      ...rosterColumns.map((c) => cells[c]),
      statusLabel[p.status],
      view.roles.map((r) => roleLabels[r]).join('、'),
    ];
  });
  if (full)
    await putAll([
      auditItem({
        tenantId: village.villageId,
        at: now.toISOString(),
        actorId: actor.personId,
        action: 'roster.export',
        target: `village:${village.villageId}`,
        reason: 'unmasked',
      }),
    ]);
  return {
    fileName: `${village.name}村民名册-${now.toISOString().slice(0, 10)}.csv`,
    csv: rosterCsv(header, rows),
    masked: !full,
  };
}
