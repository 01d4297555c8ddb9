import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { root, sqsFunctions } from './serverless-config';

/**
 * A local stand-in for the events queue (SQS) and its Lambda trigger. It speaks
 * enough of SQS's JSON protocol for the app's real SQS client (SendMessage,
 * SendMessageBatch), and feeds the consumer that serverless.yml declares for the
 * queue, in batches, as Lambda would: a message reported as failed comes back
 * after a pause, and after maxReceiveCount tries goes to the dead-letter list.
 */
interface Held {
  messageId: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
}

export interface LocalQueue {
  url: string;
  server: Server;
  /** Messages that failed maxReceiveCount times. */
  deadLetters: Held[];
  /** Resolves once every message sent so far has been consumed (or dead-lettered). */
  settle(timeoutMs?: number): Promise<void>;
  /** Hands a message to the consumer again, as SQS may (at-least-once delivery). */
  redeliver(body: string): Promise<SQSBatchResponse>;
  /** Keeps what arrives from the consumer until release(), as a backed-up queue would. */
  hold(): void;
  release(): void;
}

type Consumer = (event: SQSEvent) => Promise<SQSBatchResponse>;
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const recordOf = (m: Held): SQSRecord => ({
  messageId: m.messageId,
  receiptHandle: m.messageId,
  body: m.body,
  attributes: {
    ApproximateReceiveCount: String(m.receiveCount),
    SentTimestamp: String(Date.now()),
    SenderId: 'local',
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {},
  md5OfBody: md5(m.body),
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:local:000000000000:events',
  awsRegion: 'local',
});

export async function startLocalQueue(
  options: { retryDelayMs?: number; concurrency?: number } = {},
): Promise<LocalQueue> {
  const [fn] = sqsFunctions();
  if (!fn) throw new Error('serverless.yml declares no function with an sqs event');
  const mod = (await import(join(root, fn.module))) as Record<string, Consumer>;
  const consumer = mod[fn.exportName];
  const retryDelayMs = options.retryDelayMs ?? 200;
  const concurrency = options.concurrency ?? 2;
  const waiting: Held[] = [];
  const deadLetters: Held[] = [];
  let running = 0;
  let idle: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let holding = false;

  const settled = () => !waiting.length && !running;
  const pump = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (running < concurrency && !holding) {
      const now = Date.now();
      const batch = waiting.filter((m) => m.visibleAt <= now).slice(0, fn.batchSize);
      if (!batch.length) break;
      for (const m of batch) waiting.splice(waiting.indexOf(m), 1);
      running++;
      void run(batch);
    }
    const next = Math.min(...waiting.map((m) => m.visibleAt));
    if (Number.isFinite(next) && running < concurrency && !holding) {
      timer = setTimeout(pump, Math.max(0, next - Date.now()));
      timer.unref();
    }
    if (settled()) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  const run = async (batch: Held[]) => {
    for (const m of batch) m.receiveCount++;
    let failed: Set<string>;
    try {
      const r = await consumer({ Records: batch.map(recordOf) });
      failed = new Set((r?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.messageId)); // the whole batch comes back, as with a crashed Lambda
    }
    for (const m of batch.filter((b) => failed.has(b.messageId))) {
      if (m.receiveCount >= fn.maxReceiveCount) deadLetters.push(m);
      else waiting.push({ ...m, visibleAt: Date.now() + retryDelayMs * m.receiveCount });
    }
    running--;
    pump();
  };
  const accept = (body: string) => {
    const m = { messageId: randomUUID(), body, receiveCount: 0, visibleAt: 0 };
    waiting.push(m);
    return m;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      if (target === 'SendMessage') {
        const m = accept(input.MessageBody);
        reply(200, { MessageId: m.messageId, MD5OfMessageBody: md5(m.body) });
      } else if (target === 'SendMessageBatch') {
        const Successful = (input.Entries as { Id: string; MessageBody: string }[]).map((e) => {
          const m = accept(e.MessageBody);
          return { Id: e.Id, MessageId: m.messageId, MD5OfMessageBody: md5(m.body) };
        });
        reply(200, { Successful, Failed: [] });
      } else {
        return reply(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: target });
      }
      pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/000000000000/events`,
    server,
    deadLetters,
    settle: (timeoutMs = 30_000) =>
      settled()
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error('the local queue did not settle')), timeoutMs);
            idle.push(() => {
              clearTimeout(t);
              resolve();
            });
          }),
    redeliver: (body) =>
      consumer({ Records: [recordOf({ messageId: randomUUID(), body, receiveCount: 1, visibleAt: 0 })] }),
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      pump();
    },
  };
}

/** Points this process's events queue at a local stand-in. */
export async function pointAtLocalQueue() {
  const queue = await startLocalQueue();
  process.env.EVENTS_QUEUE_URL = queue.url;
  process.env.SQS_ENDPOINT = new URL(queue.url).origin;
  return queue;
}
