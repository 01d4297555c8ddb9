import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import type { z } from 'zod';
import type { Invite } from '../../../../shared/schemas/binding';
import type { AssignRoleRequest, PersonDetail, RoleTerm, SensitiveView } from '../../../../shared/schemas/person';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { FieldError, LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tp } from '../../../i18n/people';
import { t } from '../../../i18n/zh-CN';
import { call, fieldsOf } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';
import { hasRole, isTownship } from '../../../services/session';
import { DateField, historyLine, loadGroups, ROSTER, roleNames, today } from '../roster';

type Role = AssignRoleRequest['role'];
const assignable: Role[] = ['committee', 'party_branch', 'supervisor', 'representative', 'party_member', 'grid_worker'];
/** Terms that follow the register itself (村民, 户主) are not ended by hand. */
const endable = (term: RoleTerm) => term.role !== 'resident' && term.role !== 'household_head';

/** A button that opens a small panel in place (a form, a warning), with a way to close it again. */
function Reveal({
  id,
  label,
  kind = 'plain',
  children,
}: {
  id: string;
  label: string;
  kind?: 'plain' | 'danger';
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button id={`${id}-open`} className={`vh-button vh-button-${kind}`} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <View className="vh-card vh-confirm" id={`${id}-panel`}>
      <View className="vh-card-title">{label}</View>
      {children(() => setOpen(false))}
      <Button id={`${id}-cancel`} className="vh-button vh-button-plain" onClick={() => setOpen(false)}>
        {tp.detail.cancel}
      </Button>
    </View>
  );
}

function Field({ id, label, value }: { id: string; label: string; value?: string }) {
  return (
    <View className="vh-guide-row" id={id}>
      <Text className="vh-label">{label}</Text>
      <Text>{value || tp.none}</Text>
    </View>
  );
}

const termState = (term: RoleTerm, day: string) =>
  term.from > day ? tp.detail.notStarted : term.until && term.until < day ? tp.detail.ended : tp.detail.current;

/** One role held for a term, and (for the committee) ending it on a chosen day. */
function TermRow({ term, canEnd, end }: { term: RoleTerm; canEnd: boolean; end: (until: string) => Promise<unknown> }) {
  const [until, setUntil] = useState(today());
  const [error, setError] = useState<string>();
  const day = today();
  // A term already given an end day (today or later) is not ended again.
  const ongoing = !term.until || term.until > day;
  return (
    <View className="vh-question vh-term" id={`term-${term.termId}`}>
      <View className="vh-notice-row-meta">
        <Text className="vh-question-text">{t.roles[term.role]}</Text>
        {term.post && <Text>（{term.post}）</Text>}
        <Text className="vh-badge">{termState(term, day)}</Text>
      </View>
      {term.grid && <View className="vh-meta">{`${tp.detail.grid}：${term.grid}`}</View>}
      <View className="vh-meta">
        {tp.detail.termRange(formatDate(term.from), term.until ? formatDate(term.until) : undefined)}
      </View>
      {canEnd && ongoing && endable(term) && (
        <Reveal id={`end-${term.termId}`} label={tp.detail.endTerm}>
          {(close) => (
            <>
              <DateField id={`end-until-${term.termId}`} label={tp.detail.endOn} value={until} onChange={setUntil} />
              <FieldError message={error} />
              <ActionButton
                id={`end-confirm-${term.termId}`}
                kind="danger"
                label={tp.detail.confirmEnd}
                run={async () => {
                  setError(undefined);
                  try {
                    await end(until);
                    close();
                  } catch (e) {
                    setError(fieldsOf(e).until);
                    throw e;
                  }
                }}
              />
            </>
          )}
        </Reveal>
      )}
    </View>
  );
}

