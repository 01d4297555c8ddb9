import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { type ScannedTicket, TicketId } from '../../../../shared/schemas/qr-sign-in';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tq } from '../../../i18n/qr-sign-in';
import { call, messageOf } from '../../../services/api';

const HOME = '/pages/index/index';

/**
 * The ticket a scan brought: `ticket` from this site's own link, `scene` from a
 * mini-program code, or inside `q`, the whole link WeChat hands over when a plain
 * QR code under the registered prefix opens the mini-program.
 */
function ticketOf(params: Partial<Record<string, string>>): string | undefined {
  let link = params.q ?? '';
  try {
    link = decodeURIComponent(link);
  } catch {
    // kept as written
  }
  const found = params.ticket ?? params.scene ?? link.match(/[?&]ticket=([A-Za-z0-9_-]+)/)?.[1];
  return TicketId.safeParse(found).success ? found : undefined;
}

/**
 * 扫码登录 on the phone: scanning the computer's QR code opens this page, which
 * names the village and the computer's browser and asks before anything happens.
 */
export default function ConfirmSignIn() {
  const me = useMe();
  const ticketId = ticketOf(useRouter().params);
  const [ticket, setTicket] = useState<ScannedTicket>();
  const { loading, error, track } = useLoading();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState('');
  const [done, setDone] = useState(false);

  const load = () =>
    track(async () => {
      if (done) return; // back on this page after confirming: the code is used, nothing to ask again
      if (!ticketId) throw new Error(tq.confirm.noTicket);
      setTicket(await call('scanQrTicket', { params: { ticketId } }));
    });
  usePageLoad(me, load);

  const confirm = async () => {
    if (!ticket || sending) return;
    setSending(true);
    setSendError('');
    try {
      await call('confirmQrTicket', { params: { ticketId: ticket.ticketId } });
      setDone(true);
    } catch (e) {
      setSendError(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  const goHome = () => Taro.reLaunch({ url: HOME });

  return (
    <Page>
      <LoadState loading={loading} error={error} />
      {!loading && error && (
        <Button className="vh-button vh-button-plain" onClick={goHome}>
          {tq.confirm.goHome}
        </Button>
      )}
      {ticket && !error && !done && (
        <View className="vh-card" id="qr-confirm">
          <View className="vh-title">{tq.confirm.question(ticket.tenantName)}</View>
          <View className="vh-meta" id="qr-confirm-device">
            {tq.confirm.device(ticket.device)}
          </View>
          <View className="vh-hint">{tq.confirm.warning}</View>
          <Button
            id="confirm-sign-in"
            className="vh-button vh-button-primary"
            disabled={sending || undefined}
            onClick={confirm}
          >
            {sending ? tq.confirm.confirming : tq.confirm.confirm}
          </Button>
          {sendError && <View className="vh-action-failed">{sendError}</View>}
          <Button id="cancel-sign-in" className="vh-button vh-button-plain" onClick={goHome}>
            {tq.confirm.cancel}
          </Button>
        </View>
      )}
      {done && (
        <View className="vh-card" id="qr-confirmed">
          <View className="vh-title">{tq.confirm.done}</View>
          <View className="vh-hint">{tq.confirm.doneHint}</View>
          <Button className="vh-button vh-button-primary" onClick={goHome}>
            {tq.confirm.goHome}
          </Button>
        </View>
      )}
    </Page>
  );
}
