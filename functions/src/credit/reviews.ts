import {
  REVIEW_RULES,
  objectionRefusal,
  repairRefusal,
  reviewClock,
  type CreditDecisionRequest,
  type CreditReviewPage,
  type CreditReviewRequest,
  type CreditReviewView,
} from '@yx/shared';
import type * as z from 'zod';
import { nowIso } from '../lib/clock';
import { conflict, notFound, ruleViolation } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { randomId } from '../lib/ids';
import { log } from '../lib/log';
import { readyFileOf, viewUrls } from '../files/service';
import { tell } from '../messages/repository';
import { queueGrade } from './grade';
import { ownFirm, today } from './firm';
import * as repo from './repository';
import { reviewView } from './views';

/** A repair's or objection's evidence, for whoever may see the review: names and short-lived links. */
async function evidence(rv: repo.CreditReviewRecord) {
  const urls = await viewUrls(rv.fileIds);
  return rv.fileIds.map((id) => ({ id, name: urls.get(id)?.fileName ?? '文件', ...(urls.get(id) ? { url: urls.get(id)!.url } : {}) }));
}

async function withRecord(rv: repo.CreditReviewRecord): Promise<CreditReviewView> {
  const [record, files] = await Promise.all([repo.getRecord(rv.creditCode, rv.recordId), evidence(rv)]);
  if (!record) throw notFound('未找到该信用信息');
  return reviewView(rv, record, today(), files);
}

/**
 * 信用修复 / 信用异议: the firm's own people file one for a record still published. A repair only after the record's
 * minimum publication period and with the signed commitment; an objection for any record. The record is marked (异议处理中
 * shows publicly) in the same transaction, so a double tap or two of the firm's people file one. The authority that
 * decided the record reviews it within REVIEW_RULES' working days, counted from today.
 */
export async function file(user: UserRecord, body: z.output<typeof CreditReviewRequest>, idemKey: string): Promise<{ status: number; view: CreditReviewView }> {
  const firm = await ownFirm(user, { commitment: body.kind === 'repair' });
  const earlier = await repo.reviewByKey(firm.creditCode, idemKey);
  if (earlier) return { status: 200, view: await withRecord(earlier) };
  const record = await repo.getRecord(firm.creditCode, body.recordId, true);
  if (!record) throw notFound('未找到该信用信息');
  const day = today();
  const refusal = body.kind === 'repair' ? repairRefusal(record, day) : objectionRefusal(record, day);
  if (refusal) throw ruleViolation(refusal);
  for (const id of body.files) {
    const f = await readyFileOf(user.id, id);
    if (!f) throw ruleViolation('证明材料未上传完成或不是您上传的，请重新上传');
    if (f.contentType !== 'application/pdf') throw ruleViolation(`证明材料应为 PDF 文件：${f.fileName}`);
  }
  const at = nowIso();
  const rv: repo.CreditReviewRecord = {
    id: randomId('cr', 16),
    kind: body.kind,
    creditCode: firm.creditCode,
    firmName: firm.firm.name,
    recordId: record.id,
    authorityDept: record.authorityDept,
    text: body.text,
    fileIds: body.files,
    commitment: body.kind === 'repair',
    applicantId: user.id,
    applicant: firm.actor,
    submittedAt: at,
    receivedOn: day,
    deadline: reviewClock(body.kind, day, day).deadline,
    status: 'reviewing',
    version: 1,
    idemKey,
  };
  if (!(await repo.createReview(rv))) {
    const again = await repo.reviewByKey(firm.creditCode, idemKey);
    if (again) return { status: 200, view: await withRecord(again) };
    throw conflict('这条信息已有申请正在核查，请等待结果');
  }
  return { status: 201, view: await withRecord(rv) };
}

/** A page of reviews as a list shows them: their records in one BatchGet, no evidence links (the detail has those). */
async function listOf(page: { items: repo.CreditReviewRecord[]; cursor?: string }): Promise<CreditReviewPage> {
  const records = await repo.getRecords(page.items.map((r) => ({ code: r.creditCode, id: r.recordId })));
  const day = today();
  return {
    items: page.items.flatMap((rv) => {
      const record = records.get(`${rv.creditCode}/${rv.recordId}`);
      return record ? [reviewView(rv, record, day, [])] : [];
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

export async function mine(user: UserRecord, o: { limit: number; cursor?: string }): Promise<CreditReviewPage> {
  const firm = await ownFirm(user);
  return listOf(await repo.firmReviews(firm.creditCode, o));
}

/** The authority's staff: its department's queue, nearest deadline first. */
function department(user: UserRecord): string {
  if (user.role !== 'staff' || !user.departmentId) throw notFound('未找到');
  return user.departmentId;
}

export async function queue(user: UserRecord, o: { limit: number; cursor?: string }): Promise<CreditReviewPage> {
  return listOf(await repo.reviewQueue(department(user), o));
}

/** One review, for the authority that decided its record only (another department's is 404). */
async function reviewOf(user: UserRecord, id: string, consistent = false): Promise<repo.CreditReviewRecord> {
  const rv = await repo.getReview(id, consistent);
  if (!rv || rv.authorityDept !== department(user)) throw notFound('未找到该申请');
  return rv;
}

export const detail = async (user: UserRecord, id: string) => withRecord(await reviewOf(user, id));

/**
 * 同意 or 不同意 (with a reason): over the version read, so two officers at once decide once. Approval takes the record
 * off the public profile (kept for the authority) in the same transaction; the grade job then recomputes the grade;
 * the firm's applicant and legal representative are told.
 */
export async function decide(user: UserRecord, id: string, body: CreditDecisionRequest): Promise<CreditReviewView> {
  const rv = await reviewOf(user, id, true);
  if (rv.status !== 'reviewing') throw conflict('该申请已办结，请刷新');
  if (rv.version !== body.version) throw conflict('该申请已被其他人处理，请刷新后再办理');
  const record = await repo.getRecord(rv.creditCode, rv.recordId, true);
  if (!record) throw notFound('未找到该信用信息');
  const at = nowIso();
  const next: repo.CreditReviewRecord = {
    ...rv,
    status: body.approve ? 'approved' : 'refused',
    version: rv.version + 1,
    decidedAt: at,
    decidedBy: user.nickname,
    ...(body.reason ? { reason: body.reason.trim() } : {}),
  };
  if (!(await repo.decideReview(next, rv.version, record, at))) throw conflict('该申请已被其他人处理，请刷新后再办理');
  if (body.approve) await queueGrade([rv.creditCode]);
  const name = REVIEW_RULES[rv.kind].name;
  const [firm] = await repo.firmsByCode([rv.creditCode]);
  const told = [...new Set([rv.applicantId, firm?.legalUserId].filter((x): x is string => Boolean(x)))];
  await tell(
    told.map((userId) => ({
      userId,
      title: body.approve ? `${name}申请已通过` : `${name}申请未通过`,
      body: body.approve
        ? `「${record.title}」已${rv.kind === 'repair' ? '完成信用修复' : '更正'}，不再公示；信用等级将重新评定。`
        : `「${record.title}」：${body.reason}`,
      template: 'credit_review',
    })),
    at,
  ).catch((e) => log.error('credit review notice failed', { err: (e as Error).name }));
  return withRecord(next);
}
