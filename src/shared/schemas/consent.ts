import * as z from 'zod';
import { POLICY_VERSION } from '../rules/policy-version';

/**
 * Agreeing to the privacy policy, as a binding or a new policy version asks it:
 * the version read, the policy, and, separately as PIPL art. 29 asks for sensitive
 * personal information, the processing of the ID number. An app built with an older
 * text sends its older version and is asked to read the new one.
 */
export const Consent = z.object({
  policyVersion: z.string().refine((v) => v === POLICY_VERSION, '隐私政策已更新，请重新打开阅读后再同意'),
  policy: z.literal(true, { error: '请阅读并同意隐私政策' }),
  idNumber: z.literal(true, { error: '请同意为核对身份处理您的身份证号（敏感个人信息）' }),
});
export type Consent = z.infer<typeof Consent>;

/** What the account agreed to and when; the ID number's consent has its own time. */
export const ConsentRecord = z.object({
  policyVersion: z.string(),
  agreedAt: z.string(),
  idNumberAgreedAt: z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;
