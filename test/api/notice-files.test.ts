import type { SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Notice files (附件 and ledger vouchers) and the finance ledger: uploaded straight
 * to storage (the local S3 stand-in), attached when a notice is saved, kept by every
 * version that named them, swept when nobody attached them; totals made by the server.
 */
let api: TestApi;
let village: SeededVillage; // publishes without review
let chair: ApiClient;
beforeAll(async () => {
  api = await startTestApi('apinfiles');
  village = api.township.villages[1];
  chair = await api.as(village.chair);
});
afterAll(() => api.stop());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const raw = rawTable();
const fileItem = (fileId: string) => raw.item(`TN#${village.villageId}#PHOTO#${fileId}`, 'PHOTO');

async function upload(
  client: ApiClient,
  fileName: string,
  bytes: Buffer = pdf,
  contentType = 'application/pdf',
  send = true,
) {
  const r = await client.post('/notice-files', { fileName, contentType, size: bytes.length });
  expect(r.status).toBe(201);
  if (send) {
    const put = await fetch(r.body.uploadUrl, {
      method: 'PUT',
      headers: r.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
  }
  return r.body.fileId as string;
}

const notice = (over: Record<string, unknown> = {}) => ({
  category: 'village',
  title: '村道硬化工程公示',
  body: '经村民代表会议讨论，决定对三组村道进行硬化。',
  ...over,
});

async function published(over: Record<string, unknown>) {
  const created = await chair.post('/notices', notice(over));
  expect(created.status).toBe(201);
  const id = created.body.noticeId as string;
  const done = await chair.post(`/notices/${id}/publish`);
  // 财务 goes past the 监委会 (the village's signOffCategories) before it is public.
  if (done.body.status === 'pending_signoff')
    expect((await (await api.as(village.supervisor)).post(`/notices/${id}/sign-off`)).body.status).toBe('published');
  else expect(done.body.status).toBe('published');
  return id;
}

describe('notice attachments through versions', () => {
  it('lists a published notice’s files with name, size and a link that opens them; a correction keeps the old version’s', async () => {
    const budget = await upload(chair, '预算表.pdf');
    const id = await published({ attachments: [{ fileId: budget, name: '工程预算表.pdf' }] });

    const resident = await api.as(village.residents[0]);
    const seen = await resident.get(`/notices/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.attachments).toEqual([
      {
        fileId: budget,
        name: '工程预算表.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        url: expect.any(String),
      },
    ]);
    const opened = await fetch(seen.body.attachments[0].url);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(pdf)).toBe(true);
    // Stored without its link (links are short-lived), and attached to this notice for good.
    expect((await raw.item(`TN#${village.villageId}#N#${id}`, 'NOTICE'))?.attachments[0].url).toBeUndefined();
    expect(await fileItem(budget)).toMatchObject({ attachedTo: id, purpose: 'notice' });
    expect((await fileItem(budget))?.ttl).toBeUndefined();

    // The correction swaps the file for a new one.
    const revised = await upload(chair, '预算表（修订）.pdf');
    const corrected = await chair.post(`/notices/${id}/corrections`, {
      ...notice({ attachments: [{ fileId: revised, name: '工程预算表（修订）.pdf' }] }),
      reason: '预算表更新为修订版',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.attachments.map((a: { fileId: string }) => a.fileId)).toEqual([revised]);

    const v1 = await resident.get(`/notices/${id}/versions/1`);
    expect(v1.body.attachments).toMatchObject([{ fileId: budget, name: '工程预算表.pdf', size: pdf.length }]);
    expect((await fetch(v1.body.attachments[0].url)).status).toBe(200);
    const all = await resident.get(`/notices/${id}/versions`);
    expect(all.body.items.map((v: { attachments: { name: string }[] }) => v.attachments.map((a) => a.name))).toEqual([
      ['工程预算表（修订）.pdf'],
      ['工程预算表.pdf'],
    ]);

    // A later correction may name the first file again: it is this notice's.
    const back = await chair.post(`/notices/${id}/corrections`, {
      ...notice({ attachments: [{ fileId: budget, name: '工程预算表.pdf' }] }),
      reason: '恢复原预算表',
    });
    expect(back.status).toBe(200);
    expect(back.body.version).toBe(3);
  });

  it('refuses a file of another notice, another person’s upload, one not sent yet, and a PDF as a voucher, writing nothing', async () => {
    const taken = await upload(chair, 'a.pdf');
    await published({ attachments: [{ fileId: taken, name: 'a.pdf' }] });
    const vice = await api.as(village.committee[1]);
    const theirs = await upload(vice, 'b.pdf');
    const unsent = await upload(chair, 'c.pdf', pdf, 'application/pdf', false);
    const aPdf = await upload(chair, 'd.pdf');
    const before = (await chair.get('/notices?status=draft&limit=50')).body.items.length;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ attachments: [{ fileId: taken, name: 'a.pdf' }] }, 'attachments.0.fileId', '另一条公告'],
      [{ attachments: [{ fileId: theirs, name: 'b.pdf' }] }, 'attachments.0.fileId', '不是您上传的'],
      [{ attachments: [{ fileId: unsent, name: 'c.pdf' }] }, 'attachments.0.fileId', '尚未上传完成'],
      [
        {
          category: 'finance',
          ledger: [{ date: '2026-11-02', item: '办公经费', direction: 'expense', amountFen: 100, voucherFileId: aPdf }],
        },
        'ledger.0.voucherFileId',
        '凭证应为照片',
      ],
    ];
    for (const [over, path, words] of cases) {
      const r = await chair.post('/notices', notice(over));
      expect(r.status).toBe(400);
      expect(r.body.error.fields).toEqual([{ path, message: expect.stringContaining(words) }]);
    }
    expect((await chair.get('/notices?status=draft&limit=50')).body.items).toHaveLength(before);
    // Still unattached, so still swept if nobody uses them.
    expect((await fileItem(theirs))?.ttl).toBeDefined();
    expect((await fileItem(aPdf))?.ttl).toBeDefined();
  });

  it('refuses a wrong type, a file over 20 MB, and more than 10 files, naming the field in Chinese', async () => {
    const wrongType = await chair.post('/notice-files', {
      fileName: '表.docx',
      contentType: 'application/msword',
      size: 10,
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields).toEqual([{ path: 'contentType', message: expect.stringContaining('PDF') }]);
    expect(wrongType.body.error.message).toContain('文件类型');
    const tooBig = await chair.post('/notice-files', {
      fileName: '大.pdf',
      contentType: 'application/pdf',
      size: 20 * 1024 * 1024 + 1,
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.fields).toEqual([{ path: 'size', message: expect.stringContaining('20 MB') }]);

    const ids = await Promise.all(Array.from({ length: 11 }, (_, i) => upload(chair, `${i}.pdf`)));
    const before = (await chair.get('/notices?status=draft&limit=50')).body.items.length;
    const many = await chair.post(
      '/notices',
      notice({ attachments: ids.map((fileId, i) => ({ fileId, name: `${i}.pdf` })) }),
    );
    expect(many.status).toBe(400);
    expect(many.body.error.fields).toEqual([
      { path: 'attachments', message: expect.stringContaining('附件最多 10 个') },
    ]);
    expect(many.body.error.message).toContain('附件');
    expect((await chair.get('/notices?status=draft&limit=50')).body.items).toHaveLength(before);
    const ten = await chair.post(
      '/notices',
      notice({ attachments: ids.slice(0, 10).map((fileId, i) => ({ fileId, name: `${i}.pdf` })) }),
    );
    expect(ten.status).toBe(201);
  });

  it('lets only those who draft notices upload', async () => {
    const resident = await api.as(village.residents[0]);
    const r = await resident.post('/notice-files', { fileName: 'x.pdf', contentType: 'application/pdf', size: 10 });
    expect(r.status).toBe(403);
  });

  it('sweeps a notice file nobody attached within a day, with the case photos’ sweep', async () => {
    const stale = await upload(chair, 'stale.pdf');
    const kept = await upload(chair, 'kept.pdf');
    await published({ attachments: [{ fileId: kept, name: 'kept.pdf' }] });
    const { sweepUnattached } = await import('../../src/functions/photos/service');
    await sweepUnattached(new Date(Date.now() + 25 * 3_600_000));
    expect(await fileItem(stale)).toBeUndefined();
    expect(await fileItem(kept)).toBeDefined();
    const { headPhoto, photoKey } = await import('../../src/functions/lib/photos');
    expect(await headPhoto(photoKey(village.villageId, stale))).toBeUndefined();
    expect(await headPhoto(photoKey(village.villageId, kept))).toMatchObject({ size: pdf.length });
  });
});

describe('the finance ledger', () => {
  const ledger = (voucher?: string) => [
    {
      date: '2026-10-03',
      item: '光伏电站收益',
      subject: '经营收入',
      direction: 'income',
      amountFen: 624_050,
      counterparty: '县供电公司',
    },
    {
      date: '2026-10-20',
      item: '门面房租金',
      subject: '租赁收入',
      direction: 'income',
      amountFen: 360_000,
      counterparty: '李记超市',
    },
    {
      date: '2026-11-02',
      item: '保洁员工资',
      subject: '人员支出',
      direction: 'expense',
      amountFen: 480_000,
      counterparty: '保洁员3人',
      ...(voucher ? { voucherFileId: voucher } : {}),
    },
    {
      date: '2026-11-15',
      item: '道路维修',
      subject: '公益支出',
      direction: 'expense',
      amountFen: 735_001,
      counterparty: '县公路站',
    },
    { date: '2026-11-20', item: '光伏电站收益', subject: '经营收入', direction: 'income', amountFen: 1 },
  ];

  it('computes the totals from the lines, by category and by month, ignoring any typed total; versions keep theirs', async () => {
    const voucher = await upload(chair, '凭证.png', png, 'image/png');
    const id = await published({
      category: 'finance',
      title: '2026年10—11月财务收支公开',
      period: { from: '2026-10-01', until: '2026-11-30' },
      ledger: ledger(voucher),
      ledgerTotals: { incomeFen: 1, expenseFen: 1, balanceFen: 0, byCategory: [], byMonth: [] },
    });
    const seen = await (await api.as(village.residents[0])).get(`/notices/${id}`);
    expect(seen.body.ledgerTotals).toEqual({
      incomeFen: 984_051,
      expenseFen: 1_215_001,
      balanceFen: -230_950,
      byCategory: [
        { category: '经营收入', direction: 'income', amountFen: 624_051 },
        { category: '租赁收入', direction: 'income', amountFen: 360_000 },
        { category: '公益支出', direction: 'expense', amountFen: 735_001 },
        { category: '人员支出', direction: 'expense', amountFen: 480_000 },
      ],
      byMonth: [
        { month: '2026-10', incomeFen: 984_050, expenseFen: 0 },
        { month: '2026-11', incomeFen: 1, expenseFen: 1_215_001 },
      ],
    });
    expect(seen.body.ledger[2]).toMatchObject({ voucherFileId: voucher, voucherUrl: expect.any(String) });
    expect((await fetch(seen.body.ledger[2].voucherUrl)).status).toBe(200);
    const stored = await raw.item(`TN#${village.villageId}#N#${id}`, 'NOTICE');
    expect(stored?.ledgerTotals).toBeUndefined();

    const corrected = await chair.post(`/notices/${id}/corrections`, {
      ...notice({
        category: 'finance',
        title: '2026年10—11月财务收支公开',
        period: { from: '2026-10-01', until: '2026-11-30' },
        ledger: ledger(voucher).slice(0, 4),
      }),
      reason: '删除重复录入的一行',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.ledgerTotals.incomeFen).toBe(984_050);
    const v1 = await chair.get(`/notices/${id}/versions/1`);
    expect(v1.body.ledgerTotals.incomeFen).toBe(984_051);
    expect(v1.body.ledger).toHaveLength(5);
  });

  it.each([
    ['an amount in yuan with decimals', { amountFen: 12.5 }, 'ledger.0.amountFen', '整数'],
    ['a date outside the period', { date: '2026-12-01' }, 'ledger.0.date', '公开期间'],
    ['a missing item', { item: '' }, 'ledger.0.item', '收支项目'],
  ])('refuses %s, naming the field', async (_, over, path, words) => {
    const r = await chair.post(
      '/notices',
      notice({
        category: 'finance',
        period: { from: '2026-11-01', until: '2026-11-30' },
        ledger: [{ date: '2026-11-02', item: '办公经费', direction: 'expense', amountFen: 100, ...over }],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toContainEqual({ path, message: expect.stringContaining(words) });
  });
});
