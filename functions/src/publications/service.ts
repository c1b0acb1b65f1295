import {
  businessDate,
  maskName,
  type EditPublication,
  type NewPublication,
  type PublicationListQuery,
  type StaffPublicationQuery,
  type WithdrawPublication,
} from '@yx/shared';
import type * as z from 'zod';
import { now } from '../lib/clock';
import { cancellationReasons, isConditionFailure } from '../lib/db';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import { randomId } from '../lib/ids';
import { log } from '../lib/log';
import { getIdempotency } from '../lib/repository';
import type { UserRecord } from '../lib/entities/identity';
import type { AttachmentRecord } from '../lib/entities/publications';
import * as repo from './repository';
import { deptNames } from './departments';
import { detailView, summaryView } from './views';
import { queueIndex } from './worker';

/**
 * 政务公开 (issue 19): a department's officer publishes, edits (a new version each save) and withdraws (撤回, with a
 * reason) its own items; anyone reads them. Another department's item is 404 to an officer; residents cannot publish
 * (the route's roles). Publishing is idempotent by the client's key; the search index and the subscribers' messages are
 * written after it by the publications worker (a queue), never inside the request. Each save's transaction writes a
 * to-index row: if queueing fails after it, the officer still gets the saved item, and the sweep queues it again.
 */

type NewOut = z.output<typeof NewPublication>;
type EditOut = z.output<typeof EditPublication>;

/** The officer's department: the item is published in its name (never one the body names). */
function deskOf(user: UserRecord): string {
  if (user.role !== 'staff' || !user.departmentId) throw forbidden('只有部门工作人员可以发布政务公开信息');
  return user.departmentId;
}

const who = (user: UserRecord) => maskName(user.realName) ?? user.nickname;
const today = () => businessDate(now());

function checkDate(publishedOn: string | undefined): string {
  const day = today();
  if (publishedOn && publishedOn > day) throw ruleViolation(`发布日期不能晚于今天（${day}）`);
  return publishedOn ?? day;
}

/** Attachments: PDFs the officer uploaded and the store checked (files kept from the version edited need no check). */
function attachmentsOf(files: (AttachmentRecord | undefined)[]): AttachmentRecord[] {
  return files.map((a, i) => {
    if (!a) throw ruleViolation(`第 ${i + 1} 个附件未上传完成或不是您上传的，请重新上传`);
    if (a.contentType !== 'application/pdf') throw ruleViolation(`附件「${a.fileName}」不是 PDF 文件，请上传 PDF`);
    return a;
  });
}

async function readInputs(user: UserRecord, body: NewOut, idem?: string, kept: readonly AttachmentRecord[] = []) {
  const fileIds = body.attachments ?? [];
  const fresh = fileIds.filter((f) => !kept.some((k) => k.fileId === f));
  const reads = await repo.publishReads(user.id, idem, fresh, body.interpretsId);
  const found = fileIds.map((f): AttachmentRecord | undefined => {
    const k = kept.find((x) => x.fileId === f);
    if (k) return k;
    const file = reads.files[fresh.indexOf(f)];
    if (!file || file.ownerId !== user.id || file.status !== 'ready') return undefined;
    return {
      fileId: file.fileId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      key: file.key,
      ...(file.version ? { objectVersion: file.version } : {}),
    };
  });
  if (body.interpretsId) {
    const p = reads.policy;
    if (!p || p.status !== 'published') throw ruleViolation('所解读的政策文件不存在或已撤回，请重新选择');
    if (p.category !== 'policy') throw ruleViolation(`「${p.title}」不是政策文件，政策解读只能关联政策文件`);
  }
  return { made: reads.made, attachments: attachmentsOf(found) };
}

async function detailOf(p: repo.PublicationRecord, staff = false) {
  const [names, policy] = await Promise.all([deptNames(), p.interpretsId ? repo.getCurrent(p.interpretsId) : Promise.resolve(undefined)]);
  const { links } = p.category === 'policy' ? await repo.getDetail(p.id) : { links: [] };
  return detailView(p, { links, policy, names, staff });
}

