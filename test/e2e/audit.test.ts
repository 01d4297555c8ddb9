import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../scripts/local/dynamodb';
import type { SeededVillage } from '../../scripts/local/seed';
import { anchorVillage } from '../../src/functions/audit/anchor';
import { rawTable } from '../helpers/api';
import { type BrowserStack, shot, startBrowserStack } from '../helpers/browser';

/**
 * 操作记录校验 in headless Chromium on the H5 build: the supervision committee's
 * chair checks the village's record from the home page and is told it holds; after
 * an entry is edited in the raw table, the same check names it. The head anchored
 * that day is printed at the foot of a notice for the paper board.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2eaudit');
  village = stack.township.villages[0];
  // Audited actions to check: the chair reads two people's full details.
  const chair = await stack.apiAs(village.chair);
  for (const p of village.residents.slice(0, 2)) await chair.get(`/people/${p.personId}/sensitive`);
}, 90_000);
afterAll(() => stack?.stop());
jest.setTimeout(90_000);

it('the supervision committee checks the record, and is told which entry was changed', async () => {
  const page = await stack.openAs(village.supervisor);
  await page.locator('#tile-audit').click();
  await page.locator('#audit-check').click();
  await page.locator('#audit-ok', { hasText: '校验通过' }).waitFor();
  await shot(page, 'audit-check', true);

  // Someone with the table changes who did the second thing.
  const link = await rawTable().item(`TN#${village.villageId}#CHAIN`, `LINK#${'2'.padStart(12, '0')}`);
  const entry = (await rawTable().item(link?.entry.pk, link?.entry.sk)) as Record<string, unknown>;
  const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
  await doc.send(
    new PutCommand({ TableName: process.env.TABLE_NAME!, Item: { ...entry, actorId: village.residents[5].personId } }),
  );
  await page.reload();
  await page.locator('#audit-check').click();
  await page.locator('#audit-broken', { hasText: '第 2 条记录校验不通过' }).waitFor();
  await page.locator('#audit-broken', { hasText: '内容被改动过' }).waitFor();
  await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME!, Item: entry }));
});

it("a printed notice carries the day's anchored head of the record", async () => {
  const anchor = await anchorVillage(village.villageId, 480, new Date());
  const page = await stack.openAs(village.chair);
  const noticeId = village.publishedNoticeIds[0];
  await page.goto(`${stack.url}/#/pages/notices/print/index?id=${noticeId}`);
  await page.locator('#anchor-line', { hasText: `${anchor.day} 公布的操作记录链头（共 ${anchor.seq} 条）` }).waitFor();
  await page.locator('#anchor-line', { hasText: anchor.hash.slice(0, 8) }).waitFor();
});
