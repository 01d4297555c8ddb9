import { setTimeout as sleep } from 'node:timers/promises';
import { localDay } from '../../shared/rules/local-day';
import { activeEnd, quietEnd } from '../../shared/rules/quiet-hours';
import { type EventKind, inboxPage, type TemplateKey, templateOf, urgentKinds } from '../../shared/schemas/inbox';
import { type Message, messageOf } from '../events/messages';
import { getEvent } from '../events/store';
import { logger } from '../lib/log';
import { isNews, type NewsRecord } from '../lib/outbox';
import { unseal } from '../lib/sensitive';
import { getVillage, type VillageRecord } from '../villages/store';
import { type MessageValue, subscribeTemplates } from './config';
import { fieldTypeOf, fieldValue } from './fields';
import * as store from './store';
import { sendSubscribeMessage } from './wechat';

/**
 * The push channel: WeChat subscribe messages for inbox items, to those who
 * granted the item's template. The inbox always gets every item; a push waits
 * out the village's quiet hours (unless urgent), and beyond the daily cap is
 * folded into one "您有 N 条新消息" sent when the day's active hours end.
 */
const RETRIES = 3;
const RETRY_MS = 400;
const SENDS_AT_ONCE = 8;
const DIGEST = 'DIGEST#';
const INBOX_PAGE = 'pages/inbox/index';

/** The state a message tells of, in WeChat's `phrase` (at most five characters). */
const statusOf: Partial<Record<EventKind, string>> = {
  'topic.opened': '表决开始',
  'topic.closing': '即将截止',
  'topic.result': '结果公布',
  'case.accepted': '已受理',
  'case.declined': '不予受理',
  'case.assigned': '办理中',
  'case.replied': '已办结',
  'case.reopened': '重新办理',
  'case.escalated': '已上报',
  'question.answered': '已答复',
};

type Values = Record<MessageValue, string>;
const valuesOf = (event: NewsRecord, m: Message, village: VillageRecord): Values => ({
  ...m,
  status: statusOf[event.kind] ?? '有新消息',
  time: event.at,
  village: village.name,
});

async function eachAtOnce<T>(items: T[], n: number, f: (t: T) => Promise<unknown>) {
  const queue = [...items];
  const worker = async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) await f(t);
  };
  await Promise.all(Array.from({ length: n }, worker));
}

/** Pushes an event's newly written inbox items to the owners who granted its template. */
export async function offer(
  event: NewsRecord,
  message: Message,
  ownerPks: string[],
  village: VillageRecord,
  now: Date,
) {
  const template = templateOf[event.kind];
  if (!template || !subscribeTemplates()[template] || !ownerPks.length) return;
  const grants = await store.grantsFor(ownerPks, template);
  const granted = ownerPks.filter((o) => store.usable(grants.get(o)));
  await eachAtOnce(granted, SENDS_AT_ONCE, (o) => gate(o, template, event, message, village, now, false));
}

/** Quiet hours and the daily cap, then the send. */
async function gate(
  ownerPk: string,
  template: TemplateKey,
  event: NewsRecord,
  message: Message,
  village: VillageRecord,
  now: Date,
  released: boolean,
) {
  const { inbox, utcOffsetMinutes: offset } = village.settings;
  const urgent = urgentKinds.has(event.kind);
  const hold = (releaseAt: Date, itemId: string) =>
    store.hold({ releaseAt: releaseAt.toISOString(), ownerPk, itemId, villageId: village.villageId });
  const quietTill = urgent || released ? undefined : quietEnd(now, inbox, offset);
  if (quietTill) return hold(quietTill, event.eventId);
  const day = localDay(now, offset);
  if (!(await store.takeSlot(ownerPk, day, urgent ? undefined : inbox.dailyCap, now))) {
    // The first message over the cap schedules the day's digest; the later ones only count.
    if ((await store.fold(ownerPk, day, template)) === 1) await hold(activeEnd(now, inbox, offset), `${DIGEST}${day}`);
    return;
  }
  await send(ownerPk, template, valuesOf(event, message, village), inboxPage(event.link), village, now);
}

/** One subscribe message on a grant, retried a bounded number of times with backoff when WeChat is busy. */
async function send(
  ownerPk: string,
  template: TemplateKey,
  values: Values,
  page: string,
  village: VillageRecord,
  now: Date,
) {
  const config = subscribeTemplates()[template];
  const grant = (await store.grantsFor([ownerPk], template)).get(ownerPk);
  if (!config || !grant || !store.usable(grant) || !(await store.takeGrant(ownerPk, grant))) return;
  const data = Object.fromEntries(
    Object.entries(config.fields).flatMap(([key, value]) => {
      const type = fieldTypeOf(key);
      return type ? [[key, fieldValue(type, values[value], village.settings.utcOffsetMinutes)]] : [];
    }),
  );
  const touser = unseal<{ openid: string }>(grant.openid).openid;
  for (let attempt = 0; ; attempt++) {
    const outcome = await sendSubscribeMessage({ touser, templateId: grant.templateId, page, data });
    if (outcome === 'sent') return;
    if (outcome === 'refused')
      return store.recordEnd(ownerPk, template, grant.longTerm ? 'refused' : 'used', now.toISOString());
    if (outcome === 'failed' || attempt >= RETRIES) {
      logger.warn('subscribe message not sent', { template, outcome, attempts: attempt + 1 });
      if (!grant.longTerm) await store.giveBack(ownerPk, template); // WeChat never took it: the grant stands
      return;
    }
    await sleep(RETRY_MS * 2 ** attempt);
  }
}

/** The scheduled release: pushes held by quiet hours, and the day's digests of what the cap folded. */
export async function releaseHeld(now: Date) {
  let released = 0;
  for (let round = 0; round < 20; round++) {
    const due = await store.due(now);
    await eachAtOnce(due, SENDS_AT_ONCE, async (h) => {
      if (!(await store.release(h))) return; // another run has it
      const village = await getVillage(h.villageId);
      if (!village) return;
      released++;
      if (h.itemId.startsWith(DIGEST)) {
        const { folded, template } = await store.pushDayOf(h.ownerPk, h.itemId.slice(DIGEST.length));
        if (!folded || !template) return;
        const title = `您有 ${folded} 条新消息`;
        const values = {
          title,
          body: '点开“消息”查看',
          status: '待查看',
          time: now.toISOString(),
          village: village.name,
        };
        return send(h.ownerPk, template, values, INBOX_PAGE, village, now);
      }
      const event = await getEvent(h.villageId, h.itemId);
      if (!event || !isNews(event)) return;
      const template = templateOf[event.kind];
      if (template) await gate(h.ownerPk, template, event, messageOf(event), village, now, true);
    });
    if (due.length < 100) break;
  }
  return released;
}
