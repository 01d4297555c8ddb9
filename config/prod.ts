import type { IProjectConfig } from '@tarojs/taro/types/compile';

/** `taro build` (release): quiet output; pages share one vendor chunk on H5. */
export default {
  mini: {},
  h5: {
    // Taro splits only initial chunks on H5, so every lazily loaded page would carry
    // its own copy of zod and the shared schemas. Share them between pages instead.
    webpackChain(chain) {
      chain.optimization.merge({ splitChunks: { chunks: 'all' } });
    },
  },
} satisfies IProjectConfig<'webpack5'>;
