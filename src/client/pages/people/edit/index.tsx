import { Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { PersonUpdate } from '../../../../shared/schemas/person';
import { ActionButton } from '../../../components/action';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { FieldError, LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tp } from '../../../i18n/people';
import { call, fieldsOf, newIdempotencyKey } from '../../../services/api';
import { loadGroups, ROSTER, sortGroups } from '../roster';

interface Form {
  name: string;
  groupName: string;
  householdId: string;
  relation: string;
  idNumber: string;
  phone: string;
}

/** A page parameter as typed, whether or not the router decoded it already. */
const decoded = (s?: string) => {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
};

/** Choices as big buttons, with a box for anything else. */
function Choices({
  id,
  options,
  value,
  onChoose,
}: {
  id: string;
  options: string[];
  value: string;
  onChoose: (v: string) => void;
}) {
  return (
    <View className="vh-tabs" id={id}>
      {options.map((o, i) => (
        <View
          key={o}
          id={`${id}-${i}`}
          className={`vh-tab ${value === o ? 'vh-tab-on' : ''}`}
          onClick={() => onChoose(o)}
        >
          {o}
        </View>
      ))}
    </View>
  );
}

/**
 * Registering a person (登记村民) or changing one: 姓名, 村民小组, 户号, 与户主关系,
 * 身份证号, 联系电话. When changing, the ID number and phone (stored sealed, shown
 * masked) are typed again only to change them.
 */
export default function EditPerson() {
  const { params } = useRouter();
  const personId = params.id || undefined;
  const me = useMe();
  const [form, setForm] = useState<Form>({
    name: '',
    groupName: decoded(params.groupName),
    householdId: decoded(params.householdId),
    relation: '',
    idNumber: '',
    phone: '',
  });
  const [groups, setGroups] = useState<string[]>([]);
  /** 所在组织 are not edited here; sent back as they were so an edit keeps them. */
  const [bodies, setBodies] = useState<string[]>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [createKey] = useState(newIdempotencyKey());
  const { loading, error, track } = useLoading(Boolean(personId));

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: personId ? tp.edit.editTitle : tp.edit.addTitle });
  }, [personId]);
  const load = () => {
    loadGroups().then((g) => setGroups((had) => sortGroups([...g, ...had])));
    if (personId)
      return track(async () => {
        const p = await call('getPerson', { params: { personId } });
        setForm((f) => ({
          ...f,
          name: p.name,
          groupName: p.groupName ?? '',
          householdId: p.householdId ?? '',
          relation: p.relation ?? '',
        }));
        setBodies(p.bodies);
        if (p.groupName) setGroups((had) => sortGroups([...had, p.groupName!]));
      });
  };
  usePageLoad(me, load);

  const update = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const submit = async () => {
    setErrors({});
    const plain = {
      name: form.name,
      groupName: form.groupName,
      householdId: form.householdId,
      relation: form.relation,
    };
    try {
      if (personId) {
        const body: PersonUpdate = {
          ...plain,
          bodies,
          ...(form.idNumber.trim() ? { idNumber: form.idNumber } : {}),
          ...(form.phone.trim() ? { phone: form.phone } : {}),
        };
        await call('updatePerson', { params: { personId }, body });
        Taro.navigateBack();
      } else {
        const p = await call('addPerson', {
          body: { ...plain, idNumber: form.idNumber, phone: form.phone.trim() || undefined },
          idempotencyKey: createKey,
        });
        Taro.redirectTo({ url: ROSTER.detail(p.personId) });
      }
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };

  return (
    <Page>
      <LoadState loading={loading} error={error} onRetry={load} />
      {!loading && !error && (
        <View className="vh-form" id="person-form">
          <TextField
            id="person-name-input"
            label={tp.edit.name}
            value={form.name}
            maxlength={20}
            error={errors.name}
            onChange={(name) => update({ name })}
          />

          <View className="vh-label">{tp.edit.group}</View>
          {groups.length ? (
            <Choices
              id="person-group"
              options={groups}
              value={form.groupName}
              onChoose={(g) => update({ groupName: g })}
            />
          ) : (
            <>
              <View className="vh-hint">{tp.edit.noGroups}</View>
              <Input
                id="person-group-text"
                className="vh-input"
                placeholder={tp.edit.groupPlaceholder}
                value={form.groupName}
                onInput={(e) => update({ groupName: e.detail.value })}
              />
            </>
          )}
          <FieldError message={errors.groupName} />

          <TextField
            id="person-household"
            label={tp.edit.householdId}
            placeholder={tp.edit.householdPlaceholder}
            value={form.householdId}
            maxlength={20}
            error={errors.householdId}
            onChange={(householdId) => update({ householdId })}
          />

          <View className="vh-label">{tp.edit.relation}</View>
          <Choices
            id="person-relation-choice"
            options={tp.edit.relations}
            value={form.relation}
            onChoose={(r) => update({ relation: r })}
          />
          <Input
            id="person-relation"
            className="vh-input"
            placeholder={tp.edit.relationPlaceholder}
            value={form.relation}
            maxlength={10}
            onInput={(e) => update({ relation: e.detail.value })}
          />
          <FieldError message={errors.relation} />

          <TextField
            id="person-id-number"
            label={tp.edit.idNumber}
            hint={personId ? tp.edit.keepHint : undefined}
            type="idcard"
            placeholder={tp.edit.idPlaceholder}
            value={form.idNumber}
            maxlength={18}
            error={errors.idNumber}
            onChange={(idNumber) => update({ idNumber })}
          />

          <TextField
            id="person-phone"
            label={tp.edit.phone}
            hint={personId ? tp.edit.keepHint : undefined}
            type="number"
            placeholder={tp.edit.phonePlaceholder}
            value={form.phone}
            maxlength={20}
            error={errors.phone}
            onChange={(phone) => update({ phone })}
          />

          <ActionButton id="save-person" label={tp.edit.save} doneText={tp.edit.saved} run={submit} />
        </View>
      )}
    </Page>
  );
}
