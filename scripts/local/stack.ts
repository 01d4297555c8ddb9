import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createTables, startDynamo } from './dynamodb';
import { startHttpServer } from './http-server';

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
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const tableName = options.tableName ?? 'village-hall-local';
  const dynamo = await startDynamo({ dataDir: options.dataDir });
  pointAtLocalDatabase(dynamo.endpoint, tableName);
  const created = await createTables(dynamo.endpoint, tableName);
  let seeded = false;
  if (options.seedDemo && created) {
    const { seedDemo } = await import('./seed');
    await seedDemo({ now: new Date() });
    seeded = true;
  }
  const { server, url } = await startHttpServer({
    port: options.port,
    host: options.host,
    staticDir: options.staticDir,
  });
  return {
    url,
    apiUrl: options.staticDir ? `${url}/api` : url,
    dynamoEndpoint: dynamo.endpoint,
    tableName,
    seeded,
    stop: async () => {
      await closeServer(server);
      dynamo.stop();
    },
  };
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
