/**
 * Quorum and majority of village votes (村民委员会组织法 第二十二条、第二十六条):
 *  - 村民会议：本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，
 *    所作决定应当经到会人员的过半数通过（第二十二条）；
 *  - 村民代表会议：有三分之二以上的组成人员参加方可召开，
 *    所作决定应当经到会人员的过半数同意（第二十六条）。
 * "过半数" is strictly more than half; "三分之二以上" includes two thirds itself.
 * Every comparison is done in integers (BigInt), so no floating-point rounding can
 * turn a failed vote into a passed one, however large the electorate.
 */

export type DecidingBody = 'villagers_meeting' | 'representatives' | 'party_members' | 'custom';

/** The rule a village applies (its settings hold these; the defaults are the law's). */
export interface QuorumRule {
  /** Share of the electorate that must take part for the vote to be valid, as a fraction [num, den]; participation must be STRICTLY MORE than it when strict, else AT LEAST it. */
  turnout: { share: [number, number]; strict: boolean };
  /** Share of those taking part whose approval passes a motion / elects an option: e.g. more than half = [1,2] strict. */
  majority: { share: [number, number]; strict: boolean };
}

type Share = QuorumRule['turnout'];

const moreThanHalf = (): Share => ({ share: [1, 2], strict: true });
const atLeastTwoThirds = (): Share => ({ share: [2, 3], strict: false });

export const lawDefaults: Record<DecidingBody, QuorumRule> = {
  // 第二十二条：过半数村民参加，到会人员过半数通过。
  villagers_meeting: { turnout: moreThanHalf(), majority: moreThanHalf() },
  // 第二十六条：三分之二以上组成人员参加，到会人员过半数同意。
  representatives: { turnout: atLeastTwoThirds(), majority: moreThanHalf() },
  party_members: { turnout: moreThanHalf(), majority: moreThanHalf() },
  // e.g. owners deciding a renovation together: two thirds take part, two thirds agree.
  custom: { turnout: atLeastTwoThirds(), majority: atLeastTwoThirds() },
};

/** For a villagers' meeting counted per household (one vote per household), art. 22's alternative: representatives of at least 2/3 of households. */
export const householdTurnout: QuorumRule['turnout'] = atLeastTwoThirds();

