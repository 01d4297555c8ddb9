import { join } from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import { require as tsxRequire } from 'tsx/cjs/api';
import type { RouteName, routes as Routes } from '../src/shared/api';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * One Taro config for both targets. The API base is fixed at build time:
 * '/api' for the H5 app (served with the API on one origin by `npm start`), or
 * TARO_APP_API_BASE (the deployed HTTPS API) for the mini-program.
 */
// The app shares schemas and rules with the functions; compile them like app code.
const shared = { include: [join(__dirname, '..', 'src', 'shared')] };
const target = process.env.TARO_ENV ?? 'h5';
const apiBase = process.env.TARO_APP_API_BASE ?? (target === 'h5' ? '/api' : 'http://127.0.0.1:3000/api');

/**
 * The client reaches a route by its method, path and auth alone: those go into the
 * app as a constant (ROUTE_TABLE, read by src/client/services/api.ts), while the zod
 * schemas stay out of the first screen's scripts. Taro compiles only config/, so tsx loads the table.
 */
const { routes } = tsxRequire('../src/shared/api', __filename) as { routes: typeof Routes };
const routeTable = Object.fromEntries(
  Object.entries(routes).map(([name, r]) => [
    name as RouteName,
    { method: r.method, path: r.path, auth: r.auth, idempotent: 'idempotent' in r && r.idempotent === true },
  ]),
);

const base: IProjectConfig<'webpack5'> = {
  projectName: 'village-hall',
  date: '2026-11-23',
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src/client',
  // TARO_OUTPUT_ROOT: a build of its own elsewhere (a benchmark of one working copy), leaving dist/ to the tests.
  outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${target}`,
  plugins: [],
  defineConstants: {
    ROUTE_TABLE: JSON.stringify(routeTable),
    'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
    // 扫码登录: the link prefix registered for the mini-program (src/client/pages/auth/sign-in/qr-sign-in.tsx).
    'process.env.TARO_APP_QR_SIGN_IN_LINK': JSON.stringify(process.env.TARO_APP_QR_SIGN_IN_LINK ?? ''),
  },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {
    compile: shared,
    postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
  },
  h5: {
    compile: shared,
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
  },
};

/** dev.ts (watch builds) or prod.ts (release builds) on top of the base, deep-merged (webpack-merge). */
export default defineConfig<'webpack5'>(async (merge) =>
  merge({}, base, process.env.NODE_ENV === 'development' ? devConfig : prodConfig),
);
