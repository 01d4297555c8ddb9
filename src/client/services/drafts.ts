import Taro from '@tarojs/taro';
import { session } from './session';

/**
 * What a person typed and has not sent yet, kept on the phone per signed-in person,
 * so that leaving the page (to look something up, a call, a closed app) loses nothing.
 */

/** The case form's whole draft (text, kind, photos, …): one per person and slot. */
export const draftStorageKey = (personId: string, slot: string) => `vh.caseDraft.${personId}.${slot}`;

/**
 * A single text box's draft: the box's id on this page about this item (a question on
 * notice X, a comment on topic Y, a reply to case Z), for the person signed in.
 */
export function textDraftKey(boxId: string): string {
  const router = Taro.getCurrentInstance().router;
  const page = (router?.path ?? '').split('?')[0];
  const about = router?.params?.id ?? '';
  const personId = session.me()?.person?.personId ?? 'nobody';
  return `vh.draft.${personId}.${page}.${about}.${boxId}`;
}

export const textDrafts = {
  load: (key: string): string => {
    const saved = Taro.getStorageSync(key);
    return typeof saved === 'string' ? saved : '';
  },
  save(key: string, text: string) {
    if (text) Taro.setStorageSync(key, text);
    else Taro.removeStorageSync(key);
  },
  /** Once the server has it, the draft is gone. */
  forget: (key: string) => Taro.removeStorageSync(key),
};
