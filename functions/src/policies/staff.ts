import {
  OFFER_STATUS_NAMES,
  maskName,
  yuan,
  type ApproveOffersRequest,
  type BatchQuery,
  type NewPolicy,
  type PayOffersRequest,
  type PolicyListQuery,
  type PolicyVersionRequest,
  type RejectOffersRequest,
} from '@yx/shared';
import type * as z from 'zod';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { OFFER_STATUSES, type PolicyItemRecord } from '../lib/entities/policies';
import { loadCatalog } from '../guide/repository';
import { autoItemsOf, startNotify, startRun } from './batch';
import { offerView } from './firm';
import { deptNames, detailOf, listPolicies } from './market';
import * as repo from './repository';

/**
 * The issuing department's side: publish, edit (a new version each save), withdraw; and the 免申即享 batch — review the
 * confirmed firms, approve or reject them, record the payment. Staff act for their own department's policies only (any
 * other is 404 to them); the admin for all.
 */

type NewPolicyOut = z.output<typeof NewPolicy>;
type VersionOut = z.output<typeof PolicyVersionRequest>;

function requireDesk(user: UserRecord): { departmentId?: string; admin: boolean } {
  if (user.role === 'admin') return { admin: true };
  if (user.role !== 'staff' || !user.departmentId) throw forbidden('只有部门工作人员可以发布和兑现政策');
  return { departmentId: user.departmentId, admin: false };
}

async function ownPolicy(user: UserRecord, id: string): Promise<repo.PolicyRecord> {
  const desk = requireDesk(user);
  const p = await repo.getPolicy(id);
  if (!p || (!desk.admin && p.issuer !== desk.departmentId)) throw notFound('没有这项政策，或不是本部门发布的');
  return p;
}

export async function staffList(user: UserRecord, q: z.output<typeof PolicyListQuery>) {
  const desk = requireDesk(user);
  return listPolicies(q, { staffView: true, ...(desk.departmentId ? { departmentId: desk.departmentId } : {}) });
}

/** Item ids are `<policyId>-<n>`: an edited item keeps its id, a new one takes the next number never used before. */
function numberItems(policyId: string, items: NewPolicyOut['items'], before: readonly PolicyItemRecord[]): PolicyItemRecord[] {
  const known = new Set(before.map((i) => i.id));
  const used = before.map((i) => Number(i.id.slice(policyId.length + 1))).filter(Number.isFinite);
  let next = Math.max(0, ...used) + 1;
  return items.map((i) => {
    if (i.id && !known.has(i.id)) throw ruleViolation(`条目编号 ${i.id} 不属于这项政策，新增的条目请不要填写编号`);
    const id = i.id ?? `${policyId}-${next++}`;
    const { id: _drop, ...rest } = i;
    return { id, ...rest };
  });
}

async function checkInput(user: UserRecord, body: { issuer: string; items: { serviceItemId?: string }[] }) {
  const desk = requireDesk(user);
  if (!desk.admin && body.issuer !== desk.departmentId) throw forbidden('只能以本部门名义发布政策');
  const catalog = await loadCatalog();
  if (!catalog.departments.some((d) => d.id === body.issuer)) throw ruleViolation('发文部门不存在');
  for (const i of body.items) {
    if (i.serviceItemId && !catalog.items.some((s) => s.id === i.serviceItemId)) throw ruleViolation(`申请事项 ${i.serviceItemId} 不在事项目录中`);
  }
}

const who = (user: UserRecord) => maskName(user.realName) ?? user.nickname;

