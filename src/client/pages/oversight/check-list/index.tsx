import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CheckList } from '../../../../shared/schemas/oversight';
import { CheckListSections, itemCount } from '../../../components/check-list-sections';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useMe } from '../../../components/use-me';
import { useVillagePage } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tov } from '../../../i18n/oversight';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

/** 监督检查清单: what the committee owes the village this month, each line leading to the thing itself. */
export default function CheckListPage() {
  const me = useMe();
  const [list, setList] = useState<CheckList>();
  const { chosen, pick, load, loading, error } = useVillagePage(me, async (villageId) =>
    setList(await call('checkList', { query: { villageId } })),
  );
  return (
    <Page>
      <VillagePicker me={me} chosen={chosen} onChoose={pick} />
      <LoadState loading={loading && !list} error={error} onRetry={() => load()} />
      {list && (
        <View id="check-list">
          <View className="vh-title">{tov.checkList.title(list.month)}</View>
          <View className="vh-hint">{tov.checkList.intro}</View>
          <View className="vh-meta">{tov.checkList.asOf(formatDateTime(list.asOf))}</View>
          {itemCount(list) === 0 && <View className="vh-banner vh-banner-ok">{tov.checkList.clean}</View>}
          <Button
            id="print-report"
            className="vh-button vh-button-plain"
            onClick={() =>
              Taro.navigateTo({ url: `/pages/oversight/report/index${chosen ? `?villageId=${chosen}` : ''}` })
            }
          >
            {tov.checkList.print}
          </Button>
          <CheckListSections list={list} villageId={chosen} />
        </View>
      )}
    </Page>
  );
}
