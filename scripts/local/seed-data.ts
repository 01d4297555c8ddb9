/**
 * Chinese text for the demo township: names by generation, finance line items,
 * and a year of notices written as templates, so each village (村 or 社区) and each
 * month gets its own dates, names and amounts.
 */
import type { NoticeCategory, ServiceGuide } from '../../src/shared/schemas/notice';

export type Kind = 'village' | 'community';

/* ---------- names ---------- */

export const commonSurnames = [
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
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '田',
  '董',
  '潘',
  '袁',
  '蔡',
  '蒋',
];

/** Given names by the decade people were born in: a 桂兰 is 80, a 子涵 is 8. */
export const givenNames: { bornBefore: number; male: string[]; female: string[] }[] = [
  {
    bornBefore: 1956,
    male: [
      '德胜',
      '永福',
      '长贵',
      '福全',
      '树林',
      '茂才',
      '金山',
      '有财',
      '忠厚',
      '万春',
      '庆余',
      '保国',
      '德明',
      '炳坤',
    ],
    female: [
      '桂兰',
      '秀英',
      '凤英',
      '玉兰',
      '淑芬',
      '翠兰',
      '素珍',
      '桂芝',
      '秀珍',
      '金花',
      '月娥',
      '巧云',
      '凤兰',
      '玉珍',
    ],
  },
  {
    bornBefore: 1976,
    male: [
      '建国',
      '国华',
      '建华',
      '卫东',
      '志刚',
      '国庆',
      '建军',
      '爱民',
      '振华',
      '学文',
      '立新',
      '红旗',
      '跃进',
      '永红',
    ],
    female: ['春花', '玉梅', '秋菊', '丽华', '红英', '桂香', '美兰', '冬梅', '海英', '彩霞', '秀兰', '爱华', '小英'],
  },
  {
    bornBefore: 1993,
    male: ['志强', '晓东', '海涛', '永刚', '明亮', '宏伟', '军', '勇', '斌', '伟', '俊峰', '建平', '小龙', '国栋'],
    female: ['海燕', '丽娟', '红梅', '雪梅', '晓燕', '艳', '静', '丹', '芳', '春燕', '丽萍', '小红', '慧敏'],
  },
  {
    bornBefore: 2009,
    male: ['俊杰', '浩', '鹏', '磊', '家豪', '宇航', '文博', '子豪', '嘉伟', '天宇', '博文', '晨阳'],
    female: ['婷婷', '倩', '欣怡', '佳怡', '梦瑶', '雨婷', '晓雯', '思琪', '娜', '佳琪', '雅琴'],
  },
  {
    bornBefore: 9999,
    male: ['浩然', '子轩', '梓轩', '宇轩', '一鸣', '沐阳', '俊熙', '睿', '皓轩', '铭泽', '思远'],
    female: ['子涵', '雨桐', '梓萱', '诗涵', '一诺', '可欣', '语嫣', '若汐', '欣妍', '梓涵', '安琪'],
  },
];

/* ---------- finance ---------- */

export interface FinanceLine {
  item: string;
  direction: 'income' | 'expense';
  base: number;
  /** Share of months the line appears in (1 = every month). */
  often: number;
  /** Or only in these months (e.g. land rent is paid in December). */
  months?: number[];
  note?: string;
}

export const financeLines: Record<Kind, FinanceLine[]> = {
  village: [
    { item: '上级转移支付（村级组织运转经费）', direction: 'income', base: 38600, often: 1 },
    { item: '集体土地租金', direction: 'income', base: 58480, often: 0, months: [12], note: '东坡地流转租金' },
    { item: '村集体经济收入（光伏电站收益）', direction: 'income', base: 6240, often: 1 },
    { item: '村集体门面房租金', direction: 'income', base: 3600, often: 0.5 },
    { item: '一事一议财政奖补资金', direction: 'income', base: 85000, often: 0, months: [5, 9] },
    { item: '村干部误工补贴', direction: 'expense', base: 14200, often: 1 },
    { item: '保洁员工资', direction: 'expense', base: 4800, often: 1, note: '保洁员3人' },
    { item: '办公经费', direction: 'expense', base: 1680, often: 1 },
    { item: '水电费', direction: 'expense', base: 960, often: 1 },
    { item: '道路维修', direction: 'expense', base: 7350, often: 0.5 },
    { item: '垃圾清运费', direction: 'expense', base: 2400, often: 0.6 },
    { item: '党员活动经费', direction: 'expense', base: 1200, often: 0.3 },
    { item: '慰问困难群众', direction: 'expense', base: 3000, often: 0, months: [1, 9] },
    { item: '路灯维修', direction: 'expense', base: 1860, often: 0.3 },
  ],
  community: [
    { item: '上级拨付社区工作经费', direction: 'income', base: 42500, often: 1 },
    { item: '社区公共用房租金', direction: 'income', base: 8600, often: 0.5 },
    { item: '小区停车场收益', direction: 'income', base: 5120, often: 1 },
    { item: '党群服务中心运行补助', direction: 'income', base: 12000, often: 0, months: [3, 6, 9, 12] },
    { item: '社区工作者补贴', direction: 'expense', base: 18600, often: 1 },
    { item: '保洁绿化费', direction: 'expense', base: 6200, often: 1 },
    { item: '办公经费', direction: 'expense', base: 2100, often: 1 },
    { item: '水电费', direction: 'expense', base: 1450, often: 1 },
    { item: '小区公共设施维修', direction: 'expense', base: 4350, often: 0.6 },
    { item: '居民活动经费', direction: 'expense', base: 1500, often: 0.4 },
    { item: '慰问困难居民', direction: 'expense', base: 3200, often: 0, months: [1, 9] },
    { item: '楼道照明维修', direction: 'expense', base: 980, often: 0.4 },
  ],
};

const yuan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const financeBody = (c: Ctx, month: string, income: number, expense: number) =>
  [
    `根据《中华人民共和国村民委员会组织法》和${c.township}村务公开工作的有关规定，现将${c.village}${month}集体财务收支情况予以公开。`,
    `本月收入合计${yuan(income)}元，支出合计${yuan(expense)}元，收支相抵${income >= expense ? '结余' : '超支'}${yuan(Math.abs(income - expense))}元。各项收支明细见下表，每一笔支出均有原始凭证，并经${c.committee}集体研究、经办人和审批人签字。`,
    `本月账目已经${c.supervision}审核（审核人：${c.names.supervisor}），原始凭证存放于${c.org}会计室。${c.people}如有疑问，可在工作日到${c.committee}查阅，也可以在本公告下方提出询问，${c.committee}将在五个工作日内答复。`,
    '公开期限：自公布之日起不少于三十日。',
  ].join('\n\n');

/* ---------- notice templates ---------- */

/** What a template may use: the village, the date it is published, and a few people. */
export interface Ctx {
  kind: Kind;
  village: string;
  township: string;
  /** 村 or 社区 */
  org: string;
  /** 村民 or 居民 */
  people: string;
  /** 村委会 or 居委会 */
  committee: string;
  /** 柳溪村村民委员会 */
  committeeFull: string;
  /** 村民代表 or 居民代表 */
  reps: string;
  /** 村务监督委员会 or 居务监督委员会 */
  supervision: string;
  groups: string[];
  year: number;
  month: number;
  /** The quarter that has just ended, for quarterly reports. */
  q: number;
  qYear: number;
  names: { chair: string; vice: string; accountant: string; secretary: string; supervisor: string; grid: string[] };
  /** Distinct residents (name and group) for lists: elders, or working-age adults. */
  elders(n: number): { name: string; group: string }[];
  adults(n: number): { name: string; group: string }[];
  int(min: number, max: number): number;
}

