import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { createTables, localClient } from '../../scripts/local/dynamodb';
import { type FakeWechat, pointAtFakeWechat } from '../../scripts/local/fake-wechat';
import { type LocalServerOptions, startHttpServer } from '../../scripts/local/http-server';
import { pointAtPhotoStore } from '../../scripts/local/photo-store';
import { type LocalQueue, pointAtLocalQueue } from '../../scripts/local/queue';
import type { SeededPerson, SeededTownship } from '../../scripts/local/seed';
import { closeServer } from '../../scripts/local/stack';
import { POLICY_VERSION } from '../../src/shared/rules/policy-version';
import { recordSeeded } from './log-capture';

/**
 * Each API test file starts the local gateway in its own process (real HTTP, real
 * handlers) on a free port, against the run's DynamoDB Local, and seeds a township
 * whose ids no other file uses.
 */
export interface Reply<T = any> {
  status: number;
  body: T;
}

export class ApiClient {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  /** The same caller with another token (after binding, a new session). */
  withToken = (token: string) => new ApiClient(this.base, token);

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body ?? {}, headers);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

export interface TestApi {
  url: string;
  township: SeededTownship;
  anonymous: ApiClient;
  as(person: SeededPerson): Promise<ApiClient>;
  /** Signs in through WeChat (the local fake of code2Session) as this WeChat user: a fresh one by default. */
  wechat(user?: string): Promise<ApiClient>;
  /** The events queue's local stand-in: settle() waits until every event sent so far reached its inboxes. */
  events: LocalQueue;
  /** The local fake of WeChat's API: what subscribe messages it would have delivered, and its switches. */
  fakeWechat: FakeWechat;
  stop(): Promise<void>;
}

/** The agreement a binding carries: the current policy, and the ID number's processing ticked on its own. */
export const consent = { policyVersion: POLICY_VERSION, policy: true, idNumber: true };

let wechatUsers = 0;
/** A mini-program login code for a WeChat user, as the local fake accepts it: `<user>.<nonce>`, good once. */
export const wechatCode = (user: string) => `${user}.${randomBytes(6).toString('hex')}`;

export async function startTestApi(
  idPrefix: string,
  options: {
    withNotices?: boolean;
    gateway?: LocalServerOptions;
    /**
     * A table of its own, for a file that reads the whole raw table (a Scan): it then
     * reads its own township, not what every other file of the run wrote beside it.
     */
    ownTable?: boolean;
  } = {},
): Promise<TestApi> {
  if (options.ownTable) {
    process.env.TABLE_NAME = `${process.env.TABLE_NAME}-${idPrefix}`;
    await createTables(process.env.DYNAMODB_ENDPOINT!, process.env.TABLE_NAME);
  }
  const wechat = await pointAtFakeWechat();
  const photos = await pointAtPhotoStore();
  const events = await pointAtLocalQueue();
  const { seedDemo } = await import('../../scripts/local/seed');
  const township = await seedDemo({ now: new Date(), idPrefix, withNotices: options.withNotices ?? false });
  recordSeeded(township.idNumbersAndPhones);
  const { server, url } = await startHttpServer(options.gateway);
  const anonymous = new ApiClient(url);
  const tokens = new Map<string, string>();
  return {
    url,
    township,
    anonymous,
    async as(person) {
      if (!tokens.has(person.personId)) {
        const r = await anonymous.post('/auth/demo-sign-in', { tenantId: person.tenantId, personId: person.personId });
        if (r.status !== 200) throw new Error(`demo sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
        tokens.set(person.personId, r.body.token);
      }
      return new ApiClient(url, tokens.get(person.personId));
    },
    async wechat(user = `${idPrefix}-user${++wechatUsers}`) {
      const r = await anonymous.post('/auth/wechat', { code: wechatCode(user) });
      if (r.status !== 200) throw new Error(`wechat sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
      return new ApiClient(url, r.body.token);
    },
    events,
    fakeWechat: wechat,
    stop: async () => {
      // What the file's requests left on the queue is worked off first, not behind the next file's back.
      await events.settle().catch(() => undefined);
      await closeServer(server as Server);
      await closeServer(events.server);
      await closeServer(wechat.server);
      await closeServer(photos.server);
    },
  };
}

/**
 * Reads the raw table, to assert what was (and was not) stored; and changes an item behind the API's back, as
 * another instance (or someone at the table) would, through a client the handlers do not share.
 */
export const rawTable = () => {
  const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
  const TableName = process.env.TABLE_NAME!;
  return {
    async partition(pk: string) {
      const r = await doc.send(
        new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
      );
      return r.Items ?? [];
    },
    async item(pk: string, sk: string) {
      const r = await doc.send(new GetCommand({ TableName, Key: { pk, sk } }));
      return r.Item;
    },
    async update(key: { pk: string; sk: string }, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>) {
      await doc.send(new UpdateCommand({ TableName, Key: key, ...update }));
    },
  };
};
