import {
  addDays,
  buildMatchIndex,
  matchFirm,
  type MatchIndex,
  businessDate,
  describeCondition,
  judgeItem,
  splitTerms,
  type DeclaredFacts,
  type FirmFacts,
  type ItemMatchView,
  type PolicyDetail,
  type PolicyListQuery,
  type PolicySummary,
  FACT_EVIDENCE,
  type FactKey,
  type ItemWindow,
} from '@yx/shared';
import type * as z from 'zod';
import { now } from '../lib/clock';
import { loadCatalog } from '../guide/repository';
import { loadIndex, type PolicyIndexRecord, type PolicyRecord } from './repository';
import type { PolicyItemRecord } from '../lib/entities/policies';

/**
 * 政策超市: browsing, search and filters over the market index (in memory), and the policy page. Pure over the index
 * once loaded; a firm's verdicts come from its facts (`FirmView`).
 */

type ListQuery = z.output<typeof PolicyListQuery>;
export const today = () => businessDate(now());
/** Department names (the catalogue's, cached with it). */
export async function deptNames(): Promise<(id: string) => string> {
  const depts = (await loadCatalog()).departments;
  return (id) => depts.find((d) => d.id === id)?.name ?? id;
}

/** What a firm is judged by: the district's facts and what it declared. */
export interface FirmView {
  creditCode: string;
  facts: FirmFacts;
  declared: DeclaredFacts;
  offers: Map<string, string>;
}

export function windowOf(item: Pick<PolicyItemRecord, 'validFrom' | 'validTo'>, day: string): ItemWindow {
  if (day < item.validFrom) return 'upcoming';
  if (day > item.validTo) return 'closed';
  return 'open';
}

/** Every term of the query appears in the title, the items, the 文号 or the interpretation; title hits rank first. */
function score(p: PolicyIndexRecord, terms: string[]): number {
  let s = 0;
  for (const t of terms) {
    if (p.title.includes(t)) s += 10;
    else if (p.items.some((i) => i.title.includes(t))) s += 6;
    else if (p.docNo.includes(t)) s += 4;
    else if (p.interpretation.includes(t)) s += 2;
    else return 0;
  }
  return s;
}

/** Items open to a firm of that industry: no industry condition, or one of its codes and the filter's overlap. */
const industryFits = (item: PolicyItemRecord, code: string) => {
  const c = item.conditions.find((x) => x.kind === 'industry');
  return !c || (c.kind === 'industry' && c.codes.some((k) => k.startsWith(code) || code.startsWith(k)));
};

function itemPasses(item: PolicyItemRecord, q: ListQuery, day: string): boolean {
  if (q.benefit && item.benefit.type !== q.benefit) return false;
  if (q.mode && item.mode !== q.mode) return false;
  if (q.industry && !industryFits(item, q.industry)) return false;
  if (q.deadline) {
    if (windowOf(item, day) !== 'open' || item.validTo > addDays(day, Number(q.deadline))) return false;
  }
  return true;
}

/** The market's list: published policies (staff: withdrawn too), filtered, each with the items that pass. */
export async function listPolicies(
  q: ListQuery,
  who: { firm?: FirmView; departmentId?: string; staffView?: boolean } = {},
): Promise<{ items: PolicySummary[]; total: number; nextCursor: string | null }> {
  const day = today();
  const terms = splitTerms(q.q);
  const all = await loadIndex();
  const deptName = await deptNames();
  const rows: { p: PolicyIndexRecord; items: PolicySummary['items']; s: number }[] = [];
  // 只看可享受的: the items that may fit the firm, from the matcher (a firm is judged against the few its facts reach)
  const fitting = q.forMe && who.firm ? fittingItems(all, who.firm, day) : undefined;
  for (const p of all) {
    if (p.status === 'withdrawn' && !(who.staffView && q.withdrawn)) continue;
    if (who.departmentId && p.issuer !== who.departmentId) continue;
    if (q.department && p.issuer !== q.department) continue;
    if (q.topic && !p.topics.includes(q.topic)) continue;
    const s = terms.length ? score(p, terms) : 1;
    if (!s) continue;
    const items: PolicySummary['items'] = [];
    for (const item of p.items) {
      if (!itemPasses(item, q, day)) continue;
      const window = windowOf(item, day);
      if (fitting && (!fitting.has(item.id) || window === 'closed')) continue;
      items.push({
        id: item.id,
        title: item.title,
        benefitType: item.benefit.type,
        benefitText: item.benefit.text,
        mode: item.mode,
        validFrom: item.validFrom,
        validTo: item.validTo,
        window,
      });
    }
    if (!items.length) continue;
    rows.push({ p, items, s });
  }
  rows.sort((a, b) => b.s - a.s || (a.p.issuedOn < b.p.issuedOn ? 1 : a.p.issuedOn > b.p.issuedOn ? -1 : a.p.id.localeCompare(b.p.id)));
  const start = Number(q.cursor ?? 0);
  const page = rows.slice(start, start + q.limit);
  // the verdicts of the page's items only
  const firm = who.firm;
  if (firm) {
    for (const { p, items } of page) {
      for (const i of items) {
        const item = p.items.find((x) => x.id === i.id)!;
        i.verdict = judgeItem(item, firm.facts, { today: day, declared: firm.declared, useDeclared: true }).verdict;
      }
    }
  }
  return {
    items: page.map(({ p, items }) => summaryOf(p, items, deptName(p.issuer))),
    total: rows.length,
    nextCursor: start + q.limit < rows.length ? String(start + q.limit) : null,
  };
}

