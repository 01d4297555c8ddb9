import { Button, View } from '@tarojs/components';
import type { SharedItem } from '../../shared/links';
import { t } from '../i18n/zh-CN';
import { formatDate } from '../services/format';
import { AnchorLine } from './anchor-line';
import { PosterCode } from './poster-code';

/**
 * The foot of a sheet for the paper board: the code that opens the page (once there
 * is something public to open), who signs it (the committee, or the 监委会 for its
 * report) and when, the village's audit chain head of the day, and on H5 the print button.
 */
export function PrintFooter(props: {
  poster?: { item: SharedItem; caption: string };
  signature: string;
  villageId: string;
  date?: string;
}) {
  return (
    <>
      <View className="vh-print-footer">
        {props.poster && <PosterCode item={props.poster.item} caption={props.poster.caption} />}
        <View className="vh-print-signature">
          <View>{props.signature}</View>
          <View>{formatDate(props.date)}</View>
        </View>
      </View>
      <AnchorLine villageId={props.villageId} />
      {process.env.TARO_ENV === 'h5' && (
        <Button
          id="print-button"
          className="vh-button vh-button-primary vh-print-button"
          onClick={() => window.print()}
        >
          {t.print.button}
        </Button>
      )}
    </>
  );
}
