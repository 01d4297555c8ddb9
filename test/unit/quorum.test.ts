import {
  type DecidingBody,
  decide,
  householdTurnout,
  lawDefaults,
  meetsShare,
  needed,
  type QuorumRule,
} from '../../src/shared/rules/quorum';

const meeting = lawDefaults.villagers_meeting;
const reps = lawDefaults.representatives;
const motion = (approve: number, oppose: number, abstain: number) => [
  { optionId: 'approve', votes: approve },
  { optionId: 'oppose', votes: oppose },
  { optionId: 'abstain', votes: abstain },
];

describe('the defaults are the law', () => {
  it('villagers’ meeting: more than half take part, more than half of them approve (art. 22)', () => {
    expect(meeting).toEqual({ turnout: { share: [1, 2], strict: true }, majority: { share: [1, 2], strict: true } });
  });
  it('representatives: at least two thirds take part, more than half of them approve (art. 26)', () => {
    expect(reps).toEqual({ turnout: { share: [2, 3], strict: false }, majority: { share: [1, 2], strict: true } });
  });
  it('party members: more than half, more than half', () => {
    expect(lawDefaults.party_members).toEqual(meeting);
  });
  it('custom (e.g. a renovation): at least two thirds take part and at least two thirds agree', () => {
    expect(lawDefaults.custom).toEqual({
      turnout: { share: [2, 3], strict: false },
      majority: { share: [2, 3], strict: false },
    });
  });
  it('a meeting of household representatives needs at least two thirds of the households', () => {
    expect(householdTurnout).toEqual({ share: [2, 3], strict: false });
  });
});

describe('turnout of a villagers’ meeting: more than half', () => {
  it('exactly half of the village is not enough', () => {
    expect(meetsShare(60, 120, meeting.turnout)).toBe(false);
    expect(needed(120, meeting.turnout)).toBe(61);
  });
  it('half plus one is enough', () => {
    expect(meetsShare(61, 120, meeting.turnout)).toBe(true);
  });
  it('with an odd electorate, the larger half is enough', () => {
    expect(meetsShare(60, 121, meeting.turnout)).toBe(false);
    expect(meetsShare(61, 121, meeting.turnout)).toBe(true);
    expect(needed(121, meeting.turnout)).toBe(61);
  });
  it('says so in the explanation when the meeting falls short', () => {
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 60,
      tallies: motion(60, 0, 0),
      rule: meeting,
      unit: '人',
    });
    expect(o.valid).toBe(false);
    expect(o.turnoutNeeded).toBe(61);
    expect(o.explanation).toContain('应到 120 人，实到 60 人，未超过半数（至少需要 61 人），表决无效。');
  });
});

describe('turnout of the representatives: at least two thirds, rounded up', () => {
  it('10 representatives: 6 is not two thirds, 7 is', () => {
    expect(meetsShare(6, 10, reps.turnout)).toBe(false);
    expect(meetsShare(7, 10, reps.turnout)).toBe(true);
    expect(needed(10, reps.turnout)).toBe(7);
  });
  it('9 representatives: 6 is exactly two thirds, which is enough', () => {
    expect(meetsShare(5, 9, reps.turnout)).toBe(false);
    expect(meetsShare(6, 9, reps.turnout)).toBe(true);
    expect(needed(9, reps.turnout)).toBe(6);
  });
  it('3 representatives: 2 is enough', () => {
    expect(meetsShare(1, 3, reps.turnout)).toBe(false);
    expect(meetsShare(2, 3, reps.turnout)).toBe(true);
    expect(needed(3, reps.turnout)).toBe(2);
  });
  it('"more than two thirds" (strict) would not accept exactly two thirds', () => {
    const strict = { share: [2, 3] as [number, number], strict: true };
    expect(meetsShare(6, 9, strict)).toBe(false);
    expect(meetsShare(7, 9, strict)).toBe(true);
    expect(needed(9, strict)).toBe(7);
  });
  it('explains a valid representatives’ meeting', () => {
    const o = decide({
      kind: 'motion',
      electorate: 10,
      participants: 7,
      tallies: motion(4, 3, 0),
      rule: reps,
      unit: '人',
    });
    expect(o.valid).toBe(true);
    expect(o.turnoutNeeded).toBe(7);
    expect(o.explanation).toContain('应到 10 人，实到 7 人，不少于三分之二，表决有效。');
  });
});

