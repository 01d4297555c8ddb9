/** Sharing into a WeChat chat, links, and the poster's code for the paper board. */
export const ts = {
  /** After binding, when the person was on their way to a shared page. */
  goOn: '继续查看',
  share: '分享到微信群',
  copyLink: '复制链接，发到微信群',
  copied: '链接已复制，可以粘贴到微信群',
  copyFailed: '复制失败，请长按链接手动复制',
  /** Share card titles: WeChat cuts long ones, so the kind comes first. */
  card: {
    notice: (title: string) => `【公告】${title}`,
    topic: (title: string) => `【议题】${title}`,
    /** A suggestion's text is its title: cut to what a card shows. */
    case: (kind: string, text: string) => `【${kind}】${text.length > 24 ? `${text.slice(0, 24)}…` : text}`,
  },
  poster: {
    noticeScan: '微信扫一扫，在手机上查看这份公告、提问',
    topicScan: '微信扫一扫，在手机上查看议题、参与表决',
    codeFailed: '二维码暂时无法生成，请刷新重试',
  },
  topicPrint: {
    link: '打印上墙（带二维码）',
    kind: (kind: string) => `议题 · ${kind}`,
    options: '选项',
  },
};
