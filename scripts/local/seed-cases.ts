import { escalateDue } from '../../src/functions/cases/oversight';
import * as cases from '../../src/functions/cases/service';
import { second } from '../../src/functions/cases/support';
import { toActor } from '../../src/functions/lib/actor';
import { getPerson } from '../../src/functions/people/store';
import type { SubmitCaseRequest } from '../../src/shared/schemas/case';
import type { SeededPerson, SeededVillage } from './seed';

/**
 * Demo suggestions and petitions for `npm start`, made through the use cases
 * themselves and back-dated, so the lists, the timeline, the deadlines and the
 * dashboard show every state: new, seconded, in progress, answered and rated,
 * overdue and escalated, a complaint about a member (监委会's), a care concern.
 */
export async function seedCases(village: SeededVillage, now: Date) {
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const actorOf = async (p: SeededPerson, at: Date) => {
    const person = await getPerson(p.tenantId, p.personId);
    if (!person) throw new Error(`seed: no ${p.personId}`);
    return toActor(person, at);
  };
  const submit = async (who: SeededPerson, req: Partial<SubmitCaseRequest>, at: Date) =>
    cases.submitCase(
      await actorOf(who, at),
      { kind: 'suggestion', categoryId: 'other', text: '', photos: [], anonymous: false, ...req } as SubmitCaseRequest,
      undefined,
      at,
    );
  const [r0, r1, r2, r3, r4, r5, r6] = village.residents;
  const chair = async (at: Date) => actorOf(village.chair, at);

  const lights = await submit(
    r0,
    { categoryId: 'roads', text: '三组到村口的路灯坏了三盏，晚上老人出门不安全，建议尽快修好。', place: '三组村口' },
    daysAgo(6),
  );
  for (const p of [r1, r2, r3, r4]) await second(await actorOf(p, daysAgo(5)), { caseId: lights.caseId }, daysAgo(5));
  await cases.accept(await chair(daysAgo(4)), { caseId: lights.caseId }, '已联系电工', daysAgo(4));
  await cases.sort(await chair(daysAgo(3)), { caseId: lights.caseId }, { track: 'quick' }, daysAgo(3));

  // The village's two public lists: a need to weigh up, and a project it has taken on.
  const hall = await submit(
    r2,
    { categoryId: 'other', text: '建议把老村委会的空房子改成老年活动室，冬天老人有个地方烤火聊天。' },
    daysAgo(12),
  );
  await cases.accept(await chair(daysAgo(11)), { caseId: hall.caseId }, undefined, daysAgo(11));
  await cases.sort(
    await chair(daysAgo(10)),
    { caseId: hall.caseId },
    { track: 'needs', note: '需要先核算改造费用，列入需求清单' },
    daysAgo(10),
  );
  const bridge = await submit(
    r3,
    { categoryId: 'roads', text: '四组小河上的木桥年久失修，建议改成水泥桥，孩子上学要走。' },
    daysAgo(25),
  );
  await cases.accept(await chair(daysAgo(24)), { caseId: bridge.caseId }, undefined, daysAgo(24));
  await cases.sort(
    await chair(daysAgo(20)),
    { caseId: bridge.caseId },
    { track: 'project', note: '村民代表会议同意立项，争取镇里一事一议资金' },
    daysAgo(20),
  );

  const bins = await submit(
    r5,
    { kind: 'petition', categoryId: 'sanitation', text: '二组垃圾池好几天没人清运了，气味很大，请村里安排。' },
    daysAgo(20),
  );
  await cases.accept(await chair(daysAgo(19)), { caseId: bins.caseId }, undefined, daysAgo(19));
  await cases.assign(
    await chair(daysAgo(19)),
    { caseId: bins.caseId },
    village.gridWorkers[0].personId,
    undefined,
    daysAgo(19),
  );
  await cases.reply(
    await actorOf(village.gridWorkers[0], daysAgo(15)),
    { caseId: bins.caseId },
    '已通知保洁员清运，今后每两天清运一次，网格员每周检查。',
    daysAgo(15),
  );
  await cases.rate(await actorOf(r5, daysAgo(14)), { caseId: bins.caseId }, { rating: 'satisfied' }, daysAgo(14));

  await submit(
    r6,
    { kind: 'petition', categoryId: 'land', text: '我家的承包地确权面积比实际少了半亩，请村里核实更正。' },
    daysAgo(30),
  );
  await escalateDue(now); // its 15 days to decide ran out: on the township's list now
  await submit(
    r1,
    {
      kind: 'petition',
      categoryId: 'conduct',
      text: '村委委员在低保评定中优亲厚友，请监委会调查。',
      about: { kind: 'member', personId: village.committee[1].personId },
      anonymous: true,
    },
    daysAgo(2),
  );
  await submit(r2, { categoryId: 'care', text: '五组独居的王大爷最近几天没出门，担心他身体出问题。' }, daysAgo(1));
}
