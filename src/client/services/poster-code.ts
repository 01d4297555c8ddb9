import type { SharedItem } from '../../shared/links';
import { call } from './api';

/**
 * The mini-program's poster code: WeChat's own code for the page, which the
 * server asks WeChat for (wxacode.getUnlimited) and keeps. The H5 site draws a
 * plain QR code of its link instead (poster-code.h5.ts, which Taro picks for H5),
 * so the QR library is never in the mini-program's package.
 */
export async function codeImage(item: SharedItem): Promise<string> {
  const r = await call('shareCode', { query: { kind: item.kind, id: item.id, villageId: item.villageId } });
  return r.url;
}