export type When =
  /** Once in each listed month of the year (the latest such month before now). */
  | { months: number[]; day: number }
  /** Ad hoc, this many days before now. */
  | { daysAgo: number };

export interface NoticeTemplate {
  key: string;
  kinds?: Kind[];
  category: Exclude<NoticeCategory, 'finance'>;
  when: When;
  major?: boolean;
  title: (c: Ctx) => string;
  body: (c: Ctx) => string;
  guide?: ServiceGuide;
  /** Published with a mistake: version 1 had `wrong` where the text now says `right`. */
  correction?: (c: Ctx) => { right: string; wrong: string; reason: string };
  /** Withdrawn a day after publishing, with this reason. */
  withdrawn?: string;
}

const p = (...paragraphs: string[]) => paragraphs.join('\n\n');
const cnQ = ['一', '二', '三', '四'];
const half = (c: Ctx) => (c.month <= 6 ? '上半年' : '下半年');

const repsAgenda: Record<Kind, string[][]> = {
  village: [
    ['上年度村级财务决算和本年度预算方案', '春耕期间农田灌溉水渠清淤方案', '村集体经济收益分配方案'],
    ['三组至五组村道硬化工程实施方案', '公益性岗位（保洁员）人选', '东坡地集体土地流转方案'],
    ['村道硬化工程竣工验收结果', '村规民约修订草案（征求意见稿）', '秋季森林防火责任分工'],
    ['本年度“一事一议”项目完成情况', '下年度城乡居民医保、养老保险动员工作', '冬季困难群众走访慰问名单'],
  ],
  community: [
    ['上年度社区财务决算和本年度预算方案', '小区停车位重新划线方案', '居民公约修订工作安排'],
    ['老旧小区改造实施方案', '社区公共用房出租方案', '楼栋长调整人选'],
    ['老旧小区改造施工进度和居民意见处理', '加装电梯意见征询结果', '垃圾分类督导员安排'],
    ['本年度民生实事项目完成情况', '冬季消防安全责任分工', '困难居民冬季走访慰问名单'],
  ],
};

