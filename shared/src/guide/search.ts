import type { ServiceSummary } from './api';

/**
 * Keyword search over the catalogue summary, in memory (the catalogue is ~1,000 items at most).
 * Every whitespace-separated term must match somewhere; name matches rank above keyword matches,
 * which rank above summary / department matches; ties go to the more popular item.
 */
export function scoreItem(item: ServiceSummary, terms: string[]): number {
  let score = 0;
  for (const term of terms) {
    let s = 0;
    if (item.name === term) s = 100;
    else if (item.name.includes(term)) s = 40;
    else if (item.keywords.some((k) => k === term)) s = 30;
    else if (item.keywords.some((k) => k.includes(term) || term.includes(k))) s = 20;
    else if (item.summary.includes(term) || item.departmentName.includes(term)) s = 5;
    else if (term.length >= 3 && fuzzyIncludes(item.name, term)) s = 2; // 营业执照办理 → 营业执照
    if (s === 0) return 0;
    score += s;
  }
  return score;
}

/** All characters of the term appear in order in the text (卫生许可 ~ 公共场所卫生许可证). */
function fuzzyIncludes(text: string, term: string): boolean {
  let i = 0;
  for (const ch of text) if (ch === term[i]) i++;
  return i >= Math.ceil(term.length * 0.75);
}

export function splitTerms(q: string | undefined): string[] {
  return (q ?? '')
    .trim()
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .slice(0, 5);
}

export function searchServices(items: ServiceSummary[], q: string | undefined): ServiceSummary[] {
  const terms = splitTerms(q);
  if (terms.length === 0) return [...items].sort((a, b) => b.popularity - a.popularity);
  return items
    .map((item) => ({ item, score: scoreItem(item, terms) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.item.popularity - a.item.popularity)
    .map((x) => x.item);
}
