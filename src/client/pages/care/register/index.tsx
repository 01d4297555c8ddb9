import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  type CareReason,
  careReasonLabels,
  type DisabilityCategory,
  disabilityLabels,
  type GuardianClass,
  type GuardianInput,
  guardianBodyLabels,
  guardianClassLabels,
  type Kinship,
  kinshipLabels,
  type SupportMode,
  supportModeLabels,
} from '../../../../shared/schemas/care';
import type { RosterPerson } from '../../../../shared/schemas/person';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { FieldError, LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tcare } from '../../../i18n/care';
import { ApiFailure, call, fieldsOf, newIdempotencyKey } from '../../../services/api';

const R = tcare.register;

/** Big buttons of people to choose from: a roster search's results, a household, the committee. */
function People({
  id,
  people,
  chosen,
  onChoose,
}: {
  id: string;
  people: RosterPerson[];
  chosen?: string;
  onChoose: (p: RosterPerson) => void;
}) {
  return (
    <View className="vh-tabs" id={id}>
      {people.map((p) => (
        <View
          key={p.personId}
          id={`${id}-${p.personId}`}
          className={`vh-tab ${chosen === p.personId ? 'vh-tab-on' : ''}`}
          onClick={() => onChoose(p)}
        >
          {p.relation ? `${p.name}（${p.relation}）` : p.name}
        </View>
      ))}
    </View>
  );
}

/**
 * 登记特困人员: a person of the roster, why they qualify, how they are supported, what they need, the cadre
 * in charge, and their guardian of class Ⅰ (someone of their household), Ⅱ (a volunteer, approved) or Ⅲ.
 */