export const templates: NoticeTemplate[] = [
  /* ----- 村务 / 社区事务 ----- */
  {
    key: 'reps-meeting',
    category: 'village',
    when: { months: [1, 4, 7, 10], day: 14 },
    title: (c) => `${c.qYear}年第${cnQ[c.q - 1]}季度${c.reps}会议决议公开`,
    body: (c) => {
      const total = c.kind === 'village' ? 8 : 7;
      const present = total - c.int(0, 1);
      const agenda = repsAgenda[c.kind][c.q - 1];
      return p(
        `${c.qYear}年第${cnQ[c.q - 1]}季度，${c.committee}召开${c.reps}会议一次，应到${c.reps}${total}人，实到${present}人，超过三分之二，会议有效。会议由${c.names.chair}主持，${c.supervision}${c.names.supervisor}列席。`,
        `会议审议并表决通过以下事项：一、${agenda[0]}；二、${agenda[1]}；三、${agenda[2]}。以上事项均经到会${c.reps}过半数同意。`,
        `会议决议自公布之日起执行。具体方案已在${c.org}公开栏张贴，${c.people}可到${c.committee}查阅会议记录。对决议有不同意见的，可以向${c.committee}或${c.supervision}书面反映，也可以在本公告下方提出询问。`,
      );
    },
  },
  {
    key: 'dibao',
    category: 'village',
    when: { months: [3, 9], day: 16 },
    title: (c) => `${c.year}年${half(c)}最低生活保障对象动态调整公示`,
    body: (c) => {
      const people = c.elders(5);
      const amount = c.kind === 'village' ? 620 : 780;
      const lines = people.map(
        (x, i) =>
          `${x.name}　${x.group}　${i === 4 ? '特困人员供养' : '城乡低保'}　每月${i === 4 ? amount + 360 : amount - (i % 2) * 120}元`,
      );
      return p(
        `根据${c.township}民政办的统一安排，${c.village}对最低生活保障对象进行了${half(c)}动态调整。经个人申请、入户调查、${c.reps}民主评议，现将拟保障对象公示如下（按规定只公示姓名、${c.kind === 'village' ? '所在小组' : '所在楼栋'}、保障类别和金额）：`,
        lines.join('\n'),
        `公示期为7天。对公示对象有异议的，可在公示期内向${c.committee}或${c.township}民政办实名反映，我们将依规核实，并为反映人保密。`,
      );
    },
    correction: (c) => {
      const amount = c.kind === 'village' ? 620 : 780;
      return {
        right: `每月${amount - 120}元`,
        wrong: `每月${amount - 210}元`,
        reason: `第2名保障对象的金额录入错误，应为每月${amount - 120}元，已更正`,
      };
    },
  },
  {
    key: 'environment',
    category: 'village',
    when: { months: [3, 10], day: 5 },
    title: (c) =>
      c.kind === 'village'
        ? `${c.month <= 6 ? '春季' : '秋冬季'}农村人居环境整治“清洁家园”行动通知`
        : `${c.month <= 6 ? '春季' : '秋冬季'}小区环境卫生集中整治通知`,
    body: (c) =>
      c.kind === 'village'
        ? p(
            `为持续改善村容村貌，按照${c.township}统一部署，本村将于本月开展“清洁家园”行动，时间为期两周。`,
            '主要内容：一、清理房前屋后的柴草堆、建筑垃圾和废旧杂物；二、规范家禽家畜圈养，不得散养在道路上；三、清理沟渠河塘漂浮物；四、拆除破旧危房和违规搭建的棚子。',
            `各村民小组长负责组织本组村民，网格员（${c.names.grid.join('、')}）上门提醒和登记。行动结束后，${c.committee}将组织检查评比，评选一批“最美庭院”和“清洁户”，并在村公开栏张榜表扬。对行动不便的老人和独居户，村里安排志愿者上门帮助清理。`,
          )
        : p(
            `为营造干净整洁的居住环境，${c.committee}联合物业公司于本月开展小区环境卫生集中整治。`,
            '主要内容：一、清理楼道内堆放的杂物、纸箱和废旧家具；二、清理绿化带内私自种植的蔬菜；三、规范电动自行车停放，严禁在楼道内充电；四、清理小广告。',
            `请各楼栋居民在本周末前自行清理楼道杂物，逾期未清理的，将由网格员（${c.names.grid.join('、')}）联系物业统一清运。需要帮助搬运大件物品的老人，可以联系本楼栋网格员。`,
          ),
  },
  {
    key: 'road-plan',
    kinds: ['village'],
    category: 'village',
    when: { months: [4], day: 20 },
    major: true,
    title: () => '关于三组至五组村道硬化工程的公示',
    body: (c) =>
      p(
        `经村“两委”提议、党员大会审议、村民代表会议表决通过，决定对第三村民小组至第五村民小组之间约1.8公里的村道进行硬化，路面宽4.5米，厚度20厘米，两侧设排水沟。`,
        '工程预算总额约68.5万元，资金来源为上级“一事一议”财政奖补资金45万元、村集体自筹资金23.5万元，不向村民摊派。施工单位将通过镇公共资源交易平台公开招标确定，招标结果另行公示。',
        `施工期间请村民注意出行安全，配合做好临时改道。工程质量和资金使用接受全体村民监督，对工程有意见的，可以向村务监督委员会（${c.names.supervisor}）反映。`,
      ),
  },
  {
    key: 'road-bid',
    kinds: ['village'],
    category: 'village',
    when: { months: [5], day: 22 },
    major: true,
    title: () => '村道硬化工程招标结果公示',
    body: (c) =>
      p(
        `${c.village}三组至五组村道硬化工程已于本月在${c.township}公共资源交易平台公开招标，共有4家单位投标，经评标委员会评审，结果如下：`,
        '中标单位：县路桥建设有限公司\n中标价：人民币642,380.00元\n工期：90个日历天\n质保期：两年',
        `开标过程由镇纪委和村务监督委员会全程监督。工程开工后，村里将请3名村民代表担任义务监督员，每周巡查施工质量。公示期5个工作日，对招标结果有异议的，可向${c.township}公共资源交易中心或村务监督委员会反映。`,
      ),
  },
  {
    key: 'road-done',
    kinds: ['village'],
    category: 'village',
    when: { months: [9], day: 25 },
    major: true,
    title: () => '村道硬化工程竣工验收及资金使用情况公示',
    body: (c) =>
      p(
        '三组至五组村道硬化工程于本月完工，经镇农业农村办、施工单位、监理单位和村民代表联合验收，工程质量合格。',
        '工程实际完成道路硬化1.82公里，排水沟3.6公里。决算金额653,920.00元，其中合同价642,380.00元，增加两处错车道11,540.00元（已经村民代表会议同意）。已支付工程款588,528.00元，剩余5%质保金待质保期满后支付。',
        `资金使用明细已在村公开栏张贴。${c.people}发现路面开裂、下沉等质量问题的，请及时告知网格员或${c.committee}，由施工单位在质保期内免费维修。`,
      ),
  },
  {
    key: 'renovation-plan',
    kinds: ['community'],
    category: 'village',
    when: { months: [4], day: 20 },
    major: true,
    title: () => '老旧小区改造实施方案公示',
    body: (c) =>
      p(
        `经社区“两委”提议、党员大会审议、居民代表会议表决通过，${c.village}1号楼至4号楼纳入今年老旧小区改造计划。`,
        '改造内容：一、更换老化的供水管和雨污水管；二、外墙保温和屋面防水；三、楼道粉刷和照明改造；四、增设电动自行车集中充电棚；五、补划停车位，增设无障碍坡道。',
        `改造资金约286万元，来源为中央和省级补助资金，居民不需出资。施工期间将分楼栋进行，每栋楼提前7天张贴通知。请居民配合入户查看管道情况，对方案有意见的，可在公示期内向${c.committee}或楼栋网格员反映。`,
      ),
  },
  {
    key: 'renovation-bid',
    kinds: ['community'],
    category: 'village',
    when: { months: [5], day: 22 },
    title: () => '老旧小区改造施工单位确定结果公示',
    body: (c) =>
      p(
        `${c.village}老旧小区改造项目已通过区公共资源交易平台公开招标，结果如下：`,
        '中标单位：市第二建筑工程有限公司\n中标价：人民币2,713,650.00元\n工期：150个日历天',
        `社区将从居民代表中推选5名义务监督员，每周参加一次施工例会。施工时间为每天7:00至12:00、14:00至20:00，中高考期间停止噪音作业。施工现场将公示项目负责人和投诉电话，居民对施工噪音、扬尘有意见的，可直接联系网格员或${c.committee}。公示期5个工作日。`,
      ),
  },
  {
    key: 'elevator',
    kinds: ['community'],
    category: 'village',
    when: { months: [8], day: 12 },
    title: () => '既有住宅加装电梯意见征询结果公示',
    body: (c) =>
      p(
        `${c.committee}于上月对2号楼、3号楼各单元加装电梯的意愿进行了入户征询，结果如下：`,
        '2号楼1单元：12户，同意11户，反对0户，未表态1户，符合“双三分之二”条件，进入方案设计阶段。\n2号楼2单元：12户，同意8户，反对2户，未表态2户，暂未达到条件。\n3号楼1单元：10户，同意9户，反对1户，符合条件。',
        '加装电梯所需资金由本单元业主按楼层分摊，政府按每台20万元给予补助。未达到条件的单元，社区将继续组织协商，重点听取低层住户关于采光和噪音的意见。征询结果公示期为10天，对结果有异议的住户可以到居委会查看本人签字的征询表。',
      ),
  },
  {
    key: 'land-transfer',
    kinds: ['village'],
    category: 'village',
    when: { months: [2], day: 26 },
    major: true,
    title: () => '集体土地流转结果公示',
    body: (c) =>
      p(
        `经村“两委”提议、党员大会审议，${c.reps}会议于本月表决通过（应到8人，实到8人，同意7人，弃权1人），将村集体所有的东坡地约86亩流转给青山茶业专业合作社种植茶叶。`,
        '流转期限10年，每亩每年租金680元，合计每年58,480元，租金每年12月底前一次性支付至村集体账户，每三年按不低于5%的幅度递增。合作社优先雇用本村村民务工，日工资不低于120元。',
        '流转收益纳入村集体经济收入，用于村内公益事业和年终分配，收支情况在每月财务公开中列明。',
      ),
  },
  {
    key: 'public-income',
    kinds: ['community'],
    category: 'village',
    when: { months: [2], day: 26 },
    major: true,
    title: (c) => `${c.year - 1}年度小区公共收益收支情况公示`,
    body: (c) =>
      p(
        `根据《物业管理条例》和居民代表会议决议，现将${c.year - 1}年度小区公共收益（停车场收费、电梯广告、公共用房租金）收支情况公示如下：`,
        '全年收入合计186,420.00元，其中停车场收费61,440.00元、电梯广告24,980.00元、公共用房租金100,000.00元。\n全年支出合计142,360.00元，其中公共设施维修58,200.00元、楼道照明改造21,560.00元、消防器材更换18,600.00元、绿化补种44,000.00元。\n结余44,060.00元，结转下年使用。',
        `公共收益属于全体业主共有，使用须经居民代表会议同意。居民可到${c.committee}查阅原始凭证。`,
      ),
  },
  {
    key: 'medical-insurance',
    category: 'village',
    when: { months: [10], day: 9 },
    title: (c) => `${c.year + 1}年度城乡居民医保缴费通知`,
    body: (c) =>
      p(
        `${c.year + 1}年度城乡居民基本医疗保险集中缴费期为即日起至12月31日，个人缴费标准为每人每年400元，享受待遇时间为${c.year + 1}年1月1日至12月31日。`,
        `缴费方式：一、微信搜索“医保服务”小程序，选择城乡居民医保缴费；二、到银行网点柜台缴费；三、到${c.org}便民服务站由工作人员协助缴费。低保对象、特困人员、重度残疾人由政府资助参保，不需个人缴费，但需核对参保信息。`,
        `在外务工的${c.people}可以让家人代缴。行动不便的老人可以联系网格员（${c.names.grid.join('、')}）上门协助。请大家不要错过缴费期，断缴后再参保有待遇等待期。`,
      ),
  },
  {
    key: 'honour',
    category: 'village',
    when: { months: [12], day: 18 },
    title: (c) =>
      c.kind === 'village'
        ? `${c.year}年度“最美庭院”“文明家庭”评选结果公示`
        : `${c.year}年度“文明楼栋”“好邻居”评选结果公示`,
    body: (c) => {
      const winners = c.adults(6).map((x) => `${x.name}家（${x.group}）`);
      return p(
        `经各${c.kind === 'village' ? '村民小组' : '楼栋'}推荐、网格员初评、${c.reps}会议评议，${c.year}年度评选结果如下：`,
        `${c.kind === 'village' ? '“最美庭院”' : '“好邻居”'}：${winners.slice(0, 4).join('、')}\n“文明家庭”：${winners.slice(4).join('、')}`,
        `评选标准包括：${c.kind === 'village' ? '庭院整洁' : '楼道整洁'}、邻里和睦、孝老爱亲、移风易俗、热心公益五个方面，由网格员逐户打分。公示期5天。${c.committee}将在年终${c.people}大会上为获评家庭颁发牌匾和积分超市兑换券。希望大家向他们学习，共同建设美丽${c.village}。`,
      );
    },
  },
  {
    key: 'temporary-relief',
    category: 'village',
    when: { months: [7], day: 11 },
    title: (c) => `${c.year}年${half(c)}临时救助对象公示`,
    body: (c) => {
      const xs = c.adults(3);
      return p(
        `根据${c.township}临时救助工作有关规定，经本人申请、${c.committee}入户核实、${c.township}民政办审核，拟对以下家庭给予临时救助（只公示姓名、${c.kind === 'village' ? '所在小组' : '所在楼栋'}、救助类别和金额）：`,
        `${xs[0].name}　${xs[0].group}　因灾救助　2,000元\n${xs[1].name}　${xs[1].group}　急难救助　3,500元\n${xs[2].name}　${xs[2].group}　支出型困难救助　1,500元`,
        `临时救助是对遭遇突发事件、意外伤害、重大疾病等导致基本生活暂时困难家庭的应急救助，一事一申请。公示期7天，无异议后由${c.township}民政办通过“一卡通”发放。对公示有异议的，请向${c.committee}或${c.township}民政办反映。`,
      );
    },
  },
  {
    key: 'old-age-allowance-list',
    category: 'village',
    when: { months: [6], day: 8 },
    title: (c) => `${c.year}年新增高龄津贴对象名单公示`,
    body: (c) => {
      const xs = c.elders(4);
      return p(
        `根据${c.township}高龄津贴发放办法，年满80周岁的${c.people}可享受高龄津贴。经本人或家属申请、${c.committee}核实，现将今年新增对象公示如下：`,
        xs
          .map((x, i) => `${x.name}　${x.group}　${i < 3 ? '80—89周岁　每月100元' : '90周岁以上　每月300元'}`)
          .join('\n'),
        '高龄津贴从核定次月起按月发放到老人本人的社保卡。家中有老人即将年满80周岁的，可以提前一个月到便民服务站申请，也可以让网格员上门办理。',
      );
    },
  },
  {
    key: 'water-stop',
    category: 'village',
    when: { daysAgo: 26 },
    title: (c) => (c.kind === 'village' ? '关于自来水管网维修临时停水的通知' : '关于二次供水水箱清洗临时停水的通知'),
    body: (c) =>
      p(
        c.kind === 'village'
          ? `因镇自来水厂对${c.groups[1]}至${c.groups[3]}主管网进行维修更换，将于本周六8:00至18:00临时停水，届时以上小组用户将停止供水。`
          : '根据二次供水卫生管理要求，物业公司将于本周六8:00至18:00对1号楼至4号楼的水箱进行清洗消毒，届时以上楼栋将停止供水。',
        '请各家提前储水，停水期间关闭水龙头，防止来水时跑水。恢复供水后水质可能短时发黄，请放水几分钟后再使用。如遇特殊天气，维修时间顺延，另行通知。',
        `独居老人和行动不便的${c.people}，网格员会在停水前一天上门确认并协助储水。停水期间如发现管道漏水或恢复供水后仍然无水，请联系${c.committee}值班人员${c.names.vice}。给大家带来的不便，敬请谅解。`,
      ),
  },
  {
    key: 'cleaner-jobs',
    category: 'village',
    when: { months: [5], day: 9 },
    title: (c) => `${c.year}年公益性岗位人员确定结果公示`,
    body: (c) => {
      const xs = c.adults(3);
      return p(
        `根据${c.township}公益性岗位开发计划，${c.village}今年有保洁、护路、巡河公益性岗位3个，优先安置脱贫劳动力和就业困难人员。经个人报名、${c.reps}会议评议，拟聘用人员如下：`,
        `${xs[0].name}　${xs[0].group}　环境保洁\n${xs[1].name}　${xs[1].group}　道路养护\n${xs[2].name}　${xs[2].group}　河道巡查`,
        `岗位补贴每人每月1,600元，由上级财政资金列支，聘期一年，期满考核合格的可以续聘。上岗人员由${c.committee}统一管理，每月考勤，考核结果与补贴挂钩。公示期5个工作日，有异议的请向${c.supervision}反映。`,
      );
    },
  },
  {
    key: 'supervision-report',
    category: 'village',
    when: { months: [7], day: 18 },
    title: (c) => `${c.supervision}${c.year}年上半年工作情况报告`,
    body: (c) =>
      p(
        `${c.year}年上半年，${c.supervision}（主任${c.names.supervisor}）按照“事前参与、事中监督、事后审核”的要求，开展了以下工作：`,
        `一、审核${c.org}财务票据6个月共计312张，对2笔手续不全的支出提出意见，已补齐审批手续；二、列席${c.committee}会议和${c.reps}会议5次；三、全程监督${c.kind === 'village' ? '村道硬化工程' : '老旧小区改造'}招标；四、检查村务公开栏更新情况，督促按时公开财务。`,
        `下半年，监委会将重点监督工程资金拨付和低保对象动态管理。${c.people}对${c.kind === 'village' ? '村务' : '居务'}、财务有意见，可以直接找监委会成员反映，也可以在${c.org}公开栏的意见箱留言。`,
      ),
  },
  {
    key: 'dividend',
    kinds: ['village'],
    category: 'village',
    when: { months: [1], day: 20 },
    major: true,
    title: (c) => `${c.year - 1}年度村集体经济收益分配方案公示`,
    body: (c) =>
      p(
        `${c.year - 1}年，村集体经营性收入合计186,700元（土地流转租金58,480元，光伏电站收益74,880元，门面房租金43,200元，其他10,140元）。`,
        `经村“两委”提议、党员大会审议、${c.reps}会议表决通过，分配方案如下：提取公积公益金40%（74,680元），用于村内道路、路灯等公益设施维护；提取福利费10%（18,670元），用于慰问困难户和80岁以上老人；其余50%（93,350元）按集体经济组织成员股份分红，每股约220元。`,
        '分红将于春节前通过“一卡通”发放到户。成员身份或股份有疑问的，请在公示期7天内到村委会核对。',
      ),
  },
  {
    key: 'parking',
    kinds: ['community'],
    category: 'village',
    when: { months: [1], day: 20 },
    title: () => '小区停车位重新划线及收费方案公示',
    body: (c) =>
      p(
        `为解决小区停车难问题，${c.committee}在征求居民意见后，拟对小区内停车位重新规划。`,
        '一、在小区东侧空地新增停车位36个，总车位由118个增加到154个；二、本小区登记车辆月租每月60元，外来车辆临时停放每小时2元，每天最高10元；三、保留消防通道和4个无障碍车位，禁止占用。',
        '停车收费属于小区公共收益，全部用于小区设施维护，每年公示一次。新车位按登记先后分配，家中有残疾人或80岁以上老人的优先。公示期7天，居民代表会议将在公示期满后表决，表决结果另行公示。',
      ),
  },

  /* ----- 党务 ----- */
  {
    key: 'party-dues',
    category: 'party',
    when: { months: [1, 4, 7, 10], day: 8 },
    title: (c) => `${c.qYear}年第${cnQ[c.q - 1]}季度党费收缴情况公示`,
    body: (c) => {
      const total = c.kind === 'village' ? 31 : 46;
      const amount = c.kind === 'village' ? 1_286 + c.int(0, 60) : 3_842 + c.int(0, 200);
      return p(
        `根据《中国共产党章程》和党费收缴使用管理有关规定，现将${c.village}党支部${c.qYear}年第${cnQ[c.q - 1]}季度党费收缴情况公示如下：`,
        `本季度应缴纳党费党员${total}人，实缴${total}人，收缴率100%；共收缴党费${amount}.00元，已于季度末全额上缴${c.township}党委。其中，年满70周岁的老党员按规定每月缴纳党费0.2元，部分老党员自愿多缴。`,
        '外出务工党员通过“党费通”线上缴纳。党员对本人缴纳情况有疑问的，可以向支部组织委员核对。',
      );
    },
  },
  {
    key: 'party-day',
    category: 'party',
    when: { months: [3, 6, 9], day: 3 },
    title: (c) => `${c.month}月“主题党日”活动安排`,
    body: (c) => {
      const topic =
        c.month === 3
          ? '学习雷锋精神，开展“我为群众办实事”志愿服务，帮助独居老人打扫卫生'
          : c.month === 6
            ? '庆祝中国共产党成立纪念日，重温入党誓词，为老党员颁发“光荣在党50年”纪念章'
            : `开展“${c.kind === 'village' ? '助农秋收' : '邻里守望'}”志愿服务，走访慰问困难党员和群众`;
      return p(
        `本月“主题党日”活动定于${c.month}月15日上午9时在${c.org}党群服务中心举行。`,
        `活动内容：一、集体学习党的创新理论和有关文件精神；二、${topic}；三、通报本季度党费收缴和党员发展情况。`,
        `请全体党员准时参加，佩戴党员徽章，带好学习笔记本。因故不能参加的请提前向支部书记${c.names.secretary}请假。行动不便的老党员，支部将安排党员上门送学。外出党员请通过线上方式参加学习，并在支部微信群内提交学习心得。`,
      );
    },
  },
  {
    key: 'party-candidate',
    category: 'party',
    when: { months: [5], day: 19 },
    title: () => '发展党员对象公示',
    body: (c) => {
      const [x] = c.adults(1);
      return p(
        `经党员推荐、群团组织推优、支部委员会研究，并报${c.township}党委预审，拟将${x.name}同志（${x.group}）列为发展对象。`,
        `${x.name}同志于两年前向党组织递交入党申请书，经过一年以上的培养考察，能够积极参加${c.org}里的公益活动和志愿服务，群众评价较好。`,
        `公示期为5个工作日。党员和群众对该同志有意见的，可以通过来信、来电或当面反映的方式，向${c.village}党支部或${c.township}党委组织办反映。反映问题要实事求是，署真实姓名。`,
      );
    },
  },
  {
    key: 'party-probation',
    category: 'party',
    when: { months: [11], day: 12 },
    title: () => '预备党员转正公示',
    body: (c) => {
      const [x] = c.adults(1);
      return p(
        `${x.name}同志（${x.group}）于去年被接收为预备党员，预备期一年已满。本人已向党支部递交转正申请书。`,
        `预备期间，该同志认真学习党的理论，按时参加组织生活，按期缴纳党费，在${c.kind === 'village' ? '村道硬化工程义务监督和秋收助农' : '老旧小区改造入户宣传和垃圾分类督导'}中表现突出。`,
        `根据《中国共产党发展党员工作细则》，支部拟在公示期满后召开党员大会讨论其转正问题，表决结果报${c.township}党委审批。公示期5个工作日，党员和群众如有意见，请向支部书记${c.names.secretary}或${c.township}党委组织办反映。`,
      );
    },
  },
  {
    key: 'three-meetings',
    category: 'party',
    when: { months: [1, 7], day: 10 },
    title: (c) => `${c.month === 1 ? `${c.year - 1}年下半年` : `${c.year}年上半年`}“三会一课”落实情况公示`,
    body: (c) =>
      p(
        `${c.village}党支部${c.month === 1 ? '下半年' : '上半年'}“三会一课”落实情况如下：`,
        `一、支部党员大会：召开2次，审议发展党员、${c.kind === 'village' ? '集体土地流转' : '老旧小区改造'}等事项；\n二、支部委员会：召开6次，研究党建、${c.kind === 'village' ? '村务' : '社区'}重点工作；\n三、党小组会：各党小组每月召开1次，共18次；\n四、党课：支部书记${c.names.secretary}讲党课1次，邀请${c.township}党委委员讲党课1次。`,
        '参会情况：党员平均参会率92%，外出党员通过线上方式参加学习。存在的不足：个别党小组会议记录不够规范，已督促整改。',
      ),
  },
  {
    key: 'party-review',
    category: 'party',
    when: { months: [2], day: 24 },
    title: (c) => `${c.year - 1}年度组织生活会和民主评议党员结果公示`,
    body: (c) =>
      p(
        `根据${c.township}党委统一安排，${c.village}党支部于本月召开${c.year - 1}年度组织生活会，开展民主评议党员。`,
        '支部班子对照检查，查摆出“联系服务群众不够经常”“党员教育方式较单一”等问题，已制定整改措施。参加评议的党员中，评定为“优秀”的8人，“合格”的其余党员，无“基本合格”和“不合格”等次。',
        `针对查摆出的问题，支部制定了三条整改措施：一、支委成员每月至少走访联系户一次；二、每季度组织一次党员志愿服务；三、利用微信群为外出党员推送学习资料。整改措施落实情况将在下次党务公开中通报，欢迎党员群众监督，意见可以直接告诉支部书记${c.names.secretary}。`,
      ),
  },

  /* ----- 政务 ----- */
  {
    key: 'farmland-subsidy',
    kinds: ['village'],
    category: 'government',
    when: { months: [6], day: 12 },
    title: (c) => `${c.year}年耕地地力保护补贴发放公示`,
    body: (c) =>
      p(
        `根据县农业农村局、财政局通知，${c.year}年耕地地力保护补贴标准为每亩112元。`,
        `经各村民小组核实面积，本村共有补贴对象57户，补贴面积418.6亩，补贴资金合计46,883.20元。补贴资金将于本月底前通过“一卡通”直接发放到户，任何单位和个人不得截留、挪用。`,
        `发放明细已在村公开栏张贴，请村民仔细核对本户姓名、面积和金额。如有误差，请在公示期7天内带上土地承包经营权证到${c.committee}核对。`,
      ),
    correction: () => ({
      right: '补贴资金合计46,883.20元',
      wrong: '补贴资金合计46,833.20元',
      reason: '补贴资金合计金额录入错误（418.6亩×112元），应为46,883.20元，已更正',
    }),
  },
  {
    key: 'job-training',
    kinds: ['community'],
    category: 'government',
    when: { months: [6], day: 12 },
    title: () => '免费职业技能培训报名通知',
    body: (c) =>
      p(
        `区人力资源和社会保障局下半年在${c.township}开设免费职业技能培训班，培训合格可领取职业技能等级证书，并推荐就业。`,
        '培训项目：一、养老护理员（40课时）；二、中式烹调师（60课时）；三、电工（80课时）。培训期间每人每天补贴误工费30元。',
        `报名对象：本社区16至60周岁有培训意愿的居民，登记失业人员、困难家庭成员优先。请于本月底前携带身份证到社区便民服务站报名，也可以通过网格员报名。每个班满30人开班，上课地点在社区党群服务中心，晚上和周末上课，方便上班族参加。`,
      ),
  },
  {
    key: 'pension',
    category: 'government',
    when: { months: [3], day: 20 },
    title: (c) => `${c.year}年度城乡居民养老保险缴费提醒`,
    body: (c) =>
      p(
        `${c.year}年度城乡居民基本养老保险已开始缴费，缴费档次为每年200元至6000元共13个档次，多缴多得、长缴多得。政府按缴费档次给予每年30元至150元的缴费补贴。`,
        '年满60周岁、累计缴费满15年的，可按月领取养老金，其中基础养老金每月200元。低保对象、特困人员、重度残疾人由政府按最低档次代缴。',
        `${c.people}可以通过“掌上社保”APP缴费，也可以到${c.org}便民服务站办理。不清楚自己的缴费年限和档次的，可以带身份证到便民服务站查询。`,
      ),
  },
  {
    key: 'flood',
    category: 'government',
    when: { months: [6], day: 27 },
    major: true,
    title: () => '关于做好强降雨防范工作的紧急通知',
    body: (c) =>
      p(
        `据县气象台预报，未来三天我镇将有暴雨到大暴雨，局部有山洪和地质灾害风险。根据${c.township}防汛抗旱指挥部的要求，现将有关事项通知如下：`,
        c.kind === 'village'
          ? `一、沿河、低洼地带及山边住户要提高警惕，夜间注意观察房屋和山体情况，发现裂缝、渗水要立即撤离；二、不要到河边、水库边捕鱼、玩水；三、${c.groups[0]}和${c.groups[2]}地质灾害隐患点的住户，由网格员逐户通知，必要时转移到村党群服务中心安置。`
          : '一、地下车库车辆请于今晚前移到地面高处；二、一楼住户请检查门口挡水板；三、不要在积水路段通行，远离电线杆和变压器；四、物业已准备沙袋和抽水泵。',
        `${c.committee}已安排人员24小时值班，值班人员：${c.names.chair}、${c.names.vice}。遇到险情请立即报告，同时拨打119求助。`,
      ),
  },
  {
    key: 'straw',
    kinds: ['village'],
    category: 'government',
    when: { months: [10], day: 16 },
    title: () => '秋冬季秸秆禁烧和森林防火通告',
    body: (c) =>
      p(
        '进入秋冬季，天干物燥，是森林火灾和秸秆焚烧的高发期。根据县人民政府禁烧令，现通告如下：',
        '一、全村范围内禁止露天焚烧秸秆、枯枝落叶和垃圾，秸秆可以还田或交给合作社统一回收；二、严禁上山祭祀烧纸、燃放鞭炮，清明、冬至等节日提倡鲜花祭扫；三、进山人员不得携带火种；四、发现火情立即拨打119并报告村委会。',
        `村里已划分护林防火责任区，由${c.names.grid.join('、')}等同志分片巡查。违反规定造成火灾的，将依法追究责任。`,
      ),
  },
  {
    key: 'fire-safety',
    kinds: ['community'],
    category: 'government',
    when: { months: [11], day: 6 },
    title: () => '冬季消防安全入户检查通知',
    body: (c) =>
      p(
        `根据${c.township}冬季消防安全专项整治安排，社区联合派出所、物业公司将于本月下旬对各楼栋开展消防安全检查。`,
        '检查内容：一、楼道和消防通道是否堆放杂物；二、电动自行车是否进楼入户充电；三、独居老人家中燃气、用电是否安全，是否安装烟感报警器；四、消火栓和灭火器是否完好。',
        `检查人员会佩戴工作证，请居民配合。社区已为80岁以上独居老人免费安装独立式烟感报警器，还没有安装的请联系网格员（${c.names.grid.join('、')}）。`,
      ),
  },
  {
    key: 'conscription',
    category: 'government',
    when: { months: [2], day: 12 },
    title: (c) => `${c.year}年度征兵报名通知`,
    body: (c) =>
      p(
        `${c.year}年度征兵工作已经开始。男青年年龄为18至22周岁，大学专科以上学历可放宽至24周岁，研究生可放宽至26周岁；女青年为应届高校毕业生和在校生。`,
        '报名方式：登录“全国征兵网”进行网上报名，再到镇人民武装部参加初检初考。入伍后家庭可享受义务兵家庭优待金，退役后享受就业、入学等优惠政策。',
        `依法服兵役是公民的光荣义务。请家中有适龄青年的${c.people}积极动员，高校毕业生和在校大学生入伍还可以享受学费补偿和助学贷款代偿。有疑问的可以联系${c.committee}或镇人民武装部咨询。`,
      ),
  },
  {
    key: 'one-card-check',
    category: 'government',
    when: { months: [8], day: 6 },
    title: () => '惠农惠民补贴“一卡通”信息核对通知',
    withdrawn: '镇里调整了核对时间和方式，改为网格员上门核对，原通知作废，另行通知',
    body: (c) =>
      p(
        `为确保各项补贴资金安全、准确发放，根据${c.township}财政所安排，请各户户主持本人身份证、户口簿和“一卡通”存折到${c.org}便民服务站核对账户信息。`,
        '核对时间：本月10日至20日，工作日上午8:30—11:30，下午2:30—5:30。核对内容包括户主姓名、身份证号码、开户银行和账号是否一致，已销户或长期不用的账户须变更。',
        '外出务工人员可委托家人代为核对，需带委托书和双方身份证。逾期未核对造成补贴发放失败的，由本人负责。',
      ),
  },
  {
    key: 'health-check',
    category: 'government',
    when: { months: [9], day: 10 },
    title: (c) => `${c.year}年65岁以上老年人免费健康体检通知`,
    body: (c) =>
      p(
        `根据国家基本公共卫生服务项目安排，${c.township}卫生院将于本月为65周岁以上老年人免费健康体检。`,
        `体检时间：本月20日至22日上午7:30开始，请空腹前往。体检地点：${c.org}卫生室。体检项目：血压、血糖、血脂、肝功能、肾功能、心电图、B超等。请携带身份证和医保卡。`,
        `行动不便的老人可以由家属陪同，网格员会提前一天电话提醒。体检结果由家庭医生签约团队在一个月内反馈并解读，发现高血压、糖尿病的老人将纳入慢性病健康管理，免费随访。今年没有参加体检的，可以在年底前到${c.township}卫生院补检。`,
      ),
  },
  {
    key: 'anti-fraud',
    category: 'government',
    when: { months: [4], day: 9 },
    title: () => '防范电信网络诈骗提醒',
    body: (c) =>
      p(
        `近期，${c.township}发生多起冒充“医保局”“公检法”工作人员的电信诈骗案件，受害人多为老年人。派出所提醒大家：`,
        '一、凡是要求转账到“安全账户”的，都是诈骗；二、凡是以“医保卡冻结”“养老金认证”为由索要验证码的，都是诈骗；三、不轻信“高息理财”“免费领鸡蛋”等推销；四、陌生来电先挂断，再向家人或网格员核实。',
        `请在外的年轻人多给家里老人打电话提醒，请大家下载“国家反诈中心”APP。遇到可疑情况请拨打110或联系${c.committee}。`,
      ),
  },
  {
    key: 'subsidies',
    kinds: ['village'],
    category: 'government',
    when: { months: [12], day: 5 },
    title: (c) => `${c.year}年各项惠农补贴发放情况公示`,
    body: (c) =>
      p(
        `现将本村${c.year}年通过“一卡通”发放的各项惠农补贴汇总公示如下：`,
        '一、耕地地力保护补贴：57户，46,883.20元；\n二、稻谷目标价格补贴：41户，12,360.00元；\n三、农机购置补贴：3户，18,900.00元；\n四、生猪调出大县奖励（能繁母猪补贴）：2户，1,200.00元；\n五、脱贫户产业奖补：6户，9,000.00元。',
        '以上资金均由县财政直接发放到户，村里不经手现金。村民可持“一卡通”到银行打印明细核对，对金额有疑问的请到村委会查询。',
      ),
  },
  {
    key: 'heating',
    kinds: ['community'],
    category: 'government',
    when: { months: [12], day: 5 },
    title: (c) => `${c.year}年困难群众冬季取暖补贴发放公示`,
    body: (c) =>
      p(
        `根据区民政局通知，${c.year}年冬季为城乡低保对象、特困人员、低保边缘家庭发放一次性取暖补贴。`,
        '补贴标准：低保对象每户500元，特困人员每人800元，低保边缘家庭每户300元。本社区共有补贴对象23户，发放金额合计11,600.00元，已于本月通过社保卡发放。',
        `名单已在社区公开栏张贴（只公示姓名、楼栋和金额）。符合条件但没有收到补贴的，请带身份证到${c.committee}登记，核实后补发。入冬后网格员将对困难家庭逐户走访，了解取暖和用电安全情况。`,
      ),
  },

  /* ----- 办事指南 ----- */
  {
    key: 'guide-dibao',
    category: 'service',
    when: { daysAgo: 340 },
    title: () => '办事指南：最低生活保障申请',
    guide: {
      item: '最低生活保障申请',
      materials: ['申请书（便民服务站可代写）', '户口簿', '家庭成员身份证', '家庭收入和财产情况说明', '银行卡或社保卡'],
      timeLimit: '镇民政办受理后30个工作日内办结',
      place: '村（社区）便民服务站 / 镇民政办',
    },
    body: (c) =>
      p(
        `共同生活的家庭成员人均月收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。`,
        `办理流程：一、申请人向户籍所在地镇民政办提出申请，也可以通过${c.org}便民服务站代为提交；二、镇民政办组织入户调查，核对家庭经济状况；三、${c.committee}组织民主评议，结果公示7天；四、镇政府审核确认后，从批准次月起发放低保金。`,
        '申请人应如实提供家庭收入和财产情况，并授权民政部门核对。隐瞒收入骗取低保的，将追回低保金并依法处理。身边有困难群众但不会申请的，请告诉网格员，由网格员帮忙申请。',
      ),
  },
  {
    key: 'guide-homestead',
    kinds: ['village'],
    category: 'service',
    when: { daysAgo: 300 },
    title: () => '办事指南：农村宅基地申请',
    guide: {
      item: '农村宅基地和建房（规划许可）申请',
      materials: [
        '农村宅基地和建房（规划许可）申请表',
        '户口簿',
        '申请人身份证',
        '建房设计图或通用图',
        '村民小组会议记录',
      ],
      timeLimit: '镇政府受理后20个工作日内作出决定',
      place: '村委会 / 镇自然资源所',
    },
    body: () =>
      p(
        '本村村民一户只能拥有一处宅基地，面积不得超过规定标准（平原地区每户不超过140平方米）。出卖、出租、赠与住宅后再申请宅基地的，不予批准。',
        '办理流程：一、户主向村民小组提出书面申请，小组会议讨论通过后在本组公示；二、村委会审查，提交村民代表会议讨论并公示5天；三、报镇政府，由镇自然资源所、农业农村办联合审查并实地踏勘；四、镇政府批准后发放《农村宅基地批准书》和《乡村建设规划许可证》；五、开工前由镇、村现场丈量放线，竣工后申请验收。',
        '未经批准擅自建房的，将责令拆除。建房前请先到村委会咨询。',
      ),
  },
  {
    key: 'guide-residence',
    kinds: ['community'],
    category: 'service',
    when: { daysAgo: 300 },
    title: () => '办事指南：居住证办理',
    guide: {
      item: '居住证申领',
      materials: ['身份证', '近期免冠照片（可现场拍摄）', '居住证明（房产证、租房合同或单位证明）'],
      timeLimit: '受理后15个工作日内发证',
      place: '社区便民服务站 / 辖区派出所',
    },
    body: () =>
      p(
        '离开常住户口所在地，在本区居住半年以上，有合法稳定就业、合法稳定住所或连续就读条件之一的，可以申领居住证。',
        '办理流程：一、先到社区便民服务站进行居住登记；二、居住满半年后，携带材料到社区便民服务站或派出所申领；三、制证完成后短信通知领取。',
        '持居住证可以在本地办理子女入学、参加社保、申请公共租赁住房、办理机动车登记等。居住证每年签注一次，可以在“警民通”小程序上办理签注，逾期未签注的暂停享受相关服务。出租房屋的业主应督促租户及时登记。',
      ),
  },
  {
    key: 'guide-newborn',
    category: 'service',
    when: { daysAgo: 250 },
    title: () => '办事指南：新生儿落户',
    guide: {
      item: '新生儿入户登记',
      materials: ['《出生医学证明》', '父母双方户口簿和身份证', '父母结婚证'],
      timeLimit: '材料齐全当场办结',
      place: '镇派出所户籍窗口',
    },
    body: () =>
      p(
        '新生儿出生后一个月内，由父母或其他监护人到户籍所在地派出所办理出生登记，可以随父落户，也可以随母落户。',
        '办理流程：一、取得医院出具的《出生医学证明》；二、携带材料到镇派出所户籍窗口申请；三、民警审核材料，当场登记并在户口簿上增加新生儿页。',
        '现在已开通“出生一件事”联办，落户时可以同时办理医保参保、预防接种证和社保卡，不用来回跑。新生儿参加城乡居民医保的，出生当年的个人缴费由政府全额资助。超过一个月未登记的，仍可办理，但需补充说明情况。',
      ),
  },
  {
    key: 'guide-disability',
    category: 'service',
    when: { daysAgo: 200 },
    title: () => '办事指南：残疾人证办理',
    guide: {
      item: '第三代残疾人证申领',
      materials: ['身份证', '户口簿', '近期两寸免冠彩色照片3张', '病历或相关检查资料'],
      timeLimit: '评定结果出来后15个工作日内发证',
      place: '镇残联 / 县指定医院评定',
    },
    body: (c) =>
      p(
        '具有本地户籍、符合残疾标准的视力、听力、言语、肢体、智力、精神残疾人，可以申请办理残疾人证。',
        '办理流程：一、本人或监护人通过“全国残疾人证件服务”小程序或镇残联提出申请；二、到县指定医院进行残疾评定；三、县残联审核后制证；四、由镇残联通知领取。',
        `残疾人证实行免费办理，任何单位不得收费。持证后可按规定享受困难残疾人生活补贴、重度残疾人护理补贴、康复救助等。行动不便不能到医院评定的，可以申请上门评定，请联系${c.org}便民服务站或网格员代为申请。`,
      ),
  },
  {
    key: 'guide-elderly',
    category: 'service',
    when: { daysAgo: 120 },
    title: () => '办事指南：老年人高龄津贴申请',
    guide: {
      item: '高龄津贴申请',
      materials: ['老人身份证', '户口簿', '老人本人社保卡'],
      timeLimit: '核定后次月起按月发放',
      place: '村（社区）便民服务站',
    },
    body: (c) =>
      p(
        '具有本地户籍、年满80周岁的老年人，可以申请高龄津贴。80至89周岁每人每月100元，90至99周岁每人每月300元，100周岁以上每人每月800元。',
        `办理流程：一、老人或家属携带材料到${c.org}便民服务站申请，满80周岁前一个月即可申请；二、${c.committee}初审后报镇民政办审核；三、核定后次月起按月发放到老人本人社保卡。`,
        '每年需要进行一次生存认证，可以用手机人脸识别，也可以由网格员上门认证。老人去世的，家属应在一个月内告知，停止发放。',
      ),
  },
];

