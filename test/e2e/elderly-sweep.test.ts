import type { AppConfig } from '@tarojs/taro';
import type { Page } from 'playwright-core';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, shot, startBrowserStack } from '../helpers/browser';

// app.config.ts is written for Taro's build, which provides defineAppConfig; here it is the identity.
(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
const appConfig: AppConfig = require('../../src/client/app.config').default;

/**
 * 适老化, measured: every page of app.config.ts, in the default mode and in 长辈版, on a
 * 360×780 phone, opened by the kind of person who uses it (residents their pages, the
 * committee chair the staff pages). What is on the screen is measured with computed
 * styles, not compared to a picture: the MIIT rules for the elderly interface (text ≥ 18 px,
 * line height ≥ 1.3, tap targets ≥ 60×60, contrast ≥ 4.5:1 or 3:1 above 18 px) and, in
 * the default mode, text ≥ 16 px and targets ≥ 44×44. Any element that breaks one is listed.
 */
let stack: BrowserStack;
let village: SeededVillage;

type Mode = 'default' | 'large';
interface Rules {
  text: number;
  target: number;
  lineHeight: number;
}
const RULES: Record<Mode, Rules> = {
  default: { text: 16, target: 44, lineHeight: 1.3 },
  large: { text: 18, target: 60, lineHeight: 1.3 },
};

/** Ids the pages are opened with, found once the demo village is seeded. */
interface Ids {
  noticeId: string;
  topicId: string;
  caseId: string;
  personId: string;
  householdId: string;
  villageId: string;
  inquiryId: string;
}
let ids: Ids;

interface Visit {
  path: string;
  who: 'resident' | 'chair' | 'township';
  query?: (ids: Ids) => string;
  /** A step to show what the page is for (a form's fields appear after its first choice). */
  prepare?: (page: Page) => Promise<void>;
}

/** Residents' pages by a resident, staff pages by the chair, the township's by its staff; a query where a page needs one. */
const visits: Record<string, Omit<Visit, 'path'>> = {
  'pages/notices/detail/index': { who: 'resident', query: (i) => `id=${i.noticeId}` },
  'pages/notices/versions/index': { who: 'resident', query: (i) => `id=${i.noticeId}` },
  'pages/notices/print/index': { who: 'resident', query: (i) => `id=${i.noticeId}` },
  'pages/topics/detail/index': { who: 'resident', query: (i) => `id=${i.topicId}` },
  'pages/topics/print/index': { who: 'resident', query: (i) => `id=${i.topicId}` },
  'pages/cases/detail/index': { who: 'resident', query: (i) => `id=${i.caseId}` },
  'pages/cases/new/index': {
    who: 'resident',
    prepare: async (page) => {
      await page.locator('#case-kind-suggestion').click();
      await page.locator('#case-text').waitFor();
    },
  },
  'pages/notices/staff/edit/index': { who: 'chair' },
  'pages/notices/staff/readers/index': { who: 'chair', query: (i) => `id=${i.noticeId}` },
  'pages/people/detail/index': { who: 'chair', query: (i) => `id=${i.personId}` },
  'pages/people/household/index': { who: 'chair', query: (i) => `id=${i.householdId}` },
  'pages/people/edit/index': { who: 'chair', query: (i) => `id=${i.personId}` },
  'pages/topics/staff/scrutineer/index': { who: 'chair', query: (i) => `id=${i.topicId}` },
  'pages/cases/staff/township/index': { who: 'township' },
  'pages/township/villages/index': { who: 'township' },
  'pages/oversight/inquiry/index': { who: 'chair', query: (i) => `id=${i.inquiryId}` },
  'pages/oversight/check-list/index': { who: 'township' },
  'pages/oversight/report/index': { who: 'township', query: (i) => `villageId=${i.villageId}` },
};

/** 长辈版 as the README shows it (UPDATE_SCREENSHOTS=1 copies them to docs/screenshots). */
const SHOTS: Record<string, string | undefined> = {
  'pages/index/index': undefined,
  'pages/notices/detail/index': '#questions',
  'pages/cases/new/index': undefined,
  'pages/me/index': '#large-text-row',
};

const pages: Visit[] = [
  ...(appConfig.pages ?? []).map((path) => ({ path, who: 'resident' as const })),
  ...(appConfig.subPackages ?? []).flatMap((s) =>
    s.pages.map((p) => ({ path: `${s.root}/${p}`, who: 'chair' as const })),
  ),
].map((v) => ({ ...v, ...visits[v.path] }));

beforeAll(async () => {
  stack = await startBrowserStack('e2esweep');
  village = stack.township.villages[0];
  // The demo's topics and cases, made through the use cases as `npm start` makes them.
  const { seedTopics } = await import('../../scripts/local/seed-topics');
  const { seedCases } = await import('../../scripts/local/seed-cases');
  await seedTopics(village, new Date());
  await seedCases(village, new Date());
  const resident = await stack.apiAs(village.residents[0]);
  const chair = await stack.apiAs(village.chair);
  const topics = await resident.get('/topics');
  const cases = await resident.get('/cases?view=mine');
  const person = await chair.get(`/people/${village.residents[0].personId}`);
  const inquiry = await (await stack.apiAs(village.supervisor)).post('/inquiries', {
    subject: 'spending',
    title: '村部修缮开支',
    text: '十月份村部修缮支出 3.2 万元，请说明招标方式和验收情况。',
  });
  ids = {
    noticeId: village.publishedNoticeIds[0],
    topicId: topics.body.items[0].topicId,
    caseId: cases.body.items[0].caseId,
    personId: village.residents[0].personId,
    householdId: person.body.householdId ?? person.body.person?.householdId,
    villageId: village.villageId,
    inquiryId: inquiry.body.inquiryId,
  };
}, 120_000);
afterAll(() => stack?.stop());

interface Offender {
  rule: string;
  found: string;
  element: string;
}

/**
 * Runs in the page: every visible element, measured. Text: elements with text of their
 * own, and every input (typed text and placeholder). Targets: buttons, links, tiles,
 * tabs, segments, switches (a switch in a row that takes its tap is measured as the row).
 */
function measure(rules: Rules): { offenders: Offender[]; texts: number } {
  const out: Offender[] = [];
  let texts = 0;
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const name = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    const id = el.id ? `#${el.id}` : '';
    const cls = Array.from(el.classList)
      .filter((c) => c.startsWith('vh-') || c.startsWith('taro-'))
      .slice(0, 3)
      .map((c) => `.${c}`)
      .join('');
    const text = (el.textContent ?? (el as HTMLInputElement).placeholder ?? '').trim().replace(/\s+/g, ' ');
    return `${tag}${id}${cls} "${text.slice(0, 24)}${text.length > 24 ? '…' : ''}"`;
  };
  type Rgba = [number, number, number, number];
  const rgba = (c: string): Rgba => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1) as Rgba;
  };
  /** The opacity an element is drawn with: its own times all its ancestors'. */
  const opacityOf = (el: Element | null): number => {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  /** What is behind an element's text: the background colours of it and its ancestors, stacked on white. */
  const backgroundOf = (el: Element): Rgba => {
    const layers: Element[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) layers.unshift(e);
    let bg: Rgba = [255, 255, 255, 1];
    for (const e of layers) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      c[3] *= opacityOf(e);
      if (c[3] > 0) bg = over(c, bg);
    }
    return bg;
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: Rgba, b: Rgba) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const checkText = (el: Element, what: string, cs: CSSStyleDeclaration, multiline: boolean) => {
    texts += 1;
    const size = Number.parseFloat(cs.fontSize);
    if (size < rules.text) out.push({ rule: `${what} under ${rules.text}px`, found: `${size}px`, element: name(el) });
    if (multiline) {
      const lh = cs.lineHeight === 'normal' ? Number.NaN : Number.parseFloat(cs.lineHeight) / size;
      if (!(lh >= rules.lineHeight - 0.005))
        out.push({ rule: `line height under ${rules.lineHeight}`, found: cs.lineHeight, element: name(el) });
    }
    const bg = backgroundOf(el);
    const fg = rgba(cs.color);
    fg[3] *= opacityOf(el);
    const ratio = contrast(over(fg, bg), bg);
    const needed = size > 18 ? 3 : 4.5;
    if (ratio < needed - 0.005)
      out.push({ rule: `${what} contrast under ${needed}:1`, found: `${ratio.toFixed(2)}:1`, element: name(el) });
  };

  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!shown(el)) continue;
    // The print view's sheet is sized for A4 paper, not for the screen; its buttons are still measured.
    if (el.closest('.vh-print-sheet') && !el.closest('.vh-print-button')) continue;
    const field = el.matches('input:not([type=checkbox]):not([type=radio]), textarea');
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (field) {
      const input = el as HTMLInputElement;
      checkText(el, 'typed text', getComputedStyle(el), el.tagName === 'TEXTAREA');
      if (input.placeholder && !input.value)
        checkText(el, 'placeholder', getComputedStyle(el, '::placeholder'), el.tagName === 'TEXTAREA');
    } else if (ownText) {
      checkText(el, 'text', getComputedStyle(el), true);
    }
  }

  const targets = new Set<Element>();
  const selector =
    'button, taro-button-core, a[href], [onclick], [role=button], .vh-button, .vh-tile, .vh-tab, .vh-segment, .vh-link, .vh-person, .vh-notice-row, taro-switch-core, input[type=checkbox]';
  for (const el of Array.from(document.querySelectorAll(selector))) {
    if (!shown(el)) continue;
    // A Taro button is a custom element around the native one: measure it once, as the outer box.
    const outer = el.closest('taro-button-core') ?? el;
    // A switch whose row takes the tap is as big as its row.
    const isSwitch = el.matches('taro-switch-core, input[type=checkbox]');
    targets.add(isSwitch ? (el.closest('.vh-switch-row') ?? el.closest('taro-switch-core') ?? el) : outer);
  }
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    if (r.width < rules.target - 0.5 || r.height < rules.target - 0.5)
      out.push({
        rule: `tap target under ${rules.target}×${rules.target}`,
        found: `${Math.round(r.width)}×${Math.round(r.height)}`,
        element: name(el),
      });
  }
  return { offenders: out, texts };
}

