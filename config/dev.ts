import type { IProjectConfig } from '@tarojs/taro/types/compile';

/** `taro build --watch` (npm run dev:h5): readable output, quick rebuilds. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies IProjectConfig<'webpack5'>;
