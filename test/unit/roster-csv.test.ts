import iconv from 'iconv-lite';
import { type ParsedRoster, parseRoster, rosterCsv } from '../../src/functions/people/roster-csv';

/** A valid ID number, its check character computed here (ISO 7064 MOD 11-2), not by the code under test. */
const idFor = (birth: string, seq: number) => {
  const first17 = `330102${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
};
let serial = 0;
/** A fresh valid ID number for each person, born on a day of 1940–2019. */
const newId = () => {
  const n = serial++;
  return idFor(
    `${1940 + (n % 80)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    n,
  );
};

const groups = ['第一村民小组', '第二村民小组', '第三村民小组'];
const HEADER = '户号,姓名,与户主关系,身份证号,出生日期,联系电话,村民小组';
const file = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);
const parse = (bytes: Uint8Array, more: Partial<Parameters<typeof parseRoster>[1]> = {}) =>
  parseRoster(bytes, { groups, ...more });
const reasonsAt = (parsed: ParsedRoster, line: number) => parsed.badRows.find((b) => b.line === line)?.reasons;

/** A household of a head and a spouse, both valid. */
const household = (no = 'R001', group = '第一村民小组') => [
  `${no},王建国,户主,${newId()},,13811112222,${group}`,
  `${no},李秀英,配偶,${newId()},,,${group}`,
];

describe('reading the file as Excel saves it', () => {
  it('reads UTF-8 with and without the BOM Excel writes', () => {
    const text = `${HEADER}\r\n${household().join('\r\n')}\r\n`;
    for (const bytes of [Buffer.from(`\uFEFF${text}`), Buffer.from(text)]) {
      const parsed = parse(bytes);
      expect(parsed).toMatchObject({ encoding: 'utf-8', fileProblems: [], badRows: [], totalRows: 2 });
      expect(parsed.rows.map((r) => r.name)).toEqual(['王建国', '李秀英']);
    }
  });

  it('reads GBK, what Excel writes on a Chinese Windows', () => {
    const parsed = parse(iconv.encode(`${HEADER}\r\n${household().join('\r\n')}\r\n`, 'gbk'));
    expect(parsed.encoding).toBe('gbk');
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => [r.name, r.relation, r.groupName])).toEqual([
      ['王建国', '户主', '第一村民小组'],
      ['李秀英', '配偶', '第一村民小组'],
    ]);
  });

  it('asks for a CSV saved as UTF-8 when the bytes are neither UTF-8 nor GBK text', () => {
    const parsed = parse(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x81, 0x30, 0x0a]));
    expect(parsed.fileProblems).toEqual(['文件编码无法识别，请在 Excel 中“另存为”CSV（UTF-8）后再上传']);
    expect(parsed).toMatchObject({ rows: [], badRows: [] });
  });

  it('asks for "save as CSV" when given the Excel workbook itself', () => {
    const parsed = parse(Buffer.from('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml', 'latin1'));
    expect(parsed.fileProblems).toEqual(['这是 Excel 工作簿（.xlsx），请在 Excel 中“另存为”CSV 文件后再上传']);
  });

  it('says the file is empty when it has no bytes or only blank lines', () => {
    expect(parse(new Uint8Array()).fileProblems).toEqual(['文件是空的']);
    expect(parse(Buffer.from('\uFEFF\r\n,,,\r\n\r\n')).fileProblems).toEqual(['文件是空的']);
  });

  it('reads CRLF, LF and CR (Excel for Mac) line ends alike', () => {
    const lines = [HEADER, ...household()];
    for (const end of ['\r\n', '\n', '\r']) {
      const parsed = parse(Buffer.from(lines.join(end) + end));
      expect(parsed.fileProblems).toEqual([]);
      expect(parsed.rows).toHaveLength(2);
    }
  });

  it('keeps commas, quotes and line breaks inside quoted cells, and numbers rows as Excel does', () => {
    const [head, spouse] = [newId(), newId()];
    const parsed = parse(
      file(
        HEADER,
        `R001,"王""建国""",户主,${head},,,"第一村民小组"`,
        '',
        `"R,01","李秀英\n（曾用名 李秀）",配偶,${spouse},,,第一村民小组`,
        `R002,,户主,${newId()},,,第一村民小组`,
      ),
    );
    expect(parsed.totalRows).toBe(3);
    expect(parsed.rows).toEqual([expect.objectContaining({ line: 2, name: '王"建国"', idNumber: head })]);
    // Line 3 is blank and still a row in Excel; the quoted line break keeps row 4 one row.
    expect(parsed.badRows.map((b) => [b.line, b.cells.householdNo, b.cells.name])).toEqual([
      [4, 'R,01', '李秀英\n（曾用名 李秀）'],
      [5, 'R002', ''],
    ]);
    // A name is one line: the quoted line break is read, and refused by the one text rule.
    expect(reasonsAt(parsed, 4)).toEqual([
      '「姓名」含有换行或看不见的控制字符，请删除后重新输入',
      '户号只能包含数字、字母和 -',
    ]);
    expect(reasonsAt(parsed, 5)).toEqual(['缺少姓名']);
  });

  it('names the row where a quote is left open', () => {
    const parsed = parse(
      file(HEADER, ...household(), `R002,"赵六,户主,${newId()},,,第一村民小组`, ...household('R003')),
    );
    expect(parsed.fileProblems).toEqual(['文件第 4 行格式有误（多半是引号 " 没有配对），请检查这一行后再上传']);
    expect(parsed).toMatchObject({ rows: [], badRows: [] });
  });

  it('tolerates a stray quote inside an unquoted cell', () => {
    const parsed = parse(file(HEADER, `R001,王"大"明,户主,${newId()},,,第一村民小组`));
    expect(parsed.rows.map((r) => r.name)).toEqual(['王"大"明']);
  });
});

