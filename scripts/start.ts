import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureH5Build } from './local/build-h5';
import { root } from './local/serverless-config';
import { startStack } from './local/stack';

/**
 * `npm start`: the whole product on this machine, with a seeded demo township.
 *   --persist        keep the database and its keys in .data/ between runs (seeded once; sign-ins survive)
 *   --port N         serve on port N (default 3000)
 *   --host H         listen on H (default 127.0.0.1)
 */
const { values } = parseArgs({
  options: {
    persist: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

async function main() {
  ensureH5Build();
  const stack = await startStack({
    dataDir: values.persist ? join(root, '.data') : undefined,
    port: Number(values.port),
    host: values.host,
    staticDir: join(root, 'dist', 'h5'),
    seedDemo: true,
  });
  console.log(`
村民议事厅 Village Hall is running.
  App:      ${stack.url}/
  API:      ${stack.apiUrl}  (OpenAPI: ${stack.apiUrl}/openapi.json)
  Database: DynamoDB Local at ${stack.dynamoEndpoint} (${values.persist ? 'persisted in .data/' : 'in memory'})${stack.seeded ? ', demo township seeded' : ''}
  WeChat messages: ${stack.wechatMessagesUrl}  (what a local fake of WeChat would have sent to phones)
Sign in on the app's demo page as any seeded villager, committee member, supervisor or township staff,
or as a new WeChat user (a local fake of WeChat's code2Session) who then binds to a person of the roster.
Press Ctrl+C to stop.`);
  const stop = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
