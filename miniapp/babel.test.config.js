// Component tests run in jsdom under jest: plain React + TypeScript, no Taro build.
module.exports = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], ['@babel/preset-react', { runtime: 'automatic' }], '@babel/preset-typescript'],
};
