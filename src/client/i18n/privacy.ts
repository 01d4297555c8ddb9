/** The words of the privacy policy page, its agreement, and the way back when WeChat's agreement is declined. */
export const tp = {
  link: '隐私政策',
  linkHint: '我们收集什么、谁能看到、保存多久',
  version: (v: string) => `版本：${v}`,
  declinedPhotos:
    '您没有同意隐私保护指引，所以不能添加照片。不加照片也可以提交；想加照片，可以先看看隐私政策，再点“添加照片”。',
  declinedVoice: '您没有同意隐私保护指引，所以不能用说话输入，请直接打字。',
  readPolicy: '看隐私政策',
};