const personFor = (who: Visit['who']): SeededPerson =>
  who === 'chair' ? village.chair : who === 'township' ? stack.township.staff : village.residents[0];

/** Waits until the page stops loading: the network idle and no 加载中 left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.vh-state', { hasText: '加载中' })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

const report = (mode: Mode, path: string, offenders: Offender[]) =>
  [
    `${path} (${mode === 'large' ? '长辈版' : 'default'}): ${offenders.length} element(s) break the rule`,
    ...offenders.map((o) => `  - ${o.rule}: ${o.found} — ${o.element}`),
  ].join('\n');

describe.each(['default', 'large'] as Mode[])('适老化 sweep, %s mode, 360×780', (mode) => {
  const open = new Map<Visit['who'], Page>();
  const pageFor = async (who: Visit['who']) => {
    let page = open.get(who);
    if (!page) {
      page = await stack.openAs(personFor(who));
      await page.setViewportSize({ width: 360, height: 780 });
      // The mode as 我的 or the first-entry offer sets it (Taro keeps storage as {data}).
      await page.evaluate((large) => {
        localStorage.setItem('vh.largeText', JSON.stringify({ data: large }));
      }, mode === 'large');
      open.set(who, page);
    }
    return page;
  };
  afterAll(async () => {
    for (const page of open.values()) await page.context().close();
  });

  it.each(pages.map((v) => [v.path, v] as const))(
    '%s',
    async (_path, visit) => {
      const page = await pageFor(visit.who);
      const query = visit.query ? `?${visit.query(ids)}` : '';
      // A fresh load each time, so the page is the only one in Taro's stack.
      await page.goto('about:blank');
      await page.goto(`${stack.url}/#/${visit.path}${query}`);
      await page.locator('.vh-page, .vh-print').first().waitFor();
      if (mode === 'large' && (await page.locator('.vh-page').count()))
        await page.locator('.vh-page.vh-large').first().waitFor();
      await settle(page);
      await visit.prepare?.(page);
      const { offenders, texts } = await page.evaluate(measure, RULES[mode]);
      if (mode === 'large' && visit.path in SHOTS) {
        const at = SHOTS[visit.path];
        if (at) await page.locator(at).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await shot(page, `elderly-${visit.path.split('/').slice(1, -1).join('-')}`, true);
      }
      // A page that measured nothing did not show: that is a failure too, not a pass.
      expect(texts).toBeGreaterThan(0);
      if (offenders.length) {
        const text = report(mode, visit.path, offenders);
        console.log(text);
        throw new Error(text);
      }
    },
    60_000,
  );
});