/**
 * The save is committed: its index is queued (and, after a publish, the subscribers' news, which the worker queues once
 * the item is indexed). A send that fails is no error to the officer, whose item is saved: the save's to-index row stays,
 * and the sweep queues it again within minutes (`requeueUnindexed`). Logged with the item's id only.
 */
async function queueAfterSave(id: string, what: 'publish' | 'edit' | 'withdraw'): Promise<void> {
  try {
    await queueIndex(id);
  } catch (e) {
    log.error('publications: index not queued after the save; the sweep queues it', { id, what, err: (e as Error).name, message: (e as Error).message });
  }
}

/** What an earlier request under the same key made: its item as it is now (its queueing, if it failed, is the sweep's). */
async function replay(id: string) {
  const p = await repo.getCurrent(id, true);
  if (!p) throw conflict('同一操作正在处理，请稍后在列表中查看');
  return { status: 200, view: await detailOf(p, true) };
}

/** 发布: version 1 in the officer's department; then the attachments are kept, the index written and subscribers told (queued). */
export async function publish(user: UserRecord, body: NewOut, idem: string) {
  const department = deskOf(user);
  const inputs = await readInputs(user, body, idem);
  if (inputs.made) return replay(inputs.made);
  const at = now().toISOString();
  const p: repo.PublicationRecord = {
    id: randomId('pb', 12),
    version: 1,
    status: 'published',
    category: body.category,
    title: body.title,
    content: body.content,
    ...(body.docNo ? { docNo: body.docNo } : {}),
    publishedOn: checkDate(body.publishedOn),
    publishedAt: at,
    department,
    attachments: inputs.attachments,
    ...(body.interpretsId ? { interpretsId: body.interpretsId } : {}),
    ...(body.category === 'policy' ? { validity: body.validity ?? 'effective' } : {}),
    updatedAt: at,
    savedBy: who(user),
    savedById: user.id,
  };
  try {
    await repo.putNew(p, { userId: user.id, key: idem });
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const reasons = cancellationReasons(e) ?? [];
    // the policy's check (the 4th item) failed: it was withdrawn since it was read
    if (p.interpretsId && reasons[3] === 'ConditionalCheckFailed') throw conflict('所解读的政策文件刚刚已撤回，请重新选择');
    // a twin with the same key won (or is winning, its transaction in the way of ours): answer with what it made
    for (let i = 0; i < 5; i++) {
      const made = (await getIdempotency(user.id, idem))?.ref;
      if (made) return replay(made);
      await new Promise((r) => setTimeout(r, 100 * (i + 1)));
    }
    throw conflict('同一操作正在处理，请稍后在列表中查看');
  }
  await queueAfterSave(p.id, 'publish'); // the worker also marks the attachments as used, so the unused-files sweep leaves them
  return { status: 201, view: await detailOf(p, true) };
}

/** An item of the officer's department (another department's is 404, as if it did not exist). */
async function ownItem(user: UserRecord, id: string): Promise<repo.PublicationRecord> {
  const department = deskOf(user);
  const p = await repo.getCurrent(id, true);
  if (!p || p.department !== department) throw notFound('没有这条信息，或不是本部门发布的');
  return p;
}

/** 修改: a new version over the one edited (another save since: 409); the index follows (queued). */
export async function edit(user: UserRecord, id: string, body: EditOut) {
  const before = await ownItem(user, id);
  if (before.status === 'withdrawn') throw conflict('该信息已撤回，不能再修改');
  if (before.version !== body.expectedVersion) throw conflict(`该信息已被他人修改（当前第 ${before.version} 版），请刷新后再改`);
  if (body.category !== before.category) throw ruleViolation('栏目不能修改；如需换栏目，请撤回后重新发布');
  const inputs = await readInputs(user, body, undefined, before.attachments);
  const at = now().toISOString();
  const { expectedVersion: _v, note, attachments: _a, ...fields } = body;
  const p: repo.PublicationRecord = {
    ...fields,
    id,
    version: before.version + 1,
    status: 'published',
    publishedOn: checkDate(body.publishedOn ?? before.publishedOn),
    publishedAt: before.publishedAt,
    department: before.department,
    attachments: inputs.attachments,
    ...(body.category === 'policy' ? { validity: body.validity ?? 'effective' } : {}),
    updatedAt: at,
    savedBy: who(user),
    savedById: user.id,
    ...(note ? { note } : {}),
  };
  try {
    await repo.putEdit(p, before);
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    throw conflict('该信息刚刚已被他人修改、撤回，或所解读的政策文件已撤回，请刷新后再改');
  }
  await queueAfterSave(p.id, 'edit');
  return detailOf(p, true);
}

