import type { SQSClient } from '@aws-sdk/client-sqs';

/**
 * The events queue (SQS, declared in serverless.yml). Its URL is a setting; the
 * local stack points it, and the endpoint, at its stand-in (scripts/local/queue.ts).
 * Read per call so the local stack can set them after this module loads. The SQS
 * client loads with the first event to send: a function's reads never need it.
 */
const queueConfig = () => ({
  url: process.env.EVENTS_QUEUE_URL ?? '',
  endpoint: process.env.SQS_ENDPOINT || undefined,
});

let client: { endpoint?: string; sqs: SQSClient } | undefined;
const sdk = () => import('@aws-sdk/client-sqs');
const sqs = async (endpoint?: string) => {
  if (!client || client.endpoint !== endpoint) {
    const { SQSClient } = await sdk();
    const local = { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    client = { endpoint, sqs: new SQSClient(endpoint ? local : { maxAttempts: 3 }) };
  }
  return client.sqs;
};

export const queueConfigured = () => Boolean(queueConfig().url);

/** Sends message bodies, ten to a call (SQS's limit); throws if any was not taken. */
export async function sendToQueue(bodies: string[]) {
  const { url, endpoint } = queueConfig();
  const { SendMessageBatchCommand } = await sdk();
  for (let i = 0; i < bodies.length; i += 10) {
    const r = await (await sqs(endpoint)).send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: bodies.slice(i, i + 10).map((MessageBody, n) => ({ Id: String(n), MessageBody })),
      }),
    );
    if (r.Failed?.length) throw new Error(`queue refused ${r.Failed.length} messages`);
  }
}
