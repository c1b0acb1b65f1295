import postcss from 'postcss';
// the build's own plugin (CommonJS, loaded by Taro from miniapp/config)
// eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-commonjs
const elderFonts = require('../miniapp/config/elderFonts.js');

const run = (css: string) => postcss([elderFonts()]).process(css, { from: undefined }).css;

describe('长辈版 text floor (the build’s postcss plugin)', () => {
  it('follows a small base size with a .elder rule at the floor', () => {
    const out = run('.tag, .chip .x { font-size: 22px; color: red }');
    expect(out).toContain('.elder .tag, .elder .chip .x { font-size: 36px }');
    expect(out).toContain('.tag, .chip .x { font-size: 22px; color: red }');
  });
  it('leaves sizes at or above the floor, other units and Taro’s uppercase PX alone', () => {
    for (const css of ['.a { font-size: 36px }', '.a { font-size: 48px }', '.a { font-size: 1.2em }', '.a { font-size: 20PX }']) expect(run(css)).toBe(css);
  });
  it('raises a hand-written .elder rule below the floor in place, and keeps one above it', () => {
    expect(run('.elder .muted { font-size: 32px }')).toBe('.elder .muted { font-size: 36px }');
    expect(run('.elder .title { font-size: 42px }')).toBe('.elder .title { font-size: 42px }');
    // a class that only starts with the same letters is not in scope
    expect(run('.elder-switch { font-size: 24px }')).toContain('.elder .elder-switch { font-size: 36px }');
  });
  it('skips page roots and keyframes', () => {
    expect(run('.page { font-size: 28px }')).toBe('.page { font-size: 28px }');
    expect(run('@keyframes k { from { font-size: 10px } }')).toBe('@keyframes k { from { font-size: 10px } }');
  });
});
