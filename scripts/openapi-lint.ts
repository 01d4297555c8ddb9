// The OpenAPI lint of `npm test`: writes the document /openapi.json serves to a temp file and runs Redocly's
// recommended rules on it (redocly.yaml); any error fails, with Redocly's exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../src/shared/openapi';

const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
const r = spawnSync(
  join(root, 'node_modules', '.bin', 'redocly'),
  ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'stylish'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