describe('counting by household or by person', () => {
  const perHousehold: QuorumRule = { ...meeting, turnout: householdTurnout };
  it('a meeting of household representatives: 80 of 120 households is two thirds, valid', () => {
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 80,
      tallies: motion(41, 39, 0),
      rule: perHousehold,
      unit: '户',
    });
    expect(o.valid).toBe(true);
    expect(o.passed).toBe(true);
    expect(o.explanation).toBe(
      '应到 120 户，实到 80 户，不少于三分之二，表决有效。同意 41 票，超过到会户数的一半（41 票），通过。另有反对 39 票，弃权 0 票。',
    );
  });
  it('79 of 120 households is not enough, although it would be for persons (more than half)', () => {
    const byHousehold = decide({
      kind: 'motion',
      electorate: 120,
      participants: 79,
      tallies: motion(79, 0, 0),
      rule: perHousehold,
      unit: '户',
    });
    expect(byHousehold.valid).toBe(false);
    expect(byHousehold.explanation).toContain('应到 120 户，实到 79 户，不足三分之二（至少需要 80 户），表决无效。');
    const byPerson = decide({
      kind: 'motion',
      electorate: 120,
      participants: 79,
      tallies: motion(79, 0, 0),
      rule: meeting,
      unit: '人',
    });
    expect(byPerson.valid).toBe(true);
    expect(byPerson.explanation).toContain('应到 120 人，实到 79 人，超过半数，表决有效。');
  });
});

describe('a motion: approvals against everyone who took part', () => {
  it('passes with more than half, as in the example', () => {
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 70,
      tallies: motion(40, 25, 5),
      rule: meeting,
      unit: '人',
    });
    expect(o).toMatchObject({ electorate: 120, participants: 70, valid: true, turnoutNeeded: 61, passed: true });
    expect(o.winners).toEqual(['approve']);
    expect(o.explanation).toBe(
      '应到 120 人，实到 70 人，超过半数，表决有效。同意 40 票，超过到会人数的一半（36 票），通过。另有反对 25 票，弃权 5 票。',
    );
  });
  it('fails with exactly half approving', () => {
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 70,
      tallies: motion(35, 35, 0),
      rule: meeting,
      unit: '人',
    });
    expect(o.valid).toBe(true);
    expect(o.passed).toBe(false);
    expect(o.winners).toEqual([]);
    expect(o.explanation).toContain('同意 35 票，未超过到会人数的一半（需 36 票），未通过。');
  });
  it('counts abstentions as taking part: 35 for, 30 against, 5 abstaining fails', () => {
    // Without the abstentions 35 of 65 would be a majority; with them 35 of 70 is not.
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 70,
      tallies: motion(35, 30, 5),
      rule: meeting,
      unit: '人',
    });
    expect(o.passed).toBe(false);
    expect(o.explanation).toContain('未通过。另有反对 30 票，弃权 5 票。');
  });
  it('everyone abstaining passes nothing', () => {
    const o = decide({
      kind: 'motion',
      electorate: 10,
      participants: 7,
      tallies: motion(0, 0, 7),
      rule: reps,
      unit: '人',
    });
    expect(o.valid).toBe(true);
    expect(o.passed).toBe(false);
  });
  it('those who took part but cast no ballot count against, like abstentions', () => {
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 70,
      tallies: [{ optionId: 'approve', votes: 35 }],
      rule: meeting,
      unit: '人',
    });
    expect(o.passed).toBe(false);
    expect(o.explanation).toContain('另有反对 0 票，弃权 0 票。');
  });
  it('a two-thirds motion (custom) passes with exactly two thirds of those present', () => {
    const rule = lawDefaults.custom;
    const pass = decide({
      kind: 'motion',
      electorate: 12,
      participants: 9,
      tallies: motion(6, 3, 0),
      rule,
      unit: '户',
    });
    expect(pass.passed).toBe(true);
    expect(pass.explanation).toBe(
      '应到 12 户，实到 9 户，不少于三分之二，表决有效。同意 6 票，不少于到会户数的三分之二（6 票），通过。另有反对 3 票，弃权 0 票。',
    );
    const fail = decide({
      kind: 'motion',
      electorate: 12,
      participants: 9,
      tallies: motion(5, 3, 1),
      rule,
      unit: '户',
    });
    expect(fail.passed).toBe(false);
    expect(fail.explanation).toContain('同意 5 票，不足到会户数的三分之二（需 6 票），未通过。');
  });
  it('an invalid vote never passes, even if everyone present approved, but the count is kept', () => {
    const o = decide({
      kind: 'motion',
      electorate: 120,
      participants: 60,
      tallies: motion(60, 0, 0),
      rule: meeting,
      unit: '人',
    });
    expect(o.valid).toBe(false);
    expect(o.passed).toBe(false);
    expect(o.winners).toEqual([]);
    expect(o.tallies).toEqual(motion(60, 0, 0));
    expect(o.explanation).toBe(
      '应到 120 人，实到 60 人，未超过半数（至少需要 61 人），表决无效。本次表决不产生结果，计票仅作记录：同意 60 票，反对 0 票，弃权 0 票。',
    );
  });
});

