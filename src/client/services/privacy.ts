import Taro from '@tarojs/taro';

export const PRIVACY_PAGE = '/pages/privacy/index';

/**
 * The mini-program's privacy APIs (choosing photos, the microphone) work only once
 * the person agreed to its 用户隐私保护指引. Asking first, at the moment of the tap,
 * lets the page say what happened when they decline instead of failing silently.
 * No onNeedPrivacyAuthorization listener is registered, so WeChat shows its own
 * agreement (which links the guideline declared in the mini-program's settings);
 * a declined agreement answers false and WeChat asks again next time. H5 has no
 * such agreement: the browser asks for its own permissions.
 */
export function privacyAgreed(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(true);
  // A base library older than the agreement (2.32.3) has none to ask, and Taro then offers no such API.
  if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) =>
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) }),
  );
}

export const openPrivacyPolicy = () => Taro.navigateTo({ url: PRIVACY_PAGE });
