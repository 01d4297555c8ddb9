import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CheckList } from '../../../../shared/schemas/oversight';
import { CheckListSections } from '../../../components/check-list-sections';
import { PrintFooter } from '../../../components/print-footer';
import { LoadState } from '../../../components/state';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tov } from '../../../i18n/oversight';
import { call, messageOf } from '../../../services/api';
import { formatDateTime } from '../../../services/format';
import '../../notices/print/index.scss';

/** The month's check list on paper, as the 监委会's report: laid out as a printed notice is, signed by the 监委会. */
export default function ReportPage() {
  const { params } = useRouter();
  const me = useMe();
  const [list, setList] = useState<CheckList>();
  const [error, setError] = useState('');
  const load = () =>
    call('checkList', { query: { villageId: params.villageId || undefined } })
      .then(setList)
      .catch((e) => setError(messageOf(e)));
  usePageLoad(me, load);
  return (
    <View className="vh-print">
      <LoadState loading={!list && !error} error={error} onRetry={load} />
      {list && (
        <View className="vh-print-sheet" id="report">
          <View className="vh-print-title">{tov.report.title(list.villageName, list.month)}</View>
          <View className="vh-print-meta">{tov.checkList.asOf(formatDateTime(list.asOf))}</View>
          <CheckListSections list={list} paper />
          <PrintFooter signature={tov.report.signature(list.villageName)} villageId={list.villageId} date={list.asOf} />
        </View>
      )}
    </View>
  );
}
