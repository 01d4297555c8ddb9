/** Time enters use cases through here so tests and rules can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The ISO calendar date (UTC) of a moment: what role terms and adulthood are compared with. */
export const isoDay = (now: Date) => now.toISOString().slice(0, 10);
