/**
 * Privacy tiers (domain.md §6). A name is "personal": other residents see it
 * masked (张**), the person themselves and the staff who answer them see it whole.
 */
export const maskName = (name: string) => {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 2));
};
