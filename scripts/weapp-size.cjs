// Prints the WeChat mini-program's main package size (all of dist/weapp except
// subpackage roots) and fails above WeChat's limit we hold ourselves to: 1 MB.
const { readdirSync, statSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const dist = join(__dirname, '..', 'dist', 'weapp');
const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
const size = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(dir, e.name);
    if (subRoots.includes(relative(dist, p))) return sum;
    return sum + (e.isDirectory() ? size(p) : statSync(p).size);
  }, 0);
const sub = subRoots.map((r) => [r, size(join(dist, r))]);
const main = size(dist);
console.log(`Mini-program main package: ${(main / 1024).toFixed(1)} KiB (limit 1024 KiB)`);
for (const [r, s] of sub) console.log(`  subpackage ${r}: ${(s / 1024).toFixed(1)} KiB`);
if (main > 1024 * 1024) {
  console.error('Main package is over 1 MB: move staff pages or heavy components into a subpackage.');
  process.exit(1);
}
