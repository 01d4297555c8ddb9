/**
 * Defaults of the retention settings (settings.retention, a village may change them),
 * quoted in the privacy policy's text (rules/privacy.ts). Apart from that text, so
 * every function that reads settings doesn't carry the whole policy.
 */
/** Three years, as the policy's text says in years. */
export const CLOSED_PETITION_YEARS = 3;

export const retentionDefaults = {
  /** A petition closed this many days ago loses its petitioner's identity and contact (text and outcome stay). */
  closedPetitionDays: 365 * CLOSED_PETITION_YEARS,
  /** PIPL art. 50 asks for a correction to be handled promptly; the days the committee has, a village setting. */
  correctionDays: 15,
} as const;
