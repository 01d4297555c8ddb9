import type { z } from 'zod';
import type { BallotKind, Channel, DecidingBody, Topic, TopicStatus } from '../../shared/schemas/topic';
import { motionOptions, stageLabels } from '../../shared/schemas/topic';

type Status = z.infer<typeof TopicStatus>;

/** The words of consultation topics and votes (议事协商与表决): plain, for villagers reading on a small phone. */
export const tt = {
  home: { topics: '议事表决', topicsHint: '村里的事，大家商量投票' },
  status: { draft: '草稿', opening: '即将开始', open: '表决中', closed: '已结束' } satisfies Record<Status, string>,
  bodies: {
    villagers_meeting: '村民会议',
    representatives: '村民代表会议',
    party_members: '党员大会',
    custom: '其他组织',
  } satisfies Record<DecidingBody, string>,
  kinds: {
    motion: '同意 / 反对 / 弃权',
    single: '单选（选一项）',
    multiple: '多选',
  } satisfies Record<BallotKind, string>,
  kindMax: (n: number) => `多选（最多选 ${n} 项）`,
  secret: '无记名投票',
  open: '记名投票（大家能看到您投了什么）',
  perHousehold: '每户一票',
  channels: { app: '手机', meeting: '会场', paper: '纸质票' } satisfies Record<Channel, string>,
  closesAt: (when: string) => `截止时间：${when}`,
  list: {
    empty: '还没有议题',
    propose: '提出议题',
    passed: '通过',
    notPassed: '未通过',
  },
  detail: {
    title: '议题详情',
    background: '背景说明',
    body: '表决机构',
    kind: '表决方式',
    ballot: '投票方式',
    proposedBy: (name: string, date: string) => `${name} 于 ${date} 提出`,
    openedAt: (when: string) => `开始表决：${when}`,
    closedAt: (when: string) => `结束时间：${when}`,
    closedEarly: (reason: string) => `已提前结束。原因：${reason}`,
    draftHint: '这个议题还是草稿，村委会开始表决后才能投票。',
    openingHint: '正在按开始时的名册生成表决名单，稍候即可投票，页面会自动刷新。',
    // Voting
    yourBallot: '您的选票',
    chooseOne: '请选一项',
    chooseUpTo: (n: number) => `最多选 ${n} 项`,
    tooMany: (n: number) => `最多只能选 ${n} 项，请先去掉一项`,
    chooseFirst: '请先选择，再点“投票”',
    vote: '投票',
    confirmTitle: '请确认您的选择',
    youChose: (labels: string) => `您选的是：${labels}`,
    cannotChange: '投出后不能更改。确定要投吗？',
    openBallotWarning: '这是记名投票：您投了什么，全村都能看到。',
    confirmVote: '确定投票',
    cancelVote: '再想想',
    voted: '投票成功',
    // Receipt
    votedAlready: '您已投票',
    receipt: '您的回执（投票凭证）',
    receiptHint: '凭回执可以查询选票是否已计入；回执不显示您投了什么',
    checkReceipt: '查询回执',
    checked: '已查询',
    counted: '已计入：您的选票已经计入统计',
    notCounted: '没有查到这张选票，请联系村委会或监票人',
    householdVoted: '您（或您家）已经投过票',
    // Not eligible
    notEligible: {
      villagers_meeting: '本次表决由村民会议进行，只有本村年满 18 周岁的村民参加',
      perHousehold: '本次表决每户一票，您不在本次表决的名单上',
      representatives: '本次表决只有村民代表参加',
      party_members: '本次表决只有党员参加',
      custom: (name: string) => `本次表决只有${name}的成员参加`,
    },
    frozenHint: '参加表决的名单在开始表决时就已确定。',
    // Turnout
    turnout: '参与情况',
    participants: '已参与',
    needed: '有效需要',
    electorate: '应参加',
    stillNeeded: (n: number, unit: string) => `还差 ${n} ${unit}，表决才有效`,
    enough: '参与人数已够，表决有效',
    refreshHint: '每 10 秒自动刷新',
    voters: '已参与的',
    noVoters: '还没有人投票',
    votersSecretHint: '无记名投票：只显示谁参与了，不显示投了什么',
    votersHidden: '参与者名单只向本次有表决权的人和村委会、监委会公开，这里只显示人数',
    // Result
    result: '表决结果',
    valid: '有效',
    invalid: '无效（参与人数不够）',
    passed: '通过',
    notPassed: '未通过',
    votes: (n: number) => `${n} 票`,
    winner: '当选',
    resultNotice: '查看结果公告',
    // Committee
    openVoting: '开始表决',
    openHint: '开始后，参加表决的名单就确定了，议题内容不能再改。',
    openedNow: '已开始表决',
    scrutineer: '监票人录入（会场、纸质票）',
    closeEarly: '提前结束',
    closeWarning: '提前结束后马上计票并公布结果，不能再投票。请写明原因。',
    closeReason: '提前结束的原因',
    closeConfirm: '确认提前结束',
    cancel: '取消',
  },
  edit: {
    title: '提出议题',
    topicTitle: '议题标题',
    titlePlaceholder: '例如：是否修建村东头的桥',
    background: '背景说明',
    backgroundPlaceholder: '写清楚要商量的事：为什么、花多少钱、怎么做',
    body: '由谁表决',
    perHousehold: '按户表决（每户一票）',
    customBody: '组织名称',
    customBodyPlaceholder: '例如：村民理事会',
    kind: '表决方式',
    kindHints: {
      motion: '大家投 同意、反对 或 弃权',
      single: '从几个选项中选一项',
      multiple: '从几个选项中选几项',
    } satisfies Record<BallotKind, string>,
    options: '选项',
    option: (n: number) => `选项 ${n}`,
    addOption: '添加选项',
    removeOption: '删除',
    maxChoices: '最多可选几项',
    secret: '无记名投票（不记录谁投了什么）',
    closes: '截止时间',
    date: '日期（年-月-日）',
    time: '时间（时:分）',
    badDate: '日期请按 年-月-日 填写，例如 2026-06-30',
    badTime: '时间请按 时:分 填写，例如 18:00',
    save: '保存议题（草稿）',
    saved: '已保存',
    draftHint: '保存后是草稿，在议题页点“开始表决”后大家才能投票。',
    major: '重大事项（按“四议两公开”程序）',
    majorHint: '重大事项要先记录党支部提议、“两委”会议商议、党员大会审议，才能开始表决；结果和实施情况都要公开。',
    attachments: '附件（填写名称）',
    attachment: (n: number) => `附件 ${n} 的名称，例如：施工预算表`,
    addAttachment: '添加附件',
  },
  scrutineer: {
    title: '监票人录入',
    hint: '把会场投票或纸质选票录入系统。每人（按户表决时每户）只计一票，手机上已经投过的不能再录。',
    notOpen: '这个议题现在不在表决中，不能录入。',
    search: '输入村民姓名',
    searchButton: '搜索',
    noPeople: '没有找到这位村民，请换个写法试试',
    chosen: (name: string) => `已选：${name}`,
    choose: '请先搜索并选择一位村民',
    rechoose: '重新选择',
    channel: '投票方式',
    chooseChannel: '请选择是会场投票还是纸质票',
    choices: '选票内容',
    proxy: '委托他人代投',
    record: '录入',
    recorded: (name: string, channel: string) => `已录入：${name}（${channel}）`,
    session: '本次已录入',
    none: '还没有录入',
    // A secret ballot: 登记领票, then 录入票箱, never one beside the other
    secretHint:
      '无记名投票分两步：先“登记领票”，按签到表记下谁领了选票（领了票就不能再在手机上投）；开箱后再“录入票箱”，只录选票内容，不录是谁投的。',
    register: (marked: number, entered: number) =>
      `已登记领票 ${marked} 人，已录入选票 ${entered} 张，还可录入 ${Math.max(0, marked - entered)} 张`,
    stepRegister: '第一步：登记领票',
    registerHint: '按签到表登记领到选票的人。只记谁领了票、怎么投（会场或纸质票），不记投了什么。',
    mark: '登记领票',
    marked: (name: string, channel: string) => `已登记：${name}（${channel}）`,
    markedSession: '本次已登记',
    stepBox: '第二步：录入票箱',
    boxHint: '投票结束、当众开箱后，按选票内容成批录入（例如：同意 12 张）。录入的张数不能多于登记领票的人数。',
    ballotChoices: '这批选票的内容',
    chooseBallot: '请先选择这批选票的内容',
    count: '张数',
    badCount: '张数请填 1 以上的整数',
    addBatch: '加入',
    pending: '待录入',
    batch: (labels: string, n: number) => `${labels}：${n} 张`,
    removeBatch: '删除',
    noPending: '请先把选票加入“待录入”，再点“录入票箱”',
    tooManyPending: (n: number) => `待录入的选票比还可录入的多（最多还能录入 ${n} 张），请核对`,
    enter: '录入票箱',
    entered: (n: number) => `已录入票箱 ${n} 张`,
  },
  attachments: '附件',
  major: '重大事项',
  stages: {
    title: '四议两公开',
    labels: stageLabels,
    done: '已完成',
    waiting: '待进行',
    auto: '表决结束时自动记录',
    on: (date: string) => `日期：${date}`,
    minutes: '纪要摘要',
    outcome: '结论',
    recordedBy: (name: string) => `记录人：${name}`,
    record: (label: string) => `记录：${label}`,
    date: '日期（年-月-日，例如 2026-06-30）',
    minutesPlaceholder: '会议纪要摘要：谁参加、议了什么（至少 4 个字）',
    outcomePlaceholder: '结论，例如：同意提交两委会议商议',
    save: '记录这个环节',
    saved: (label: string) => `已记录：${label}`,
    afterVote: '前三个环节已记录，可以开始表决。表决结束后自动记录决议和决议公开，之后再记录实施结果公开。',
    needed: (labels: string) => `这是重大事项，要先记录这些环节才能开始表决：${labels}`,
  },
  discussion: {
    title: (n: number) => `讨论（${n} 条）`,
    empty: '还没有人发言',
    me: '（我）',
    hidden: (reason: string) => `该发言已被隐藏：${reason}`,
    placeholder: '写下您的意见（至少 2 个字）',
    post: '发表意见',
    closed: '表决已经结束，不能再发表意见。',
    hide: '隐藏',
    hideReason: '隐藏的原因，例如：含有辱骂他人的话',
    hideConfirm: '确认隐藏',
    cancel: '取消',
  },
};

