import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Reads serverless.yml, the single source of truth, for the local stack. */
export const root = join(__dirname, '..', '..');

interface HttpApiEvent {
  httpApi?: { method: string; path: string };
  schedule?: string;
  sqs?: { arn: { 'Fn::GetAtt': [string, string] }; batchSize?: number };
}
interface ServerlessFile {
  functions: Record<string, { handler: string; events?: HttpApiEvent[] }>;
  resources: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
}

const file = (): ServerlessFile => parse(readFileSync(join(root, 'serverless.yml'), 'utf8'));

export interface HttpRoute {
  functionName: string;
  method: string;
  path: string;
  /** e.g. src/functions/notices/handler */
  module: string;
  exportName: string;
}

export function httpRoutes(): HttpRoute[] {
  return Object.entries(file().functions).flatMap(([functionName, fn]) => {
    const dot = fn.handler.lastIndexOf('.');
    return (fn.events ?? []).flatMap((e) =>
      e.httpApi
        ? [
            {
              functionName,
              method: e.httpApi.method.toUpperCase(),
              path: e.httpApi.path,
              module: fn.handler.slice(0, dot),
              exportName: fn.handler.slice(dot + 1),
            },
          ]
        : [],
    );
  });
}

/** CreateTable input for each DynamoDB table in resources, under the name given. */
export function tableDefinitions(): Record<string, unknown>[] {
  return Object.values(file().resources.Resources)
    .filter((r) => r.Type === 'AWS::DynamoDB::Table')
    .map(({ Properties }) => {
      // Settings CreateTable does not take (or DynamoDB Local ignores) are left out.
      const { TableName, PointInTimeRecoverySpecification, TimeToLiveSpecification, ...rest } = Properties;
      return rest;
    });
}

export interface ScheduledFunction {
  functionName: string;
  module: string;
  exportName: string;
  everyMs: number;
}

const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** Functions with a `schedule: rate(N minutes)` event, so the local stack can run them on the same rate. */
export function scheduledFunctions(): ScheduledFunction[] {
  return Object.entries(file().functions).flatMap(([functionName, fn]) => {
    const dot = fn.handler.lastIndexOf('.');
    return (fn.events ?? []).flatMap((e) => {
      const m = e.schedule?.match(/^rate\((\d+) (minutes?|hours?|days?)\)$/);
      return m
        ? [
            {
              functionName,
              module: fn.handler.slice(0, dot),
              exportName: fn.handler.slice(dot + 1),
              everyMs: Number(m[1]) * UNIT_MS[m[2]],
            },
          ]
        : [];
    });
  });
}

export interface SqsFunction {
  functionName: string;
  module: string;
  exportName: string;
  batchSize: number;
  /** From the queue's RedrivePolicy: tries before a message goes to the dead-letter queue. */
  maxReceiveCount: number;
}

/** Functions with an `sqs` event, so the local stand-in of the queue (queue.ts) feeds the same consumer. */
export function sqsFunctions(): SqsFunction[] {
  const { functions, resources } = file();
  return Object.entries(functions).flatMap(([functionName, fn]) => {
    const dot = fn.handler.lastIndexOf('.');
    return (fn.events ?? []).flatMap((e) => {
      if (!e.sqs) return [];
      const queue = resources.Resources[e.sqs.arn['Fn::GetAtt'][0]];
      const redrive = queue?.Properties.RedrivePolicy as { maxReceiveCount?: number } | undefined;
      return [
        {
          functionName,
          module: fn.handler.slice(0, dot),
          exportName: fn.handler.slice(dot + 1),
          batchSize: e.sqs.batchSize ?? 10,
          maxReceiveCount: redrive?.maxReceiveCount ?? 5,
        },
      ];
    });
  });
}
