/** Chinese text for the demo township: names, groups and a year of realistic notices. */
export const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '胡',
  '朱',
  '郭',
  '何',
  '林',
];
export const givenNames = [
  '建国',
  '秀英',
  '桂兰',
  '志强',
  '海燕',
  '国华',
  '玉梅',
  '德胜',
  '春花',
  '永福',
  '淑芬',
  '明亮',
  '丽娟',
  '长江',
  '小军',
  '金凤',
  '荣华',
  '晓东',
  '红梅',
  '学文',
  '立新',
  '翠兰',
  '宏伟',
  '素珍',
  '振华',
  '凤英',
  '家豪',
  '雨桐',
  '子涵',
  '浩然',
  '桂芝',
  '保国',
  '爱民',
  '秋菊',
  '文斌',
  '雪梅',
  '俊杰',
  '欣怡',
  '光明',
  '玉兰',
];

export interface NoticeSeed {
  category: 'party' | 'government' | 'village' | 'finance' | 'service';
  title: string;
  body: string;
  major?: boolean;
  attachments?: string[];
  guide?: { item: string; materials: string[]; timeLimit: string; place: string };
}

export const financeRows: { item: string; direction: 'income' | 'expense'; base: number }[] = [
  { item: '上级转移支付', direction: 'income', base: 42000 },
  { item: '集体土地租金', direction: 'income', base: 18500 },
  { item: '村集体经济合作社分红', direction: 'income', base: 9600 },
  { item: '村干部误工补贴', direction: 'expense', base: 12800 },
  { item: '道路维修', direction: 'expense', base: 6300 },
  { item: '保洁员工资', direction: 'expense', base: 4800 },
  { item: '办公经费', direction: 'expense', base: 1650 },
  { item: '路灯电费', direction: 'expense', base: 980 },
];

export const financeBody = (month: string) =>
  `根据《村民委员会组织法》和村务公开有关规定，现将本村${month}集体财务收支情况予以公开。\n\n本月收支均经村务监督委员会审核，原始凭证存于村会计室，村民如有疑问可在工作日到村委会查阅，或在本公告下方提出询问，村委会将在五个工作日内答复。\n\n公开期限：自公布之日起不少于十五日。`;

export const villageNotices: NoticeSeed[] = [
  {
    category: 'village',
    title: '关于三组至五组村道硬化工程的公示',
    major: true,
    attachments: ['村道硬化工程预算表.xlsx', '施工路线图.pdf'],
    body: '经村“两委”提议、村民代表会议讨论通过，决定对三组至五组之间约1.8公里村道进行硬化，路面宽4.5米。\n\n工程资金来源为上级“一事一议”财政奖补资金和村集体自筹资金。施工单位通过镇公共资源交易平台公开招标确定。\n\n施工期间请村民注意出行安全，配合做好临时改道。对工程质量和资金使用有意见的，可向村务监督委员会反映。',
  },
  {
    category: 'village',
    title: '2026年度最低生活保障对象名单公示',
    body: '经个人申请、入户调查、村民代表评议，现将拟享受最低生活保障的对象公示如下（仅公示姓名、所在小组、保障类别和金额）：\n\n王桂兰 第二村民小组 城乡低保 每月620元\n李德胜 第四村民小组 城乡低保 每月620元\n陈淑芬 第一村民小组 特困供养 每月980元\n\n公示期7天。如有异议，请向村委会或镇民政办反映。',
  },
  {
    category: 'village',
    title: '农村人居环境整治“清洁家园”行动通知',
    body: '为改善村容村貌，本村将于本月开展“清洁家园”行动：清理房前屋后柴草堆、建筑垃圾，规范家禽圈养。\n\n各村民小组长负责组织本组村民，网格员上门提醒。行动结束后将评选“最美庭院”，予以表彰。',
  },
  {
    category: 'village',
    title: '集体土地流转结果公示',
    attachments: ['土地流转合同（摘要）.pdf'],
    body: '经村民代表会议表决通过，将村集体所有的东坡地约86亩流转给青山农业合作社种植茶叶，流转期10年，每亩每年租金680元，租金每年12月底前一次性支付至村集体账户。\n\n流转收益纳入村集体经济收入，用于村内公益事业。',
  },
  {
    category: 'village',
    title: '村民代表会议决议公开（第三季度）',
    body: '本季度召开村民代表会议两次，应到代表19人，实到17人，符合法定人数。会议审议通过：一、村道硬化工程实施方案；二、集体土地流转方案；三、村规民约修订草案。\n\n以上决议自公布之日起执行。',
  },
  {
    category: 'village',
    title: '2027年度城乡居民医保缴费通知',
    body: '2027年度城乡居民基本医疗保险集中缴费期为即日起至12月31日，个人缴费标准为每人每年400元。\n\n可通过微信“粤医保”小程序、银行网点或到村便民服务站缴费。低保、特困人员由政府资助参保。行动不便的老人可联系网格员上门协助。',
  },
];

