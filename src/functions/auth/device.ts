/**
 * A browser's user agent as a villager reads it on the phone before confirming a
 * sign-in: "电脑 Chrome 浏览器", "iPhone 微信内置浏览器". Enough to tell "my office
 * PC" from a stranger's phone; never the version numbers nobody recognises.
 */
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, '微信内置浏览器'],
  [/\bEdg(e|A|iOS)?\//, 'Edge 浏览器'],
  [/QQBrowser/i, 'QQ 浏览器'],
  [/360SE|360EE|QihooBrowser/i, '360 浏览器'],
  [/UCBrowser/i, 'UC 浏览器'],
  [/Quark/i, '夸克浏览器'],
  [/HuaweiBrowser/i, '华为浏览器'],
  [/MiuiBrowser/i, '小米浏览器'],
  [/Firefox\/|FxiOS\//, 'Firefox 浏览器'],
  [/Chrome\/|CriOS\//, 'Chrome 浏览器'],
  [/Version\/[\d.]+.*Safari\//, 'Safari 浏览器'],
];

const DEVICES: [RegExp, string][] = [
  [/iPad/, 'iPad'],
  [/iPhone|iPod/, 'iPhone'],
  [/Android.*Mobile/, '安卓手机'],
  [/Android/, '安卓平板'],
  [/Macintosh/, '苹果电脑'],
  [/Windows|X11|Linux|CrOS/, '电脑'],
];

const pick = (table: [RegExp, string][], ua: string) => table.find(([re]) => re.test(ua))?.[1];

export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const device = pick(DEVICES, ua);
  const browser = pick(BROWSERS, ua) ?? '浏览器';
  return device ? `${device} ${browser}` : `未知设备上的${browser}`;
}