/** 撤回: off the lists, the search and its policy's page; kept in the department's 已撤回 list and the history. */
export async function withdraw(user: UserRecord, id: string, body: z.output<typeof WithdrawPublication>) {
  const before = await ownItem(user, id);
  if (before.status === 'withdrawn') throw conflict('该信息已撤回');
  if (before.version !== body.expectedVersion) throw conflict(`该信息已被他人修改（当前第 ${before.version} 版），请刷新后再操作`);
  const at = now().toISOString();
  const p: repo.PublicationRecord = {
    ...before,
    version: before.version + 1,
    status: 'withdrawn',
    withdrawnReason: body.reason,
    withdrawnAt: at,
    updatedAt: at,
    savedBy: who(user),
    savedById: user.id,
    note: undefined,
  };
  try {
    await repo.putWithdrawal(p, before);
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    throw conflict('该信息刚刚已被他人修改或撤回，请刷新后再操作');
  }
  await queueAfterSave(p.id, 'withdraw');
  return detailOf(p, true);
}

/** The department's own items, 已发布 or 已撤回, newest first. */
export async function staffList(user: UserRecord, q: z.output<typeof StaffPublicationQuery>) {
  const department = deskOf(user);
  const [page, names] = await Promise.all([
    repo.listPage({ kind: 'department', department, withdrawn: q.status === 'withdrawn' }, q.limit, q.cursor),
    deptNames(),
  ]);
  return { items: page.items.map((s) => summaryView(s, names, true)), nextCursor: page.nextCursor };
}

export async function history(user: UserRecord, id: string) {
  await ownItem(user, id);
  const versions = await repo.listVersions(id);
  return {
    items: versions.map((v) => ({
      version: v.version,
      status: v.status,
      title: v.title,
      savedAt: v.updatedAt,
      savedBy: v.savedBy,
      ...(v.note ? { note: v.note } : {}),
      ...(v.withdrawnReason ? { withdrawnReason: v.withdrawnReason } : {}),
    })),
  };
}

// ---- public reads ---------------------------------------------------------------------------------

/** Newest first: by category (gsi1), by department (gsi2; with a category, filtered), or everything (gsi3). */
export async function list(q: z.output<typeof PublicationListQuery>) {
  const at: repo.ListIndex = q.department
    ? { kind: 'department', department: q.department }
    : q.category
      ? { kind: 'category', category: q.category }
      : { kind: 'all' };
  const [page, names] = await Promise.all([repo.listPage(at, q.limit, q.cursor, q.department ? q.category : undefined), deptNames()]);
  return { items: page.items.map((s) => summaryView(s, names)), nextCursor: page.nextCursor };
}

/** One item with its interpretations (a policy's) or the policy it interprets: 1 Query (+ 1 GetItem for an interpretation). */
export async function detail(id: string) {
  const { current, links } = await repo.getDetail(id);
  if (!current || current.status !== 'published') throw notFound('没有这条信息，或已撤回');
  const [names, policy] = await Promise.all([deptNames(), current.interpretsId ? repo.getCurrent(current.interpretsId) : Promise.resolve(undefined)]);
  return detailView(current, { links, policy, names });
}

// ---- subscriptions --------------------------------------------------------------------------------

export async function subscriptions(userId: string) {
  return { categories: (await repo.getSubscriptions(userId)) as repo.PublicationRecord['category'][] };
}

export async function setSubscribed(userId: string, category: string, on: boolean) {
  const categories = await repo.setSubscribed(userId, category, on, now().toISOString());
  return { categories: categories as repo.PublicationRecord['category'][] };
}
