import { randomBytes } from 'node:crypto';
import { createTables, startDynamo } from '../../scripts/local/dynamodb';
import { pointAtLocalDatabase } from '../../scripts/local/stack';

/** One DynamoDB Local per test run, on a free port; each test file seeds its own township in it. */
export default async function globalSetup() {
  const dynamo = await startDynamo();
  const tableName = `village-hall-test-${randomBytes(3).toString('hex')}`;
  pointAtLocalDatabase(dynamo.endpoint, tableName);
  await createTables(dynamo.endpoint, tableName);
  (globalThis as { __dynamo__?: { stop(): void } }).__dynamo__ = dynamo;
}
