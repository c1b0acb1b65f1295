import { APPLICATION_STATES_CLOSED, categoryById, PRIVACY_VERSION, WORK_ORDER_STATES_OPEN, type MyDataExport, type PrivacyView } from '@yx/shared';
import { now } from '../lib/clock';
import { log } from '../lib/log';
import { conflict, ruleViolation } from '../lib/errors';
import { isConditionFailure } from '../lib/db';
import { listByApplicant, listDrafts } from '../applications/repository';
import { listByFiler } from '../workorders/repository';
import { deleteInbox, listMessages } from '../messages/repository';
import * as repo from './repository';

/**
 * 个人信息权利 (PIPL arts. 44–47): a person sees what is held and the consents they gave, takes a full copy of their
 * data, and closes their account. Closed cases stay under the archive rules (docs/SECURITY.md, retention), sealed.
 */

/** How far back the export and the open-matters check look: a person's recent matters (older ones are long closed). */
const RECENT = 100;
const MAX_GRANTS_AT_CLOSE = 20;

async function openMatters(userId: string) {
  const [apps, orders] = await Promise.all([listByApplicant(userId, undefined, RECENT), listByFiler(userId, RECENT)]);
  return {
    openApplications: apps.items.filter((a) => !APPLICATION_STATES_CLOSED.includes(a.state)).length,
    openWorkOrders: orders.items.filter((w) => WORK_ORDER_STATES_OPEN.includes(w.state)).length,
  };
}

const consentsOf = (u: repo.UserRecord) => ({
  ...(u.realNameConsent ? { realName: u.realNameConsent } : {}),
  ...(u.phoneConsent ? { phone: u.phoneConsent } : {}),
});

export async function privacyView(u: repo.UserRecord): Promise<PrivacyView> {
  return { version: PRIVACY_VERSION, consents: consentsOf(u), ...(await openMatters(u.id)) };
}

/** Everything held about the person, in full: it is their own (a few queries, each bounded; longer lists say so). */
export async function exportMyData(u: repo.UserRecord): Promise<MyDataExport> {
  const [apps, drafts, orders, messages] = await Promise.all([
    listByApplicant(u.id, undefined, RECENT),
    listDrafts(u.id),
    listByFiler(u.id, RECENT),
    listMessages(u.id, 200),
  ]);
  const truncated = [apps.nextCursor && 'applications', orders.nextCursor && 'workOrders', messages.nextCursor && 'messages'].filter((x): x is string =>
    Boolean(x),
  );
  log.info('data exported', { userId: u.id });
  return {
    exportedAt: now().toISOString(),
    profile: {
      id: u.id,
      nickname: u.nickname,
      ...(u.realName ? { realName: u.realName } : {}),
      ...(u.idNumber ? { idNumber: u.idNumber } : {}),
      ...(u.phone ? { phone: u.phone } : {}),
      ...(u.enterpriseCode ? { enterpriseCode: u.enterpriseCode } : {}),
      createdAt: u.createdAt,
    },
    consents: consentsOf(u),
    applications: apps.items.map((a) => ({ appNo: a.appNo, itemName: a.itemName, state: a.state, submittedAt: a.submittedAt, answers: a.answers })),
    drafts: drafts.map((d) => ({ formId: d.formId, savedAt: d.draft.savedAt, answers: d.draft.answers })),
    workOrders: orders.items.map((w) => ({
      no: w.no,
      category: categoryById(w.categoryId)?.name ?? w.categoryId,
      state: w.state,
      createdAt: w.createdAt,
      description: w.description,
      ...(w.place ? { address: w.place.address } : {}),
    })),
    messages: messages.items.map((m) => ({ at: m.at, title: m.title, body: m.body })),
    truncated,
  };
}

/**
 * 注销. Refused while a matter is still being handled (the department or team may need to reach the person); otherwise
 * the personal fields, consents, WeChat binding, ID guard and drafts go in one transaction and every session ends.
 */
export async function closeAccount(u: repo.UserRecord): Promise<{ closedAt: string }> {
  const open = await openMatters(u.id);
  if (open.openApplications || open.openWorkOrders) {
    const parts = [open.openApplications && `${open.openApplications} 件办件`, open.openWorkOrders && `${open.openWorkOrders} 件诉求`]
      .filter(Boolean)
      .join('、');
    throw ruleViolation(`您还有 ${parts}正在办理，请等待办结或撤回后再注销`);
  }
  const [drafts, kin, agentOf] = await Promise.all([listDrafts(u.id), repo.listKin(u.id), repo.listAgentCopies(u.id)]);
  const grants = [...kin.given, ...kin.received].map((g) => ({ principalId: g.principalId, agentId: g.agentId }));
  // each grant is two rows in the one transaction (at most 100 items): far more than anyone has, but said plainly
  if (grants.length + agentOf.length > MAX_GRANTS_AT_CLOSE) throw ruleViolation('您的代办授权较多，请先在“亲友代办”中撤销一部分后再注销');
  const at = now().toISOString();
  try {
    await repo.closeAccount(u, { draftFormIds: drafts.map((d) => d.formId), kin: grants, firmsAsAgent: agentOf.map((a) => a.creditCode) }, at);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('账号已注销'); // a double tap: the other tap closed it
    throw e;
  }
  // the inbox afterwards (it may be long; the account is closed whatever happens here): 20 calls of 25 at most
  const inboxGone = await deleteInbox(u.id, 20).catch(() => false);
  log.info('account closed', { userId: u.id, inboxGone });
  return { closedAt: at };
}