/* ---------- work in progress ---------- */

export const drafts = (c: Ctx): { title: string; body: string; category: 'village' | 'government' }[] => [
  {
    category: 'village',
    title: c.kind === 'village' ? '村规民约修订（征求意见稿）' : '居民公约修订（征求意见稿）',
    body: p(
      `根据${c.reps}会议安排，${c.committee}起草了${c.kind === 'village' ? '村规民约' : '居民公约'}修订稿，现向全体${c.people}征求意见。`,
      c.kind === 'village'
        ? '主要修订内容：一、增加红白喜事简办的要求，酒席不超过15桌，礼金不超过200元；二、增加门前三包和垃圾分类的要求；三、增加子女赡养老人的责任，对不履行赡养义务的，取消当年评优资格；四、删除与现行法律不一致的条款。'
        : '主要修订内容：一、增加电动自行车不进楼、不入户充电的要求；二、增加宠物文明饲养的要求；三、增加高空抛物的禁止性规定；四、增加邻里纠纷先由楼栋长调解的规定。',
      `意见征求期为15天。${c.people}可以在本公告下方提出意见，也可以交给网格员或投入${c.org}公开栏旁的意见箱。`,
    ),
  },
  {
    category: 'government',
    title: '冬季安全用火用电提示',
    body: p(
      '冬季天气寒冷，取暖用火用电增多，火灾和一氧化碳中毒事故易发。请大家注意以下几点：',
      '一、使用煤炉取暖必须安装烟囱，保持室内通风；二、不使用老化的电热毯和“小太阳”，人走断电；三、电动自行车不在室内充电；四、老人独居的，子女要经常打电话问候。',
      `网格员将对独居老人和困难家庭进行一次入户安全检查，检查电线是否老化、燃气管是否漏气，发现隐患及时处理。发生火灾请立即拨打119，并尽快离开房屋，不要返回取物。`,
    ),
  },
];

