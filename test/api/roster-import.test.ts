import iconv from 'iconv-lite';
import type { SeededVillage } from '../../scripts/local/seed';
import { idCheckDigit } from '../../src/shared/rules/identity';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Importing the register from a CSV: a preview that writes nothing and lists
 * every bad row with its reasons, a confirm that writes exactly what was shown,
 * re-imports that update and never duplicate, and an export that round-trips.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

let serial = 0;
const id = (year = 1975) => {
  const n = serial++;
  const first17 = `330177${year}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`; // unique while n < 21,000
  return first17 + idCheckDigit(first17);
};
const HEADER = '户号,姓名,与户主关系,身份证号,出生日期,联系电话,村民小组';
const b64 = (text: string, encoding = 'utf8') =>
  (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text)).toString('base64');
const preview = (fileBase64: string, fixes: unknown[] = []) =>
  chair.post('/roster-imports/preview', { fileBase64, fileName: '名册.csv', fixes });
const count = async () => (await chair.get('/roster-summary')).body.villages[0].people as number;

beforeAll(async () => {
  api = await startTestApi('rosterimport');
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

describe('preview, fix, confirm', () => {
  it('lists every bad row with its reasons, writes nothing, then imports once fixed', async () => {
    const [headId, wifeId, kidId] = [id(), id(), id(2012)];
    const csv = [
      HEADER,
      `R001,王建国,户主,${headId},,13811112222,第一村民小组`,
      `R001,李秀英,配偶,${wifeId},1975-13-40,,第一村民小组`,
      `R001,王小明,子,${kidId},,,第九村民小组`,
      `,赵六,户主,${headId},,,第二村民小组`,
    ].join('\n');
    const before = await count();
    const r = await preview(b64(csv));
    expect(r.status).toBe(200);
    expect(r.body.totalRows).toBe(4);
    const reasons = Object.fromEntries(
      r.body.badRows.map((b: { line: number; reasons: string[] }) => [b.line, b.reasons]),
    );
    expect(reasons[3]).toEqual([expect.stringContaining('出生日期不正确')]);
    expect(reasons[4]).toEqual([
      expect.stringContaining('没有这个村民小组：第九村民小组'),
      '户号 R001 在第 2 行属于第一村民小组',
    ]);
    expect(reasons[5]).toEqual(expect.arrayContaining(['缺少户号', '身份证号与第 2 行重复']));
    expect(JSON.stringify(r.body.badRows)).not.toContain(kidId); // masked even here
    expect(await count()).toBe(before);

    const fixes = [
      { line: 3, column: 'birthDate', value: '' },
      { line: 4, column: 'groupName', value: '第一村民小组' },
      { line: 5, column: 'householdNo', value: 'R002' },
      { line: 5, column: 'idNumber', value: id() },
    ];
    const fixed = await preview(b64(csv), fixes);
    expect(fixed.body.badRows).toEqual([]);
    expect(fixed.body.toCreate).toBe(4);
    expect(await count()).toBe(before);

    const done = await chair.post('/roster-imports', { fileBase64: b64(csv), fixes, checksum: fixed.body.checksum });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ created: 4, updated: 0 });
    expect(await count()).toBe(before + 4);
    const found = await chair.get(`/people?q=${encodeURIComponent('王小明')}`);
    expect(found.body.items[0]).toMatchObject({ householdId: 'R001', adult: false, groupName: '第一村民小组' });
    const head = await chair.get(`/people?q=${encodeURIComponent('王建国')}`);
    expect(head.body.items[0].roles).toContain('household_head');
  });

  it('refuses a confirm whose file differs from the preview, and one already imported', async () => {
    const csv = `${HEADER}\nR010,钱一,户主,${id()},,,第二村民小组\n`;
    const p = await preview(b64(csv));
    const other = `${HEADER}\nR010,钱二,户主,${id()},,,第二村民小组\n`;
    const wrong = await chair.post('/roster-imports', { fileBase64: b64(other), checksum: p.body.checksum });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toContain('重新预览');
    expect((await chair.post('/roster-imports', { fileBase64: b64(csv), checksum: p.body.checksum })).status).toBe(200);
    const twice = await chair.post('/roster-imports', { fileBase64: b64(csv), checksum: p.body.checksum });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已经导入');
  });

  it('updates changed people on a re-import and never duplicates anyone', async () => {
    const [a, b] = [id(), id()];
    const first = `${HEADER}\nR020,孙甲,户主,${a},,13800000001,第三村民小组\nR020,周乙,配偶,${b},,,第三村民小组\n`;
    const p1 = await preview(b64(first));
    await chair.post('/roster-imports', { fileBase64: b64(first), checksum: p1.body.checksum });
    const before = await count();
    const second = `${HEADER}\nR020,孙甲,户主,${a},,13800000009,第三村民小组\nR020,周乙,配偶,${b},,,第三村民小组\n`;
    const p2 = await preview(b64(second));
    expect(p2.body.toCreate).toBe(0);
    expect(p2.body.unchanged).toBe(1);
    expect(p2.body.toUpdate).toEqual([{ line: 2, name: '孙甲', changedFields: ['phone'] }]);
    const r = await chair.post('/roster-imports', { fileBase64: b64(second), checksum: p2.body.checksum });
    expect(r.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await count()).toBe(before);
    expect((await chair.get(`/people?q=${encodeURIComponent('孙甲')}`)).body.items).toHaveLength(1);
  });

  it('reads GBK as Excel saves it', async () => {
    const csv = `${HEADER}\r\nR030,吴丙,户主,${id()},,,第四村民小组\r\n`;
    const r = await preview(b64(csv, 'gbk'));
    expect(r.body.encoding).toBe('gbk');
    expect(r.body.badRows).toEqual([]);
    expect(r.body.toCreate).toBe(1);
  });

  it('reports whole-file problems clearly: missing columns, a workbook, garbage, too many rows', async () => {
    const missing = await preview(b64('姓名,身份证号\n张三,1\n'));
    expect(missing.body.fileProblems[0]).toContain('缺少必需的列：户号、与户主关系、村民小组');
    expect(missing.body.checksum).toBeNull();
    const xlsx = await preview(Buffer.from('PK\x03\x04rest-of-a-zip', 'latin1').toString('base64'));
    expect(xlsx.body.fileProblems[0]).toContain('另存为');
    const garbage = await preview(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x81]).toString('base64'));
    expect(garbage.body.fileProblems[0]).toContain('编码');
    const lines = [HEADER];
    for (let i = 0; i < 10_001; i++) lines.push(`X${i},某人,户主,${id()},,,第一村民小组`);
    const big = await preview(b64(lines.join('\n')));
    expect(big.status).toBe(200);
    expect(big.body.fileProblems[0]).toContain('超过上限 10000 行');
  });

  it('flags formulas in cells instead of importing them', async () => {
    const csv = `${HEADER}\nR040,=SUM(A1:A9),户主,${id()},,,第一村民小组\n`;
    const r = await preview(b64(csv));
    expect(r.body.badRows[0].reasons[0]).toContain('像是公式');
  });

  it('previews a 10,000-row register in one request', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++)
      lines.push(`Y${Math.floor(i / 3)},村民${i},${i % 3 ? '子' : '户主'},${id()},,,第五村民小组`);
    const r = await preview(b64(lines.join('\n')));
    expect(r.status).toBe(200);
    expect(r.body.badRows).toEqual([]);
    expect(r.body.toCreate).toBe(10_000);
  });
});

describe('export', () => {
  it('exports the register in the import columns, which imports back unchanged', async () => {
    const r = await chair.get('/roster-export');
    expect(r.status).toBe(200);
    expect(r.body.masked).toBe(false);
    expect(r.body.csv.startsWith('\uFEFF户号,姓名,与户主关系,身份证号,出生日期,联系电话,村民小组')).toBe(true);
    const back = await preview(b64(r.body.csv));
    expect(back.body.toCreate).toBe(0);
    expect(back.body.toUpdate).toEqual([]);
    expect(back.body.badRows.length).toBeLessThan(10); // only people who have left, who are not re-imported
  });

  it("gives the supervisor a masked export, and audits the committee's unmasked one", async () => {
    const sup = await (await api.as(v1.supervisor)).get('/roster-export');
    expect(sup.body.masked).toBe(true);
    expect(sup.body.csv).not.toMatch(/\d{17}[\dX]/);
    const audits = await rawTable().partition(`TN#${v1.villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`);
    const exports = audits.filter((a) => a.action === 'roster.export');
    expect(exports.map((a) => a.actorId)).toEqual([v1.chair.personId]);
  });
});
