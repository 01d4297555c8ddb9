import { textChange } from '../../src/shared/rules/text-change';

describe('what a correction changed', () => {
  it('finds the one changed stretch between shared ends', () => {
    expect(textChange('12月5日全村停水', '12月6日全村停水')).toEqual({
      head: '12月',
      removed: '5',
      added: '6',
      tail: '日全村停水',
    });
  });
  it('shows pure additions and removals', () => {
    expect(textChange('停水', '明日停水')).toEqual({ head: '', removed: '', added: '明日', tail: '停水' });
    expect(textChange('明日停水', '停水')).toEqual({ head: '', removed: '明日', added: '', tail: '停水' });
  });
  it('does not count a shared character twice when the texts overlap', () => {
    expect(textChange('aa', 'aaa')).toEqual({ head: 'aa', removed: '', added: 'a', tail: '' });
  });
  it('finds nothing changed in equal texts', () => {
    expect(textChange('同样', '同样')).toEqual({ head: '同样', removed: '', added: '', tail: '' });
  });
});
