import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Reads serverless.yml, the single source of truth, for the local stack. */
export const root = join(__dirname, '..', '..');

interface HttpApiEvent {
  httpApi?: { method: string; path: string };
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
