import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';

/**
 * Structured logs. By rule nothing personal goes in: log ids of requests and
 * resources, routes, statuses and error classes, never names, texts or tokens.
 */
export const logger = new Logger({
  serviceName: 'village-hall',
  logLevel: (process.env.LOG_LEVEL ?? 'WARN') as LogLevel,
});
