import { Image, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { SharedItem } from '../../shared/links';
import { ts } from '../i18n/share';
import { call } from '../services/api';
import { h5LinkOf } from './share';

/**
 * The code on a paper poster that opens this page when scanned. On the H5 site
 * it is a plain QR code of the page's link, drawn here; in the mini-program it is
 * WeChat's mini-program code for the page, which the server asks WeChat for
 * (wxacode.getUnlimited) and keeps.
 */
async function codeImage(item: SharedItem): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const QRCode = await import('qrcode');
    // M: still reads with a fold or a smudge on a notice board; the margin is the quiet zone a scanner needs.
    return QRCode.toDataURL(h5LinkOf(item), { errorCorrectionLevel: 'M', margin: 4, width: 480 });
  }
  const r = await call('shareCode', { query: { kind: item.kind, id: item.id, villageId: item.villageId } });
  return r.url;
}

export function PosterCode({ item, caption }: { item: SharedItem; caption: string }) {
  const [src, setSrc] = useState('');
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one code per item
  useEffect(() => {
    codeImage(item)
      .then(setSrc)
      .catch(() => setFailed(true));
  }, [item.kind, item.id, item.villageId]);
  return (
    <View className="vh-print-code" id="poster-code">
      {src && <Image id="poster-qr" className="vh-print-code-image" src={src} mode="aspectFit" />}
      {failed && <View className="vh-hint">{ts.poster.codeFailed}</View>}
      <View className="vh-print-code-caption">{caption}</View>
    </View>
  );
}