export const pendingReview = (c: Ctx) => ({
  category: 'village' as const,
  title: `${c.org}卫生室开放时间调整的通知`,
  body: p(
    `为方便${c.people}就医，经与${c.township}卫生院协商，自下月1日起，${c.org}卫生室开放时间调整为：`,
    '周一至周六上午8:00—12:00，下午2:00—5:30；周日上午8:00—12:00。夜间急诊请拨打乡村医生值班电话或120。',
    '每周三上午，镇卫生院派医生到卫生室坐诊，可以做慢性病随访、测血压血糖。家庭医生签约服务继续在卫生室办理。卫生室可以使用医保卡直接结算，常用药品实行零差价销售。',
  ),
});

/* ---------- questions ---------- */

export interface QuestionSeed {
  /** A template key, or 'finance' for a monthly finance disclosure: the nth newest with a row naming `row`. */
  on: string;
  financeIndex?: number;
  row?: string;
  kinds?: Kind[];
  text: string;
  answer?: { text: string; by: 'chair' | 'vice' | 'accountant' | 'secretary' };
}

export const questions: QuestionSeed[] = [
  {
    on: 'finance',
    kinds: ['village'],
    financeIndex: 1,
    row: '道路维修',
    text: '道路维修费用是按什么标准结算的？',
    answer: {
      text: '按镇农业农村办审定的单价结算，坑槽修补每平方米120元，明细和验收单可在工作日到村会计室查阅。',
      by: 'accountant',
    },
  },
  {
    on: 'finance',
    kinds: ['community'],
    financeIndex: 1,
    row: '小区公共设施维修',
    text: '公共设施维修修的是哪些地方？',
    answer: {
      text: '主要是3号楼单元门门禁、5号楼屋面漏水和小区东门道闸，维修合同和验收单可到居委会查阅。',
      by: 'accountant',
    },
  },
  {
    on: 'finance',
    kinds: ['village'],
    financeIndex: 4,
    row: '保洁员工资',
    text: '保洁员工资是几个人的？每人每月多少？',
    answer: { text: '保洁员共3人，每人每月1,600元，由公益性岗位补贴和村集体资金共同支付。', by: 'accountant' },
  },
  {
    on: 'finance',
    kinds: ['community'],
    financeIndex: 4,
    row: '保洁绿化费',
    text: '保洁绿化费是付给物业公司的吗？',
    answer: {
      text: '是的，按合同每月付给物业公司，包含4名保洁员和绿化养护，合同在居委会公开栏有张贴。',
      by: 'accountant',
    },
  },
  {
    on: 'finance',
    financeIndex: 0,
    row: '办公经费',
    text: '这个月的办公经费主要买了什么？',
  },
  {
    on: 'land-transfer',
    kinds: ['village'],
    text: '东坡地的租金今年什么时候到账？',
    answer: { text: '合同约定每年12月底前支付，到账后会在次月的财务公开中列明，请大家监督。', by: 'chair' },
  },
  {
    on: 'road-bid',
    kinds: ['village'],
    text: '中标单位以前在别的村修过路吗？质量怎么样？',
    answer: {
      text: '这家单位前年修过隔壁桃源村的村道，镇里验收合格。我们也请了3名村民代表当义务监督员，每周巡查。',
      by: 'chair',
    },
  },
  {
    on: 'renovation-plan',
    kinds: ['community'],
    text: '改造施工期间电动车停在哪里？',
    answer: { text: '施工期间在小区东侧空地设临时停车棚，有充电桩，施工结束后新充电棚投入使用。', by: 'chair' },
  },
  {
    on: 'elevator',
    kinds: ['community'],
    text: '我们单元没达到条件，还有机会装电梯吗？',
    answer: { text: '有的。社区会再组织一次协商会，请低层住户一起参加，谈好补偿方案后可以重新征询。', by: 'vice' },
  },
  {
    on: 'medical-insurance',
    text: '我家老人行动不便，医保缴费能上门办理吗？',
    answer: { text: '可以的，请联系本组网格员，他会带手机上门帮老人缴费，缴完把凭证截图发给您。', by: 'chair' },
  },
  {
    on: 'farmland-subsidy',
    kinds: ['village'],
    text: '补贴面积和我家实际面积不一致，找谁核对？',
    answer: { text: '请在公示期内带上土地承包经营权证到村委会找会计核对，核实后会报镇里更正。', by: 'accountant' },
  },
  {
    on: 'job-training',
    kinds: ['community'],
    text: '60岁以上的能报名养老护理员培训吗？',
    answer: { text: '这次培训要求60周岁以下。60岁以上的可以报名社区的志愿者培训，同样发证书。', by: 'vice' },
  },
  {
    on: 'dibao',
    text: '低保申请需要哪些条件？我家的情况可以申请吗？',
    answer: {
      text: '主要看家庭人均收入和财产，请看办事指南里的“最低生活保障申请”。您也可以到便民服务站当面咨询，我们帮您先算一算。',
      by: 'chair',
    },
  },
  {
    on: 'water-stop',
    text: '停水那天能不能安排送水车？家里老人提不动水。',
    answer: { text: '网格员会在停水前一天给独居老人家里送两桶水，其他有困难的也可以提前跟网格员说。', by: 'vice' },
  },
  {
    on: 'reps-meeting',
    text: '会议记录能不能拍照发到群里？在外打工看不到公开栏。',
  },
  {
    on: 'old-age-allowance-list',
    text: '我母亲下个月满80岁，要本人到场申请吗？',
  },
];
