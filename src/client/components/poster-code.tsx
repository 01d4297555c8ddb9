import { Image, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { SharedItem } from '../../shared/links';
import { ts } from '../i18n/share';
import { codeImage } from '../services/poster-code';

/** The code on a paper poster that opens this page when scanned, with a line saying so. */
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
      {/* Sized inline: a scanner needs the code square and whole, whatever Taro's image defaults are. */}
      {src && (
        <Image
          id="poster-qr"
          className="vh-print-code-image"
          src={src}
          mode="scaleToFill"
          style={{ width: '160px', height: '160px' }}
        />
      )}
      {failed && <View className="vh-hint">{ts.poster.codeFailed}</View>}
      <View className="vh-print-code-caption">{caption}</View>
    </View>
  );
}