export default function CareRegisterPage() {
  const me = useMe();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<RosterPerson[]>([]);
  const [person, setPerson] = useState<RosterPerson>();
  const [household, setHousehold] = useState<RosterPerson[]>([]);
  const [committee, setCommittee] = useState<RosterPerson[]>([]);
  const [reason, setReason] = useState<CareReason>();
  const [category, setCategory] = useState<DisabilityCategory>();
  const [grade, setGrade] = useState<string>('1');
  const [support, setSupport] = useState<SupportMode>('dispersed');
  const [needs, setNeeds] = useState('');
  const [health, setHealth] = useState('');
  const [cadreId, setCadreId] = useState<string>();
  const [guardianClass, setGuardianClass] = useState<GuardianClass>();
  const [relativeId, setRelativeId] = useState<string>();
  const [kinship, setKinship] = useState<Kinship>();
  const [volunteer, setVolunteer] = useState({
    name: '',
    organisation: false,
    approvedBy: 'committee' as const,
    approvedOn: '',
  });
  const [body, setBody] = useState<'village_committee' | 'township_civil_affairs'>('village_committee');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useRef(newIdempotencyKey());

  // The committee to choose the cadre from, and a chosen person's household: a failure says so on the page.
  const { error: loadError, track } = useLoading(false);
  const loadCommittee = () =>
    track(async () => {
      setCommittee((await call('listPeople', { query: { role: 'committee', status: 'active', limit: 50 } })).items);
    });
  usePageLoad(me, loadCommittee);
  const search = async () => {
    setFound((await call('listPeople', { query: { q: q.trim(), status: 'active', limit: 20 } })).items);
  };
  const choose = (p: RosterPerson) =>
    track(async () => {
      setPerson(p);
      setRelativeId(undefined);
      setHousehold(
        p.householdId
          ? (await call('getHousehold', { params: { householdId: p.householdId } })).members.filter(
              (m) => m.personId !== p.personId && m.status === 'active',
            )
          : [],
      );
    });
  const guardian = (): GuardianInput | undefined =>
    guardianClass === 'relative'
      ? { guardianClass, personId: relativeId ?? '', kinship: kinship as Kinship, infirm: false }
      : guardianClass === 'volunteer'
        ? { guardianClass, ...volunteer, infirm: false }
        : guardianClass === 'institution'
          ? { guardianClass, body, note: note.trim() || undefined }
          : undefined;

  const send = async () => {
    try {
      const r = await call('registerCare', {
        idempotencyKey: key.current,
        body: {
          personId: person?.personId ?? '',
          reason: reason as CareReason,
          disability: reason === 'disability' && category ? { category, grade: Number(grade) } : undefined,
          supportMode: support,
          needs,
          health: health.trim() || undefined,
          cadreId: cadreId ?? '',
          guardian: guardian() as GuardianInput,
        },
      });
      setErrors({});
      Taro.redirectTo({ url: `/pages/care/detail/index?id=${r.personId}&villageId=${r.villageId}` });
    } catch (e) {
      if (e instanceof ApiFailure) setErrors(fieldsOf(e));
      throw e;
    }
  };

  return (
    <Page>
      <View className="vh-title">{R.title}</View>
      <View className="vh-hint">{R.hint}</View>
      <LoadState loading={false} error={loadError} onRetry={loadCommittee} />
      <View className="vh-form">
        <TextField id="care-search" label={R.person} value={q} onChange={setQ} />
        <ActionButton id="care-search-button" kind="plain" label={R.search} doneText="" run={search} />
        <People id="care-found" people={found} chosen={person?.personId} onChoose={choose} />
        <FieldError message={errors.personId} />

        <View className="vh-label">{tcare.detail.reason}</View>
        <Choice
          id="care-reason"
          wrap
          options={['aged', 'minor', 'disability'] as const}
          value={reason}
          label={(r) => careReasonLabels[r]}
          onChoose={setReason}
        />
        <FieldError message={errors.reason} />
        {reason === 'disability' && (
          <>
            <Choice
              id="care-disability"
              options={['intellectual', 'mental', 'physical'] as const}
              value={category}
              label={(c) => disabilityLabels[c]}
              onChoose={setCategory}
            />
            <Choice
              id="care-grade"
              options={['1', '2', '3', '4'] as const}
              value={grade}
              label={(g) => R.grade(g)}
              onChoose={setGrade}
            />
            <FieldError message={errors['disability.grade'] ?? errors.disability} />
          </>
        )}
        <View className="vh-label">{tcare.detail.support}</View>
        <Choice
          id="care-support"
          wrap
          options={['dispersed', 'centralized', 'mental_health'] as const}
          value={support}
          label={(s) => supportModeLabels[s]}
          onChoose={setSupport}
        />
        <TextField
          id="care-needs"
          label={tcare.detail.needs}
          value={needs}
          textarea
          onChange={setNeeds}
          error={errors.needs}
        />
        <TextField
          id="care-health"
          label={tcare.detail.health}
          hint={R.healthHint}
          value={health}
          textarea
          onChange={setHealth}
          error={errors.health}
        />
        <View className="vh-label">{tcare.detail.cadre}</View>
        <People id="care-cadre" people={committee} chosen={cadreId} onChoose={(p) => setCadreId(p.personId)} />
        <FieldError message={errors.cadreId} />

        <View className="vh-label">{tcare.detail.guardian}</View>
        <Choice
          id="care-guardian-class"
          wrap
          options={['relative', 'volunteer', 'institution'] as const}
          value={guardianClass}
          label={(c) => guardianClassLabels[c]}
          onChoose={setGuardianClass}
        />
        {guardianClass === 'relative' && (
          <>
            <View className="vh-hint">{household.length ? R.household : R.noHousehold}</View>
            <People
              id="care-relative"
              people={household}
              chosen={relativeId}
              onChoose={(p) => setRelativeId(p.personId)}
            />
            <Choice
              id="care-kinship"
              wrap
              options={Object.keys(kinshipLabels) as Kinship[]}
              value={kinship}
              label={(k) => kinshipLabels[k]}
              onChoose={setKinship}
            />
          </>
        )}
        {guardianClass === 'volunteer' && (
          <>
            <TextField
              id="care-volunteer-name"
              label={R.volunteerName}
              value={volunteer.name}
              onChange={(name) => setVolunteer({ ...volunteer, name })}
              error={errors['guardian.name']}
            />
            <Choice
              id="care-volunteer-org"
              options={[false, true] as const}
              value={volunteer.organisation}
              label={(o) => (o ? R.organisation : R.individual)}
              onChoose={(organisation) => setVolunteer({ ...volunteer, organisation })}
            />
            <TextField
              id="care-volunteer-approved"
              label={R.approvedOn}
              hint={R.dateHint}
              value={volunteer.approvedOn}
              onChange={(approvedOn) => setVolunteer({ ...volunteer, approvedOn })}
              error={errors['guardian.approvedOn']}
            />
          </>
        )}
        {guardianClass === 'institution' && (
          <>
            <Choice
              id="care-body"
              wrap
              options={['village_committee', 'township_civil_affairs'] as const}
              value={body}
              label={(b) => guardianBodyLabels[b]}
              onChoose={setBody}
            />
            <TextField
              id="care-body-note"
              label={R.note}
              value={note}
              onChange={setNote}
              error={errors['guardian.note']}
            />
          </>
        )}
        <FieldError
          message={
            errors['guardian.personId'] ??
            errors['guardian.kinship'] ??
            errors.guardian ??
            errors['guardian.guardianClass']
          }
        />
        <ActionButton id="care-register" label={R.send} run={send} />
      </View>
    </Page>
  );
}
