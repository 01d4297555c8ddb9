import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeWx, type FakeWx, type FakeWxScript } from './fake-wx';

/**
 * Starts a built mini-program (dist/weapp, or a fixture) in miniprogram-simulate, WeChat's component test tool.
 * simulate knows components, not apps or pages, so this stands in for the rest of WeChat's framework: `App` and
 * `getApp` keep the one app object, and `Page` registers the page as a component whose attach calls onLoad and
 * onShow, with `route` and a page stack for getCurrentPages. Each page's WXML goes through WeChat's own wcc.
 */

type Simulate = {
  load(path: string, options?: Record<string, unknown>): string;
  render(id: string): SimulatedComponent;
  sleep(ms: number): Promise<void>;
};

export interface SimulatedComponent {
  dom: HTMLElement;
  instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
  querySelector(selector: string): SimulatedComponent | null;
  querySelectorAll(selector: string): SimulatedComponent[];
  dispatchEvent(name: string, options?: Record<string, unknown>): void;
}

export interface MountedPage {
  route: string;
  component: SimulatedComponent;
  /** The page's text as a person reads it. */
  text(): string;
  /** The element with this id (the app's ids, as Taro renders them). */
  byId(id: string): SimulatedComponent | null;
  /** Taps an element by id, and waits for what follows to settle. */
  tap(id: string): Promise<void>;
  unmount(): void;
}

export interface MiniProgram {
  wx: FakeWx;
  /** console.error and console.warn calls since start, as text. */
  consoleErrors: string[];
  /** Mounts a page of app.json as WeChat opens it, runs its lifecycle, and waits until its requests are answered. */
  mount(route: string, query?: Record<string, string>): Promise<MountedPage>;
  /** Waits until no request is waiting and rendering has had its turn. */
  settle(): Promise<void>;
}

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
type Lifecycle = (this: unknown, ...args: unknown[]) => unknown;

/** Page(options) as a component: the page's functions become methods, its lifecycle runs on attach and detach. */
function pageAsComponent(options: PageOptions, stack: Record<string, unknown>[], rendered: { count: number }) {
  const call = (self: unknown, name: string, ...args: unknown[]) =>
    (options[name] as Lifecycle | undefined)?.apply(self, args);
  // A page instance carries all its options (Taro marks `this.onReady.called`), the lifecycle included.
  const methods = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'function'));
  const fields = Object.entries(options).filter(([k, v]) => typeof v !== 'function' && k !== 'data');
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: Record<string, unknown>) {
        for (const [k, v] of fields) this[k] ??= v;
        const setData = this.setData as (...args: unknown[]) => void;
        this.setData = (...args: unknown[]) => {
          rendered.count++;
          setData.apply(this, args);
        };
        stack.push(this);
        call(this, 'onLoad', this.options);
        call(this, 'onShow');
      },
      ready(this: unknown) {
        call(this, 'onReady');
      },
      detached(this: Record<string, unknown>) {
        call(this, 'onUnload');
        stack.splice(stack.indexOf(this), 1);
      },
    },
  };
}

/** A stand-in for WeChat's 同声传译 plugin: it records what it is asked and answers as the plugin would. */
function wechatSI(wx: FakeWx) {
  return {
    textToSpeech: (o: { content: string; success?: (r: unknown) => void }) => {
      wx.calls.push({ api: 'WechatSI.textToSpeech', options: { content: o.content } });
      setTimeout(() => o.success?.({ retcode: 0, filename: 'https://tts.example/1.mp3', expired_time: 0 }), 0);
    },
    getRecordRecognitionManager: () => ({ start() {}, stop() {} }),
  };
}

export async function startMiniProgram(dir: string, script: FakeWxScript = {}): Promise<MiniProgram> {
  const consoleErrors: string[] = [];
  for (const level of ['error', 'warn'] as const)
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleErrors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
    });

  // A fresh start each time: the app's modules (and simulate's registry) run anew, as on a cold launch.
  jest.resetModules();
  const g = globalThis as Record<string, unknown>;
  // The last start's wx carries its webpack chunks (wx.webpackJsonp) and simulate would merge them into the new one.
  delete g.wx;
  // simulate installs its Component and its own wx stand-in on require; ours goes over it.
  const simulate = require('miniprogram-simulate') as Simulate;
  const wx = createFakeWx(g.wx as Record<string, unknown>, script);
  g.wx = wx;
  // The plugins app.json declares (同声传译 for 说话输入 and 朗读); simulate's own requirePlugin only logs an error.
  g.requirePlugin = (name: string) => {
    wx.calls.push({ api: 'requirePlugin', options: name });
    if (name !== 'WechatSI') throw new Error(`plugin ${name} is not declared in app.json`);
    return wechatSI(wx);
  };
  const stack: Record<string, unknown>[] = [];
  const rendered = { count: 0 };
  let app: Record<string, unknown> | undefined;
  g.App = (options: Record<string, unknown>) => {
    app = Object.create(options);
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [...stack];
  g.Page = (options: PageOptions) => (g.Component as (o: unknown) => void)(pageAsComponent(options, stack, rendered));

  require(join(dir, 'app.js'));
  if (!app) throw new Error(`${dir}/app.js did not call App()`);
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
  (app.onLaunch as Lifecycle | undefined)?.call(app, launch);
  (app.onShow as Lifecycle | undefined)?.call(app, launch);

  const pages = new Map<string, string>();
  /**
   * Quiet means no request waiting and nothing new asked of wx or drawn (setData) for a few turns: a page's next
   * request often starts only after the last answer has rendered. Bounded, so a page that never rests still ends.
   */
  const activity = () => wx.calls.length + rendered.count;
  const settle = async () => {
    const until = Date.now() + 5000;
    let last = -1;
    for (let quiet = 0; quiet < 4 && Date.now() < until; ) {
      await simulate.sleep(10);
      const now = activity();
      quiet = wx.pending() || now !== last ? 0 : quiet + 1;
      last = now;
    }
  };

  const mount = async (route: string, query: Record<string, string> = {}): Promise<MountedPage> => {
    // A page's script runs once per test file (jest keeps modules), so each page is loaded once and rendered anew.
    let id = pages.get(route);
    if (!id) {
      id = simulate.load(join(dir, route), { rootPath: dir });
      pages.set(route, id);
    }
    const component = simulate.render(id);
    Object.assign(component.instance, { route, __route__: route, options: query });
    const before = consoleErrors.length;
    component.attach(document.createElement('parent-wrapper'));
    await settle();
    if (consoleErrors.length > before)
      throw new Error(`page ${route} logged errors:\n${consoleErrors.slice(before).join('\n')}`);
    const byId = (elementId: string) => component.querySelector(`#${elementId}`);
    return {
      route,
      component,
      text: () => component.dom.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      byId,
      async tap(elementId: string) {
        const el = byId(elementId);
        if (!el) throw new Error(`page ${route} has no #${elementId}`);
        el.dispatchEvent('tap');
        await settle();
      },
      unmount: () => component.detach(),
    };
  };

  return { wx, consoleErrors, mount, settle };
}

/** Every page of a build's app.json, subpackages included, as routes. */
export function pagesOf(dir: string): string[] {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
  const subs: { root: string; pages: string[] }[] = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
}
