import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newest } from '../local/build-h5';
import { root } from '../local/serverless-config';

/** Where `taro build --type weapp` writes (config/index.ts: dist/<target>), apart from the H5 build's dist/h5. */
export const WEAPP_DIR = join(root, 'dist', 'weapp');

/** Builds the mini-program unless dist/weapp is already newer than every source it comes from. */
export function ensureWeappBuild(force = false) {
  const marker = join(WEAPP_DIR, 'app.json');
  const sources = Math.max(
    newest(join(root, 'src', 'client')),
    newest(join(root, 'src', 'shared')),
    newest(join(root, 'config')),
  );
  if (!force && existsSync(marker) && statSync(marker).mtimeMs > sources) return false;
  console.log('Building the mini-program (taro build --type weapp)…');
  execFileSync(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}
