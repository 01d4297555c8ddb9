/** The words of the privacy policy page, its agreement, and the way back when WeChat's agreement is declined. */
export const tp = {
  link: '隐私政策',
  linkHint: '我们收集什么、谁能看到、保存多久',
  version: (v: string) => `版本：${v}`,
  declinedPhotos:
    '您没有同意隐私保护指引，所以不能添加照片。不加照片也可以提交；想加照片，可以先看看隐私政策，再点“添加照片”。',
  declinedVoice: '您没有同意隐私保护指引，所以不能用说话输入，请直接打字。',
  readPolicy: '看隐私政策',
  consentHint: '绑定前请看一下隐私政策：我们收集什么、谁能看到、保存多久。身份证号是敏感个人信息，需要您单独同意。',
  updated: '隐私政策已更新',
  updatedHint: '请看一下新的隐私政策，同意后继续使用。',
  agreeTitle: '同意隐私政策',
  agree: '同意',
  agreed: '已同意',
  notNow: '暂不同意',
  notNowHint: '不同意也可以先看公告。您可以随时在“我的”里解除绑定或注销账号。',
  agreedOn: (date: string, version: string) => `您于 ${date} 同意了 ${version} 版`,
};
