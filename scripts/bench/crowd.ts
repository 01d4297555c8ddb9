import { Agent, request } from 'node:http';
import { idCheckDigit } from '../../src/shared/rules/identity';
import type { SeededPerson } from '../local/seed';
import type { startBenchStack } from './stack';

/**
 * What the load benchmarks share: their command-line numbers, percentiles, a
 * pool of workers, the chair's API calls, and a crowd of adults imported as a
 * register would be and each signed in.
 */

/** `--name 123` from the command line, or the fallback. */
export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The p-th percentile (0–1) of sorted figures; NaN when there are none. */
export const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

/** Works through the items with this many calls under way at once. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export interface Json {
  [k: string]: unknown;
}

/**
 * The load's own HTTP client: Node's http with kept-alive sockets, the transport the
 * SDK's handler gives the direct side too. fetch (undici) spent more of this process's
 * CPU per call than the gateway it measured, and on two cores the load's CPU is taken
 * from the API's share.
 */
export function loadClient(concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  return (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<{ status: number; json: () => Json }>((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(init.body);
    });
}

export type Gateway = Awaited<ReturnType<typeof startBenchStack>>['gateway'];
export type Api = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: Json }>;

/** JSON calls to the gateway, as the chair unless other headers are given. */
export async function chairApi(gateway: Gateway, chair: SeededPerson): Promise<Api> {
  const chairHeaders = { ...(await gateway.signIn(chair)), 'content-type': 'application/json' };
  return async (method, path, body, headers = chairHeaders) => {
    const r = await fetch(`${gateway.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Json };
  };
}

export interface CrowdOptions {
  /** How many adults. */
  people: number;
  /** Their names are this and a number (投票人0, 投票人1, …); the search for them is by it, so it must be unique. */
  name: string;
  /** The letter before each household number (every adult heads their own household). */
  household: string;
  /** The first four digits of their ID numbers, apart from other crowds'. */
  region: string;
}

/** A register of adults, each the head of a household, with valid ID numbers. */
function register({ people, name, household, region }: CrowdOptions) {
  const lines = ['户号,姓名,与户主关系,身份证号,村民小组'];
  for (let i = 0; i < people; i++) {
    const birth = `${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const first17 = `${region}${String(20 + Math.floor(i / 1000)).padStart(2, '0')}${birth}${String(i % 1000).padStart(3, '0')}`;
    lines.push(
      `${household}${String(i).padStart(5, '0')},${name}${i},户主,${first17 + idCheckDigit(first17)},第一村民小组`,
    );
  }
  return Buffer.from(lines.join('\n')).toString('base64');
}

export interface Member {
  personId: string;
  /** Signed in through the demo sign-in, with a JSON content type. */
  headers: Record<string, string>;
}

/**
 * Imports the crowd into the village through the chair's register import
 * (preview, then confirm), finds them by name, and signs each of them in.
 */
export async function importCrowd(gateway: Gateway, api: Api, villageId: string, options: CrowdOptions) {
  const fileBase64 = register(options);
  const preview = await api('POST', '/roster-imports/preview', { fileBase64 });
  if (preview.status !== 200) throw new Error(`register preview: ${preview.status} ${JSON.stringify(preview.body)}`);
  const imported = await api('POST', '/roster-imports', { fileBase64, checksum: preview.body.checksum });
  if (imported.status !== 200) throw new Error(`register import: ${imported.status} ${JSON.stringify(imported.body)}`);

  const people: { personId: string }[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await api(
      'GET',
      `/people?q=${encodeURIComponent(options.name)}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    people.push(...(page.body.items as { personId: string }[]));
    cursor = (page.body.nextCursor as string | null) ?? undefined;
    if (!cursor) break;
  }
  const members: Member[] = [];
  await pool(
    people.map((p, i) => ({ ...p, i })),
    32,
    async ({ personId, i }) => {
      members[i] = {
        personId,
        headers: {
          ...(await gateway.signIn({ personId, tenantId: villageId, name: '' })),
          'content-type': 'application/json',
        },
      };
    },
  );
  return members;
}

/** Runs the work over the items, CONCURRENCY at a time, and says how long it took and what each took (sorted). */
export async function timedPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  const started = performance.now();
  await pool(items, concurrency, async (item) => {
    const t0 = performance.now();
    await work(item);
    latencies.push(performance.now() - t0);
  });
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}