describe('choice ballots: each option against everyone who took part', () => {
  it('a multiple-choice vote can elect two options', () => {
    const tallies = [
      { optionId: 'road', votes: 50 },
      { optionId: 'well', votes: 36 },
      { optionId: 'lights', votes: 35 },
    ];
    const o = decide({ kind: 'multiple', electorate: 120, participants: 70, tallies, rule: meeting, unit: '人' });
    expect(o.passed).toBe(true);
    expect(o.winners).toEqual(['road', 'well']); // 35 of 70 is only half
    expect(o.explanation).toBe(
      '应到 120 人，实到 70 人，超过半数，表决有效。有 2 个选项得票超过到会人数的一半（36 票），获得通过。',
    );
  });
  it('a single-choice vote split three ways elects no one', () => {
    const tallies = [
      { optionId: 'a', votes: 30 },
      { optionId: 'b', votes: 25 },
      { optionId: 'c', votes: 15 },
    ];
    const o = decide({ kind: 'single', electorate: 120, participants: 70, tallies, rule: meeting, unit: '人' });
    expect(o.valid).toBe(true);
    expect(o.passed).toBe(false);
    expect(o.winners).toEqual([]);
    expect(o.tallies).toEqual(tallies);
    expect(o.explanation).toContain('得票最多的选项 30 票，没有选项得票超过到会人数的一半（需 36 票），未选出结果。');
  });
  it('a single-choice vote with a clear majority elects that option', () => {
    const tallies = [
      { optionId: 'a', votes: 36 },
      { optionId: 'b', votes: 34 },
    ];
    const o = decide({ kind: 'single', electorate: 120, participants: 70, tallies, rule: meeting, unit: '人' });
    expect(o.winners).toEqual(['a']);
  });
  it('an invalid choice vote elects no one but keeps the tallies', () => {
    const tallies = [{ optionId: 'a', votes: 6 }];
    const o = decide({ kind: 'single', electorate: 10, participants: 6, tallies, rule: reps, unit: '人' });
    expect(o).toMatchObject({ valid: false, passed: false, winners: [], tallies });
    expect(o.explanation).toBe(
      '应到 10 人，实到 6 人，不足三分之二（至少需要 7 人），表决无效。本次表决不产生结果，各选项得票仅作记录。',
    );
  });
});

describe('an empty electorate', () => {
  it('is never a valid vote, whatever the rule', () => {
    for (const body of Object.keys(lawDefaults) as DecidingBody[]) {
      const o = decide({
        kind: 'motion',
        electorate: 0,
        participants: 0,
        tallies: [],
        rule: lawDefaults[body],
        unit: '人',
      });
      expect(o).toMatchObject({ electorate: 0, participants: 0, valid: false, passed: false, winners: [] });
      expect(o.explanation).toContain('应到 0 人，没有可以参加表决的人，表决无效。');
    }
  });
  it('nor when counted by household', () => {
    const o = decide({ kind: 'single', electorate: 0, participants: 0, tallies: [], rule: meeting, unit: '户' });
    expect(o.valid).toBe(false);
    expect(o.explanation).toContain('应到 0 户');
  });
});

