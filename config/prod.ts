import { join } from 'node:path';
import type { IProjectConfig } from '@tarojs/taro/types/compile';

/** `taro build` (release): quiet output; on H5, few requests before a page shows, and names that change with content. */
export default {
  mini: {},
  h5: {
    // Names that change with the content: production hosting keeps such files a year (serverless.yml).
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'chunk/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    webpackChain(chain) {
      // Taro splits only initial chunks on H5, so every lazily loaded page would carry
      // its own copy of the shared code. Share it between pages instead, but not module by
      // module (Taro's minSize is 0): on a 400 ms line each extra chunk a page waits for
      // costs a round trip, so a shared piece under 20 KB is copied into the pages using it.
      chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 20_000 } });
      // What every page needs (Taro's components and request API, the API client and its words)
      // comes with the app's own scripts, in the first round of downloads, instead of in a second
      // round that starts only once those have run: a page then waits for its own code alone.
      chain
        .entry('app')
        .add('@tarojs/components')
        .add(join(__dirname, '..', 'src', 'client', 'services', 'api.ts'))
        .add(join(__dirname, '..', 'src', 'client', 'components', 'page.tsx'));
    },
  },
} satisfies IProjectConfig<'webpack5'>;
