/**
 * The version of the privacy policy (rules/privacy.ts). A person's consent names the
 * version they agreed to; a newer one here makes the app ask them again (GET /me says
 * which version they agreed to). Apart from the text, so the functions that check a
 * consent don't carry the whole policy.
 */
export const POLICY_VERSION = '2026-12-01';

/** A version agreed to is out of date when it is missing or older than the current one (ISO dates sort as text). */
export const consentOutdated = (agreed: string | undefined | null) => !agreed || agreed < POLICY_VERSION;
