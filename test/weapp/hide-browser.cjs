// Jest transform for the mini-program's built JavaScript: wraps each file so that every global a browser has and
// WeChat's JS engine lacks (window, document, localStorage, fetch, …) reads as undefined inside it. The suite runs
// under jsdom (miniprogram-simulate renders into it), and jsdom's globals would otherwise hide a browser-only call.
const { createHash } = require('node:crypto');
const { runInNewContext } = require('node:vm');
const { readFileSync } = require('node:fs');
const { JSDOM } = require('jsdom');

const self = readFileSync(__filename);

// What WeChat provides besides ECMAScript (scripts/weapp/globals.ts keeps the same list for the static check).
const WECHAT = ['console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];
const ecmascript = new Set(runInNewContext('Object.getOwnPropertyNames(globalThis)'));
const { window } = new JSDOM('');
const names = new Set();
for (let o = window; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
  for (const n of Object.getOwnPropertyNames(o)) names.add(n);
const hidden = [...names, 'window', 'self', 'fetch', 'MessageChannel', 'setImmediate']
  .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !ecmascript.has(n) && !WECHAT.includes(n))
  .filter((n) => !['eval', 'arguments', 'undefined'].includes(n))
  .sort();
const params = [...new Set(hidden)].join(',');
window.close();

module.exports = {
  hidden: [...new Set(hidden)],
  process(source) {
    // On a line of its own, so that positions in a stack trace are the build's, one line down.
    return { code: `(function(${params}){\n${source}\n}).call(this);` };
  },
  getCacheKey(source, path) {
    return createHash('sha1').update(self).update(path).update(source).digest('hex');
  },
};
