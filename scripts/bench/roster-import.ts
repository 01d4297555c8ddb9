import { performance } from 'node:perf_hooks';
import { idCheckDigit } from '../../src/shared/rules/identity';
import { arg, chairApi } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): a committee imports a village register of 5,000 people
 * (about 1,700 households) through the HTTP API on the local stack: preview, then
 * confirm, then a re-import of the same file with 100 people changed. Prints the
 * seconds of each step and the write capacity consumed (batch writes of 25).
 *   npm run bench:roster-import -- [--people 5000]
 */
const PEOPLE = arg('people', 5000);
const GROUPS = ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组', '第五村民小组'];

/** A register in the import's columns: households of 1–5, heads first, valid ID numbers. */
function register(people: number, phoneOf: (i: number) => string) {
  const lines = ['户号,姓名,与户主关系,身份证号,出生日期,联系电话,村民小组'];
  let household = 0;
  for (let i = 0; i < people; ) {
    const size = 1 + (household % 5);
    household++;
    for (let m = 0; m < size && i < people; m++, i++) {
      const year = 1940 + (i % 80);
      const birth = `${year}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
      const first17 = `3301${String(10 + Math.floor(i / 1000)).padStart(2, '0')}${birth}${String(i % 1000).padStart(3, '0')}`;
      const relation = m === 0 ? '户主' : m === 1 ? '配偶' : '子';
      lines.push(
        [
          `B${String(household).padStart(5, '0')}`,
          `村民${i}`,
          relation,
          first17 + idCheckDigit(first17),
          '',
          phoneOf(i),
          GROUPS[household % GROUPS.length],
        ].join(','),
      );
    }
  }
  return Buffer.from(lines.join('\r\n')).toString('base64');
}

interface ImportReply {
  checksum: string;
  created: number;
  updated: number;
  unchanged: number;
  consumedWriteUnits: number;
}

async function timed<T>(step: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await step();
  return [r, (performance.now() - t) / 1000];
}

async function main() {
  const { township, gateway, stop } = await startBenchStack({ withNotices: false });
  try {
    const api = await chairApi(gateway, township.villages[0].chair);
    const post = async (path: string, body: unknown) => {
      const r = await api('POST', path, body);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body as unknown as ImportReply;
    };
    const importFile = async (fileBase64: string) => {
      const [preview, previewSeconds] = await timed(() => post('/roster-imports/preview', { fileBase64 }));
      const [result, confirmSeconds] = await timed(() =>
        post('/roster-imports', { fileBase64, checksum: preview.checksum }),
      );
      return { preview, result, previewSeconds, confirmSeconds };
    };
    const phone = (i: number) => `139${String(i).padStart(8, '0')}`;
    const file = register(PEOPLE, phone);
    console.log(
      `\nRoster import through the HTTP API, DynamoDB Local, file ${(Buffer.from(file, 'base64').length / 1024).toFixed(0)} KB`,
    );
    const first = await importFile(file);
    const perPerson = first.result.consumedWriteUnits / Math.max(1, first.result.created);
    console.log(
      `First import:  ${first.result.created} created, preview ${first.previewSeconds.toFixed(2)} s, confirm ${first.confirmSeconds.toFixed(2)} s, ${first.result.consumedWriteUnits.toFixed(0)} WCU (${perPerson.toFixed(1)} per person: person, ID marker, audit entry)`,
    );
    const changed = register(PEOPLE, (i) => (i % 50 === 0 ? `137${String(i).padStart(8, '0')}` : phone(i)));
    const second = await importFile(changed);
    console.log(
      `Re-import:     ${second.result.updated} updated, ${second.result.unchanged} unchanged, ${second.result.created} created, preview ${second.previewSeconds.toFixed(2)} s, confirm ${second.confirmSeconds.toFixed(2)} s, ${second.result.consumedWriteUnits.toFixed(0)} WCU`,
    );
    console.log(
      `Total:         ${(first.previewSeconds + first.confirmSeconds).toFixed(2)} s for ${PEOPLE} people, first import`,
    );
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
