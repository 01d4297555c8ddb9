/** Words of the text boxes (字数、草稿、语音输入) and of the 长辈版 offer. */
export const tw = {
  box: {
    left: (n: number, max: number) => `还能写 ${n} 字（最多 ${max} 字）`,
    full: (max: number) => `已写满 ${max} 字`,
    cut: (n: number, max: number) => `最多能写 ${max} 字，最后的 ${n} 个字没有放进去`,
    restored: '已恢复您上次没发出去的内容',
  },
  voice: {
    // No emoji: old phones and fonts without one show a box instead.
    start: '说话输入',
    listening: '正在听，说完请点这里',
    heard: '已把您说的话写进框里，请看一看对不对',
  },
  elderly: {
    name: '长辈版',
    offerTitle: '字太小？试试长辈版',
    offerTitleOn: '已按您手机的字号打开长辈版',
    offerHint: '字更大，按钮更大，更好点。以后也可以在“我的”里切换。',
    offerYes: '用长辈版',
    offerNo: '先不用',
    /** When 长辈版 is already on (the phone's text is set large): keep it, or go back to the standard size. */
    offerStandard: '用标准版',
    switchHint: '字更大，按钮更大',
  },
};
