import { fieldTypeOf, fieldValue } from '../../src/functions/subscriptions/fields';

/** Every value of a subscribe message fits WeChat's rule for its field's type, or the whole send fails (47003). */
describe('subscribe message fields', () => {
  it('knows the type from the key', () => {
    expect(fieldTypeOf('thing1')).toBe('thing');
    expect(fieldTypeOf('character_string12')).toBe('character_string');
    expect(fieldTypeOf('phrase3')).toBe('phrase');
    expect(fieldTypeOf('title1')).toBeUndefined();
  });

  it('cuts a thing to 20 characters with an ellipsis, and leaves a short one alone', () => {
    const long = '表决开始：关于修建村文化广场及配套停车场的表决';
    const cut = fieldValue('thing', long, 480);
    expect([...cut]).toHaveLength(20);
    expect(cut).toBe('表决开始：关于修建村文化广场及配套停车…');
    expect(fieldValue('thing', '您的提问有了答复', 480)).toBe('您的提问有了答复');
    // Counted by character, not by UTF-16 unit: an emoji is one.
    expect([...fieldValue('thing', '😀'.repeat(30), 480)]).toHaveLength(20);
  });

  it('shows a time in village time as WeChat’s format', () => {
    expect(fieldValue('time', '2026-11-30T22:55:00.000Z', 480)).toBe('2026年12月1日 06:55');
    expect(fieldValue('date', '2026-11-30T22:55:00.000Z', 480)).toBe('2026年12月1日');
  });

  it('keeps a phrase to five Chinese characters and nothing else', () => {
    expect(fieldValue('phrase', '已办结', 480)).toBe('已办结');
    expect(fieldValue('phrase', '表决结果已经公布', 480)).toBe('表决结果已');
    expect(fieldValue('phrase', '第2次 OK 办理', 480)).toBe('第次办理');
  });

  it('filters the typed fields to the characters they allow', () => {
    expect(fieldValue('number', '共 12,345 人', 480)).toBe('12345');
    expect(fieldValue('character_string', '编号 AB-12/3', 480)).toBe('AB-12/3');
    expect(fieldValue('letter', 'ab12cd', 480)).toBe('abcd');
    expect(fieldValue('name', '欧阳娜娜娜娜娜娜娜娜娜', 480)).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(fieldValue('amount', '1,234.50元', 480)).toBe('¥1234.50');
    expect(fieldValue('character_string', 'x'.repeat(40), 480)).toHaveLength(32);
  });
});
