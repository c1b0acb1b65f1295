import Taro from '@tarojs/taro';
import { CREDIT_PAGES } from '../../../api/credit';

/** A page of 信用 with its query (the values encoded; empty ones left out). */
export function creditUrl(page: keyof typeof CREDIT_PAGES, params: Record<string, string | undefined> = {}): string {
  const q = Object.entries(params)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${CREDIT_PAGES[page]}?${q}` : CREDIT_PAGES[page];
}

export const openCredit = (page: keyof typeof CREDIT_PAGES, params?: Record<string, string | undefined>) => Taro.navigateTo({ url: creditUrl(page, params) });

/** 投诉 a merchant: the appeal form, told which firm (it reads `firm`). */
export const complainUrl = (code: string) => `/packages/appeal/file/index?firm=${encodeURIComponent(code)}`;

/** The tabs of the records page: the three kinds of published records, and the ratings. */
export const RECORD_TABS = [
  { key: 'licence', name: '行政许可' },
  { key: 'penalty', name: '行政处罚' },
  { key: 'honour', name: '守信激励' },
  { key: 'ratings', name: '评价' },
] as const;
export type RecordTab = (typeof RECORD_TABS)[number]['key'];

/** A page parameter as typed (the mini-program hands some over still encoded); a malformed one as it came. */
export function param(v: string | undefined): string {
  if (!v) return '';
  try {
    return decodeURIComponent(v).trim();
  } catch {
    return v.trim();
  }
}

/**
 * The merchant and the scan's proof the page was opened with: `?code=…&s=…`, or WeChat's `q` (扫普通链接二维码: the
 * poster's link `<app>/c/<code>?s=<proof>` itself, encoded).
 */
export function merchantParams(params: Record<string, string | undefined>): { code: string; s?: string } {
  let code = param(params.code);
  let s = param(params.s);
  const link = param(params.q);
  if (link) {
    const [path, query = ''] = link.split('#')[0]!.split('?');
    const inPath = /\/c\/([0-9A-Za-z]{18})\/?$/.exec(path ?? '')?.[1];
    const fromQuery = Object.fromEntries(query.split('&').map((kv) => [kv.slice(0, kv.indexOf('=')), param(kv.slice(kv.indexOf('=') + 1))]));
    code ||= inPath ?? fromQuery.code ?? '';
    s ||= fromQuery.s ?? '';
  }
  return { code: code.toUpperCase(), s: s || undefined };
}
