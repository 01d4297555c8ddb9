import { consentOutdated, POLICY_VERSION } from '../../src/shared/rules/policy-version';
import { policySections } from '../../src/shared/rules/privacy';

const text = policySections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');

describe('the privacy policy', () => {
  it('names everything the app collects, in plain Chinese', () => {
    for (const item of ['姓名', '身份证号', '手机号', '户', '照片', '地点文字', '话筒']) expect(text).toContain(item);
  });

  it('says who sees what, tier by tier (domain.md §6), and that a secret ballot is read by nobody', () => {
    for (const tier of ['全村可见', '个人信息', '保密信息', '敏感信息']) expect(text).toContain(tier);
    expect(text).toContain('无记名投票');
  });

  it('names the ID number as sensitive personal information on its own, and says how long data is kept', () => {
    expect(policySections.find((s) => s.id === 'sensitive')?.paragraphs.join('')).toContain('敏感个人信息');
    expect(policySections.find((s) => s.id === 'keep')?.paragraphs.join('')).toMatch(/诉求办结 \d+ 年后/);
  });

  it('a consent to an older version, or none, is out of date; the current one is not', () => {
    expect(consentOutdated(undefined)).toBe(true);
    expect(consentOutdated('2020-01-01')).toBe(true);
    expect(consentOutdated(POLICY_VERSION)).toBe(false);
  });
});
