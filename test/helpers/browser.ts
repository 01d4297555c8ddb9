import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type FakeWechat, pointAtFakeWechat } from '../../scripts/local/fake-wechat';
import { startHttpServer } from '../../scripts/local/http-server';
import { pointAtPhotoStore } from '../../scripts/local/photo-store';
import { type LocalQueue, pointAtLocalQueue } from '../../scripts/local/queue';
import type { SeededPerson, SeededTownship } from '../../scripts/local/seed';
import { root } from '../../scripts/local/serverless-config';
import { closeServer } from '../../scripts/local/stack';

/**
 * Browser tests drive the real H5 build (dist/h5, built by `npm test`) in headless
 * Chromium, served with the API on one origin by the local gateway.
 */
export const screenshotDir = join(root, 'test-results', 'screenshots');

export interface BrowserStack {
  url: string;
  township: SeededTownship;
  browser: Browser;
  /** A fresh phone-sized page signed in as this person (token put where the app keeps it). */
  pageAs(person: SeededPerson): Promise<Page>;
  /** pageAs, where a step that does not happen says which one well before the test's own time runs out. */
  openAs(person: SeededPerson): Promise<Page>;
  /** A fresh phone-sized page of a new WeChat user, signed in with the H5 local WeChat button: not bound yet. */
  pageAsNewWechatUser(): Promise<Page>;
  /** The HTTP API as this person, for what a test sets up off screen or checks was stored; a failure throws. */
  apiAs(person: SeededPerson): Promise<PersonApi>;
  /** The events queue's stand-in: settle() waits until every event so far reached its inboxes. */
  events: LocalQueue;
  /** The fake of WeChat's API: the subscribe messages it would have delivered. */
  fakeWechat: FakeWechat;
  stop(): Promise<void>;
}

export interface PersonApi {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: any }>;
  put(path: string, body: unknown): Promise<{ status: number; body: any }>;
}

/** A cheap Android phone's screen, in China. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/**
 * withNotices: false seeds the township without its year of notices, their versions, words and some 6,000 reads:
 * a file that shows none of them starts in about 1.5 s instead of 7 on DynamoDB Local.
 */
export async function startBrowserStack(idPrefix: string, { withNotices = true } = {}): Promise<BrowserStack> {
  const wechat = await pointAtFakeWechat();
  const photos = await pointAtPhotoStore();
  const events = await pointAtLocalQueue();
  const { seedDemo } = await import('../../scripts/local/seed');
  const township = await seedDemo({ now: new Date(), idPrefix, withNotices });
  // H5_DIR: a copy of the build that another engineer's rebuild of dist/h5 can't empty mid-run.
  const { server, url } = await startHttpServer({ staticDir: process.env.H5_DIR ?? join(root, 'dist', 'h5') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pageAs = async (person: SeededPerson) => {
    const context = await browser.newContext(PHONE);
    const r = await context.request.post(`${url}/api/auth/demo-sign-in`, {
      data: { tenantId: person.tenantId, personId: person.personId },
    });
    const { token } = await r.json();
    // Signed in before the app's first script runs, once per tab: the app never opens the sign-in page, whose
    // demo list holds every person in the run's shared database, and a later sign-out stays signed out.
    await context.addInitScript((t) => {
      if (sessionStorage.getItem('vh.test-signed-in')) return;
      localStorage.setItem('vh.token', JSON.stringify({ data: t }));
      sessionStorage.setItem('vh.test-signed-in', '1');
    }, token);
    const page = await context.newPage();
    await page.goto(`${url}/`);
    return page;
  };
  mkdirSync(screenshotDir, { recursive: true });
  return {
    url,
    township,
    browser,
    pageAs,
    events,
    fakeWechat: wechat,
    async openAs(person) {
      const page = await pageAs(person);
      page.setDefaultTimeout(20_000); // a page on a loaded 2-core machine, beside another test file
      return page;
    },
    async apiAs(person) {
      const signIn = await fetch(`${url}/api/auth/demo-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: person.tenantId, personId: person.personId }),
      });
      const { token } = await signIn.json();
      const request = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${url}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const json = await res.json();
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
        return { status: res.status, body: json };
      };
      return {
        get: (path) => request('GET', path),
        post: (path, body = {}) => request('POST', path, body),
        put: (path, body) => request('PUT', path, body),
      };
    },
    async pageAsNewWechatUser() {
      const page = await (await browser.newContext(PHONE)).newPage();
      await page.goto(`${url}/#/pages/auth/sign-in/index`);
      await page.locator('#demo-wechat-sign-in').click();
      await page.waitForURL(/pages\/bindings\/claim\/index/);
      return page;
    },
    async stop() {
      await events.settle().catch(() => undefined); // the file's queued work, before the next file starts
      await browser.close();
      await closeServer(server as Server);
      await closeServer(wechat.server);
      await closeServer(photos.server);
      await closeServer(events.server);
    },
  };
}

/** Screenshots go to test-results/; with UPDATE_SCREENSHOTS=1 the README's copies in docs/ are refreshed too. */
export const shot = async (page: Page, name: string, keep = false) => {
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (keep && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true });
    copyFileSync(file, join(root, 'docs', 'screenshots', `${name}.png`));
  }
};

/** Types into the input or textarea inside the element with this id (Taro wraps native inputs). */
export const fill = async (page: Page, id: string, text: string) => {
  const field = page.locator(`#${id}`).locator('input, textarea').first();
  await field.fill(text);
};