describe('the header row', () => {
  it('names every missing required column', () => {
    const parsed = parse(file('户号,姓名,与户主关系,出生日期', `R001,王建国,户主,1956-03-07`));
    expect(parsed.fileProblems).toEqual(['缺少必需的列：身份证号、村民小组（第一行应为列名）']);
    expect(parsed).toMatchObject({ rows: [], badRows: [] });
  });

  it('points at the first row when a title sits above the column names', () => {
    const parsed = parse(file('东山村户籍名册,,,,,,', HEADER, ...household()));
    expect(parsed.fileProblems[0]).toMatch(/^缺少必需的列：户号、姓名、与户主关系、身份证号、村民小组/);
  });

  it('accepts the other names committees use, in any order, with stray spaces', () => {
    const id = newId();
    const parsed = parse(
      file('网格, 户 编号 ,姓　名,关系,公民身份号码,手机', `第二村民小组,R001,王建国,户主,${id},138 1111 2222`),
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        householdNo: 'R001',
        name: '王建国',
        idNumber: id,
        phone: '13811112222',
        groupName: '第二村民小组',
      }),
    ]);
  });

  it('ignores columns it does not know, such as our own export adds', () => {
    const parsed = parse(file(`序号,${HEADER},状态,备注`, `1,${household()[0]},在册,=危险但无关`));
    expect(parsed.badRows).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
  });
});

