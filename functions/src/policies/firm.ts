import {
  agentMayAct,
  FACT_NAMES,
  maskName,
  OFFER_STATUS_NAMES,
  QUALIFICATIONS,
  SIZE_CLASSES,
  industryName,
  streetName,
  type DeclareFactRequest,
  type DeclaredFacts,
  type FirmFacts,
  type FirmProfileView,
  type OfferView,
  type PolicyListQuery,
  type BankAccount,
  type ConfirmOfferRequest,
} from '@yx/shared';
import type * as z from 'zod';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { Offer } from '../lib/entities/policies';
import { getFirmAgent } from '../identity/repository';
import { readyFileOf } from '../files/service';
import { deptNames, detailOf, listPolicies, today, type FirmView } from './market';
import * as repo from './repository';

/**
 * The firm's side (企业): its profile (企业画像), its view of the market with verdicts, and its 免申即享 offers. Whoever
 * acts is the legal representative or an agent whose grant is in force — checked on every request, so a revoked or
 * expired grant stops at once — and confirming money needs the grant's 政策兑现 scope.
 */

interface Firm {
  creditCode: string;
  firm: repo.EnterpriseRecord;
  declared: repo.DeclaredFactRecord[];
  offers: repo.OfferRecord[];
  claims: Map<string, string>;
  /** the trail's actor: 「陈*强（法定代表人）」, 「经办人 钱*东」 */
  actor: string;
}

/** The caller's firm, after checking they may act for it (and, with `benefits`, handle its money). */
async function actingFirm(user: UserRecord, o: { benefits?: boolean } = {}): Promise<Firm> {
  const code = user.enterpriseCode;
  if (user.role !== 'enterprise' || !code) throw forbidden('请先绑定企业（我的 → 企业认证），或接受企业的经办人授权');
  const [read, grant] = await Promise.all([repo.readFirm(code), user.firmRole === 'agent' ? getFirmAgent(code, user.id) : undefined]);
  if (user.firmRole === 'agent') {
    const d = agentMayAct(grant, { itemIds: [], commitment: false, benefits: o.benefits, today: today() });
    if (!d.ok) throw forbidden(d.reason);
  }
  if (!read.firm) throw notFound('未找到企业登记信息');
  const who = maskName(user.realName) ?? user.nickname;
  return {
    creditCode: code,
    firm: read.firm,
    declared: read.declared,
    claims: read.claims,
    offers: read.offers,
    actor: user.firmRole === 'agent' ? `经办人 ${who}` : `${who}（法定代表人）`,
  };
}

/** The district's facts about a firm, as the matcher reads them. */
export function factsOf(e: repo.EnterpriseRecord): FirmFacts {
  return {
    registeredOn: e.registeredOn,
    industry: e.industry,
    size: e.size,
    street: e.street,
    headcount: e.headcount,
    revenue: e.revenue,
    taxPaid: e.taxPaid,
    grade: e.grade,
    qualifications: e.qualifications,
    received: e.received,
  };
}

export function declaredOf(rows: readonly repo.DeclaredFactRecord[]): DeclaredFacts {
  const d: DeclaredFacts = {};
  for (const r of rows) {
    if (r.fact === 'qualifications' && Array.isArray(r.value)) d.qualifications = r.value;
    else if (r.fact !== 'qualifications' && typeof r.value === 'number') d[r.fact] = r.value;
  }
  return d;
}

const viewOfFirm = (f: Firm): FirmView => ({
  creditCode: f.creditCode,
  facts: factsOf(f.firm),
  declared: declaredOf(f.declared),
  offers: new Map(f.offers.map((o) => [o.itemId, o.status])),
});

// ---- the market, as the firm sees it ----

export async function firmList(user: UserRecord, q: z.output<typeof PolicyListQuery>) {
  return listPolicies(q, { firm: viewOfFirm(await actingFirm(user)) });
}

export async function firmDetail(user: UserRecord, id: string) {
  const f = await actingFirm(user);
  const p = await repo.getPolicy(id);
  if (!p) throw notFound('没有这项政策');
  return detailOf(p, (await deptNames())(p.issuer), viewOfFirm(f), f.claims);
}

// ---- 企业画像 ----

const num = (n: number, unit: string) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;

