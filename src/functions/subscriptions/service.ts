import type { GrantRequest, TemplateKey } from '../../shared/schemas/inbox';
import { accountIdForOpenid } from '../auth/accounts';
import { code2Session } from '../auth/wechat';
import { isLocalStage } from '../lib/env';
import { forbidden, invalidField } from '../lib/errors';
import * as keys from '../lib/keys';
import type { Recipient } from '../lib/outbox';
import { seal } from '../lib/sensitive';
import { subscribeTemplates, templateById } from './config';
import * as store from './store';

/** The templates the mini-program may ask for (none when this stage has none configured). */
export const templates = () => ({
  items: (Object.entries(subscribeTemplates()) as [TemplateKey, { id: string; longTerm: boolean }][]).map(
    ([template, t]) => ({ template, templateId: t.id, longTerm: t.longTerm }),
  ),
});

export async function grants(owner: Recipient) {
  const items = await store.grantsOfOwner(keys.inboxOwner(owner));
  return {
    items: items.map((g) => ({
      template: g.template,
      status: g.status === 'granted' && !store.usable(g) ? ('used' as const) : g.status,
      longTerm: Boolean(g.longTerm),
      remaining: g.longTerm ? 0 : Math.max(0, g.remaining ?? 0),
    })),
  };
}

/**
 * Records what wx.requestSubscribeMessage answered. The send needs the user's
 * openid, which the account keeps only as a fingerprint: the fresh wx.login code
 * sent along gives it, it must be this account's own, and it is kept sealed
 * with the grant. (The local demo's accounts have no openid; any code stands for theirs.)
 */
export async function recordGrants(owner: Recipient, accountId: string, req: GrantRequest, now: Date) {
  const answers = Object.entries(req.answers).map(([templateId, answer]) => {
    const template = templateById(templateId);
    if (!template) throw invalidField('answers', '没有这个订阅模板');
    return { template, templateId, answer };
  });
  const { openid } = await code2Session(req.code);
  const demo = isLocalStage() && accountId.startsWith('demo-');
  if (!demo && accountIdForOpenid(openid) !== accountId) throw forbidden('微信账号与当前登录的账号不一致');
  const ownerPk = keys.inboxOwner(owner);
  const sealed = seal({ openid });
  const at = now.toISOString();
  for (const { template, templateId, answer } of answers) {
    if (answer === 'accept') {
      const longTerm = Boolean(subscribeTemplates()[template]?.longTerm);
      await store.recordAccept(ownerPk, { template, templateId, longTerm, openid: sealed, updatedAt: at });
    } else await store.recordEnd(ownerPk, template, 'refused', at);
  }
  return grants(owner);
}
