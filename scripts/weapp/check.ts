import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { filesUnder } from './files';
import { freeGlobals, reviewed } from './globals';

/**
 * What WeChat would refuse or break on when it opens the build, checked on the
 * files alone: pages and components that don't resolve, subpackages that aren't
 * there, a main package over our limit, and browser-only globals.
 */

/** WeChat allows 2 MB; we hold the residents' main package to 1 MB so it opens fast on a weak signal. */
export const MAIN_PACKAGE_LIMIT = 1024 * 1024;

export interface CheckReport {
  /** Each thing that is wrong, in a sentence naming the file. */
  problems: string[];
  /** What was measured, for the log: sizes per package. */
  notes: string[];
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  usingComponents?: Record<string, string>;
}

const readJson = (file: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

const subPackagesOf = (app: AppJson) =>
  (app.subPackages ?? app.subpackages ?? []).map((s) => ({ ...s, root: s.root.replace(/\/$/, '') }));

/** Every page (main and subpackages) has the four files WeChat loads, and each subpackage root exists. */
function checkPages(dir: string, app: AppJson, problems: string[]) {
  const subs = subPackagesOf(app);
  for (const s of subs)
    if (!existsSync(join(dir, s.root)) || !statSync(join(dir, s.root)).isDirectory())
      problems.push(`app.json: subpackage root ${s.root} is not in the build`);
  const pages = [...(app.pages ?? []), ...subs.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  if (!pages.length) problems.push('app.json lists no pages');
  for (const page of pages)
    for (const ext of ['.js', '.json', '.wxml'])
      if (!existsSync(join(dir, page + ext))) problems.push(`page ${page}: ${page}${ext} is missing`);
}

/** Every usingComponents entry (app.json, pages, components) points at a component with its .js/.json/.wxml. */
function checkComponents(dir: string, problems: string[]) {
  for (const jsonFile of filesUnder(dir, '.json')) {
    const using = readJson(join(dir, jsonFile))?.usingComponents as Record<string, string> | undefined;
    for (const [tag, target] of Object.entries(using ?? {})) {
      if (target.startsWith('plugin://')) continue;
      const base = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(jsonFile), target);
      const missing = ['.js', '.json', '.wxml'].filter((ext) => !existsSync(join(dir, base + ext)));
      if (missing.length) problems.push(`${jsonFile}: component <${tag}> → ${target} has no ${missing.join(', ')}`);
      else if (readJson(join(dir, `${base}.json`))?.component !== true)
        problems.push(`${jsonFile}: component <${tag}> → ${target} is not declared "component": true`);
    }
  }
}

const sizeOf = (path: string, skip: (p: string) => boolean): number =>
  readdirSync(path, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(path, e.name);
    if (skip(p)) return sum;
    return sum + (e.isDirectory() ? sizeOf(p, skip) : statSync(p).size);
  }, 0);

/** Sizes per package; the main package (everything outside subpackage roots) under MAIN_PACKAGE_LIMIT. */
function checkSizes(dir: string, app: AppJson, problems: string[], notes: string[]) {
  const roots = subPackagesOf(app)
    .map((s) => join(dir, s.root))
    .filter((r) => existsSync(r));
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const main = sizeOf(dir, (p) => roots.includes(p));
  notes.push(`main package: ${kib(main)} (limit ${kib(MAIN_PACKAGE_LIMIT)})`);
  for (const r of roots) notes.push(`  subpackage ${posix.relative(dir, r)}: ${kib(sizeOf(r, () => false))}`);
  if (main > MAIN_PACKAGE_LIMIT)
    problems.push(
      `main package is ${kib(main)}, over ${kib(MAIN_PACKAGE_LIMIT)}: move staff pages or heavy components into a subpackage`,
    );
}

function checkGlobals(dir: string, problems: string[]) {
  for (const g of freeGlobals(dir))
    if (!(g.name in reviewed))
      problems.push(
        `global ${g.name} is read at ${g.at.slice(0, 3).join(', ')}${g.at.length > 3 ? ` and ${g.at.length - 3} more` : ''}: ` +
          "WeChat has no such global. Use Taro's API instead, or, if that code never runs in the mini-program, add it to `reviewed` in scripts/weapp/globals.ts with the reason",
      );
}

/** The whole static check of a weapp build folder. */
export function checkBuild(dir: string): CheckReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const app = readJson(join(dir, 'app.json')) as AppJson | undefined;
  if (!app) return { problems: [`${join(dir, 'app.json')} is missing or not JSON: is this a weapp build?`], notes };
  if (!existsSync(join(dir, 'app.js'))) problems.push('app.js is missing');
  checkPages(dir, app, problems);
  checkComponents(dir, problems);
  checkSizes(dir, app, problems, notes);
  checkGlobals(dir, problems);
  return { problems, notes };
}
