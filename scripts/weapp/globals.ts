import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parseSync, traverse } from '@babel/core';
import { filesUnder } from './files';

/**
 * The free globals of the build: names its JavaScript reads without declaring,
 * found by parsing every .js file (Babel's scope analysis), not by grep. WeChat's
 * JS engine has ECMAScript's built-ins and its own few globals; it has no
 * `window`, `document`, `localStorage` or `fetch`. Taro already rewrites `window`
 * and `document` to its runtime's stand-ins, so what is left is a real reference.
 */

/** ECMAScript's own globals, as a fresh realm has them, less the code-from-text ones WeChat refuses to run. */
const ecmascript: string[] = runInNewContext('Object.getOwnPropertyNames(globalThis)').filter(
  (n: string) => n !== 'eval' && n !== 'Function',
);

/** What WeChat's JS environment adds: its API, the page and component constructors, CommonJS, timers, console. */
const wechat = [
  'wx',
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'requirePlugin',
  'requireMiniProgram',
  'require',
  'module',
  'exports',
  'console',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  '__wxConfig',
];

/**
 * Globals WeChat lacks that the build names anyway, each read and found safe.
 * A new one fails the check until someone reads where it is used and adds it here.
 */
export const reviewed: Record<string, string> = {
  window:
    "webpack's runtime looks for the global object in globalThis, then `this`, and only then `typeof window`; Taro gives everything else its own window",
  MessageChannel:
    "React's scheduler uses it only after `typeof MessageChannel` finds one; in WeChat it falls back to setTimeout",
  setImmediate: "React's scheduler, likewise feature-detected with typeof before use",
  performance:
    "React's scheduler and Taro's timing read it only after `typeof performance` (WeChat has wx.getPerformance instead)",
  __REACT_DEVTOOLS_GLOBAL_HOOK__: "React's devtools hook, read only after typeof",
  tt: "Taro's document builder for ByteDance's mini-programs (tt.appDocument); WeChat's build never calls it",
  fetch:
    'case photos: bytesH5/putH5 read and upload a browser file; they run only when TARO_ENV is h5, the mini-program reads the temp file with getFileSystemManager and PUTs with wx.request',
  atob: "zod's base64 and JWT string formats, inside try; the app's schemas use neither (roster import checks base64 by regex)",
  Function:
    "`new Function(text)`, which WeChat refuses: zod compiles with it only after its probe `new Function('')` succeeded inside try, webpack's global lookup tries it after globalThis; Babel's helper only reads Function.toString",
  SuppressedError: "tslib's helper, read only after typeof",
};

export interface FreeGlobal {
  name: string;
  /** Where it is read, as file:line:column, a few of them. */
  at: string[];
}

const known = new Set([...ecmascript, ...wechat, 'arguments', 'undefined']);

/** Every free global of the build's .js files that WeChat doesn't provide, with where it is read. */
export function freeGlobals(dir: string): FreeGlobal[] {
  const found = new Map<string, string[]>();
  for (const file of filesUnder(dir, '.js')) {
    const ast = parseSync(readFileSync(join(dir, file), 'utf8'), {
      sourceType: 'script',
      configFile: false,
      babelrc: false,
      filename: file,
    });
    if (!ast) continue;
    traverse(ast, {
      ReferencedIdentifier(path) {
        const { name, loc } = path.node as { name: string; loc?: { start: { line: number; column: number } } };
        if (known.has(name) || path.scope.hasBinding(name, true)) return;
        const at = found.get(name) ?? [];
        at.push(`${file}:${loc?.start.line}:${(loc?.start.column ?? 0) + 1}`);
        found.set(name, at);
      },
    });
  }
  return [...found].map(([name, at]) => ({ name, at })).sort((a, b) => a.name.localeCompare(b.name));
}
