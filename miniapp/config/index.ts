import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * TARO_APP_API_BASE: where the API lives. The H5 build defaults to '' (same origin: the local
 * static server proxies /v1 to serverless-offline); the weapp build needs an absolute https URL.
 * TARO_APP_STAGE: 'local' shows the development login; any other value removes it from the build.
 */
export default defineConfig(async (merge, { command, mode }) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const apiBase = process.env.TARO_APP_API_BASE ?? (isH5 ? '' : 'http://127.0.0.1:3000');
  const stage = process.env.TARO_APP_STAGE ?? 'local';
  const shared = path.resolve(__dirname, '../../shared');
  // 长辈版: no text below 18 px, whichever stylesheet set it (a local postcss plugin, see the file)
  const elderFonts = path.resolve(__dirname, 'elderFonts.js');
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'yx-gov-miniapp',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      APP_STAGE: JSON.stringify(stage),
    },
    alias: { '@yx/shared': path.resolve(shared, 'src') },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // webpack's persistent cache, for the H5 build of `npm start` only (scripts/lib/h5build.ts sets the folder; the tests
    // and the weapp build leave it off); the postcss plugin and babel's config are read by path, so named here
    cache:
      isH5 && process.env.YX_H5_CACHE_DIR
        ? {
            enable: true,
            cacheDirectory: process.env.YX_H5_CACHE_DIR,
            buildDependencies: { config: [elderFonts, path.resolve(__dirname, '../babel.config.js')] },
          }
        : { enable: false },
    mini: {
      compile: { include: [shared] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
        [elderFonts]: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        if (chain.get('mode') !== 'production') return;
        // names that change with the content: the web server lets browsers keep them for good (scripts/lib/static.ts)
        chain.output.filename('js/[name].[contenthash:8].js').chunkFilename('chunk/[name].[contenthash:8].js');
        chain
          .plugin('miniCssExtractPlugin')
          .tap(([options]) => [{ ...options, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' }]);
        // Taro splits only the entry's chunks, so every page carried its own copy of zod, the components and the API
        // client (11 MB of chunks, 70 s of minifying): modules two pages share go into chunks of their own, loaded once
        // (docs/DECISIONS.md, issue 14). The first screen stays the entry (js/) plus the home page's few chunks.
        const nodeModules = /[\\/]node_modules[\\/]/;
        chain.optimization.splitChunks({
          chunks: 'all',
          hidePathInfo: true,
          cacheGroups: {
            default: false,
            defaultVendors: false,
            // Taro's own: its packages in one chunk beside the entry
            taro: { name: false, chunks: 'initial', test: (m: { context?: string }) => /@tarojs[\\/][a-z]+/.test(m.context ?? ''), priority: 100 },
            vendors: {
              name: false,
              test: (m: { resource?: string }) => nodeModules.test(m.resource ?? ''),
              minChunks: 2,
              priority: 10,
              reuseExistingChunk: true,
            },
            common: { name: false, minChunks: 2, priority: 1, reuseExistingChunk: true },
          },
        });
      },
      compile: { include: [shared] },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
        [elderFonts]: { enable: true, config: {} },
      },
    },
  };
  return config;
});
