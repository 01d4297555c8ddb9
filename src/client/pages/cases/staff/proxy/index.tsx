import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Intake } from '../../../../../shared/schemas/case';
import type { RosterPerson } from '../../../../../shared/schemas/person';
import { CaseForm } from '../../../../components/case-form';
import { Choice } from '../../../../components/choice';
import { Page } from '../../../../components/page';
import { SearchBox } from '../../../../components/search-box';
import { FieldError, LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { tcs } from '../../../../i18n/cases-staff';
import { call } from '../../../../services/api';
import { hasRole } from '../../../../services/session';

type ProxyIntake = Exclude<Intake, 'app'>;
const intakes: ProxyIntake[] = ['visit', 'phone', 'meeting', 'box'];
const P = tcs.proxy;

/**
 * 代为录入: a grid worker or committee member enters a suggestion or petition for a
 * resident met in person, on the phone, at a meeting or through the box. Find the
 * resident (a grid worker finds only their own grid), say how, then the same form
 * residents use; the case records who entered it for whom.
 */
export default function ProxyCasePage() {
  const me = useMe();
  usePageLoad(me, () => undefined);
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<RosterPerson[]>();
  const search = useLoading(false);
  const [person, setPerson] = useState<RosterPerson>();
  const [intake, setIntake] = useState<ProxyIntake>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const find = () =>
    search.track(async () => {
      setFound(
        (await call('listPeople', { query: { q: typed.trim() || undefined, status: 'active', limit: 20 } })).items,
      );
    });
  const choose = (p?: RosterPerson) => {
    setPerson(p);
    setFound(undefined);
    setErrors({});
  };

  return (
    <Page>
      <View className="vh-title">{P.title}</View>
      <View className="vh-hint">{P.hint}</View>

      <View className="vh-card" id="proxy-person">
        <View className="vh-card-title">{P.step1}</View>
        {person ? (
          <View className="vh-row" style={{ justifyContent: 'space-between' }}>
            <View>
              <Text className="vh-person-name" id="proxy-chosen">
                {P.chosen(person.name)}
              </Text>
              <View className="vh-meta">
                {[person.groupName, person.householdId, person.relation].filter(Boolean).join(' · ')}
              </View>
            </View>
            <Button
              id="proxy-rechoose"
              className="vh-button vh-button-plain vh-button-small"
              onClick={() => choose(undefined)}
            >
              {P.rechoose}
            </Button>
          </View>
        ) : (
          <>
            {hasRole(me, 'grid_worker') && !hasRole(me, 'committee') && <View className="vh-hint">{P.gridOnly}</View>}
            <SearchBox
              id="proxy-search"
              placeholder={P.search}
              buttonLabel={P.searchButton}
              value={typed}
              onChange={setTyped}
              onSearch={find}
            />
            <LoadState loading={search.loading} error={search.error} onRetry={find} />
            {found && !found.length && <View className="vh-meta">{P.noPeople}</View>}
            {found?.map((p) => (
              <View
                key={p.personId}
                id={`proxy-person-${p.personId}`}
                className="vh-person vh-proxy-person"
                onClick={() => choose(p)}
              >
                <Text className="vh-person-name">{p.name}</Text>
                <View className="vh-meta">{[p.groupName, p.householdId, p.relation].filter(Boolean).join(' · ')}</View>
              </View>
            ))}
          </>
        )}
        <FieldError message={errors['onBehalfOf.personId'] ?? (errors.onBehalfOf && !person ? P.choosePerson : '')} />
      </View>

      <View className="vh-card" id="proxy-intake">
        <View className="vh-card-title">{P.step2}</View>
        <Choice
          id="proxy-intake-choice"
          options={intakes}
          value={intake}
          label={(i) => P.intakes[i]}
          onChoose={setIntake}
          optionId={(i) => `intake-${i}`}
        />
        <FieldError
          message={errors['onBehalfOf.intake'] ?? (errors.onBehalfOf && person && !intake ? P.chooseIntake : '')}
        />
      </View>

      {me && person && intake ? (
        <>
          <View className="vh-subtitle">{P.step3}</View>
          <CaseForm
            me={me}
            draftSlot={`proxy-${person.personId}`}
            proxy
            onBehalfOf={{ personId: person.personId, intake }}
            onErrors={setErrors}
          />
        </>
      ) : (
        <View className="vh-hint" id="proxy-waiting">
          {!person ? P.choosePerson : P.chooseIntake}
        </View>
      )}
    </Page>
  );
}