describe('size limit', () => {
  const big = (n: number) => {
    const lines = [HEADER];
    for (let i = 0; i < n; i++)
      lines.push(
        `H${Math.floor(i / 3)},村民${i},${i % 3 ? '子女' : '户主'},${newId()},,,${groups[Math.floor(i / 3) % 3]}`,
      );
    return file(...lines);
  };

  it('refuses more than 10,000 rows and asks to import in parts', () => {
    const parsed = parse(big(10_001));
    expect(parsed.fileProblems).toEqual(['名册共 10001 行，超过上限 10000 行，请分批导入']);
    expect(parsed).toMatchObject({ rows: [], badRows: [] });
  });

  it('honours a smaller limit', () => {
    expect(parse(big(3), { maxRows: 2 }).fileProblems).toEqual(['名册共 3 行，超过上限 2 行，请分批导入']);
  });

  // How fast is a benchmark's question (npm run bench:roster-import), not a test's: a loaded CI machine varies.
  it('checks a whole 10,000-row register, every row', () => {
    const parsed = parse(big(10_000));
    expect(parsed.badRows).toEqual([]);
    expect(parsed.rows).toHaveLength(10_000);
    expect(parsed.totalRows).toBe(10_000);
  });
});

describe('each bad row with all of its reasons', () => {
  const reasonsFor = (row: string) => reasonsAt(parse(file(HEADER, row)), 2);
  const id = idFor('1956-03-07', 7);

  it.each([
    ['no household number', `,王建国,户主,${id},,,第一村民小组`, '缺少户号'],
    ['a household number with Chinese in it', `一组3号,王建国,户主,${id},,,第一村民小组`, '户号只能包含数字、字母和 -'],
    ['no name', `R001,,户主,${id},,,第一村民小组`, '缺少姓名'],
    ['a name longer than 20 characters', `R001,${'王'.repeat(21)},户主,${id},,,第一村民小组`, '姓名过长'],
    ['no relation', `R001,王建国,,${id},,,第一村民小组`, '缺少与户主关系'],
    ['no ID number', 'R001,王建国,户主,,,,第一村民小组', '缺少身份证号'],
    ['an ID number of 17 characters', `R001,王建国,户主,${id.slice(0, 17)},,,第一村民小组`, '身份证号应为 18 位'],
    [
      'a mistyped ID number',
      `R001,王建国,户主,${id.slice(0, 16)}${(Number(id[16]) + 1) % 10}${id[17]},,,第一村民小组`,
      '身份证号校验位不正确',
    ],
    [
      'an ID number born on 29 Feb of a common year',
      `R001,王建国,户主,${idFor('1957-02-29', 1)},,,第一村民小组`,
      '身份证号中的出生日期不正确',
    ],
    [
      'a birth date that is not a date',
      `R001,王建国,户主,${id},1956-02-30,,第一村民小组`,
      '出生日期不正确：1956-02-30',
    ],
    [
      'a birth date that differs from the ID',
      `R001,王建国,户主,${id},1956-03-08,,第一村民小组`,
      '出生日期与身份证号不一致',
    ],
    ['a phone that is not a phone', `R001,王建国,户主,${id},,1381111222,第一村民小组`, '联系电话不正确'],
    ['no group', `R001,王建国,户主,${id},,,`, '缺少村民小组'],
    [
      'a group the village does not have',
      `R001,王建国,户主,${id},,,第九村民小组`,
      '没有这个村民小组：第九村民小组（本村有：第一村民小组、第二村民小组、第三村民小组）',
    ],
  ])('%s', (_what, row, reason) => {
    expect(reasonsFor(row)).toEqual([reason]);
  });

  it('lists every reason of a row at once', () => {
    expect(reasonsFor(`一组,${'王'.repeat(21)},,${id.slice(0, 17)},昨天,123,第九组`)).toEqual([
      '户号只能包含数字、字母和 -',
      '姓名过长',
      '缺少与户主关系',
      '身份证号应为 18 位',
      '出生日期不正确：昨天',
      '联系电话不正确',
      '没有这个村民小组：第九组（本村有：第一村民小组、第二村民小组、第三村民小组）',
    ]);
  });

  it('flags a cell a spreadsheet would run as a formula, naming its column', () => {
    expect(reasonsFor(`R001,=1+1,户主,${id},,,第一村民小组`)).toEqual(['「姓名」像是公式（以 = 开头），请改为纯文本']);
    expect(reasonsFor(`R001,王建国,@SUM(A1),${id},,,第一村民小组`)).toEqual([
      '「与户主关系」像是公式（以 @ 开头），请改为纯文本',
    ]);
    expect(reasonsFor(`R001,王建国,户主,${id},,-cmd,第一村民小组`)).toContain(
      '「联系电话」像是公式（以 - 开头），请改为纯文本',
    );
    expect(reasonsFor(`R001,+王建国,户主,${id},,,第一村民小组`)).toEqual([
      '「姓名」像是公式（以 + 开头），请改为纯文本',
    ]);
  });

  it('does not mistake a phone with +86 or a number for a formula', () => {
    const parsed = parse(file(HEADER, `R001,王建国,户主,${id},,+86 138 1111 2222,第一村民小组`));
    expect(parsed.badRows).toEqual([]);
    expect(parsed.rows[0].phone).toBe('13811112222');
  });

  it('shows the cells of a bad row with the ID number and phone masked', () => {
    const parsed = parse(file(HEADER, `R001,王建国,户主,${id},1956-03-08,13811112222,第一村民小组`));
    expect(parsed.badRows[0].cells).toEqual({
      householdNo: 'R001',
      name: '王建国',
      relation: '户主',
      idNumber: '330***************',
      birthDate: '1956-03-08',
      phone: '138****2222',
      groupName: '第一村民小组',
    });
    expect(JSON.stringify(parsed.badRows)).not.toContain(id);
  });
});