/** Appointing a role for a term: the role, a post, a grid for a grid worker, from and until. */
function AssignForm({ groups, assign }: { groups: string[]; assign: (req: AssignRoleRequest) => Promise<unknown> }) {
  const [role, setRole] = useState<Role>('representative');
  const [post, setPost] = useState('');
  const [grid, setGrid] = useState('');
  const [from, setFrom] = useState(today());
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <View className="vh-form" id="assign-form">
      <View className="vh-label">{tp.detail.role}</View>
      <View className="vh-tabs" id="assign-role">
        {assignable.map((r) => (
          <View
            key={r}
            id={`assign-role-${r}`}
            className={`vh-tab ${role === r ? 'vh-tab-on' : ''}`}
            onClick={() => setRole(r)}
          >
            {t.roles[r]}
          </View>
        ))}
      </View>
      <FieldError message={errors.role} />
      <TextField
        id="assign-post"
        label={tp.detail.post}
        placeholder={tp.detail.postPlaceholder}
        value={post}
        error={errors.post}
        onChange={setPost}
      />
      {role === 'grid_worker' && (
        <>
          <View className="vh-label">{tp.detail.grid}</View>
          {groups.length ? (
            <View className="vh-tabs" id="assign-grid">
              {groups.map((g, i) => (
                <View
                  key={g}
                  id={`assign-grid-${i}`}
                  className={`vh-tab ${grid === g ? 'vh-tab-on' : ''}`}
                  onClick={() => setGrid(g)}
                >
                  {g}
                </View>
              ))}
            </View>
          ) : (
            <Input
              id="assign-grid-text"
              className="vh-input"
              placeholder={tp.edit.groupPlaceholder}
              value={grid}
              onInput={(e) => setGrid(e.detail.value)}
            />
          )}
          <FieldError message={errors.grid} />
        </>
      )}
      <DateField id="assign-from" label={tp.detail.from} value={from} onChange={setFrom} />
      <FieldError message={errors.from} />
      <DateField id="assign-until" label={tp.detail.until} value={until} onChange={setUntil} />
      {until && (
        <Text className="vh-link" onClick={() => setUntil('')}>
          {tp.detail.clearUntil}
        </Text>
      )}
      <FieldError message={errors.until} />
      <ActionButton
        id="assign-confirm"
        label={tp.detail.confirmAssign}
        doneText={tp.detail.assigned}
        run={async () => {
          setErrors({});
          try {
            await assign({
              role,
              post: post.trim() || undefined,
              grid: role === 'grid_worker' ? grid || undefined : undefined,
              from,
              until: until || undefined,
            });
          } catch (e) {
            setErrors(fieldsOf(e));
            throw e;
          }
        }}
      />
    </View>
  );
}

/** Recording a death or a move out: kind, day and a reason; the person stays on the register. */
function DepartureForm({
  record,
}: {
  record: (kind: 'deceased' | 'moved_out', on: string, reason: string) => Promise<unknown>;
}) {
  const [kind, setKind] = useState<'deceased' | 'moved_out'>();
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <View id="departure-form">
      <View className="vh-hint">{tp.detail.departureHint}</View>
      <Choice
        id="departure-kind"
        options={['deceased', 'moved_out'] as const}
        value={kind}
        label={(k) => (k === 'deceased' ? tp.detail.deceased : tp.detail.movedOut)}
        onChoose={setKind}
        optionId={(k) => `departure-${k}`}
      />
      <FieldError message={errors.kind} />
      <DateField id="departure-on" label={tp.detail.departureOn} value={on} onChange={setOn} />
      <FieldError message={errors.on} />
      <TextField
        id="departure-reason"
        label={tp.detail.departureReason}
        textarea
        placeholder={tp.detail.departureReasonPlaceholder}
        value={reason}
        error={errors.reason}
        onChange={setReason}
      />
      <ActionButton
        id="departure-confirm"
        kind="danger"
        label={tp.detail.confirmDeparture}
        run={async () => {
          setErrors({});
          try {
            // Not chosen yet: the schema's own message (请选择 去世 或 迁出) shows under the choice.
            await record(kind as 'deceased', on, reason);
          } catch (e) {
            setErrors(fieldsOf(e));
            throw e;
          }
        }}
      />
    </View>
  );
}

