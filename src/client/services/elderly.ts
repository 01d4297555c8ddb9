/**
 * 长辈版 on first open: someone who set WeChat's (or the browser's) text larger than
 * standard (16 px) already told us they need bigger text. 标准 is 16 on Android and 17
 * on iOS, so 18 and up is a choice the person made, not the phone's default.
 */
export const LARGE_FROM_PX = 18;

export const wantsLargeText = (fontSizeSetting: number | undefined): boolean =>
  typeof fontSizeSetting === 'number' && Number.isFinite(fontSizeSetting) && fontSizeSetting >= LARGE_FROM_PX;
