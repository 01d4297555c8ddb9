import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder } from './files';

/**
 * WeChat's own compilers, wcsc (WXSS) and wcc (WXML), as the miniprogram-compiler
 * package ships them. `taro build` never runs them, and it says "Compiled
 * successfully" for a stylesheet WeChat refuses (a `*` selector), so we do.
 */
const pkg = dirname(require.resolve('miniprogram-compiler/package.json'));

/** The binaries are closed source, built for x86-64 Linux, macOS and Windows only. */
function binary(name: 'wcc' | 'wcsc'): string {
  const folder = { linux: 'linux', darwin: 'mac', win32: 'windows' }[process.platform as string];
  const file = folder && join(pkg, 'bin', folder, process.platform === 'win32' ? `${name}.exe` : name);
  if (!file || !existsSync(file) || (process.arch !== 'x64' && process.platform !== 'darwin'))
    throw new CompilerUnavailable(name, `miniprogram-compiler has no ${name} for ${process.platform} ${process.arch}`);
  try {
    accessSync(file, constants.X_OK);
  } catch {
    // npm unpacks them without the execute bit.
    chmodSync(file, 0o755);
  }
  return file;
}

/** The compiler itself could not run here: not the same as the app being wrong, and said differently. */
export class CompilerUnavailable extends Error {
  constructor(name: string, why: string) {
    super(`WeChat's ${name} could not run on this machine: ${why}. The mini-program's WXML/WXSS are unchecked.`);
  }
}

export interface CompileResult {
  compiler: 'wcsc' | 'wcc';
  files: number;
  /** What the compiler said when it refused the build; empty when it accepted every file. */
  errors: string;
}

function run(name: 'wcc' | 'wcsc', dir: string, args: string[]): string {
  const r = spawnSync(binary(name), args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  if (r.error) throw new CompilerUnavailable(name, r.error.message);
  // A binary the loader can't start (no glibc, wrong architecture) dies by signal or with the shell's 126/127.
  if (r.signal || r.status === null || r.status === 126 || r.status === 127)
    throw new CompilerUnavailable(name, `it stopped with ${r.signal ?? `status ${r.status}`}: ${r.stderr.trim()}`);
  if (r.status !== 0) return r.stderr.trim() || `${name} exited with status ${r.status}`;
  // wcsc reports some problems on stderr yet exits 0.
  return /\bERR\b|error/i.test(r.stderr) ? r.stderr.trim() : '';
}

const readJson = (file: string) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** Every .wxss of the build, in one call as WeChat does (components' files first, counted by -pc). */
export function compileWxss(dir: string): CompileResult {
  const files = filesUnder(dir, '.wxss');
  const isComponent = (f: string) => readJson(join(dir, f.replace(/\.wxss$/, '.json'))) !== undefined;
  const ordered = [...files.filter(isComponent), ...files.filter((f) => !isComponent(f))];
  const count = files.filter(isComponent).length;
  return { compiler: 'wcsc', files: files.length, errors: run('wcsc', dir, ['-db', '-pc', String(count), ...ordered]) };
}

/** Every .wxml and .wxs of the build, with each page's and component's usingComponents, as WeChat does. */
export function compileWxml(dir: string): CompileResult {
  const files = filesUnder(dir, '.wxml');
  const using: string[] = [];
  let withComponents = 0;
  for (const f of files) {
    const names = Object.keys(readJson(join(dir, f.replace(/\.wxml$/, '.json')))?.usingComponents ?? {});
    if (!names.length) continue;
    withComponents++;
    using.push(f, String(names.length), ...names);
  }
  const componentArgs = [String(withComponents), ...using].join(' ');
  const wxs = filesUnder(dir, '.wxs');
  return {
    compiler: 'wcc',
    files: files.length + wxs.length,
    errors: run('wcc', dir, ['-d', '-cc', componentArgs, ...files, ...wxs, '-gn', '$gwx']),
  };
}

/** Both compilers over a build folder. */
export const compileAll = (dir: string) => [compileWxss(dir), compileWxml(dir)];