/** One person of the roster: masked fields (full ones on request, audited), roles and terms, binding, history. */
export default function PersonPage() {
  const { params } = useRouter();
  const personId = params.id ?? '';
  const villageId = params.villageId || undefined;
  const me = useMe();
  const township = isTownship(me);
  const committee = hasRole(me, 'committee') && !township;
  const canInvite = hasRole(me, 'committee', 'grid_worker') && !township;
  const [person, setPerson] = useState<PersonDetail>();
  const [full, setFull] = useState<z.infer<typeof SensitiveView>>();
  const [invite, setInvite] = useState<z.infer<typeof Invite>>();
  const [groups, setGroups] = useState<string[]>([]);
  const { loading, error, track } = useLoading();

  const refresh = async () => setPerson(await call('getPerson', { params: { personId }, query: { villageId } }));
  const load = () =>
    track(async () => {
      setFull(undefined); // shown once, on request: coming back to the page masks them again
      await refresh();
      if (committee) loadGroups().then(setGroups);
    });
  usePageLoad(me, load);

  const changed = (p: PersonDetail) => {
    setPerson(p);
    setInvite(undefined);
  };

  const active = person?.status === 'active';
  const history = [...(person?.history ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Page>
      <LoadState loading={loading && !person} error={error} onRetry={load} />
      {person && (
        <View>
          <View className="vh-title" id="person-name">
            {person.name}
          </View>
          <View className="vh-notice-row-meta">
            <Text className={`vh-badge ${active ? '' : 'vh-badge-withdrawn'}`} id="person-status">
              {person.departedOn
                ? tp.detail.departed(tp.status[person.status], formatDate(person.departedOn))
                : tp.status[person.status]}
            </Text>
            {person.roles.length > 0 && <Text className="vh-person-roles">{roleNames(person.roles)}</Text>}
          </View>

          <View className="vh-card" id="person-fields">
            <View className="vh-card-title">{tp.detail.basic}</View>
            <Field id="field-group" label={tp.fields.groupName} value={person.groupName} />
            <Field id="field-household" label={tp.fields.householdId} value={person.householdId} />
            <Field id="field-relation" label={tp.fields.relation} value={person.relation} />
            <Field id="field-id" label={tp.fields.idNumber} value={full?.idNumber ?? person.idNumber} />
            <Field id="field-birth" label={tp.fields.birthDate} value={full?.birthDate ?? person.birthDate} />
            <Field id="field-phone" label={tp.fields.phone} value={full?.phone ?? person.phone} />
            <Field id="field-adult" label={tp.fields.adult} value={person.adult ? tp.yes : tp.no} />
            {person.bodies.length > 0 && (
              <Field id="field-bodies" label={tp.fields.bodies} value={person.bodies.join('、')} />
            )}
            {full && (
              <View className="vh-banner" id="full-shown">
                {tp.detail.fullShown}
              </View>
            )}
            {committee && !full && person.idNumber && (
              <>
                <View className="vh-hint">{tp.detail.auditNote}</View>
                <ActionButton
                  id="show-full"
                  kind="plain"
                  label={tp.detail.showFull}
                  run={async () => {
                    setFull(await call('viewSensitive', { params: { personId }, query: { villageId } }));
                    await refresh();
                  }}
                />
              </>
            )}
            {person.householdId && (
              <Text
                id="open-household"
                className="vh-link"
                onClick={() => Taro.navigateTo({ url: ROSTER.household(person.householdId!) })}
              >
                {tp.detail.household}
              </Text>
            )}
            {committee && active && (
              <Button
                id="edit-person"
                className="vh-button vh-button-plain"
                onClick={() => Taro.navigateTo({ url: ROSTER.edit(personId) })}
              >
                {tp.detail.edit}
              </Button>
            )}
          </View>

          <View className="vh-card" id="person-binding">
            <View className="vh-meta" id="binding-state">
              {person.bound ? tp.detail.boundAt(person.boundAt ? formatDate(person.boundAt) : '') : tp.detail.notBound}
            </View>
            {canInvite && active && (
              <>
                {person.bound && <View className="vh-hint">{tp.detail.inviteRebind}</View>}
                <ActionButton
                  id="issue-invite"
                  kind="plain"
                  label={tp.detail.invite}
                  doneText={tp.detail.inviteDone}
                  run={async () => {
                    setInvite(await call('issueInvite', { params: { personId } }));
                    refresh().catch(() => undefined);
                  }}
                />
              </>
            )}
            {invite && (
              <View className="vh-card vh-center" id="invite-card">
                <View className="vh-label">{tp.detail.inviteFor(invite.personName)}</View>
                <View className="vh-big-number">
                  <Text id="invite-code" userSelect>{`${invite.code.slice(0, 4)} ${invite.code.slice(4)}`}</Text>
                </View>
                <View className="vh-meta">{tp.detail.inviteExpires(formatDateTime(invite.expiresAt))}</View>
                <View className="vh-hint">{tp.detail.inviteHint}</View>
              </View>
            )}
            {committee && person.bound && (
              <Reveal id="unbind" label={tp.detail.unbind} kind="danger">
                {() => (
                  <>
                    <View className="vh-banner">{tp.detail.unbindWarning}</View>
                    <ActionButton
                      id="unbind-confirm"
                      kind="danger"
                      label={tp.detail.unbind}
                      doneText={tp.detail.unbound}
                      run={async () => changed(await call('unbindPerson', { params: { personId } }))}
                    />
                  </>
                )}
              </Reveal>
            )}
          </View>

          <View className="vh-card" id="person-terms">
            <View className="vh-card-title">{tp.detail.terms}</View>
            {!person.terms.length && <View className="vh-hint">{tp.detail.noTerms}</View>}
            {[...person.terms]
              .sort((a, b) => b.from.localeCompare(a.from))
              .map((term) => (
                <TermRow
                  key={term.termId}
                  term={term}
                  canEnd={committee && active}
                  end={async (until) =>
                    changed(await call('endRole', { params: { personId, termId: term.termId }, body: { until } }))
                  }
                />
              ))}
            {committee && active && (
              <Reveal id="assign" label={tp.detail.assign}>
                {(close) => (
                  <AssignForm
                    groups={groups}
                    assign={async (body) => {
                      changed(await call('assignRole', { params: { personId }, body }));
                      close();
                    }}
                  />
                )}
              </Reveal>
            )}
          </View>

          {committee && active && (
            <Reveal id="departure" label={tp.detail.departure} kind="danger">
              {() => (
                <DepartureForm
                  record={async (kind, on, reason) =>
                    changed(await call('recordDeparture', { params: { personId }, body: { kind, on, reason } }))
                  }
                />
              )}
            </Reveal>
          )}

          <View className="vh-card" id="person-history">
            <View className="vh-card-title">{tp.detail.history}</View>
            {!history.length && <View className="vh-hint">{tp.detail.noHistory}</View>}
            {history.map((h) => {
              const line = historyLine(h);
              return (
                <View key={`${h.at}-${h.action}-${h.actorName ?? ''}`} className="vh-question vh-history">
                  <View className="vh-question-text">{line.what}</View>
                  <View className="vh-meta">
                    {formatDateTime(h.at)} · {tp.detail.by(h.actorName)}
                  </View>
                  {line.fields && <View className="vh-meta">{line.fields}</View>}
                  {line.reason && <View className="vh-meta">{line.reason}</View>}
                </View>
              );
            })}
          </View>
        </View>
      )}
    </Page>
  );
}