function profileOf(f: Firm, topics: string[]): FirmProfileView {
  const e = f.firm;
  const dec = new Map(f.declared.map((d) => [d.fact, d]));
  const row = (key: keyof typeof FACT_NAMES, registry: string | undefined) => {
    const d = dec.get(key as repo.DeclaredFactRecord['fact']);
    if (registry !== undefined) return { key, label: FACT_NAMES[key], value: registry, source: 'registry' as const };
    if (d) {
      const value = Array.isArray(d.value)
        ? d.value.map((q) => QUALIFICATIONS[q as keyof typeof QUALIFICATIONS] ?? q).join('、')
        : num(d.value, key === 'headcount' ? '人' : '万元');
      return { key, label: FACT_NAMES[key], value, source: 'declared' as const, evidenceFileId: d.fileId, declaredAt: d.declaredAt };
    }
    return { key, label: FACT_NAMES[key], value: null, source: null };
  };
  const quals = e.qualifications?.length ? e.qualifications.map((q) => QUALIFICATIONS[q as keyof typeof QUALIFICATIONS] ?? q).join('、') : undefined;
  return {
    creditCode: e.creditCode,
    name: e.name,
    facts: [
      row('registeredOn', e.registeredOn),
      row('industry', e.industry ? `${industryName(e.industry)}（${e.industry}）` : undefined),
      row('size', e.size ? SIZE_CLASSES[e.size] : undefined),
      row('street', e.street ? (streetName(e.street) ?? e.street) : undefined),
      row('headcount', e.headcount !== undefined ? num(e.headcount, '人') : undefined),
      row('revenue', e.revenue !== undefined ? num(e.revenue, '万元') : undefined),
      row('taxPaid', e.taxPaid !== undefined ? num(e.taxPaid, '万元') : undefined),
      row('grade', `${e.grade} 级`),
      row('qualifications', quals),
    ],
    topics,
  };
}

export async function profile(user: UserRecord): Promise<FirmProfileView> {
  const [f, t] = await Promise.all([actingFirm(user), repo.getTopics(user.id)]);
  return profileOf(f, t?.topics ?? []);
}

/** 企业自报: a fact the district lacks, with its proof; a fact the district holds is not the firm's to change. */
export async function declareFact(user: UserRecord, body: DeclareFactRequest): Promise<FirmProfileView> {
  const f = await actingFirm(user);
  const registry = f.firm[body.fact];
  const hasRegistry = Array.isArray(registry) ? registry.length > 0 && body.fact !== 'qualifications' : registry !== undefined;
  if (hasRegistry) throw ruleViolation(`区里已掌握企业的${FACT_NAMES[body.fact]}，无需自报；如有出入请联系主管部门更正`);
  if (body.fact === 'qualifications') {
    const held = new Set(f.firm.qualifications ?? []);
    if (body.value.every((q) => held.has(q))) throw ruleViolation('所选资质区里已有记录，无需自报');
  }
  if (!(await readyFileOf(user.id, body.fileId))) throw ruleViolation('证明材料未上传完成或不属于您，请重新上传');
  const at = now().toISOString();
  await repo.putDeclaredFact({ creditCode: f.creditCode, fact: body.fact, value: body.value, fileId: body.fileId, declaredAt: at, declaredBy: user.id });
  const t = await repo.getTopics(user.id);
  return profileOf(
    {
      ...f,
      declared: [
        ...f.declared.filter((d) => d.fact !== body.fact),
        { creditCode: f.creditCode, fact: body.fact, value: body.value, fileId: body.fileId, fileIds: [body.fileId], declaredAt: at, declaredBy: user.id },
      ],
    },
    t?.topics ?? [],
  );
}

// ---- 免申即享 offers ----

const maskAccount = (a: { bank: string; accountNo: string }) => `${a.bank} 尾号 ${a.accountNo.slice(-4)}`;

/** An offer as shown: the account masked, except to the issuing department that pays it (`forPayer`). */
export function offerView(o: repo.OfferRecord, forPayer = false): OfferView {
  return {
    itemId: o.itemId,
    policyId: o.policyId,
    policyVersion: o.policyVersion,
    policyTitle: o.policyTitle,
    itemTitle: o.itemTitle,
    creditCode: o.creditCode,
    firmName: o.firmName,
    amountYuan: o.amountYuan,
    status: o.status,
    conditions: o.conditions,
    offeredAt: o.offeredAt,
    confirmBy: o.confirmBy,
    ...(o.confirmedAt ? { confirmedAt: o.confirmedAt } : {}),
    ...(o.confirmedBy ? { confirmedBy: o.confirmedBy } : {}),
    ...(o.account ? { account: forPayer ? `${o.account.bank} ${o.account.accountNo}` : maskAccount(o.account) } : {}),
    ...(o.approvedAt ? { approvedAt: o.approvedAt } : {}),
    ...(o.paidAt ? { paidAt: o.paidAt } : {}),
    ...(o.paidOn ? { paidOn: o.paidOn } : {}),
    ...(o.paymentRef ? { paymentRef: o.paymentRef } : {}),
    ...(o.rejectedReason ? { rejectedReason: o.rejectedReason } : {}),
  };
}

