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
  },
};
