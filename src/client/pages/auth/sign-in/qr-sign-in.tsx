import { Button, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { PersonSummary } from '../../../../shared/schemas/person';
import type { QrTicket } from '../../../../shared/schemas/qr-sign-in';
import { tq } from '../../../i18n/qr-sign-in';
import { ApiFailure, call, messageOf } from '../../../services/api';
import { qrImage } from '../../../services/qr-image';
import './qr-sign-in.scss';

/** Often enough that the page follows the phone at once, rarely enough for a slow village line. */
const POLL_MS = 2000;
export const CONFIRM_PAGE = '/pages/auth/confirm/index';

/**
 * What the QR code says. A deployment sets TARO_APP_QR_SIGN_IN_LINK to the link
 * prefix registered for the mini-program (扫普通链接二维码打开小程序), which opens
 * the confirm page with the link in `q`; without it, the link is this site's own
 * confirm page, which a phone already signed in on this site can open too.
 */
function qrLink(ticketId: string) {
  const prefix = process.env.TARO_APP_QR_SIGN_IN_LINK;
  if (prefix) return `${prefix}${prefix.includes('?') ? '&' : '?'}ticket=${ticketId}`;
  return `${window.location.origin}${window.location.pathname}#${CONFIRM_PAGE}?ticket=${ticketId}`;
}

type State =
  | { at: 'loading' }
  | { at: 'waiting'; ticket: QrTicket; image: string }
  | { at: 'expired' }
  | { at: 'failed'; error: string };

/**
 * 扫码登录 on the H5 site: shows a one-time QR code, asks every few seconds
 * whether the phone confirmed it, and hands the session to the page once it has.
 * An expired code waits for a tap to make a new one, so an idle screen makes none.
 */
export function QrSignIn({ onSignedIn }: { onSignedIn: (r: { token: string; person: PersonSummary }) => void }) {
  const [state, setState] = useState<State>({ at: 'loading' });
  const start = async () => {
    setState({ at: 'loading' });
    try {
      const ticket = await call('createQrTicket');
      setState({ at: 'waiting', ticket, image: await qrImage(qrLink(ticket.ticketId)) });
    } catch (e) {
      setState({ at: 'failed', error: messageOf(e) });
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: one code when the page opens; later ones on a tap
  useEffect(() => {
    start();
  }, []);

  const ticket = state.at === 'waiting' ? state.ticket : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one polling loop per ticket
  useEffect(() => {
    if (!ticket) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const r = await call('pollQrTicket', {
          params: { ticketId: ticket.ticketId },
          body: { pollSecret: ticket.pollSecret },
        });
        if (stopped) return;
        if (r.status === 'signed_in') return onSignedIn(r);
        if (r.status === 'expired') return setState({ at: 'expired' });
      } catch (e) {
        if (stopped) return;
        // Offline for a moment: keep asking. Any answer from the server ends this code.
        if (e instanceof ApiFailure && e.status !== 0) return setState({ at: 'failed', error: messageOf(e) });
      }
      timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ticket?.ticketId]);

  return (
    <View className="vh-card vh-qr-sign-in" id="qr-sign-in">
      <View className="vh-card-title">{tq.page.title}</View>
      <View className="vh-hint">{tq.page.hint}</View>
      {state.at === 'loading' && <View className="vh-state">{tq.page.loading}</View>}
      {state.at === 'waiting' && (
        <>
          <View
            id="qr-code"
            className="vh-qr-image"
            // A fixed size in real pixels, drawn as a background: Taro's H5 Image cropped it on a wide screen.
            style={{
              width: '240px',
              height: '240px',
              backgroundImage: `url(${state.image})`,
              backgroundSize: 'contain',
            }}
            ariaLabel={tq.page.alt}
            ariaRole="img"
          />
          <View id="qr-state" className="vh-meta">
            {tq.page.waiting}
          </View>
        </>
      )}
      {(state.at === 'expired' || state.at === 'failed') && (
        <View id="qr-state" className="vh-state vh-state-error">
          {state.at === 'expired' ? tq.page.expired : state.error}
        </View>
      )}
      {(state.at === 'expired' || state.at === 'failed') && (
        <Button id="qr-refresh" className="vh-button vh-button-primary" onClick={start}>
          {tq.page.refresh}
        </Button>
      )}
    </View>
  );
}