function checkCount(n: number, what: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

function checkShare(rule: Share) {
  const [num, den] = rule.share;
  checkCount(num, 'share numerator');
  if (!Number.isSafeInteger(den) || den <= 0) throw new RangeError(`share denominator must be a positive integer`);
}

/** Compares n/total against a share exactly, in integers (no floating point): */
export function meetsShare(n: number, total: number, rule: Share): boolean {
  checkCount(n, 'n');
  checkCount(total, 'total');
  checkShare(rule);
  const [num, den] = rule.share;
  // n / total > num / den  ⇔  n·den > num·total  (total ≥ 0, den > 0)
  const lhs = BigInt(n) * BigInt(den);
  const rhs = BigInt(num) * BigInt(total);
  return rule.strict ? lhs > rhs : lhs >= rhs;
}

/** The smallest n with meetsShare(n, total, rule) (how many are needed), for the live turnout chart. */
export function needed(total: number, rule: Share): number {
  checkCount(total, 'total');
  checkShare(rule);
  const num = BigInt(rule.share[0]);
  const den = BigInt(rule.share[1]);
  const product = num * BigInt(total);
  // strict: the first n with n·den > product is ⌊product/den⌋ + 1; otherwise ⌈product/den⌉.
  const n = rule.strict ? product / den + 1n : (product + den - 1n) / den;
  return Number(n);
}

export interface Tally {
  optionId: string;
  votes: number;
}

export interface Outcome {
  electorate: number; // frozen when voting opened
  participants: number; // who took part (including abstentions)
  valid: boolean; // quorum met
  turnoutNeeded: number;
  /** motion: approve vs everyone taking part; single/multiple: each option vs participants */
  passed: boolean; // motion passed, or (choice ballots) at least one option reached the majority
  winners: string[]; // optionIds that reached the majority (choice ballots); ['approve'] when a motion passed
  tallies: Tally[];
  /** The rule applied and the result, in plain Chinese, e.g. "应到 120 人，实到 70 人，超过半数，表决有效。同意 40 票，超过到会人数的一半（36 票），通过。" */
  explanation: string;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 23 → 二十三; from 100 on, Arabic digits. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
  }
  return String(n);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** [2,3] → 三分之二; [1,2] → the given word for a half (半数 / 一半); [1,1] → 全部. */
function shareWords([num, den]: [number, number], half: string): string {
  const g = gcd(num, den) || 1;
  const a = num / g;
  const b = den / g;
  if (a === 1 && b === 2) return half;
  if (a === b) return '全部';
  return `${chineseNumber(b)}分之${chineseNumber(a)}`;
}

/** "超过半数" / "未超过半数", "不少于三分之二" / "不足三分之二". */
function comparison(rule: Share, met: boolean, what: string): string {
  if (rule.strict) return `${met ? '超过' : '未超过'}${what}`;
  return `${met ? '不少于' : '不足'}${what}`;
}

const MOTION_OPTIONS = ['approve', 'oppose', 'abstain'];

function checkTallies(kind: 'motion' | 'single' | 'multiple', participants: number, tallies: Tally[]) {
  const seen = new Set<string>();
  let sum = 0;
  for (const t of tallies) {
    checkCount(t.votes, `votes for ${t.optionId}`);
    if (seen.has(t.optionId)) throw new RangeError(`option ${t.optionId} is counted twice`);
    seen.add(t.optionId);
    if (kind === 'motion' && !MOTION_OPTIONS.includes(t.optionId))
      throw new RangeError(`a motion has only approve, oppose and abstain, not ${t.optionId}`);
    if (t.votes > participants) throw new RangeError(`option ${t.optionId} has more votes than participants`);
    sum += t.votes;
  }
  // Everyone casts at most one of these; on a multiple-choice ballot one person may back several options.
  if (kind !== 'multiple' && sum > participants) throw new RangeError('more votes than participants');
}

export function decide(input: {
  kind: 'motion' | 'single' | 'multiple';
  electorate: number;
  participants: number;
  tallies: Tally[]; // for a motion: optionIds 'approve' | 'oppose' | 'abstain'
  rule: QuorumRule;
  unit: '人' | '户';
}): Outcome {
  const { kind, electorate, participants, rule, unit } = input;
  checkCount(electorate, 'electorate');
  checkCount(participants, 'participants');
  if (participants > electorate) throw new RangeError('more participants than the electorate');
  checkTallies(kind, participants, input.tallies);
  const tallies = input.tallies.map((t) => ({ ...t }));
  const votesFor = (id: string) => tallies.find((t) => t.optionId === id)?.votes ?? 0;

  const turnoutNeeded = needed(electorate, rule.turnout);
  const valid = electorate > 0 && meetsShare(participants, electorate, rule.turnout);
  const base = { electorate, participants, valid, turnoutNeeded, tallies };

  const counted = unit === '人' ? '到会人数' : '到会户数';
  const parts: string[] = [];
  if (electorate === 0) {
    parts.push(`应到 0 ${unit}，没有可以参加表决的${unit}，表决无效。`);
  } else {
    const turnoutWords = comparison(rule.turnout, valid, shareWords(rule.turnout.share, '半数'));
    parts.push(
      valid
        ? `应到 ${electorate} ${unit}，实到 ${participants} ${unit}，${turnoutWords}，表决有效。`
        : `应到 ${electorate} ${unit}，实到 ${participants} ${unit}，${turnoutWords}（至少需要 ${turnoutNeeded} ${unit}），表决无效。`,
    );
  }

  if (!valid) {
    parts.push('本次表决不产生结果');
    if (kind === 'motion')
      parts.push(
        `，计票仅作记录：同意 ${votesFor('approve')} 票，反对 ${votesFor('oppose')} 票，弃权 ${votesFor('abstain')} 票。`,
      );
    else parts.push('，各选项得票仅作记录。');
    return { ...base, passed: false, winners: [], explanation: parts.join('') };
  }

  // An option nobody voted for never wins, even when a rule would be met by zero votes.
  const reaches = (votes: number) => votes > 0 && meetsShare(votes, participants, rule.majority);
  const majorityNeeded = Math.max(1, needed(participants, rule.majority));
  const majorityShare = `${counted}的${shareWords(rule.majority.share, '一半')}`;
  const majorityWords = (met: boolean) => comparison(rule.majority, met, majorityShare);

  if (kind === 'motion') {
    const approve = votesFor('approve');
    const passed = reaches(approve);
    parts.push(
      passed
        ? `同意 ${approve} 票，${majorityWords(true)}（${majorityNeeded} 票），通过。`
        : `同意 ${approve} 票，${majorityWords(false)}（需 ${majorityNeeded} 票），未通过。`,
    );
    parts.push(`另有反对 ${votesFor('oppose')} 票，弃权 ${votesFor('abstain')} 票。`);
    return { ...base, passed, winners: passed ? ['approve'] : [], explanation: parts.join('') };
  }

  const winners = tallies.filter((t) => reaches(t.votes)).map((t) => t.optionId);
  const passed = winners.length > 0;
  const top = tallies.reduce((max, t) => Math.max(max, t.votes), 0);
  parts.push(
    passed
      ? `有 ${winners.length} 个选项得票${majorityWords(true)}（${majorityNeeded} 票），获得通过。`
      : `得票最多的选项 ${top} 票，没有选项得票${rule.majority.strict ? '超过' : '达到'}${majorityShare}（需 ${majorityNeeded} 票），未选出结果。`,
  );
  return { ...base, passed, winners, explanation: parts.join('') };
}
