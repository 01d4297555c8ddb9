import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createTables, startDynamo } from './dynamodb';
import { pointAtFakeWechat } from './fake-wechat';
import { startHttpServer } from './http-server';
import { pointAtPhotoStore } from './photo-store';
import { pointAtLocalQueue } from './queue';
import { root, scheduledFunctions } from './serverless-config';

/**
 * The whole local product in one process: DynamoDB Local (embedded), tables from
 * serverless.yml, optionally the demo village, and the local API gateway serving
 * the real handlers (plus the H5 build when given). Used by `npm start` and the tests.
 */
export interface StackOptions {
  dataDir?: string; // persist DynamoDB Local here; in memory when absent
  port?: number;
  host?: string;
  staticDir?: string;
  seedDemo?: boolean;
  tableName?: string;
}

export interface Stack {
  url: string;
  apiUrl: string;
  dynamoEndpoint: string;
  /** What the fake of WeChat would have sent as subscribe messages (a page). */
  wechatMessagesUrl: string;
  tableName: string;
  seeded: boolean;
  stop(): Promise<void>;
}

// Lambda runs Node 22 (serverless.yml); locally Node 20 is fine, so skip the SDK's upgrade notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Points this process's handlers at a DynamoDB Local. Must run before any src/functions module loads. */
export function pointAtLocalDatabase(dynamoEndpoint: string, tableName: string) {
  process.env.STAGE = 'local';
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = dynamoEndpoint;
  process.env.SESSION_SECRET ??= randomBytes(32).toString('hex');
  process.env.ROSTER_KEY ??= randomBytes(32).toString('hex');
  process.env.IDENTITY_KEY ??= randomBytes(32).toString('hex');
}

/**
 * A persisted database keeps its secrets beside it, made once and readable by
 * their owner only: sealed ID numbers are unreadable without the roster key, and
 * a new session secret would sign everyone out at each restart.
 */
export function persistedSecret(dataDir: string, name: string) {
  const file = join(dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(file, 'utf8').trim();
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const tableName = options.tableName ?? 'village-hall-local';
  if (options.dataDir) {
    process.env.ROSTER_KEY ??= persistedSecret(options.dataDir, 'roster.key');
    process.env.SESSION_SECRET ??= persistedSecret(options.dataDir, 'session.key');
    // Account ids were keyed by the roster key before the identity key was its own: an older database keeps them.
    process.env.IDENTITY_KEY ??= persistedSecret(options.dataDir, 'roster.key');
  }
  const dynamo = await startDynamo({ dataDir: options.dataDir });
  pointAtLocalDatabase(dynamo.endpoint, tableName);
  const wechat = await pointAtFakeWechat();
  // Photos go straight from the app to this S3 stand-in, on the same host as the app so a phone reaches it too.
  const photos = await pointAtPhotoStore({
    host: options.host,
    dataDir: options.dataDir ? join(options.dataDir, 'photos') : undefined,
  });
  // Events go to a stand-in for SQS, which feeds the same consumer as the deployed queue.
  const events = await pointAtLocalQueue();
  const created = await createTables(dynamo.endpoint, tableName);
  let seeded = false;
  if (options.seedDemo && created) {
    const { seedDemo } = await import('./seed');
    const { seedTopics } = await import('./seed-topics');
    const { seedCases } = await import('./seed-cases');
    const { seedCare } = await import('./seed-care');
    const township = await seedDemo({ now: new Date() });
    await seedTopics(township.villages[0], new Date());
    await seedCases(township.villages[0], new Date());
    await seedCare(township.villages[0], new Date());
    seeded = true;
  }
  const timers = await startSchedules();
  const { server, url } = await startHttpServer({
    port: options.port,
    host: options.host,
    staticDir: options.staticDir,
  });
  return {
    url,
    apiUrl: options.staticDir ? `${url}/api` : url,
    dynamoEndpoint: dynamo.endpoint,
    wechatMessagesUrl: `${wechat.apiBase}/sent`,
    tableName,
    seeded,
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await closeServer(server);
      wechat.server.close();
      await closeServer(photos.server);
      await closeServer(events.server);
      dynamo.stop();
    },
  };
}

/** Runs the scheduled functions of serverless.yml on their rates, as EventBridge would. */
async function startSchedules() {
  return Promise.all(
    scheduledFunctions().map(async (f) => {
      const mod = (await import(join(root, f.module))) as Record<string, () => Promise<unknown>>;
      const timer = setInterval(() => {
        mod[f.exportName]().catch((e: Error) => console.error(`${f.functionName} failed: ${e.name}`));
      }, f.everyMs);
      timer.unref();
      return timer;
    }),
  );
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
