import { containsPhoneNumber } from '../../src/shared/rules/tiers';
import { Line, Prose, textFlaw } from '../../src/shared/schemas/common';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('the one text rule', () => {
  const name = Line('请填写姓名').min(1, '请填写姓名').max(20, '姓名最多 20 个字');

  it('refuses a name of NUL characters with one message, not a length complaint as well', () => {
    const r = name.safeParse('\u0000'.repeat(12));
    expect(messages(r)).toEqual(['含有空字符，请删除后重新输入']);
  });

  it('refuses lone surrogates, alone or beside real text, and keeps a real emoji', () => {
    for (const t of ['\uD800', '张\uDC00三', '\uDBFF好'])
      expect(messages(name.safeParse(t))).toEqual([expect.stringContaining('残缺')]);
    expect(name.parse('张三😀')).toBe('张三😀');
  });

  it('refuses every bidi override and isolate (U+202A–202E, U+2066–2069)', () => {
    for (const c of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(messages(name.safeParse(`张${String.fromCodePoint(c)}三`))).toEqual([
        expect.stringContaining('改变文字方向'),
      ]);
  });

  it('refuses control characters; a line break or tab only in multi-line text', () => {
    for (const c of ['\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\r', '\n', '\t'])
      expect(textFlaw(`张${c}三`, false)).toContain('控制字符');
    for (const c of ['\u0007', '\u001b', '\u007f', '\u0085', '\u000b', '\u000c'])
      expect(textFlaw(`第一行${c}第二行`, true)).toContain('控制字符');
    expect(Prose().parse('第一行\n\t第二行')).toBe('第一行\n\t第二行');
  });

  it('stores Windows line breaks as plain ones rather than refusing them', () => {
    expect(Prose().parse('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('normalises to NFC, so the same name typed two ways is one string', () => {
    const composed = 'Zoë';
    const decomposed = 'Zoe\u0308';
    expect(decomposed).not.toBe(composed);
    expect(name.parse(decomposed)).toBe(composed);
    expect(name.parse(`  ${composed} `)).toBe(composed);
  });

  it('passes ordinary Chinese text and punctuation untouched', () => {
    const t = '三组到村口的路灯坏了三盏（晚上 7 点后），建议尽快修好！';
    expect(textFlaw(t, false)).toBeUndefined();
    expect(Prose().parse(t)).toBe(t);
  });
});

describe('phone numbers in public text', () => {
  it('finds mainland mobiles, however they are spaced or typed', () => {
    for (const t of [
      '打我电话 13900009876',
      '电话139 0000 9876',
      '139-0000-9876 找老王',
      '+86 139 0000 9876',
      '８６１３９００００９８７６',
      '１３９－００００－９８７６',
    ])
      expect(containsPhoneNumber(t)).toBe(true);
  });

  it('finds landlines with an area code', () => {
    for (const t of ['0571-88886666', '(0571) 8888 6666', '（010）66668888', '座机 021 6666 8888'])
      expect(containsPhoneNumber(t)).toBe(true);
  });

  it('leaves dates, amounts, counts and ids alone', () => {
    for (const t of [
      '公示时间 2026-11-30 至 2026-12-07',
      '共支出 1390000 元',
      '15900 元',
      '2026年11月30日 19:30 开会',
      '编号 01ARZ3NDEKTSV4RRFFQ69G5FAV',
      '1390000987',
      '139000098765',
    ])
      expect(containsPhoneNumber(t)).toBe(false);
  });
});
