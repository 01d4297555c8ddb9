import type { Grant, TemplateKey } from '../../shared/schemas/inbox';

/** 消息 strings (zh-CN). */
export const ti = {
  title: '消息',
  home: { inbox: '消息', unread: (n: number, more: boolean) => (n ? `${more ? '99+' : n} 条未读` : '没有未读消息') },
  empty: '还没有消息。有与您相关的事（表决、诉求进展、公告答复）时，会在这里告诉您。',
  readAll: '全部标为已读',
  unreadMark: '未读',
  more: '加载更多',
  prefs: {
    title: '接收哪些消息',
    hint: '您反映事项的进展、交给您办理的事项、身份绑定结果，依法必须告诉您，不能关闭。',
    groups: { topic: '表决开始、截止提醒和结果', question: '我的提问被答复', notice: '新公告' } as Record<
      string,
      string
    >,
    categories: '关注的公告类别（重大事项总会通知）',
    saved: '已保存',
    save: '保存',
    /** The WeChat notifications granted in the mini-program (订阅消息). */
    grants: '微信通知（订阅消息）',
    noGrants: '还没有订阅微信通知。在小程序里提交诉求或打开表决时，点“答复时通知我”等即可订阅。',
    grantsHint: '长期订阅可在微信“设置—通知管理”中关闭；一次性订阅每次通知用掉一次。',
    templates: {
      case_progress: '我反映的事项有进展',
      vote: '表决开始和结果',
      vote_closing: '表决截止前提醒',
      question_answered: '我的提问被答复',
    } satisfies Record<TemplateKey, string>,
    grantState: (g: Pick<Grant, 'status' | 'longTerm' | 'remaining'>) =>
      g.status === 'refused'
        ? '已拒绝'
        : g.longTerm
          ? '长期订阅'
          : g.remaining > 0
            ? `还可通知 ${g.remaining} 次`
            : '已用完，需再次订阅',
  },
  /** 消息 in the village's settings. */
  settings: {
    title: '消息和微信通知',
    hint: '“消息”里总能看到每一条；微信通知在免打扰时段暂缓（表决即将截止、期限将到、上报乡镇等紧急的除外），超过每天条数的合并成一条“您有 N 条新消息”。',
    quiet: '免打扰时段（村里时间，开始和结束相同表示不设）',
    quietFrom: '开始',
    quietUntil: '结束',
    dailyCap: '每人每天最多微信通知（条）',
    keepDays: '消息保留天数',
    questionWaitHours: '公告提问多久未答复提醒村委会（小时）',
  },
  /** Asking, at the moment it makes sense, to send a WeChat subscribe message. */
  notify: {
    caseReply: '答复时通知我',
    vote: '开始表决和截止前提醒我',
    questionAnswer: '答复时通知我',
    on: '好的，有进展时会通过微信通知您（消息里也能看到）。',
    off: '没有开启微信通知。有进展时仍会出现在“消息”里。',
    failed: '没能开启微信通知，请稍后再试。',
    demoTitle: '微信订阅消息（本地演示）',
    demoContent: '小程序里这里会弹出微信的订阅弹窗。允许发送通知吗？',
  },
};