/** An offer not yet confirmed lapses when its window closed or its policy was withdrawn (read, not written: no sweep needed). */
async function withLapse(offers: repo.OfferRecord[]): Promise<repo.OfferRecord[]> {
  if (!offers.some((o) => o.status === 'offered')) return offers;
  const withdrawn = new Set((await repo.loadIndex()).filter((p) => p.status === 'withdrawn').map((p) => p.id));
  const day = today();
  return offers.map((o) => (o.status === 'offered' && (o.confirmBy < day || withdrawn.has(o.policyId)) ? { ...o, status: 'lapsed' as const } : o));
}

const ORDER: Record<string, number> = { offered: 0, confirmed: 1, approved: 2, paid: 3, rejected: 4, declined: 5, lapsed: 6 };

export async function myOffers(user: UserRecord) {
  const f = await actingFirm(user);
  const offers = await withLapse(f.offers);
  offers.sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.offeredAt < b.offeredAt ? 1 : -1));
  return { items: offers.map((o) => offerView(o)) };
}

const sameAccount = (a: { bank: string; accountNo: string } | undefined, b: { bank: string; accountNo: string }) =>
  !!a && a.bank === b.bank && a.accountNo === b.accountNo;

/**
 * 意愿确认: once. A second tap with the same account answers with the confirmed offer; any other change after the first
 * is a 409 — the money goes where the first confirmation said.
 */
export async function confirmOffer(user: UserRecord, itemId: string, body: z.output<typeof ConfirmOfferRequest>): Promise<OfferView> {
  const f = await actingFirm(user, { benefits: true });
  const account = body.account as z.output<typeof BankAccount>;
  const offer = f.offers.find((o) => o.itemId === itemId);
  if (!offer) throw notFound('没有这项待确认的政策兑现');
  if (offer.status === 'confirmed' && sameAccount(offer.account, account)) return offerView(offer);
  const [current] = await withLapse([offer]);
  if (current.status !== 'offered') throw conflict(`该政策兑现${OFFER_STATUS_NAMES[current.status]}，不能再确认`);
  const at = now().toISOString();
  try {
    await repo.moveOffer(
      offer,
      ['offered'],
      'confirmed',
      { confirmedAt: at, confirmedBy: f.actor, confirmedById: user.id, account: repoSeal(offer, account) },
      { at },
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const again = await repo.getOffer(offer.creditCode, itemId); // a double tap: the other request won
    if (again?.status === 'confirmed' && sameAccount(again.account, account)) return offerView(again);
    throw conflict('该政策兑现刚刚已被确认或处理，请刷新后查看');
  }
  return offerView({ ...offer, status: 'confirmed', confirmedAt: at, confirmedBy: f.actor, confirmedById: user.id, account });
}

const repoSeal = (o: repo.OfferRecord, account: { bank: string; accountNo: string }) => Offer.sealAccount(o.creditCode, o.itemId, account);

export async function declineOffer(user: UserRecord, itemId: string): Promise<OfferView> {
  const f = await actingFirm(user, { benefits: true });
  const offer = f.offers.find((o) => o.itemId === itemId);
  if (!offer) throw notFound('没有这项待确认的政策兑现');
  if (offer.status === 'declined') return offerView(offer);
  if (offer.status !== 'offered') throw conflict(`该政策兑现${OFFER_STATUS_NAMES[offer.status]}，不能放弃`);
  const at = now().toISOString();
  try {
    await repo.moveOffer(offer, ['offered'], 'declined', { closedAt: at, confirmedBy: f.actor }, { at });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该政策兑现刚刚已被确认或处理，请刷新后查看');
    throw e;
  }
  return offerView({ ...offer, status: 'declined' });
}

// ---- topics (anyone signed in) ----

export async function getTopics(user: UserRecord) {
  return { topics: (await repo.getTopics(user.id))?.topics ?? [] };
}

export async function setTopics(user: UserRecord, topics: string[]) {
  const before = (await repo.getTopics(user.id))?.topics ?? [];
  await repo.setTopics(
    {
      userId: user.id,
      topics,
      updatedAt: now().toISOString(),
      ...(user.role === 'enterprise' && user.enterpriseCode ? { creditCode: user.enterpriseCode } : {}),
    },
    before,
  );
  return { topics };
}
