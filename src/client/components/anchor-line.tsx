import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ChainAnchor } from '../../shared/schemas/audit';
import { shortHash, ta } from '../i18n/audit';
import { call } from '../services/api';

/**
 * The village's audit chain head as anchored that day, posted where the village
 * reads (村务公开, and the foot of every printed sheet): anyone can later hold it
 * against the chain the supervision committee checks. Says nothing until one exists.
 */
export function AnchorLine({ villageId }: { villageId?: string }) {
  const [anchor, setAnchor] = useState<ChainAnchor | null>(null);
  useEffect(() => {
    call('auditAnchor', { query: { villageId } })
      .then((r) => setAnchor(r.anchor))
      .catch(() => setAnchor(null)); // a line of reference, never in the way of the page
  }, [villageId]);
  if (!anchor?.seq) return null;
  return (
    <View className="vh-meta vh-anchor-line" id="anchor-line">
      {`${ta.anchor(anchor.day, anchor.seq)}：${shortHash(anchor.hash)}`}
    </View>
  );
}