describe('rules across rows', () => {
  it('flags every later row with an ID number already in the file', () => {
    const id = newId();
    const parsed = parse(
      file(
        HEADER,
        `R001,王建国,户主,${id},,,第一村民小组`,
        `R002,王建国,户主,${id.toLowerCase()},,,第二村民小组`,
        `R003,王健国,户主,${id},,,第三村民小组`,
      ),
    );
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(reasonsAt(parsed, 3)).toEqual(['身份证号与第 2 行重复']);
    expect(reasonsAt(parsed, 4)).toEqual(['身份证号与第 2 行重复']);
  });

  it('allows one head per household', () => {
    const parsed = parse(file(HEADER, ...household(), `R001,王小明,户主,${newId()},,,第一村民小组`));
    expect(reasonsAt(parsed, 4)).toEqual(['户号 R001 已有户主（第 2 行）']);
    expect(parsed.rows).toHaveLength(2);
  });

  it('keeps a household in one group', () => {
    const parsed = parse(file(HEADER, ...household(), `R001,王小明,子,${newId()},,,第二村民小组`));
    expect(reasonsAt(parsed, 4)).toEqual(['户号 R001 在第 2 行属于第一村民小组']);
  });

  it('adds these to the row’s own reasons', () => {
    const id = newId();
    const parsed = parse(file(HEADER, `R001,王建国,户主,${id},,,第一村民小组`, `R001,,户主,${id},,,第二村民小组`));
    expect(reasonsAt(parsed, 3)).toEqual([
      '缺少姓名',
      '身份证号与第 2 行重复',
      '户号 R001 已有户主（第 2 行）',
      '户号 R001 在第 2 行属于第一村民小组',
    ]);
  });
});

describe('good rows', () => {
  it('are trimmed and normalised: ID in upper case, birth date from the ID or as written, phone as digits', () => {
    const withX = [...Array(11).keys()].map((seq) => idFor('1949-12-31', seq)).find((id) => id.endsWith('X'))!;
    const plain = idFor('1956-03-07', 7);
    const parsed = parse(
      file(
        HEADER,
        ` R001 , 王建国 ,户主, ${withX.toLowerCase()} ,,0571-8888 6666,第一村民小组 `,
        `R001,李秀英,配偶,${plain},1956年3月7日,,第一村民小组`,
      ),
    );
    expect(parsed.badRows).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        householdNo: 'R001',
        name: '王建国',
        relation: '户主',
        idNumber: withX,
        birthDate: '1949-12-31',
        phone: '057188886666',
        groupName: '第一村民小组',
      },
      {
        line: 3,
        householdNo: 'R001',
        name: '李秀英',
        relation: '配偶',
        idNumber: plain,
        birthDate: '1956-03-07',
        groupName: '第一村民小组',
      },
    ]);
  });
});

