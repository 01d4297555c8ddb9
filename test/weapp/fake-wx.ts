/**
 * The `wx` the mini-program talks to in this suite: storage kept in memory, `request` answered by the test's own
 * handler, login, the photo picker and file reads scripted, navigation recorded. Every call is recorded in `calls`
 * so a test asserts what the app asked WeChat to do. APIs not scripted here fall back to miniprogram-simulate's
 * stand-ins (system info, selector queries, …), and are recorded too.
 */

export interface WxCall {
  api: string;
  /** The options object (or the arguments) the app passed, without its callbacks. */
  options: unknown;
}

export interface FakeRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}

export interface FakeResponse {
  statusCode: number;
  data: unknown;
}

export interface FakeWxScript {
  /** Answers each wx.request; unanswered ones fail the call as a dropped network would. */
  request?: (req: FakeRequest) => FakeResponse | undefined;
  /** What storage holds when the app starts (the session token, who is signed in). */
  storage?: Record<string, unknown>;
  /** The code wx.login hands out. */
  loginCode?: string;
  /** The photos the picker returns. */
  photos?: { path: string; size: number; bytes: number }[];
  /** WeChat's 字体大小 as getSystemInfoSync reports it, in px (16 is 标准). */
  fontSizeSetting?: number;
}

type Options = Record<string, unknown> & {
  success?: (r: unknown) => void;
  fail?: (e: unknown) => void;
  complete?: (r: unknown) => void;
};

const withoutCallbacks = (o: unknown) => {
  if (!o || typeof o !== 'object') return o;
  const { success: _s, fail: _f, complete: _c, ...rest } = o as Options;
  return rest;
};

export type FakeWx = Record<string, unknown> & {
  calls: WxCall[];
  /** The calls of one API, in order. */
  callsOf(api: string): WxCall[];
  /** How many requests are waiting for their answer. */
  pending(): number;
  storage: Map<string, unknown>;
};

const HELPERS = new Set(['callsOf', 'pending']);

/** Answers a callback-style call a tick later, as WeChat does (Taro promisifies these). */
function answer(o: Options = {}, result: unknown, failed = false) {
  setTimeout(() => {
    if (failed) o.fail?.(result);
    else o.success?.(result);
    o.complete?.(result);
  }, 0);
}

export function createFakeWx(fallback: Record<string, unknown>, script: FakeWxScript = {}): FakeWx {
  const calls: WxCall[] = [];
  const storage = new Map<string, unknown>(Object.entries(script.storage ?? {}));
  const photos = script.photos ?? [];
  let waiting = 0;

  const ok =
    (api: string, extra: Record<string, unknown> = {}) =>
    (o: Options) =>
      answer(o, { errMsg: `${api}:ok`, ...extra });

  const scripted: Record<string, unknown> = {
    getSystemInfoSync: () => ({
      ...(fallback.getSystemInfoSync as () => object)(),
      fontSizeSetting: script.fontSizeSetting ?? 16,
    }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorage: (o: Options) =>
      storage.has(o.key as string)
        ? answer(o, { data: storage.get(o.key as string), errMsg: 'getStorage:ok' })
        : answer(o, { errMsg: 'getStorage:fail data not found' }, true),
    setStorage: (o: Options) => {
      storage.set(o.key as string, o.data);
      answer(o, { errMsg: 'setStorage:ok' });
    },
    removeStorage: (o: Options) => {
      storage.delete(o.key as string);
      answer(o, { errMsg: 'removeStorage:ok' });
    },
    request: (o: Options) => {
      const req = {
        url: String(o.url),
        method: String(o.method ?? 'GET'),
        header: (o.header ?? {}) as Record<string, string>,
        data: o.data,
      };
      const res = script.request?.(req);
      waiting++;
      setTimeout(() => {
        waiting--;
        if (!res) {
          o.fail?.({ errMsg: 'request:fail no answer scripted' });
          o.complete?.({ errMsg: 'request:fail' });
          return;
        }
        const r = { ...res, header: {}, errMsg: 'request:ok' };
        o.success?.(r);
        o.complete?.(r);
      }, 0);
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    login: (o: Options) => answer(o, { code: script.loginCode ?? 'wx-login-code', errMsg: 'login:ok' }),
    // The person has agreed to the mini-program's privacy guideline (用户隐私保护指引).
    requirePrivacyAuthorize: (o: Options) => answer(o, { errMsg: 'requirePrivacyAuthorize:ok' }),
    chooseImage: (o: Options) =>
      answer(o, {
        tempFilePaths: photos.map((p) => p.path),
        tempFiles: photos.map((p) => ({ path: p.path, size: p.size })),
        errMsg: 'chooseImage:ok',
      }),
    chooseMedia: (o: Options) =>
      answer(o, {
        type: 'image',
        tempFiles: photos.map((p) => ({ tempFilePath: p.path, size: p.size, fileType: 'image' })),
        errMsg: 'chooseMedia:ok',
      }),
    getFileSystemManager: () => ({
      readFile: (o: Options) => {
        calls.push({ api: 'FileSystemManager.readFile', options: withoutCallbacks(o) });
        const p = photos.find((x) => x.path === o.filePath);
        if (p) answer(o, { data: new Uint8Array(p.bytes).buffer, errMsg: 'readFile:ok' });
        else answer(o, { errMsg: 'readFile:fail no such file' }, true);
      },
    }),
    navigateTo: ok('navigateTo'),
    redirectTo: ok('redirectTo'),
    reLaunch: ok('reLaunch'),
    switchTab: ok('switchTab'),
    navigateBack: ok('navigateBack'),
    showToast: ok('showToast'),
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    showModal: (o: Options) => answer(o, { confirm: true, cancel: false, errMsg: 'showModal:ok' }),
  };

  const wx = { ...fallback, ...scripted } as Record<string, unknown>;
  const recorded = new Proxy(wx, {
    get(target, name) {
      const value = target[name as string];
      if (typeof name !== 'string' || typeof value !== 'function' || !Object.hasOwn(target, name) || HELPERS.has(name))
        return value;
      return (...args: unknown[]) => {
        calls.push({ api: name, options: args.length === 1 ? withoutCallbacks(args[0]) : args });
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  }) as FakeWx;
  Object.assign(wx, {
    calls,
    storage,
    callsOf: (api: string) => calls.filter((c) => c.api === api),
    pending: () => waiting,
  });
  return recorded;
}
