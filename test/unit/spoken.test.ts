import { amountWords, integerWords, numberWords, spoken } from '../../src/shared/rules/spoken';

/** 朗读: what the speech engine is given must be what a villager would say. */
const now = new Date('2026-12-01T08:00:00+08:00');

describe('numbers in words', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [1234, '一千二百三十四'],
    [10_000, '一万'],
    [20_000, '二万'],
    [100_010, '十万零一十'],
    [1_000_000, '一百万'],
    [120_000_000, '一亿二千万'],
    [-3, '负三'],
  ])('%d → %s', (n, words) => expect(integerWords(n)).toBe(words));

  it('reads decimals with 点 and digits', () => {
    expect(numberWords('3.5')).toBe('三点五');
    expect(numberWords('0.25')).toBe('零点二五');
    expect(numberWords('1,234')).toBe('一千二百三十四');
  });
});

describe('money', () => {
  it.each([
    ['1,234.50', '一千二百三十四元五角'],
    ['1234.56', '一千二百三十四元五角六分'],
    ['100', '一百元'],
    ['100.05', '一百元零五分'],
    ['0.5', '五角'],
    ['0.05', '五分'],
    ['10000', '一万元'],
    ['0', '零元'],
  ])('%s → %s', (n, words) => expect(amountWords(n)).toBe(words));
});

describe('whole texts', () => {
  it('reads an amount with ¥ or 元 as money', () => {
    expect(spoken('共支出 ¥1,234.50，其中材料费 800 元。', now)).toBe(
      '共支出 一千二百三十四元五角，其中材料费 八百元。',
    );
  });

  it("reads a date of this year without the year, another year's with it, and the time", () => {
    expect(spoken('2026-12-01', now)).toBe('十二月一日');
    expect(spoken('表决时间至 2026年12月1日 06:55', now)).toBe('表决时间至 十二月一日 六点五十五分');
    expect(spoken('2025-07-01 起施行', now)).toBe('二零二五年七月一日 起施行');
    expect(spoken('下午 14:00 开会', now)).toBe('下午 十四点整 开会');
  });

  it('reads percentages, counts, and long digit runs one digit at a time', () => {
    expect(spoken('参与率 75%，赞成 102 票', now)).toBe('参与率 百分之七十五，赞成 一百零二 票');
    expect(spoken('咨询电话 13900009876', now)).toBe('咨询电话 一三九零零零零九八七六');
  });

  it('leaves text without numbers as it is', () => {
    expect(spoken('村口路灯已经修好。', now)).toBe('村口路灯已经修好。');
  });
});
