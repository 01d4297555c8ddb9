import * as care from '../../src/functions/care/service';
import { listHeads } from '../../src/functions/care/store';
import * as visits from '../../src/functions/care/visits';
import { toActor } from '../../src/functions/lib/actor';
import { newId } from '../../src/functions/lib/ids';
import { photoKey, putImage } from '../../src/functions/lib/photos';
import { getPerson, listPeople, type PersonRecord, unsealSensitive } from '../../src/functions/people/store';
import { putPhoto } from '../../src/functions/photos/store';
import { hasTurned } from '../../src/shared/rules/identity';
import type { Checks, GuardianInput, VisitRequest } from '../../src/shared/schemas/care';
import type { SeededPerson, SeededVillage } from './seed';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A 1×1 PNG: the demo's "signed scan" of an agreement. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** What a visitor writes, month by month: each visit says what was seen that day. */
const seasons = [
  '天冷了，炉子烧得正旺，被褥厚实，屋里暖和；米面油够吃一个月。',
  '刚过完年，家里还有年货，老人说儿子初五才走，精神很好。',
  '开春了，帮着把院子里的杂物清了，水缸里的水是满的。',
  '老人说最近腿有点疼，已经约了镇卫生院周四去看，药按时吃着。',
  '雨水多，检查了屋顶没有漏，床铺干燥，灶台也收拾得干净。',
  '天热了，换了凉席和蚊帐，冰箱里有新买的菜和鸡蛋。',
  '老人在院子里晒太阳，说这个月低保和供养金都按时到了。',
  '今天帮忙把电风扇修好了，家里电线没有裸露，灶具安全。',
  '秋收后家里新米已经送来，老人穿着新棉鞋，说很暖和。',
  '陪老人去村卫生室量了血压，140/85，医生说药不用换。',
  '入冬前检查了取暖炉和烟筒，已装好防煤气报警器。',
  '下了第一场雪，门口路上的雪已经扫了，老人这几天没出门。',
];
const allOk = (): Checks => ({
  food: { status: 'ok' },
  clothing: { status: 'ok' },
  housing: { status: 'ok' },
  medical: { status: 'ok' },
  safety: { status: 'ok' },
  guardian: { status: 'ok' },
});

/**
 * Demo care registry for `npm start`, made through the use cases and back-dated: four people in care
 * with a year of monthly visits (some with problems, later resolved), one agreement per guardian,
 * a guardian replaced, one person whose visits stopped (overdue), a visit entered late, one copied
 * word for word from another person's record (千篇一律), and a guardian with repeated problems.
 */
