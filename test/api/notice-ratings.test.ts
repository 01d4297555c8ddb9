import type { SeededVillage } from '../../scripts/local/seed';
import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * 一满意: residents rate a published notice once; staff and the 监委会 see counts and
 * reasons, never who, and nothing stored (the rating, the audit log, the township's
 * summary) leads back to the rater.
 */
let api: TestApi;
let v1: SeededVillage;
const raw = rawTable();
const noticePk = (noticeId: string) => `TN#${v1.villageId}#N#${noticeId}`;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

beforeAll(async () => {
  api = await startTestApi('noticerate');
  v1 = api.township.villages[0];
});
afterAll(() => api.stop());

async function published() {
  const chair = await api.as(v1.chair);
  const id = (
    await chair.post('/notices', { category: 'village', title: '村道硬化公示', body: '三组至五组村道硬化。' })
  ).body.noticeId as string;
  const first = await chair.post(`/notices/${id}/publish`);
  if (first.body.status === 'pending_review') await (await api.as(v1.committee[1])).post(`/notices/${id}/approve`);
  return id;
}

describe('rating a notice', () => {
  it('counts one rating per person: a retry gets the same answer, a different rating is refused', async () => {
    const id = await published();
    const resident = await api.as(v1.residents[0]);
    const body = { rating: 'unsatisfied', reason: '工程预算没有列明细' };
    const first = await resident.put(`/notices/${id}/my-rating`, body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ noticeId: id, ...body });
    const retry = await resident.put(`/notices/${id}/my-rating`, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const changed = await resident.put(`/notices/${id}/my-rating`, { rating: 'satisfied' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toContain('只能评价一次');
    expect((await resident.get(`/notices/${id}/my-rating`)).body).toEqual({ noticeId: id, ...body });
    expect((await (await api.as(v1.residents[1])).get(`/notices/${id}/my-rating`)).body).toEqual({
      noticeId: id,
      rating: null,
    });
    const counts = (await (await api.as(v1.chair)).get(`/notices/${id}/ratings`)).body;
    expect(counts).toMatchObject({ total: 1, counts: { satisfied: 0, basically: 0, unsatisfied: 1 } });
  });

  it('counts a burst of the same rating sent at once as one', async () => {
    const id = await published();
    const resident = await api.as(v1.residents[2]);
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => resident.put(`/notices/${id}/my-rating`, { rating: 'basically' })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await (await api.as(v1.supervisor)).get(`/notices/${id}/ratings`)).body.total).toBe(1);
  });

  it('shows staff, the 监委会 and the township counts and reasons, never who', async () => {
    const id = await published();
    const raters = v1.residents.slice(3, 6);
    const choices = ['satisfied', 'basically', 'unsatisfied'] as const;
    for (const [i, p] of raters.entries()) {
      const r = await (await api.as(p)).put(`/notices/${id}/my-rating`, {
        rating: choices[i],
        ...(i === 2 ? { reason: '公示时间太短' } : {}),
      });
      expect(r.status).toBe(200);
    }
    for (const viewer of [v1.chair, v1.supervisor, api.township.staff]) {
      const r = await (await api.as(viewer)).get(`/notices/${id}/ratings?villageId=${v1.villageId}`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        noticeId: id,
        counts: { satisfied: 1, basically: 1, unsatisfied: 1 },
        total: 3,
        satisfactionRate: 0.67,
        reasons: [{ rating: 'unsatisfied', reason: '公示时间太短' }],
      });
      const text = JSON.stringify(r.body);
      for (const p of raters) {
        expect(text).not.toContain(p.personId);
        expect(text).not.toContain(p.name);
      }
    }
    // A resident sees their own rating only, not the village's.
    expect((await (await api.as(raters[0])).get(`/notices/${id}/ratings`)).status).toBe(403);

    // The raw table: the ratings name no one and carry no time; no audit entry ties a rater to the notice.
    const stored = (await raw.partition(noticePk(id))).filter((i) => String(i.sk).startsWith('RATING#'));
    expect(stored).toHaveLength(3);
    const month = new Date().toISOString().slice(0, 7);
    const audit = await raw.partition(`TN#${v1.villageId}#AUDIT#${month}`);
    const summary = await raw.item(`TN#${api.township.townshipId}`, `SUMMARY#${v1.villageId}`);
    for (const p of raters) {
      for (const item of stored) {
        const text = JSON.stringify(item);
        expect(text).not.toContain(p.personId);
        expect(text).not.toContain(p.name);
        expect(text).not.toMatch(ISO_TIME);
      }
      expect(audit.filter((e) => e.actorId === p.personId && String(e.target).includes(id))).toEqual([]);
    }
    expect(JSON.stringify(summary)).not.toContain(raters[0].personId);
  });

  it('refuses a rating that is not on the scale, naming the field, and counts nothing', async () => {
    const id = await published();
    const r = await (await api.as(v1.residents[6])).put(`/notices/${id}/my-rating`, { rating: 'great' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('rating');
    expect(r.body.error.fields[0].message).toContain('满意');
    const phone = await (await api.as(v1.residents[6])).put(`/notices/${id}/my-rating`, {
      rating: 'unsatisfied',
      reason: '请打我电话 13900009876',
    });
    expect(phone.status).toBe(400);
    expect(phone.body.error.fields[0].path).toBe('reason');
    expect((await raw.partition(noticePk(id))).filter((i) => String(i.sk).startsWith('RATING#'))).toEqual([]);
  });

  it('rates only what is published, and only by the village’s own people', async () => {
    const id = await published();
    const withdrawn = await (await api.as(v1.chair)).post(`/notices/${id}/withdraw`, { reason: '内容有误，重新公示' });
    expect(withdrawn.status).toBe(200);
    expect(
      (await (await api.as(v1.residents[7])).put(`/notices/${id}/my-rating`, { rating: 'satisfied' })).status,
    ).toBe(409);
    const other = await published();
    const township = await api.as(api.township.staff);
    expect((await township.put(`/notices/${other}/my-rating`, { rating: 'satisfied' })).status).toBe(403);
    const neighbour = await api.as(api.township.villages[1].chair);
    expect((await neighbour.put(`/notices/${other}/my-rating`, { rating: 'satisfied' })).status).toBe(404);
  });
});