/** 发布: version 1, then the 免申即享 items' 数据比对 starts (the workers write the offers). */
export async function publish(user: UserRecord, body: NewPolicyOut) {
  await checkInput(user, body);
  const id = body.id ?? `p${now().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const { id: _id, items, ...rest } = body;
  const p: repo.PolicyRecord = {
    id,
    version: 1,
    status: 'published',
    ...rest,
    items: numberItems(id, items, []),
    savedAt: now().toISOString(),
    savedBy: who(user),
  };
  try {
    await repo.savePolicy(p, 0);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('政策编号已被使用，请换一个或留空自动生成');
    throw e;
  }
  await startRun(autoItemsOf(p));
  await startNotify(p);
  return detailOf(p, (await deptNames())(p.issuer));
}

/** 修改: a new version, only if no one saved since the version edited; the 免申即享 items are compared again. */
export async function saveVersion(user: UserRecord, id: string, body: VersionOut) {
  const before = await ownPolicy(user, id);
  if (before.status === 'withdrawn') throw conflict('政策已撤回，不能再修改');
  if (before.version !== body.expectedVersion) throw conflict(`政策已被他人修改（当前第 ${before.version} 版），请刷新后再改`);
  await checkInput(user, body);
  const { expectedVersion, note, items, ...rest } = body;
  const p: repo.PolicyRecord = {
    ...rest,
    id,
    version: expectedVersion + 1,
    status: 'published',
    items: numberItems(id, items, before.items),
    savedAt: now().toISOString(),
    savedBy: who(user),
    ...(note ? { note } : {}),
  };
  try {
    await repo.savePolicy(p, expectedVersion);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('政策刚刚已被他人修改，请刷新后再改');
    throw e;
  }
  await startRun(autoItemsOf(p));
  return detailOf(p, (await deptNames())(p.issuer));
}

/** 撤回: no longer shown or claimable; offers not yet confirmed lapse (confirmed ones are still reviewed and paid). */
export async function withdraw(user: UserRecord, id: string, body: { reason: string; expectedVersion: number }) {
  const p = await ownPolicy(user, id);
  if (p.status === 'withdrawn') throw conflict('政策已撤回');
  if (p.version !== body.expectedVersion) throw conflict(`政策已被他人修改（当前第 ${p.version} 版），请刷新后再操作`);
  const at = now().toISOString();
  const next: repo.PolicyRecord = { ...p, status: 'withdrawn', withdrawnReason: body.reason, withdrawnAt: at };
  try {
    await repo.withdrawPolicy(next, p.version);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('政策刚刚已被修改或撤回，请刷新后再操作');
    throw e;
  }
  return detailOf(next, (await deptNames())(p.issuer));
}

export async function history(user: UserRecord, id: string) {
  await ownPolicy(user, id);
  const rows = await repo.listVersions(id);
  const current = await repo.getPolicy(id);
  return {
    items: rows.map((v) => ({
      version: v.version,
      savedAt: v.savedAt,
      savedBy: v.savedBy,
      ...(v.note ? { note: v.note } : {}),
      status: current && current.version === v.version ? current.status : ('published' as const),
    })),
  };
}

// ---- the batch (兑现批次) ----

/** The item and its policy, for staff of the issuing department (404 to anyone else). */
async function ownItem(user: UserRecord, itemId: string) {
  const desk = requireDesk(user);
  const p = (await repo.loadIndex()).find((x) => x.items.some((i) => i.id === itemId));
  const item = p?.items.find((i) => i.id === itemId);
  if (!p || !item || (!desk.admin && p.issuer !== desk.departmentId)) throw notFound('没有这个政策条目，或不是本部门的');
  return { policy: p, item };
}

export async function batchSummary(user: UserRecord, itemId: string) {
  const { policy, item } = await ownItem(user, itemId);
  const [figures, run] = await Promise.all([repo.readItemStats(itemId), repo.getRun(policy.id, itemId)]);
  const counts: Record<string, { firms: number; amountYuan: number }> = {};
  for (const s of OFFER_STATUSES) counts[s] = { firms: figures[`${s}_firms`] ?? 0, amountYuan: figures[`${s}_yuan`] ?? 0 };
  return {
    itemId,
    itemTitle: item.title,
    policyId: policy.id,
    policyTitle: policy.title,
    counts,
    ...(run ? { lastRun: { at: run.startedAt, firms: run.firms, offers: run.offers, done: !!run.finishedAt } } : {}),
  };
}

export async function batchOffers(user: UserRecord, itemId: string, q: z.output<typeof BatchQuery>) {
  await ownItem(user, itemId);
  const page = await repo.offersPage(itemId, q.status, q.limit, q.cursor);
  // the department pays to the account: it sees it whole (the firm and everyone else, masked)
  return { items: page.offers.map((o) => offerView(o, true)), nextCursor: page.nextCursor };
}

export async function rerun(user: UserRecord, itemId: string) {
  const { policy, item } = await ownItem(user, itemId);
  if (policy.status !== 'published') throw conflict('政策已撤回，不能再比对');
  if (item.mode !== 'auto') throw ruleViolation('只有免申即享条目需要数据比对');
  await startRun([{ policyId: policy.id, version: policy.version, itemId }]);
  return batchSummary(user, itemId);
}

type Step = {
  from: repo.OfferStatusValue[];
  to: repo.OfferStatusValue;
  set: (at: string) => Record<string, unknown>;
  tell?: (o: repo.OfferRecord) => { title: string; body: string };
};

/** One step over chosen firms, each on its own (one firm's race does not undo the others): what was done, what was skipped. */
async function step(user: UserRecord, itemId: string, codes: string[], s: Step, received?: (o: repo.OfferRecord) => { itemId: string; on: string }) {
  await ownItem(user, itemId);
  const done: string[] = [];
  const skipped: { creditCode: string; reason: string }[] = [];
  for (const code of codes) {
    const o = await repo.getOffer(code, itemId);
    if (!o) {
      skipped.push({ creditCode: code, reason: '该企业不在本批次中' });
      continue;
    }
    if (!s.from.includes(o.status)) {
      skipped.push({ creditCode: code, reason: `${OFFER_STATUS_NAMES[o.status]}` });
      continue;
    }
    const at = now().toISOString();
    const message = s.tell?.(o);
    const to = o.confirmedById; // the one who confirmed (the legal representative or the agent) hears of it
    try {
      await repo.moveOffer(o, s.from, s.to, s.set(at), {
        at,
        ...(received ? { received: received(o) } : {}),
        ...(message && to ? { notice: { userId: to, template: 'policy_offer', ...message } } : {}),
      });
      done.push(code);
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      skipped.push({ creditCode: code, reason: '状态刚刚已被他人处理' });
    }
  }
  return { done, skipped };
}

export const approve = (user: UserRecord, itemId: string, body: z.output<typeof ApproveOffersRequest>) =>
  step(user, itemId, body.creditCodes, { from: ['confirmed'], to: 'approved', set: (at) => ({ approvedAt: at, approvedBy: who(user) }) });

export const reject = (user: UserRecord, itemId: string, body: z.output<typeof RejectOffersRequest>) =>
  step(user, itemId, body.creditCodes, {
    from: ['confirmed', 'approved'],
    to: 'rejected',
    set: (at) => ({ rejectedReason: body.reason, closedAt: at }),
    tell: (o) => ({ title: `政策兑现未通过：${o.itemTitle}`, body: `原因：${body.reason}。如有疑问请联系发文部门。` }),
  });

export const pay = (user: UserRecord, itemId: string, body: z.output<typeof PayOffersRequest>) =>
  step(
    user,
    itemId,
    body.creditCodes,
    {
      from: ['approved'],
      to: 'paid',
      set: (at) => ({ paidAt: at, paidOn: body.paidOn, paymentRef: body.reference }),
      tell: (o) => ({ title: `已拨付到账：${o.itemTitle}`, body: `${yuan(o.amountYuan)} 已于 ${body.paidOn} 拨付至企业账户，凭证号 ${body.reference}。` }),
    },
    (o) => ({ itemId: o.itemId, on: body.paidOn }),
  );

/** 兑现公示: per item, how many firms were paid and how much; no firm is named. */
export async function disbursements() {
  const [stats, index] = await Promise.all([repo.readAllItemStats(), repo.loadIndex()]);
  const items = [];
  let totalFirms = 0;
  let totalYuan = 0;
  for (const { itemId, figures } of stats) {
    const firms = figures.paid_firms ?? 0;
    if (!firms) continue;
    const p = index.find((x) => x.items.some((i) => i.id === itemId));
    const item = p?.items.find((i) => i.id === itemId);
    if (!p || !item) continue;
    const amountYuan = figures.paid_yuan ?? 0;
    totalFirms += firms;
    totalYuan += amountYuan;
    items.push({ policyId: p.id, policyTitle: p.title, itemId, itemTitle: item.title, firms, amountYuan });
  }
  items.sort((a, b) => b.amountYuan - a.amountYuan);
  return { items, totalFirms, totalYuan, asOf: now().toISOString() };
}
