import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RosterPerson } from '../../../../../shared/schemas/person';
import { SearchBox } from '../../../../components/search-box';
import { LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { tt } from '../../../../i18n/topics';
import { ApiFailure, call } from '../../../../services/api';

/** Find a voter on the roster by name and pick them: the chosen one shows with a way to choose again. */
export function VoterPicker({
  person,
  onPick,
}: {
  person: RosterPerson | undefined;
  onPick: (p: RosterPerson | undefined) => void;
}) {
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<RosterPerson[]>();
  const search = useLoading(false);
  const find = () =>
    search.track(async () => {
      setFound(
        (await call('listPeople', { query: { q: typed.trim() || undefined, status: 'active', limit: 20 } })).items,
      );
    });
  const pick = (p: RosterPerson | undefined) => {
    setFound(undefined);
    if (!p) setTyped('');
    onPick(p);
  };

  if (person)
    return (
      <View className="vh-row" style={{ justifyContent: 'space-between' }}>
        <Text className="vh-person-name" id="chosen-voter">
          {tt.scrutineer.chosen(person.name)}
        </Text>
        <Button
          id="rechoose-voter"
          className="vh-button vh-button-plain vh-button-small"
          onClick={() => pick(undefined)}
        >
          {tt.scrutineer.rechoose}
        </Button>
      </View>
    );
  return (
    <>
      <SearchBox
        id="voter-search"
        placeholder={tt.scrutineer.search}
        buttonLabel={tt.scrutineer.searchButton}
        value={typed}
        onChange={setTyped}
        onSearch={find}
      />
      <LoadState loading={search.loading} error={search.error} onRetry={find} />
      {found && !found.length && <View className="vh-meta">{tt.scrutineer.noPeople}</View>}
      {found?.map((p) => (
        <View key={p.personId} id={`voter-${p.personId}`} className="vh-person vh-voter-row" onClick={() => pick(p)}>
          <Text className="vh-person-name">{p.name}</Text>
          <View className="vh-meta">{[p.groupName, p.householdId, p.relation].filter(Boolean).join(' · ')}</View>
        </View>
      ))}
    </>
  );
}

/** A refusal of the step itself (a 4xx other than 429), not a failure to reach the server. */
export const isRefusal = (e: unknown) =>
  e instanceof ApiFailure && e.status >= 400 && e.status < 500 && e.status !== 429;

/** A refusal of the step itself (already voted, not on the list, too many): said plainly, not offered as "try again". */
export function Refusal({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <View
      id={id}
      className="vh-banner"
      style={{ background: '#ffebee', borderLeftColor: '#b00020', color: '#b00020', fontWeight: 'bold' }}
    >
      {message}
    </View>
  );
}
