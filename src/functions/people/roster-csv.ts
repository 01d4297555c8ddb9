import { CsvError, parse } from 'csv-parse/sync';
import { checkIdNumber, normalizeIdNumber, normalizePhone, parseLooseDate } from '../../shared/rules/identity';
import { maskIdNumber, maskPhone } from '../../shared/rules/tiers';
import { textFlaw } from '../../shared/schemas/common';

/**
 * The village register (户籍名册) as a committee exports it from Excel: CSV in
 * UTF-8 or in GBK (what Excel writes on a Chinese Windows). Every problem is
 * reported in words a committee member can act on, row by row, with all its
 * reasons at once, and nothing here touches the database.
 */
export const rosterColumns = [
  'householdNo',
  'name',
  'relation',
  'idNumber',
  'birthDate',
  'phone',
  'groupName',
] as const;
export type RosterColumn = (typeof rosterColumns)[number];

/** Chinese header text accepted for each column (the first is the one written on export). */
export const columnHeaders: Record<RosterColumn, string[]> = {
  householdNo: ['户号', '户编号'],
  name: ['姓名'],
  relation: ['与户主关系', '关系'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
  birthDate: ['出生日期'],
  phone: ['联系电话', '手机号', '手机', '电话'],
  groupName: ['村民小组', '小组', '网格', '楼栋'],
};
export const requiredColumns: RosterColumn[] = ['householdNo', 'name', 'relation', 'idNumber', 'groupName'];

export interface RosterRow {
  line: number;
  householdNo: string;
  name: string;
  relation: string;
  idNumber: string;
  birthDate: string;
  phone?: string;
  groupName: string;
}
export interface BadRow {
  line: number;
  reasons: string[];
  cells: Record<RosterColumn, string>;
}
export interface RowFix {
  line: number;
  column: RosterColumn;
  value: string;
}
export interface ParsedRoster {
  encoding?: 'utf-8' | 'gbk';
  fileProblems: string[];
  rows: RosterRow[];
  badRows: BadRow[];
  totalRows: number;
}

const label = (c: RosterColumn) => columnHeaders[c][0];
const fileProblem = (problem: string, more: Partial<ParsedRoster> = {}): ParsedRoster => ({
  fileProblems: [problem],
  rows: [],
  badRows: [],
  totalRows: 0,
  ...more,
});

type Decoded = { text: string; encoding: 'utf-8' | 'gbk' } | { problem: string };

function decode(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    return { problem: '这是 Excel 工作簿（.xlsx），请在 Excel 中“另存为”CSV 文件后再上传' };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Excel on a Chinese Windows saves "CSV (逗号分隔)" in GBK; GB18030 reads all of GBK and more. Node's own
    // decoder (ICU) reads it, so the bundle carries no code pages.
    const text = new TextDecoder('gb18030').decode(buf);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what betray a binary file
    if (/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text))
      return { problem: '文件编码无法识别，请在 Excel 中“另存为”CSV（UTF-8）后再上传' };
    return { text, encoding: 'gbk' };
  }
}

/**
 * One array of cells per spreadsheet row, blank rows included, so that index + 1
 * is the row number Excel shows even when a quoted cell spans several lines.
 */
function records(text: string): string[][] | { problem: string } {
  try {
    return parse(text, {
      relax_column_count: true,
      // A stray quote inside a cell is a typo, not a reason to refuse the whole file.
      relax_quotes: true,
      trim: true,
      // Excel for Mac ends lines with CR alone, and a hand-edited file may mix endings.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const row = Number(e.records ?? 0) + 1;
    return { problem: `文件第 ${row} 行格式有误（多半是引号 " 没有配对），请检查这一行后再上传` };
  }
}

const headerKey = (cell: string) => cell.replace(/^\uFEFF/, '').replace(/\s/g, '');
/** Which file column holds each of ours; unknown columns are ignored. */
function mapHeader(header: string[]) {
  const index: Partial<Record<RosterColumn, number>> = {};
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    const column = rosterColumns.find((c) => columnHeaders[c].includes(key));
    if (column && index[column] === undefined) index[column] = i;
  });
  return index;
}

