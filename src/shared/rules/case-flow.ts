import type { CaseAction, CaseStatus } from '../schemas/case';

/**
 * The case workflow (domain.md §4): which state each step starts from and
 * where it leads. Rating "unsatisfied" leads on to reopened or escalated, as
 * the village's settings say; everything else is one fixed step.
 */
/** Accepted and not yet answered: handlers work on it, and the resolve clock runs. */
export const workingStates: CaseStatus[] = ['accepted', 'assigned', 'in_progress', 'reopened'];
/** Open to 附议 / 联名: cases no one has answered yet. */
export const supportingStates: CaseStatus[] = ['submitted', ...workingStates, 'escalated'];

const steps: Partial<Record<CaseAction, { from: CaseStatus[]; to?: CaseStatus }>> = {
  accept: { from: ['submitted'], to: 'accepted' },
  decline: { from: ['submitted'], to: 'declined' },
  assign: { from: workingStates, to: 'assigned' },
  progress: { from: workingStates, to: 'in_progress' },
  extend: { from: workingStates },
  reply: { from: workingStates, to: 'resolved' },
  rate: { from: ['resolved'], to: 'rated' },
  merge: { from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: 'closed' },
  topic: { from: ['accepted', 'assigned', 'in_progress'], to: 'in_progress' },
  transfer: { from: ['submitted', ...workingStates], to: 'closed' },
  sort: { from: workingStates },
};

/** The state a step is judged from: an escalated case is worked on from where it stood when escalated. */
export const workingState = (status: CaseStatus, escalatedFrom?: CaseStatus): CaseStatus =>
  status === 'escalated' && escalatedFrom ? escalatedFrom : status;

export const canStep = (action: CaseAction, state: CaseStatus) => steps[action]?.from.includes(state) ?? false;
export const nextState = (action: CaseAction, state: CaseStatus): CaseStatus => steps[action]?.to ?? state;

/** Still being worked on or waiting for its petitioner: not closed, declined or merged away. */
export const isOpen = (status: CaseStatus) => status !== 'closed' && status !== 'declined';
export const takesSupport = (status: CaseStatus) => supportingStates.includes(status);

/** Character bigrams: Chinese has no spaces, and two characters carry most words. */
const bigrams = (text: string) => {
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
};

/** How alike two texts are (Dice coefficient over bigrams, 0–1): what "similar open suggestions" ranks by. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}
