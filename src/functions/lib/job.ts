import type { Context } from 'aws-lambda';
import { logger } from './log';
import { loadSecrets } from './secrets';

/**
 * The wrapper of every handler that is not HTTP (queue consumers, schedules), as
 * http() is of the others: each log line carries the invocation's request id, and
 * the secrets are loaded before the job runs.
 */
export const job =
  <E, R>(run: (event: E) => Promise<R>) =>
  async (event: E, context?: Context): Promise<R> => {
    if (context) logger.addContext(context);
    await loadSecrets();
    return run(event);
  };
