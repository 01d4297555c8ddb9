import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogLevelThreshold } from '@aws-lambda-powertools/logger';

/**
 * Every file of the node project runs this first (jest.config.cjs `setupFiles`). It does nothing unless
 * VH_LOG_CAPTURE names a directory, as `npm test` does for its `rest` part: then the handlers log at every level,
 * each line the Powertools logger writes is appended to <dir>/<pid>.ndjson, and each seeded township's ID numbers
 * and phones to <dir>/<pid>.seeded, for test/logs/whole-run.test.ts to search after the run.
 */
const dir = process.env.VH_LOG_CAPTURE;

/** The surface of Powertools' Logger the capture reaches past its types: where a line is made and then printed. */
interface Printing {
  printLog(level: number, item: { prepareForPrint(): void; getAttributes(): unknown }): void;
  getJsonReplacer(): (key: string, value: unknown) => unknown;
  logIndentation: number;
}

if (dir) {
  // The logger takes its level when it is made (src/functions/lib/log.ts reads LOG_LEVEL), and Powertools restores
  // that level at each request: DEBUG is set before the test file's imports make it. The variable is put back at
  // once, so what reaches the terminal below is judged by the level the run would have had.
  const runLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'DEBUG';
  const { logger } = require('../../src/functions/lib/log') as typeof import('../../src/functions/lib/log');
  if (runLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = runLevel;

  // Powertools prints a line through printLog, which writes it to its console: the capture sits at printLog, above
  // the console test/api/logs.test.ts swaps for its own assertions, so that file's lines are captured too.
  const inner = logger as unknown as Printing;
  const print = inner.printLog.bind(logger);
  const file = join(dir, `${process.pid}.ndjson`);
  inner.printLog = (level, item) => {
    item.prepareForPrint(); // what printLog does first (it drops empty keys), so the line is the one printed
    appendFileSync(file, `${JSON.stringify(item.getAttributes(), inner.getJsonReplacer(), inner.logIndentation)}\n`);
    // The terminal shows what it shows without the capture: lines at the level lib/log.ts would have taken (WARN
    // unless LOG_LEVEL says, as test/helpers/debug-logs does for logs.test.ts, whose swapped console gets them all).
    const shown = (process.env.LOG_LEVEL ?? 'WARN').toUpperCase() as keyof typeof LogLevelThreshold;
    if (level >= (LogLevelThreshold[shown] ?? LogLevelThreshold.WARN)) print(level, item);
  };
}

/** Keeps a seeded township's ID numbers and phones, one a line, when the run's logs are captured. */
export function recordSeeded(idNumbersAndPhones: string[]) {
  if (dir) appendFileSync(join(dir, `${process.pid}.seeded`), `${idNumbersAndPhones.join('\n')}\n`);
}