describe('fixes typed in the preview', () => {
  it('turn bad rows good without editing the file', () => {
    const bytes = file(HEADER, ...household(), `R001,王小明,子,${idFor('2012-05-01', 9).slice(0, 17)},,,第九村民小组`);
    expect(reasonsAt(parse(bytes), 4)).toEqual([
      '身份证号应为 18 位',
      '没有这个村民小组：第九村民小组（本村有：第一村民小组、第二村民小组、第三村民小组）',
      '户号 R001 在第 2 行属于第一村民小组',
    ]);
    const fixed = parse(bytes, {
      fixes: [
        { line: 4, column: 'idNumber', value: idFor('2012-05-01', 9) },
        { line: 4, column: 'groupName', value: '第一村民小组' },
      ],
    });
    expect(fixed.badRows).toEqual([]);
    expect(fixed.rows.find((r) => r.line === 4)).toMatchObject({ birthDate: '2012-05-01', groupName: '第一村民小组' });
  });

  it('can fill a column the file does not have', () => {
    const parsed = parse(file('户号,姓名,与户主关系,身份证号,村民小组', household()[0].replace(',,13811112222', '')), {
      fixes: [{ line: 2, column: 'phone', value: '13900001111' }],
    });
    expect(parsed.rows[0].phone).toBe('13900001111');
  });
});

describe('writing a CSV for Excel', () => {
  it('starts with a BOM, ends lines with CRLF and quotes cells that need it', () => {
    const csv = rosterCsv(
      ['户号', '姓名'],
      [
        ['R001', '王"大"明'],
        ['R,2', '李\n秀英'],
      ],
    );
    expect(csv).toBe('\uFEFF户号,姓名\r\nR001,"王""大""明"\r\n"R,2","李\n秀英"\r\n');
  });

  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    const csv = rosterCsv(
      ['a'],
      [['=HYPERLINK("http://x")'], ['+1'], ['-2+3+cmd'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['王=']],
    );
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+1",
      "'-2+3+cmd",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      '王=',
    ]);
  });

  it('writes a roster that reads back as the same people', () => {
    const header = ['户号', '姓名', '与户主关系', '身份证号', '出生日期', '联系电话', '村民小组', '状态'];
    const people = [
      ['R-001', '王建国', '户主', newId(), '', '13811112222', '第一村民小组', '在册'],
      ['R-001', '李"秀"英, 曾用名李秀', '配偶', newId(), '', '', '第一村民小组', '=在册'],
      ['R002', '赵六', '户主', newId(), '', '057188886666', '第三村民小组', '迁出'],
    ];
    const parsed = parse(Buffer.from(rosterCsv(header, people)));
    expect(parsed).toMatchObject({ encoding: 'utf-8', fileProblems: [], badRows: [], totalRows: 3 });
    expect(parsed.rows.map((r) => [r.householdNo, r.name, r.relation, r.idNumber, r.phone ?? '', r.groupName])).toEqual(
      people.map((p) => [p[0], p[1], p[2], p[3], p[5], p[6]]),
    );
  });

  it('reads a defused formula back as the formula it was, so it is still refused', () => {
    const parsed = parse(
      Buffer.from(rosterCsv(HEADER.split(','), [['R001', '=1+1', '户主', newId(), '', '', '第一村民小组']])),
    );
    expect(reasonsAt(parsed, 2)).toEqual(['「姓名」像是公式（以 = 开头），请改为纯文本']);
    expect(parsed.badRows[0].cells.name).toBe('=1+1');
  });
});
