import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ChainAnchor, ChainCheck } from '../../../shared/schemas/audit';
import { ActionButton } from '../../components/action';
import { Page } from '../../components/page';
import { LoadState } from '../../components/state';
import { useMe } from '../../components/use-me';
import { useVillagePage } from '../../components/use-village-choice';
import { VillagePicker } from '../../components/village-picker';
import { shortHash, ta } from '../../i18n/audit';
import { call } from '../../services/api';
import { formatDateTime } from '../../services/format';

/** 操作记录校验: the supervision committee and the township check the village's record link by link. */
export default function AuditPage() {
  const me = useMe();
  const [anchor, setAnchor] = useState<ChainAnchor | null>();
  const [check, setCheck] = useState<ChainCheck>();
  const { chosen, pick, load, loading, error } = useVillagePage(me, async (villageId) => {
    setCheck(undefined);
    setAnchor((await call('auditAnchor', { query: { villageId } })).anchor);
  });
  return (
    <Page>
      <VillagePicker me={me} chosen={chosen} onChoose={pick} />
      <View className="vh-title">{ta.title}</View>
      <View className="vh-hint">{ta.intro}</View>
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {anchor && (
        <View className="vh-card" id="audit-anchor">
          <View>{ta.anchor(anchor.day, anchor.seq)}</View>
          <View style={{ fontFamily: 'monospace' }}>{shortHash(anchor.hash)}</View>
          <View className="vh-meta">{ta.anchorHint}</View>
        </View>
      )}
      <ActionButton
        key={chosen}
        id="audit-check"
        label={ta.check}
        doneText={ta.checked}
        run={async () => setCheck(await call('verifyAuditChain', { query: { villageId: chosen } }))}
      />
      {check?.ok && (
        <View className="vh-banner" id="audit-ok">
          <View>{ta.ok(check.length)}</View>
          <View className="vh-meta">{`${ta.head}：${shortHash(check.hash)}`}</View>
        </View>
      )}
      {check && !check.ok && (
        <View className="vh-banner vh-banner-withdrawn" id="audit-broken">
          <View>{ta.broken(check.seq)}</View>
          <View>{ta.problems[check.problem]}</View>
          {check.at && (
            <View className="vh-meta">{ta.at(check.problem === 'anchor' ? check.at : formatDateTime(check.at))}</View>
          )}
        </View>
      )}
      <Text
        className="vh-link"
        id="audit-to-entries"
        onClick={() => Taro.navigateTo({ url: '/pages/audit/entries/index' })}
      >
        {ta.entries}
      </Text>
    </Page>
  );
}
