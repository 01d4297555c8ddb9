import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { systemClock } from '../lib/clock';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import { relayPending } from '../lib/outbox';
import { announceDue } from './announce';
import { deliver } from './deliver';

/**
 * The events queue's consumer (SQS, partial batch responses): a message that
 * fails comes back later, and after a few tries lands in the dead-letter queue.
 */
export const consume = job(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const { villageId, eventId } = JSON.parse(record.body) as { villageId: string; eventId: string };
      await deliver(villageId, eventId, systemClock.now());
    } catch (e) {
      logger.error('event delivery failed', { messageId: record.messageId, errorName: (e as Error).name });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
});

/** Sends to the queue the events a crash or an unreachable queue left pending. */
export const relay = job(() => relayPending(systemClock.now()));

/** Scheduled: a vote closing within 24 hours, a case clock with one working day left, a question waiting too long. */
export const announce = job(async () => {
  const told = await announceDue(systemClock.now());
  logger.info('announced', told);
  return told;
});