describe('large numbers are compared exactly', () => {
  it('2,000,001 villagers: 1,000,000 is not more than half, 1,000,001 is', () => {
    expect(needed(2_000_001, meeting.turnout)).toBe(1_000_001);
    expect(meetsShare(1_000_000, 2_000_001, meeting.turnout)).toBe(false);
    expect(meetsShare(1_000_001, 2_000_001, meeting.turnout)).toBe(true);
    const o = decide({
      kind: 'motion',
      electorate: 2_000_001,
      participants: 1_000_001,
      tallies: motion(500_001, 500_000, 0),
      rule: meeting,
      unit: '人',
    });
    expect(o.passed).toBe(true);
    expect(o.explanation).toContain('应到 2000001 人，实到 1000001 人，超过半数，表决有效。同意 500001 票');
  });
  it('2,000,001 representatives: two thirds is 1,333,334 (rounded up)', () => {
    expect(needed(2_000_001, reps.turnout)).toBe(1_333_334);
    expect(meetsShare(1_333_333, 2_000_001, reps.turnout)).toBe(false);
    expect(meetsShare(1_333_334, 2_000_001, reps.turnout)).toBe(true);
  });
  it('where floating point would wrongly say "two thirds", integers say "not yet"', () => {
    const total = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991 = 3 × 3,002,399,751,580,330 + 1
    const short = 6_004_799_503_160_660; // two thirds is 6,004,799,503,160,660.67, so one short
    expect(short / total >= 2 / 3).toBe(true); // the float division rounds up to two thirds
    expect(meetsShare(short, total, reps.turnout)).toBe(false);
    expect(meetsShare(short + 1, total, reps.turnout)).toBe(true);
    expect(needed(total, reps.turnout)).toBe(short + 1);
  });
});

describe('needed() is the first count that meetsShare() accepts', () => {
  const rules: Record<string, { share: [number, number]; strict: boolean }> = { household: householdTurnout };
  for (const body of Object.keys(lawDefaults) as DecidingBody[]) {
    rules[`${body} turnout`] = lawDefaults[body].turnout;
    rules[`${body} majority`] = lawDefaults[body].majority;
  }
  for (const [name, rule] of Object.entries(rules)) {
    it(`for ${name}, every total from 0 to 50 and every count`, () => {
      for (let total = 0; total <= 50; total++) {
        const need = needed(total, rule);
        for (let n = 0; n <= total + 1; n++)
          expect([total, n, meetsShare(n, total, rule)]).toEqual([total, n, n >= need]);
        expect(need).toBeLessThanOrEqual(total + 1);
      }
    });
  }
});

describe('impossible counts are refused rather than decided', () => {
  const ok = { kind: 'motion' as const, electorate: 10, participants: 7, rule: reps, unit: '人' as const };
  it('more participants than the electorate', () => {
    expect(() => decide({ ...ok, participants: 11, tallies: [] })).toThrow(RangeError);
  });
  it('more votes than participants', () => {
    expect(() => decide({ ...ok, tallies: motion(4, 3, 1) })).toThrow(RangeError);
    expect(() => decide({ ...ok, kind: 'single', tallies: [{ optionId: 'a', votes: 8 }] })).toThrow(RangeError);
  });
  it('but one voter may back several options on a multiple-choice ballot', () => {
    const tallies = [
      { optionId: 'a', votes: 7 },
      { optionId: 'b', votes: 7 },
    ];
    expect(decide({ ...ok, kind: 'multiple', tallies }).winners).toEqual(['a', 'b']);
  });
  it('fractional or negative counts, unknown motion options, a zero denominator', () => {
    expect(() => decide({ ...ok, participants: 6.5, tallies: [] })).toThrow(RangeError);
    expect(() => decide({ ...ok, tallies: [{ optionId: 'approve', votes: -1 }] })).toThrow(RangeError);
    expect(() => decide({ ...ok, tallies: [{ optionId: 'yes', votes: 1 }] })).toThrow(RangeError);
    expect(() => meetsShare(1, 2, { share: [1, 0], strict: true })).toThrow(RangeError);
  });
});