export const partyNotices: NoticeSeed[] = [
  {
    category: 'party',
    title: '党费收缴情况公示',
    body: '根据党章规定，现将本村党支部党员党费收缴情况予以公示。本季度应缴党员38人，实缴38人，收缴率100%。党费已全额上缴镇党委。',
  },
  {
    category: 'party',
    title: '“主题党日”活动安排',
    body: '本月主题党日活动定于15日上午9时在村党群服务中心举行，内容为学习党的创新理论、开展志愿服务（清理河道垃圾）。请全体党员准时参加，因故不能参加的请向支部书记请假。',
  },
  {
    category: 'party',
    title: '发展党员对象公示',
    body: '经支部委员会研究，拟将张晓东同志列为发展对象。公示期5个工作日，党员和群众如有意见，可向村党支部或镇党委组织办反映。',
  },
  {
    category: 'party',
    title: '“三会一课”制度落实情况',
    body: '本季度召开支部党员大会1次、支委会3次、党小组会6次，支部书记讲党课1次，内容涉及乡村振兴、基层治理等。',
  },
];

export const governmentNotices: NoticeSeed[] = [
  {
    category: 'government',
    title: '耕地地力保护补贴发放公示',
    attachments: ['补贴发放明细.xlsx'],
    body: '2026年耕地地力保护补贴标准为每亩112元，本村共有发放对象213户，补贴面积1645亩，补贴资金将于本月底前通过“一卡通”直接发放到户。请村民核对明细，如有误差在公示期内向村委会提出。',
  },
  {
    category: 'government',
    title: '城乡居民养老保险缴费提醒',
    body: '2026年度城乡居民养老保险缴费档次为每年200元至5000元，多缴多得。60周岁以上符合条件的老人每月可领取基础养老金。不清楚缴费档次的可向村便民服务站咨询。',
  },
  {
    category: 'government',
    title: '汛期安全防范通知',
    major: true,
    body: '根据县防汛指挥部通知，未来三天有强降雨。请沿河、低洼地带及山边住户提高警惕，夜间注意观察，必要时及时转移。村委会已安排人员24小时值班，值班电话张贴于村公告栏。',
  },
  {
    category: 'government',
    title: '惠农补贴“一卡通”信息核对通知',
    body: '为确保惠农补贴资金安全发放，请各户持本人身份证和“一卡通”到村便民服务站核对账户信息。核对时间：工作日上午8:30—11:30，下午2:30—5:30。',
  },
];

export const serviceNotices: NoticeSeed[] = [
  {
    category: 'service',
    title: '办事指南：最低生活保障申请',
    body: '家庭人均收入低于当地低保标准、且符合财产条件的家庭，可以申请最低生活保障。',
    guide: {
      item: '最低生活保障申请',
      materials: ['户口簿', '家庭成员身份证', '收入证明', '银行卡'],
      timeLimit: '受理后30个工作日内办结',
      place: '村便民服务站 / 镇民政办',
    },
  },
  {
    category: 'service',
    title: '办事指南：宅基地申请',
    body: '本村村民一户只能拥有一处宅基地，面积不得超过规定标准。申请经村民代表会议讨论后公示，再报镇政府审批。',
    guide: {
      item: '农村宅基地申请',
      materials: ['申请书', '户口簿', '身份证', '建房设计图'],
      timeLimit: '镇政府受理后20个工作日',
      place: '村委会 / 镇自然资源所',
    },
  },
  {
    category: 'service',
    title: '办事指南：新生儿落户',
    body: '新生儿出生后一个月内应办理户口登记。',
    guide: {
      item: '新生儿入户登记',
      materials: ['出生医学证明', '父母户口簿和身份证', '结婚证'],
      timeLimit: '当场办结',
      place: '镇派出所户籍窗口',
    },
  },
  {
    category: 'service',
    title: '办事指南：残疾人证办理',
    body: '持有本地户籍的残疾人可申请办理残疾人证，享受相关补贴和服务。',
    guide: {
      item: '残疾人证申领',
      materials: ['身份证', '户口簿', '近期免冠照片2张'],
      timeLimit: '评定后15个工作日',
      place: '镇残联 / 指定医院评定',
    },
  },
  {
    category: 'service',
    title: '办事指南：高龄老人补贴',
    body: '80周岁以上老人可申请高龄补贴，补贴按月发放。',
    guide: {
      item: '高龄补贴申请',
      materials: ['老人身份证', '户口簿', '银行卡'],
      timeLimit: '次月起发放',
      place: '村便民服务站',
    },
  },
];

export const questions = [
  '道路维修费用是按什么标准结算的？',
  '东坡地的租金今年什么时候到账？',
  '我家老人行动不便，医保能上门办理吗？',
  '补贴面积和我家实际面积不一致，找谁核对？',
  '保洁员工资是多少人分的？',
  '施工期间我们五组的车从哪里走？',
];
export const answers = [
  '按镇里审定的预算结算，明细表已附在公告后，可到村会计室查阅原始凭证。',
  '合同约定每年12月底前支付，到账后会在下月财务公开中列明。',
  '可以的，请联系本组网格员，他会上门协助办理。',
  '请在公示期内带上土地承包经营权证到村委会核对。',
];
