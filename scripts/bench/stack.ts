import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTables, startDynamo } from '../local/dynamodb';
import type { SeededPerson } from '../local/seed';
import { root } from '../local/serverless-config';
import { pointAtLocalDatabase } from '../local/stack';

/**
 * What every benchmark stands on: a DynamoDB Local, a seeded township, and the
 * local gateway in its own process (so the API's CPU is not the load's CPU).
 */
function startGateway(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts/local/serve-api.ts')], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /LISTENING (\S+)/.exec(d.toString());
      if (m) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}

export async function startBenchStack(options: { withNotices: boolean; beforeGateway?: () => Promise<void> }) {
  const dynamo = await startDynamo();
  pointAtLocalDatabase(dynamo.endpoint, 'village-hall-bench');
  await createTables(dynamo.endpoint, 'village-hall-bench');
  const { seedDemo } = await import('../local/seed');
  const township = await seedDemo({ now: new Date(), idPrefix: 'bench', withNotices: options.withNotices });
  // What the gateway process must inherit (the events queue's stand-in, run by the benchmark itself).
  await options.beforeGateway?.();
  const { url, child } = await startGateway();
  const signIn = async (person: SeededPerson) => {
    const r = await fetch(`${url}/auth/demo-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: person.tenantId, personId: person.personId }),
    });
    const { token } = (await r.json()) as { token: string };
    return { authorization: `Bearer ${token}` };
  };
  return {
    township,
    gateway: { url, signIn },
    stop: () => {
      child.kill();
      dynamo.stop();
    },
  };
}
