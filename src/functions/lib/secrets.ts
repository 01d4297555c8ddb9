import { logger } from './log';

/**
 * The deployment's secrets. Deployed, a function's environment holds only the
 * NAME of each SSM SecureString parameter (SESSION_SECRET_PARAMETER, ...), and
 * the value is read here at run time: once at a cold start, then again when the
 * cached copy is five minutes old, so a rotated secret reaches every instance
 * within minutes without a request ever waiting on SSM otherwise. The local
 * stack and the tests have no SSM: a plain value in the environment wins.
 * The SSM client loads with the first read, so a function that needs no secret
 * (health) or runs where the environment holds them never pays for it.
 */
const sources = {
  sessionSecret: 'SESSION_SECRET',
  rosterKey: 'ROSTER_KEY',
  /** Keys the pseudonyms of high-entropy identifiers (account ids from openids, receipts): never rotated. */
  identityKey: 'IDENTITY_KEY',
  wechatAppSecret: 'WECHAT_APP_SECRET',
} as const;
export type SecretName = keyof typeof sources;

const MAX_AGE_SECONDS = 300;
const fromSsm: Partial<Record<SecretName, string>> = {};

const parameterName = (name: SecretName) => process.env[`${sources[name]}_PARAMETER`] || undefined;

/** Reads from SSM the secrets the environment does not hold (Powertools keeps them for five minutes). */
export async function loadSecrets(): Promise<void> {
  const wanted = (Object.keys(sources) as SecretName[]).filter((n) => !process.env[sources[n]] && parameterName(n));
  if (!wanted.length) return;
  const { getParametersByName } = await import('@aws-lambda-powertools/parameters/ssm');
  // A stage without WeChat has no app secret parameter: what is missing reads as '' and its user says so.
  const { _errors: missing, ...values } = await getParametersByName<string>(
    Object.fromEntries(wanted.map((n) => [parameterName(n), {}])),
    { decrypt: true, maxAge: MAX_AGE_SECONDS, throwOnError: false },
  );
  if (missing?.length) logger.error('secret parameters unreadable', { parameters: missing });
  for (const n of wanted) fromSsm[n] = (values as Record<string, string>)[parameterName(n) as string] ?? '';
}

/** A secret's current value; '' when none is configured (callers that need one say which is missing). */
export function secret(name: SecretName): string {
  const plain = process.env[sources[name]];
  if (plain) return plain;
  if (!parameterName(name)) return '';
  const loaded = fromSsm[name];
  if (loaded === undefined) throw new Error(`${sources[name]} read before loadSecrets()`);
  return loaded;
}

const made = new Map<string, { value: string; thing: unknown }>();
/**
 * What is made from a secret (a derived or imported key), made once per value of it: making it on every
 * request cost a few percent of a request's CPU, and a rotated secret still makes it afresh.
 */
export function madeFrom<T>(name: SecretName, purpose: string, make: (value: string) => T): T {
  const value = secret(name);
  const id = `${name}\u0000${purpose}`;
  const kept = made.get(id);
  if (kept?.value === value) return kept.thing as T;
  const thing = make(value);
  made.set(id, { value, thing });
  return thing;
}
