import { maskName } from '../../src/shared/rules/tiers';

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
