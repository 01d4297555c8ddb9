import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './serverless-config';

/** The newest modification time of any file under dir. */
export const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

/** Builds the H5 app unless dist/h5 is already newer than every source it comes from. */
export function ensureH5Build(force = false) {
  const index = join(root, 'dist', 'h5', 'index.html');
  const sources = Math.max(
    newest(join(root, 'src', 'client')),
    newest(join(root, 'src', 'shared')),
    newest(join(root, 'config')),
  );
  if (!force && existsSync(index) && statSync(index).mtimeMs > sources) return false;
  console.log('Building the H5 app (taro build --type h5)…');
  execFileSync(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}

if (require.main === module) ensureH5Build(process.argv.includes('--force'));
