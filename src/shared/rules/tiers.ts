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
 * The sensitive tier, masked for every list and response: 330***********1234, 138****5678, 1956-**-**.
 * Anything shorter than a whole ID number (a typo in an import) keeps only its last 4, and a number
 * too short to hide anything between its ends is hidden entirely.
 */
export const maskIdNumber = (id: string) =>
  id.length >= 18
    ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`
    : `${'*'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
export const maskPhone = (phone: string) =>
  phone.length === 11
    ? `${phone.slice(0, 3)}****${phone.slice(-4)}`
    : phone.length > 5
      ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`
      : '*'.repeat(phone.length);
export const maskBirthDate = (d: string) => `${d.slice(0, 4)}-**-**`;
