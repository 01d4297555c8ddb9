import type { TownshipSort } from '../../shared/schemas/township';

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** The words of 一满意 (rating a notice) and of the township's table of its villages. */
export const tw = {
  rating: {
    title: '您对这条公开满意吗？',
    hint: '每人评价一次，不会公开您的姓名。',
    choose: '请选择满意程度',
    reason: '原因（可不填）',
    reasonPlaceholder: '比如：哪里看不懂、还想知道什么',
    send: '提交评价',
    done: '已评价',
    mine: (label: string) => `您的评价：${label}`,
    staffTitle: '群众满意度',
    staffHint: '只显示人数和原因，不显示是谁评价的。',
    none: '还没有人评价',
    total: (n: number) => `共 ${n} 人评价，满意和基本满意占`,
    percent,
    count: (n: number) => `${n} 人`,
    reasons: '不满意和其他原因',
  },
  home: { tile: '各村一览', hint: '公开、办理、表决、绑定对比' },
  table: {
    title: '各村一览',
    hint: '点列名排序，再点一次倒过来；点一个村查看该村的办理统计。',
    asOf: (t: string) => `统计时间：${t}`,
    empty: '还没有村的统计',
    sortBy: '排序',
    chart: (label: string) => `各村对比：${label}`,
    village: '村',
    columns: {
      name: '村名',
      disclosureOverdue: '公开逾期',
      casesOpen: '在办事项',
      casesOverdue: '超期事项',
      casesEscalated: '上报乡镇',
      caseSatisfaction: '办理满意度',
      turnout: '最近表决参与率',
      bindingRate: '绑定率',
      inquiriesOpen: '待答复质询',
      noticeSatisfaction: '公开满意度',
      lastActivity: '最近动态',
    } satisfies Record<TownshipSort, string>,
    percent,
    categories: (n: number) => (n ? `${n} 类` : '无'),
    none: '—',
    bound: (bound: number, adults: number) => `${bound}/${adults}`,
    vote: (title: string) => `最近表决：${title}`,
  },
};
