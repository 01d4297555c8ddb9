import { ensureWeappBuild, WEAPP_DIR } from './build';
import { checkBuild } from './check';
import { CompilerUnavailable, compileAll } from './compilers';

/**
 * `tsx scripts/weapp/verify.ts [--build [--force]] [dir]`: WeChat's compilers over
 * every .wxss and .wxml of the mini-program build, then the static check of it.
 * Exits 1 on the first part that fails, saying what and where.
 */
export function verify(dir: string): boolean {
  let ok = true;
  try {
    for (const r of compileAll(dir)) {
      if (r.errors) {
        ok = false;
        console.error(`✖ ${r.compiler} refused the build (${r.files} files):\n${r.errors}`);
      } else console.log(`✔ ${r.compiler} accepted all ${r.files} files`);
    }
  } catch (e) {
    if (!(e instanceof CompilerUnavailable)) throw e;
    console.error(`✖ ${e.message}`);
    return false;
  }
  const { problems, notes } = checkBuild(dir);
  for (const n of notes) console.log(`  ${n}`);
  if (problems.length) {
    console.error(`✖ static check of ${dir}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return false;
  }
  console.log('✔ static check: pages, components, subpackages, size and globals');
  return ok;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--build')) ensureWeappBuild(args.includes('--force'));
  const dir = args.find((a) => !a.startsWith('--')) ?? WEAPP_DIR;
  if (!verify(dir)) process.exit(1);
}
