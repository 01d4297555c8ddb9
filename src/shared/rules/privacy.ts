import { CLOSED_PETITION_YEARS } from './retention';

/**
 * The privacy policy (隐私政策) and the mini-program's 用户隐私保护指引: one text for
 * both channels, versioned (rules/policy-version.ts): change the version whenever
 * this text changes what is collected, why, who sees it or how long it is kept.
 */
export interface PolicySection {
  id: string;
  heading: string;
  paragraphs: string[];
}

export const POLICY_TITLE = '村民议事厅隐私政策';

export const policySections: PolicySection[] = [
  {
    id: 'who',
    heading: '一、我们是谁',
    paragraphs: [
      '村民议事厅由您所在的村（社区）村民委员会和乡镇（街道）使用，用来公开村务、收集建议和诉求、组织议事表决。您的个人信息由您所在的村委会负责保管和使用。',
    ],
  },
  {
    id: 'what',
    heading: '二、我们收集哪些信息，为什么收集',
    paragraphs: [
      '姓名、所在村民小组和户：村里登记的村民名册本来就有，用来确认您是本村村民，以及表决时按人或按户计票。',
      '身份证号（敏感个人信息）：只在村民名册中加密保存，用来确认一个人不会登记两次；绑定时只请您填写后 4 位，用来核对是您本人。',
      '手机号：用来绑定时核对身份，以及经办人办理您的诉求时联系您。',
      '照片：只有您提交建议或诉求时自己选择的照片，用来说明情况。',
      '位置：只有您在建议或诉求里自己写的地点文字（如“村东桥头”），我们不读取手机定位。',
      '说话输入：只在您点“说话输入”时使用话筒，由微信同声传译插件转成文字填进输入框，我们不保存录音。',
      '微信账号：只保存由微信登录换算出的编号，不保存您的微信号、昵称和头像。',
    ],
  },
  {
    id: 'sensitive',
    heading: '三、敏感个人信息',
    paragraphs: [
      '身份证号属于敏感个人信息。我们会单独征求您的同意；它在任何列表里都只显示开头 3 位，不会出现在公告、议题等全村能看到的地方，也不会写进日志。',
    ],
  },
  {
    id: 'who-sees',
    heading: '四、谁能看到',
    paragraphs: [
      '全村可见：公告、议题、表决结果和谁参加了表决、去掉姓名的建议内容。只有本村已绑定身份的村民能看到。',
      '个人信息：您自己的提交、投票记录、手机号，只有您本人和办理您事项的经办人能看到。',
      '保密信息：诉求人是谁、举报人、关爱线索，只有指定的经办人能看到，被反映的人永远看不到。',
      '敏感信息：身份证号等，只有村委会指定的工作人员能看到，而且始终部分隐藏。',
      '无记名投票时，任何人（包括村委会）都看不到您投了什么。一个村看不到另一个村的信息，乡镇只能看到本乡镇的村。',
    ],
  },
  {
    id: 'keep',
    heading: '五、保存多久',
    paragraphs: [
      `诉求办结 ${CLOSED_PETITION_YEARS} 年后，删除诉求人的姓名和联系方式，只保留内容和办理结果作为村务记录（各村可以调整年限）。`,
      '消息按村里设定的天数保存（默认 180 天），过期自动删除。上传后没有提交的照片一天内自动删除。',
      '村民名册是村里的登记簿，由村委会按规定保存；您注销账号后，名册中的登记不会因此删除。',
    ],
  },
  {
    id: 'rights',
    heading: '六、您的权利',
    paragraphs: [
      '在“我的 → 我的数据”里，您可以查看和下载我们保存的关于您的全部信息，发现不对可以申请更正，村委会会在期限内处理。',
      '您可以随时解除绑定，或注销账号：账号、登录记录、消息订阅和消息会被删除。',
      '您可以撤回同意：解除绑定或注销账号即可。有疑问请联系村委会。',
    ],
  },
];

/** What a binding asks the person to agree to: the policy, and separately the sensitive ID number (PIPL art. 29). */
export const consentTexts = {
  policy: `我已阅读并同意《${POLICY_TITLE}》`,
  idNumber: '我同意村委会为核对身份处理我的身份证号（敏感个人信息）',
} as const;
