import type { ChainProblem } from '../../shared/schemas/audit';

/** 操作记录校验 strings (zh-CN). */
export const ta = {
  title: '操作记录校验',
  home: { tile: '操作记录校验', hint: '核对村里每一条操作记录是否被改动' },
  intro:
    '村里每一次修改（公告、名册、表决、办理）都记入操作记录，并按顺序串成一条哈希链：任何一条被改动、删除或调换顺序，校验都会指出来。',
  check: '开始校验',
  checked: '已逐条核对',
  ok: (n: number) => `校验通过：${n} 条记录完整，没有被改动。`,
  broken: (seq: number) => `第 ${seq} 条记录校验不通过`,
  problems: {
    missing_link: '链条在这里断开：有一环被删除',
    out_of_order: '记录的顺序被调换过',
    missing_entry: '这条记录已被删除',
    changed_entry: '这条记录的内容被改动过',
    anchor: '与当天公布的链头不一致：这之前的记录被整体改写过',
  } satisfies Record<ChainProblem, string>,
  at: (when: string) => `时间：${when}`,
  head: '链头（核对用）',
  anchor: (day: string, n: number) => `${day} 公布的操作记录链头（共 ${n} 条）`,
  anchorHint: '可与公告栏、打印的公告上的链头对照，不一致即说明记录被改写。',
};

/** The short form of a head hash printed on paper: enough to compare by eye, not to read aloud. */
export const shortHash = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-8)}`;