/** Our export puts an apostrophe before these (see rosterCsv); without it an exported roster would not read back as written. */
const cellValue = (v: string) =>
  v
    .replace(/^'(?=[=+\-@\t\r])/, '')
    .trim()
    .normalize('NFC');

/** A spreadsheet would run these as formulas: = and @ always, + and - unless a number follows (+86…, -1). */
const looksLikeFormula = (v: string) => /^[=@]/.test(v) || /^[+-]\D/.test(v);

interface Raw {
  line: number;
  cells: Record<RosterColumn, string>;
}

function checkRow(raw: Raw, groups: string[]): { row?: RosterRow; reasons: string[] } {
  const c = raw.cells;
  const reasons: string[] = [];
  for (const column of rosterColumns) {
    if (looksLikeFormula(c[column]))
      reasons.push(`「${label(column)}」像是公式（以 ${c[column][0]} 开头），请改为纯文本`);
    const flaw = textFlaw(c[column], false);
    if (flaw) reasons.push(`「${label(column)}」${flaw}`);
  }
  if (!c.householdNo) reasons.push('缺少户号');
  else if (!/^[0-9A-Za-z-]{1,20}$/.test(c.householdNo)) reasons.push('户号只能包含数字、字母和 -');
  if (!c.name) reasons.push('缺少姓名');
  else if ([...c.name].length > 20) reasons.push('姓名过长');
  if (!c.relation) reasons.push('缺少与户主关系');
  const idNumber = normalizeIdNumber(c.idNumber);
  const id = idNumber ? checkIdNumber(idNumber) : undefined;
  if (!id) reasons.push('缺少身份证号');
  else if (!id.ok) reasons.push(id.reason);
  let birthDate = id?.ok ? id.birthDate : '';
  if (c.birthDate) {
    const given = parseLooseDate(c.birthDate);
    if (!given) reasons.push(`出生日期不正确：${c.birthDate}`);
    else if (id?.ok && given !== id.birthDate) reasons.push('出生日期与身份证号不一致');
    else birthDate = given;
  }
  const phone = c.phone ? normalizePhone(c.phone) : undefined;
  if (c.phone && !phone) reasons.push('联系电话不正确');
  if (!c.groupName) reasons.push('缺少村民小组');
  else if (!groups.includes(c.groupName))
    reasons.push(
      `没有这个村民小组：${c.groupName}（${groups.length ? `本村有：${groups.join('、')}` : '本村还没有设村民小组'}）`,
    );
  if (reasons.length) return { reasons };
  return {
    reasons,
    row: {
      line: raw.line,
      householdNo: c.householdNo,
      name: c.name,
      relation: c.relation,
      idNumber,
      birthDate,
      ...(phone ? { phone } : {}),
      groupName: c.groupName,
    },
  };
}

/** Rules across rows: one person per ID number, one head per household, one group per household. */
function crossCheck(raws: Raw[], problems: Map<number, string[]>) {
  const firstId = new Map<string, number>();
  const head = new Map<string, number>();
  const groupOf = new Map<string, { group: string; line: number }>();
  const add = (line: number, reason: string) => problems.set(line, [...(problems.get(line) ?? []), reason]);
  for (const { line, cells } of raws) {
    const idNumber = normalizeIdNumber(cells.idNumber);
    const earlier = idNumber ? firstId.get(idNumber) : undefined;
    if (earlier) add(line, `身份证号与第 ${earlier} 行重复`);
    else if (idNumber) firstId.set(idNumber, line);
    if (!cells.householdNo) continue;
    if (cells.relation === '户主') {
      const h = head.get(cells.householdNo);
      if (h) add(line, `户号 ${cells.householdNo} 已有户主（第 ${h} 行）`);
      else head.set(cells.householdNo, line);
    }
    const g = groupOf.get(cells.householdNo);
    if (g && cells.groupName && g.group !== cells.groupName)
      add(line, `户号 ${cells.householdNo} 在第 ${g.line} 行属于${g.group}`);
    else if (!g && cells.groupName) groupOf.set(cells.householdNo, { group: cells.groupName, line });
  }
}

const masked = (cells: Record<RosterColumn, string>) => ({
  ...cells,
  idNumber: cells.idNumber ? maskIdNumber(cells.idNumber) : '',
  phone: cells.phone ? maskPhone(cells.phone) : '',
});

export function parseRoster(
  bytes: Uint8Array,
  options: { groups: string[]; fixes?: RowFix[]; maxRows?: number },
): ParsedRoster {
  const maxRows = options.maxRows ?? 10_000;
  if (!bytes.length) return fileProblem('文件是空的');
  const decoded = decode(bytes);
  if ('problem' in decoded) return fileProblem(decoded.problem);
  const { encoding } = decoded;
  const all = records(decoded.text);
  if ('problem' in all) return fileProblem(all.problem, { encoding });
  const nonBlank = all
    .map((record, i) => ({ line: i + 1, record }))
    .filter((r) => r.record.some((cell) => cell !== ''));
  if (!nonBlank.length) return fileProblem('文件是空的', { encoding });
  const [header, ...data] = nonBlank;
  const totalRows = data.length;
  const index = mapHeader(header.record);
  const missing = requiredColumns.filter((c) => index[c] === undefined);
  if (missing.length)
    return fileProblem(`缺少必需的列：${missing.map(label).join('、')}（第一行应为列名）`, { encoding, totalRows });
  if (totalRows > maxRows)
    return fileProblem(`名册共 ${totalRows} 行，超过上限 ${maxRows} 行，请分批导入`, { encoding, totalRows });

  const fixes = new Map((options.fixes ?? []).map((f) => [`${f.line}:${f.column}`, f.value]));
  const raws: Raw[] = data.map(({ line, record }) => {
    const cells = Object.fromEntries(
      rosterColumns.map((c) => {
        const i = index[c];
        return [c, cellValue(fixes.get(`${line}:${c}`) ?? (i === undefined ? '' : (record[i] ?? '')))];
      }),
    ) as Record<RosterColumn, string>;
    return { line, cells };
  });
  const problems = new Map<number, string[]>();
  const checked: RosterRow[] = [];
  for (const raw of raws) {
    const { row, reasons } = checkRow(raw, options.groups);
    if (row) checked.push(row);
    else problems.set(raw.line, reasons);
  }
  crossCheck(raws, problems);
  return {
    encoding,
    fileProblems: [],
    rows: checked.filter((r) => !problems.has(r.line)),
    badRows: raws
      .filter((r) => problems.has(r.line))
      .map((r) => ({ line: r.line, reasons: problems.get(r.line) ?? [], cells: masked(r.cells) })),
    totalRows,
  };
}

/** A cell a spreadsheet would never run as a formula. */
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const quoted = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV Excel opens with Chinese intact (UTF-8 with a BOM), CRLF line ends, formulas defused. */
export function rosterCsv(header: string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map((v) => quoted(safeCell(v))).join(',')).join('\r\n')}\r\n`;
}
