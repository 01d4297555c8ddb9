import type { EventKind } from '../../shared/schemas/inbox';
import type { NewsRecord } from '../lib/outbox';

/**
 * What a message says. Nothing confidential is ever in it: news of a petition
 * says only that it moved and opens the case (never its subject), a handler is
 * never told who the petitioner is; the text a message quotes is public already
 * (a topic's or a notice's title, a vote's verdict) or the recipient's own (the
 * reason their binding was refused).
 */
export interface Message {
  title: string;
  body: string;
}

const CASE_NEWS = '您反映的事项有新进展';
const d = (e: NewsRecord, k: string) => e.data?.[k] ?? '';

const texts: Record<EventKind, (e: NewsRecord) => Message> = {
  'topic.opened': (e) => ({ title: `表决开始：${d(e, 'title')}`, body: '您在本次表决名单中，请在截止前投票。' }),
  'topic.closing': (e) => ({ title: `表决即将截止：${d(e, 'title')}`, body: '距离截止不到 24 小时，您还没有投票。' }),
  'topic.result': (e) => ({ title: `表决结果已公布：${d(e, 'title')}`, body: d(e, 'verdict') || '点开查看表决结果。' }),
  'case.accepted': () => ({ title: CASE_NEWS, body: '已受理，正在办理。' }),
  'case.declined': () => ({ title: CASE_NEWS, body: '不予受理，点开查看原因。' }),
  'case.assigned': () => ({ title: CASE_NEWS, body: '已交经办人办理。' }),
  'case.replied': () => ({ title: CASE_NEWS, body: '已办结并答复，请查看答复并作出评价。' }),
  'case.reopened': () => ({ title: CASE_NEWS, body: '已重新办理。' }),
  'case.escalated': () => ({ title: CASE_NEWS, body: '已上报乡镇督办。' }),
  'case.handle': () => ({ title: '有一件事项交您办理', body: '请在期限内办理，点开查看。' }),
  'case.township': () => ({ title: '有一件事项上报乡镇', body: '村里逾期未办或群众不满意，请督办。' }),
  'case.due': () => ({ title: '有一件事项的期限只剩 1 个工作日', body: '请抓紧办理，点开查看。' }),
  'cosign.threshold': (e) => ({ title: '联名人数已达到法定要求', body: d(e, 'duty') }),
  'question.answered': (e) => ({ title: '您的提问有了答复', body: `公告《${d(e, 'title')}》下您的提问已答复。` }),
  'question.waiting': (e) => ({
    title: '有村民的提问等待答复',
    body: `公告《${d(e, 'title')}》下的提问已等待超过 ${d(e, 'hours')} 小时。`,
  }),
  'binding.approved': () => ({ title: '身份绑定已通过', body: '您现在可以使用村民议事厅的全部功能。' }),
  'binding.rejected': (e) => ({ title: '身份绑定未通过', body: `原因：${d(e, 'reason')}` }),
  'notice.published': (e) => ({ title: `新公告：${d(e, 'title')}`, body: `${d(e, 'category')}公开，点开查看。` }),
  'privacy.correction': (e) => ({
    title: `有村民申请更正个人信息：${d(e, 'field')}`,
    body: `请在 ${d(e, 'dueBy')} 前核实并答复。申请内容：${d(e, 'text')}`,
  }),
  'privacy.corrected': (e) => ({
    title: `您申请更正的${d(e, 'field')}${d(e, 'corrected') === 'yes' ? '已更正' : '村委会已答复'}`,
    body: `答复：${d(e, 'reply')}`,
  }),
  'notice.signoff': (e) => ({
    title: `公告等待监委会审核：${d(e, 'title')}`,
    body: `${d(e, 'category')}公开须经监委会审核后发布，请核对后通过或退回。`,
  }),
  // A confidential inquiry's title stays out of the message (a push shows on a locked screen): data.title is then absent.
  'inquiry.asked': (e) => ({
    title: '监委会提出了质询',
    body: `${d(e, 'title') ? `《${d(e, 'title')}》，` : ''}请在 ${d(e, 'dueBy')} 前答复。`,
  }),
  'inquiry.answered': (e) => ({
    title: '您提出的质询已答复',
    body: d(e, 'title') ? `质询《${d(e, 'title')}》已答复，点开查看。` : '点开查看答复。',
  }),
  'inquiry.township': () => ({ title: '有一件监委会质询逾期未答复', body: '村委会超过答复期限未答复，请督办。' }),
};

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
export const messageOf = (e: NewsRecord): Message => {
  const m = texts[e.kind](e);
  return { title: cut(m.title, 40), body: cut(m.body, 120) };
};
