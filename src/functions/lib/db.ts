import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from './env';

const local = env.dynamoEndpoint
  ? {
      endpoint: env.dynamoEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }
  : {};

export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ ...local, maxAttempts: 5 }), {
  marshallOptions: { removeUndefinedValues: true },
});
export const table = () => env.tableName;

export const isConditionFailure = (e: unknown) =>
  e instanceof Error &&
  (e.name === 'ConditionalCheckFailedException' ||
    (e.name === 'TransactionCanceledException' && e.message.includes('ConditionalCheckFailed')));
