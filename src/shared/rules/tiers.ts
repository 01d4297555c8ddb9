/**
 * Privacy tiers (domain.md §6). A name is "personal": other residents see it
 * masked (张**), the person themselves and the staff who answer them see it whole.
 */
export const maskName = (name: string) => {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 2));
};

/**
 * A resident identity card number (18 characters, the last a check digit or X).
 * ID numbers are "sensitive" (PIPL): they never appear in anything public to the
 * village, so notices and questions that contain one are refused before storing.
 */
const ID_NUMBER =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
export const containsIdNumber = (text: string) => ID_NUMBER.test(text);
export const idNumberMessage = '不能包含身份证号码（敏感个人信息），请删除后再提交';

/**
 * A phone number, mainland mobile (139 0000 9876, +86 139-0000-9876) or a landline
 * with its area code (0571-8888 6666, (010)66668888). Phones are personal
 * (domain.md §6): the resident and the handlers of their case, never the whole
 * village, so text shown beyond its author and handlers refuses them. Detection
 * folds full-width digits, dashes and brackets (NFKC); the text itself is kept as typed.
 */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/;
const LANDLINE = /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?!\d)/;
export const containsPhoneNumber = (text: string) => {
  const folded = text.normalize('NFKC');
  return MOBILE.test(folded) || LANDLINE.test(folded);
};
export const phoneNumberMessage =
  '不能包含电话号码：这里写的全村都能看到。需要村里联系您，请提交诉求，把电话填在“联系电话”一栏（只有经办人能看到）';

/**
 * The sensitive tier, masked for every list and response: 330***************, 138****5678, 1956-**-**.
 * An ID number shows its first 3 digits (part of the area code) only: its last 4 are what a binding
 * claim asks for, and beside the birth year they rebuilt most numbers. Anything that is not a
 * whole ID number (a typo in an import) is hidden entirely.
 */
export const maskIdNumber = (id: string) => (id.length >= 18 ? id.slice(0, 3) : '').padEnd(id.length, '*');
export const maskPhone = (phone: string) =>
  phone.length === 11
    ? `${phone.slice(0, 3)}****${phone.slice(-4)}`
    : phone.length > 5
      ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`
      : '*'.repeat(phone.length);
export const maskBirthDate = (d: string) => `${d.slice(0, 4)}-**-**`;

/**
 * Fields whose values never enter an audit entry or any view of it: the sensitive tier,
 * a petitioner's identity and contact, a ballot's choice. An audit entry names them as
 * changed, never their values before or after (functions/lib/audit.ts, audit/list.ts).
 */
export const sensitiveFields: ReadonlySet<string> = new Set([
  'idNumber',
  'idHash',
  'phone',
  'phoneHash',
  'birthDate',
  'sealed',
  'submitter',
  'contact',
  'choice',
  'choices',
]);
