import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files of a build folder ending in `ext`, as paths relative to it with forward slashes (as app.json writes them). */
export function filesUnder(dir: string, ext: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .flatMap((e) => {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(dir, ext, rel);
      return e.name.endsWith(ext) ? [rel] : [];
    })
    .sort();
}
