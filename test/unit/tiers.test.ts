import { containsIdNumber, maskName } from '../../src/shared/rules/tiers';

describe('masking a personal name for other residents', () => {
  it('keeps the surname and hides the given name', () => {
    expect(maskName('张建国')).toBe('张**');
    expect(maskName('李娜')).toBe('李*');
  });
  it('never reveals a one-character name', () => {
    expect(maskName('王')).toBe('*');
  });
  it('hides long names without revealing their length', () => {
    expect(maskName('欧阳明月光')).toBe('欧**');
  });
});

describe('finding an ID number before it is published', () => {
  it('finds an 18-character ID number, with or without the X check character', () => {
    expect(containsIdNumber('低保对象王桂兰，身份证号 44030119580312002X，第二组')).toBe(true);
    expect(containsIdNumber('身份证：110101199003071234')).toBe(true);
  });
  it('leaves amounts, dates, phone numbers and account numbers alone', () => {
    expect(containsIdNumber('道路维修 1250.50 元，2026年10月31日')).toBe(false);
    expect(containsIdNumber('村委会值班电话 13800138000')).toBe(false);
    expect(containsIdNumber('合同编号 2026103100012345678901')).toBe(false); // longer than an ID number
    expect(containsIdNumber('编号 000000199003071234')).toBe(false); // no region code starts with 0
  });
});
