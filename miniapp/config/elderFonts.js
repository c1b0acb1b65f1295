/**
 * 长辈版 text floor, applied to every stylesheet at build time (issue 14; MIIT 适老化: main text ≥ 18 px).
 *
 * For each rule that sets `font-size` below the floor (design px: 36 = 18 CSS px on a 375-wide phone), a rule
 * `.elder <selector> { font-size: <floor> }` follows it, so no text in 长辈版 stays small, whichever component wrote it.
 * A hand-written `.elder …` rule below the floor is raised in place; one above it keeps its size (it comes later in
 * its file, so it wins over the generated rule for the same selector). Runs in `Once`, before Taro's px transform
 * turns the values into rpx / rem. Uppercase `PX` (Taro's "leave as is") is not touched.
 */
const FLOOR_DEFAULT = 36;

/** @param {{ floor?: number, scope?: string }} opts */
function elderFonts(opts = {}) {
  const floor = opts.floor ?? FLOOR_DEFAULT;
  const scope = opts.scope ?? '.elder';
  const small = (value) => {
    const m = /^(\d+(?:\.\d+)?)px$/.exec(String(value).trim());
    return m !== null && Number(m[1]) < floor;
  };
  const inScope = (sel) =>
    sel.trim() === scope || sel.trim().startsWith(`${scope} `) || sel.trim().startsWith(`${scope}.`) || sel.trim().startsWith(`${scope}:`);
  return {
    postcssPlugin: 'elder-fonts',
    Once(root) {
      root.walkRules((rule) => {
        if (rule.parent && rule.parent.type === 'atrule' && /keyframes/.test(rule.parent.name)) return;
        const decls = rule.nodes.filter((n) => n.type === 'decl' && n.prop === 'font-size' && small(n.value));
        if (decls.length === 0) return;
        if (rule.selectors.every(inScope)) {
          for (const d of decls) d.value = `${floor}px`;
          return;
        }
        // the page roots themselves carry .elder: their base size is already set by `.elder { font-size }`
        const selectors = rule.selectors.filter((s) => !inScope(s) && !/^(page|body|html|\.page|\.taro_page)\b/.test(s.trim()));
        if (selectors.length === 0) return;
        const elder = rule.clone({ selectors: selectors.map((s) => `${scope} ${s.trim()}`), nodes: [] });
        elder.append({ prop: 'font-size', value: `${floor}px` });
        rule.after(elder);
      });
    },
  };
}
elderFonts.postcss = true;

module.exports = elderFonts;
