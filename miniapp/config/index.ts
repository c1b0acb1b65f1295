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
    cache: { enable: false },
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