/** The deciding body as people call it: a custom body by its own name. */
export const bodyName = (t: Pick<Topic, 'body' | 'customBody'>) =>
  t.body === 'custom' ? t.customBody || tt.bodies.custom : tt.bodies[t.body];

/** How the ballot is cast, in words: 同意/反对/弃权, 单选, 多选（最多选 N 项）. */
export const kindName = (t: Pick<Topic, 'kind' | 'maxChoices'>) =>
  t.kind === 'multiple' && t.maxChoices ? tt.kindMax(t.maxChoices) : tt.kinds[t.kind];

/** The options a voter chooses from: a motion's are always 同意 / 反对 / 弃权. */
export const optionsOf = (t: Pick<Topic, 'kind' | 'options'>) =>
  t.kind === 'motion' && !t.options.length ? motionOptions : t.options;

/** Option ids in words, in the order the ballot lists them. */
export const choiceLabels = (t: Pick<Topic, 'kind' | 'options'>, choices: string[]) =>
  optionsOf(t)
    .filter((o) => choices.includes(o.optionId))
    .map((o) => o.label)
    .join('、');

/**
 * Ticking an option on a ballot: a motion or single choice takes one option, a
 * multiple choice adds or removes it. Undefined when it would exceed the most allowed.
 */
export function toggleChoice(
  t: Pick<Topic, 'kind' | 'maxChoices'>,
  chosen: string[],
  optionId: string,
): string[] | undefined {
  if (t.kind !== 'multiple') return [optionId];
  if (chosen.includes(optionId)) return chosen.filter((c) => c !== optionId);
  if (t.maxChoices && chosen.length >= t.maxChoices) return undefined;
  return [...chosen, optionId];
}

/** Where the voter's receipt for a topic is kept on the phone. */
export const receiptKey = (topicId: string) => `vh.receipt.${topicId}`;
