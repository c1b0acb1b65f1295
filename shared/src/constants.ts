/**
 * Plain values the H5 app's first screen needs (the home page, the API client), in a module that imports nothing: the
 * modules that define them beside their schemas re-export them from here, so the first screen loads without zod
 * (~100 KiB of script; issue 14). Keep zod and `lazy` out of this file.
 */

/**
 * Themes: life events for people (出生, 上学, 就业, 婚育, 住房, 养老, 身后事…)
 * and life-cycle stages for firms (开办, 经营, 变更, 注销…). One list, each tagged with its audience.
 */
export const THEMES = [
  { id: 'birth', name: '出生', audience: 'person' },
  { id: 'school', name: '上学', audience: 'person' },
  { id: 'work', name: '就业创业', audience: 'person' },
  { id: 'marriage', name: '婚姻生育', audience: 'person' },
  { id: 'housing', name: '住房', audience: 'person' },
  { id: 'residence', name: '户籍居住', audience: 'person' },
  { id: 'social-security', name: '社保医保', audience: 'person' },
  { id: 'elderly', name: '养老', audience: 'person' },
  { id: 'certificates', name: '证明开具', audience: 'person' },
  { id: 'startup', name: '企业开办', audience: 'enterprise' },
  { id: 'operation', name: '经营许可', audience: 'enterprise' },
  { id: 'construction', name: '工程建设', audience: 'enterprise' },
  { id: 'change', name: '变更登记', audience: 'enterprise' },
  { id: 'employment', name: '用工社保', audience: 'enterprise' },
  { id: 'tax', name: '税务', audience: 'enterprise' },
  { id: 'closure', name: '注销', audience: 'enterprise' },
] as const;

/** Rows a list page answers with when the caller names no limit, and the most it may ask for. */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** 注销账号: typed on purpose, so a tap alone never closes an account. */
export const CLOSE_ACCOUNT_PHRASE = '注销';