/** The market's items indexed for matching, rebuilt when the market index changes (kept with it). */
let matching: { of: readonly PolicyIndexRecord[]; index: MatchIndex } | undefined;
function fittingItems(all: readonly PolicyIndexRecord[], firm: FirmView, day: string): Set<string> {
  if (matching?.of !== all) {
    const items = all.filter((p) => p.status === 'published').flatMap((p) => p.items.map((i) => ({ ...i, policyId: p.id, policyVersion: p.version })));
    matching = { of: all, index: buildMatchIndex(items) };
  }
  return new Set(matchFirm(matching.index, firm.facts, { today: day, declared: firm.declared, useDeclared: true }).map((m) => m.item.id));
}

function summaryOf(p: PolicyIndexRecord, items: PolicySummary['items'], issuerName: string): PolicySummary {
  const firstLine = p.interpretation.replace(/\s+/g, ' ').trim();
  return {
    id: p.id,
    title: p.title,
    issuer: p.issuer,
    issuerName,
    docNo: p.docNo,
    issuedOn: p.issuedOn,
    topics: p.topics,
    excerpt: firstLine.length > 80 ? `${firstLine.slice(0, 78)}…` : firstLine,
    version: p.version,
    status: p.status,
    items,
  };
}

/** The evidence a 依申请 application asks for: what the conditions name, or the default proof of their fact. */
const FACT_OF: Partial<Record<string, FactKey>> = {
  age: 'registeredOn',
  headcount: 'headcount',
  revenue: 'revenue',
  taxPaid: 'taxPaid',
  qualification: 'qualifications',
};
export function evidenceOf(item: PolicyItemRecord): string[] {
  const out = new Set<string>();
  for (const c of item.conditions) {
    const fact = FACT_OF[c.kind];
    if (c.evidence) out.add(c.evidence);
    else if (fact && fact !== 'registeredOn') out.add(FACT_EVIDENCE[fact]);
  }
  return [...out];
}

/** The policy page; for a firm, its judgement on each item by this version. */
export function detailOf(p: PolicyRecord, issuerName: string, firm?: FirmView, appNos?: Map<string, string>): PolicyDetail {
  const day = today();
  const matches: ItemMatchView[] | undefined = firm
    ? p.items.map((item) => {
        const j = judgeItem(item, firm.facts, { today: day, declared: firm.declared, useDeclared: item.mode === 'apply' });
        const offerStatus = firm.offers.get(item.id);
        const appNo = appNos?.get(item.id);
        return { itemId: item.id, policyVersion: p.version, ...j, ...(offerStatus ? { offerStatus } : {}), ...(appNo ? { appNo } : {}) };
      })
    : undefined;
  return {
    id: p.id,
    version: p.version,
    status: p.status,
    title: p.title,
    issuer: p.issuer,
    issuerName,
    docNo: p.docNo,
    issuedOn: p.issuedOn,
    text: p.text,
    interpretation: p.interpretation,
    topics: p.topics,
    items: p.items.map((item) => ({
      ...item,
      window: windowOf(item, day),
      conditionTexts: item.conditions.map(describeCondition),
      evidence: evidenceOf(item),
    })),
    ...(p.withdrawnReason ? { withdrawnReason: p.withdrawnReason } : {}),
    ...(matches ? { matches } : {}),
  };
}