export async function seedCare(village: SeededVillage, now: Date) {
  const villageId = village.villageId;
  const ago = (days: number, hour = 10) => {
    const d = new Date(now.getTime() - days * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0);
    return d;
  };
  const actorOf = async (p: SeededPerson, at: Date) => {
    const person = await getPerson(p.tenantId, p.personId);
    if (!person) throw new Error(`seed: no ${p.personId}`);
    return toActor(person, at);
  };
  const chair = (at: Date) => actorOf(village.chair, at);
  const cadre = village.committee[1];

  // Elders of 60 and over, each with another living member of the household to be their guardian.
  const today = now.toISOString().slice(0, 10);
  const people = (await listPeople(villageId)).filter((p) => p.status === 'active' && p.householdId);
  const byHousehold = new Map<string, PersonRecord[]>();
  for (const p of people) byHousehold.set(p.householdId ?? '', [...(byHousehold.get(p.householdId ?? '') ?? []), p]);
  const old = (p: PersonRecord) => {
    const b = unsealSensitive(p)?.birthDate;
    return Boolean(b && hasTurned(b, 68, today));
  };
  const staffIds = new Set([village.chair, ...village.committee, village.supervisor].map((p) => p.personId));
  const inCare = new Set((await listHeads(villageId)).map((h) => h.personId));
  const pairs = [...byHousehold.values()]
    .flatMap((members) => {
      const elder = members.find((m) => old(m) && !staffIds.has(m.personId) && !inCare.has(m.personId));
      const relative = members.find((m) => m !== elder && !old(m) && unsealSensitive(m)?.birthDate);
      return elder && relative ? [{ elder, relative }] : [];
    })
    .slice(0, 4);
  if (pairs.length < 4) throw new Error('seed: too few elders with a relative at home');

  const relative = (p: PersonRecord): GuardianInput => ({
    guardianClass: 'relative',
    personId: p.personId,
    kinship: p.relation === '配偶' ? 'spouse' : 'child',
    infirm: false,
  });
  const register = async (i: number, sinceDays: number, extra: { guardian?: GuardianInput; health?: string }) => {
    const at = ago(sinceDays, 15);
    await care.registerCare(
      await chair(at),
      villageId,
      {
        personId: pairs[i].elder.personId,
        reason: 'aged',
        supportMode: 'dispersed',
        needs: ['独居，做饭困难，需要每天有人看望', '腿脚不便，需要帮忙挑水、买菜', '视力差，需要有人帮忙服药'][i % 3],
        health: extra.health,
        cadreId: cadre.personId,
        careSince: at.toISOString().slice(0, 10),
        guardian: extra.guardian ?? relative(pairs[i].relative),
      },
      at,
    );
  };
  const agreement = async (i: number, days: number) => {
    const at = ago(days, 16);
    const actor = await chair(at);
    const photoId = newId(at.getTime());
    await putImage(photoKey(villageId, photoId), PNG, 'image/png');
    await putPhoto({
      photoId,
      villageId,
      uploadedBy: actor.personId,
      contentType: 'image/png',
      size: PNG.length,
      createdAt: at.toISOString(),
      ttl: Math.floor(at.getTime() / 1000) + DAY / 1000,
    });
    const day = at.toISOString().slice(0, 10);
    const until = new Date(at.getTime() + 364 * DAY).toISOString().slice(0, 10);
    await care.addAgreement(
      actor,
      pairs[i].elder.personId,
      villageId,
      {
        duties: [
          { kind: 'daily_watch', text: '每天上门或打电话看望一次，发现异常及时告诉村委会' },
          { kind: 'daily_life', text: '每周帮助打扫卫生、换洗衣被，保证吃上热饭' },
          { kind: 'hospital', text: '生病就医时陪同，住院期间全程陪护' },
          { kind: 'village', text: '冬季检查取暖炉具和烟筒，防止煤气中毒' },
        ],
        signedOn: day,
        startsOn: day,
        endsOn: until,
        scanPhotoId: photoId,
      },
      at,
    );
  };
  /** What the visitor wrote: the day, whom they saw, what they saw in that season. */
  const summaryOf = (i: number, at: Date) => {
    const local = new Date(at.getTime() + 8 * HOUR);
    const day = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
    return `${day}走访${pairs[i].elder.name}，${seasons[local.getUTCMonth()]}`;
  };
  const visit = async (i: number, days: number, over: Partial<VisitRequest> = {}, enteredAfterHours = 2) => {
    const at = ago(days);
    const entered = new Date(at.getTime() + enteredAfterHours * HOUR);
    return visits.recordVisit(
      await chair(entered),
      pairs[i].elder.personId,
      villageId,
      {
        visitedAt: at.toISOString(),
        companions: i % 2 ? '镇民政办 郑丽萍' : undefined,
        checks: allOk(),
        summary: summaryOf(i, at),
        photos: [],
        satisfaction: { rating: 'satisfied', by: i % 2 ? 'family' : 'person' },
        ...over,
      },
      entered,
    );
  };

  // 0: a year of monthly visits; one found the roof leaking, fixed within the week.
  await register(0, 380, { health: '高血压，每天服药' });
  await agreement(0, 378);
  for (let m = 12; m >= 1; m--) {
    const days = m * 30 - 20;
    if (m === 7) {
      const r = await visit(0, days, {
        checks: { ...allOk(), housing: { status: 'problem', note: '连着下雨，西屋屋顶漏雨，床铺受潮' } },
        satisfaction: { rating: 'basically', by: 'person' },
      });
      const roof = r.problems.find((p) => p.status === 'open');
      if (roof) {
        const fixedAt = ago(days - 4, 17);
        await visits.resolveProblem(
          await chair(fixedAt),
          { personId: pairs[0].elder.personId, problemId: roof.problemId },
          villageId,
          '村里请人补了屋顶，换了干的被褥',
          fixedAt,
        );
      }
    } else await visit(0, days);
  }

  // 1: visits stopped three months ago (overdue); one was entered four days after it happened.
  await register(1, 370, {});
  await agreement(1, 368);
  for (let m = 12; m >= 3; m--) await visit(1, m * 30 + 2, {}, m === 6 ? 96 : 2);

  // 2: the guardian kept failing: two visits found problems with the son's care, still open; the last
  // visit's text was copied word for word from person 0's latest record (千篇一律).
  await register(2, 360, { health: '糖尿病，视力差' });
  await agreement(2, 358);
  for (let m = 11; m >= 1; m--) {
    const days = m * 30 + 8;
    if (m === 2 || m === 1)
      await visit(2, days, {
        checks: {
          ...allOk(),
          food: { status: 'problem', note: m === 2 ? '灶台冷的，老人说两天没吃热饭' : '米缸快见底，没人去买' },
          guardian: { status: 'problem', note: m === 2 ? '儿子一周没来看望' : '儿子外出打工，没有托人照看' },
        },
        satisfaction: { rating: 'dissatisfied', by: 'person' },
      });
    else await visit(2, days);
  }
  await visit(2, 3, { summary: summaryOf(0, ago(40)) });

  // 3: class Ⅰ guardian replaced by the committee (class Ⅲ) after the son moved away for work.
  await register(3, 300, {});
  await agreement(3, 298);
  for (let m = 9; m >= 1; m--) await visit(3, m * 30 - 24);
  const replacedAt = ago(20, 11);
  await care.replaceGuardian(
    await chair(replacedAt),
    pairs[3].elder.personId,
    villageId,
    {
      guardian: { guardianClass: 'institution', body: 'village_committee' },
      reason: '儿子常年在外务工，无法履行监护职责',
    },
    replacedAt,
  );
}
