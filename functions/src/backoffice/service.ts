import {
  actionFrom,
  actionTo,
  addWorkingDays,
  allowedActions,
  businessDate,
  deadlineStatus,
  DELIVERY_NAMES,
  EXCLUDED_KINDS,
  type ExcludedKind,
  workingDaysBetween,
  E_LICENCE_TYPES,
  issuesDocument,
  RESULT_LICENCE,
  type ELicenceType,
  OPEN_STATES,
  STAFF_ACTIONS,
  STATE_NAMES,
  type ApplicationState,
  type CalendarData,
  type StaffAction,
} from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { receivedItem } from '../policies/claims';
import { isConditionFailure } from '../lib/db';
import { licencePut } from '../wallet/repository';
import { readCounterRow } from '../lib/repository';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import { newQueryCode } from '../lib/ids';
import type { UserRecord } from '../identity/repository';
import { getServiceItemAt } from '../guide/repository';
import { OPINION_WORKING_DAYS, openOpinions } from './opinions';
import { changedApplication, queuePage } from './repository';
import * as repo from '../applications/repository';
import { summaryOf } from '../applications/service';
import { bundleFollowUp } from '../applications/bundles';
import { viewUrls } from '../files/service';
import {
  clarifyStep,
  consultWords,
  disclosureView,
  extendStep,
  procedureOf,
  recentRequests,
  replyStep,
  stillAllowed,
  type ReplyInput,
} from '../applications/disclosure';

/** The trail names the individual officer as well as the department: 「广州市公安局越秀区分局 · 黄警官」. */
export const officerLabel = (departmentName: string, officer: Pick<UserRecord, 'nickname'>) => `${departmentName} · ${officer.nickname}`;

/** The officer's department; only staff of the owning department see or touch its applications. */
export function officerDepartment(u: UserRecord): string {
  if (!u.departmentId) throw forbidden('您的账号未分配部门，请联系管理员');
  return u.departmentId;
}

async function departmentApplication(officer: UserRecord, appNo: string) {
  const dept = officerDepartment(officer);
  const { app, events, opinions, notices } = await repo.getApplicationWithEvents(appNo);
  if (!app || app.departmentId !== dept) throw notFound('未找到该办件');
  return { app, events, opinions, notices, dept };
}

/** What an officer sees: the application with personal data masked, the allowed actions, the trail. */
export async function staffView(officer: UserRecord, appNo: string) {
  const { app, events, opinions, notices } = await departmentApplication(officer, appNo);
  const [cal, files] = await Promise.all([getCalendar(), fileLinks(app, { fresh: true })]);
  // the special procedures the item allows, for the officer's form while in review
  const procedure = procedureOf(app);
  const item = app.state === 'in_review' || procedure === 'disclosure' ? await getServiceItemAt(app.itemId, app.itemVersion) : undefined;
  const recent = app.disclosure && !app.disclosure.reply ? await recentRequests(app, businessDate(now())) : undefined;
  return officerView(app, events, opinions, files, cal, notices, item?.excludedKinds, recent);
}

type FileLink = { url: string; contentType: string; fileName: string };

/**
 * Links to look at the uploaded materials, kept in the container for 5 minutes. A link carries the file's name and
 * type, which only the file's row holds (the application keeps the ids), so signing one reads the rows (one
 * BatchGet); a ready file never changes, and a link signed for 30 minutes still has 25 to go. The case's page
 * signs afresh each time it loads; an action's answer, usually right after the officer opened the case, reuses them.
 */
const LINK_MS = 5 * 60_000;
const links = new Map<string, { link: FileLink; at: number }>();

async function fileLinks(app: repo.ApplicationRecord, o: { fresh: boolean }): Promise<Map<string, FileLink>> {
  const ids = [...app.materials.flatMap((m) => m.fileIds ?? []), ...(app.disclosure?.reply?.fileIds ?? [])];
  const t = Date.now();
  const kept = new Map<string, FileLink>();
  if (!o.fresh) for (const id of ids) if (t - (links.get(id)?.at ?? 0) < LINK_MS) kept.set(id, links.get(id)!.link);
  const missing = ids.filter((id) => !kept.has(id));
  const signed = missing.length ? await viewUrls(missing) : new Map<string, FileLink>();
  if (links.size > 5000) links.clear(); // bounded: a container sees a few hundred cases an hour
  for (const [id, link] of signed) links.set(id, { link, at: t });
  return new Map([...kept, ...signed]);
}

function officerView(
  app: repo.ApplicationRecord,
  events: repo.EventRecord[],
  opinions: repo.OpinionTask[],
  files: Map<string, FileLink>,
  cal: CalendarData,
  notices: repo.AppDocument[] = [],
  excludedKinds: ExcludedKind[] = [],
  recent?: { count: number; frequent: boolean },
) {
  const documents = repo.documentsOf(app, notices);
  const disclosure = disclosureView(app, cal, files, recent ? { recent } : { recent: { count: 0, frequent: false } });
  return {
    ...summaryOf(app, cal),
    version: app.version,
    applicant: app.applicantDisplay,
    promisedDays: app.promisedDays,
    statutoryDays: app.statutoryDays,
    // the uploaded materials themselves, to look at (short-lived URLs; e-licences are verified at source)
    materials: app.materials.map((m) => ({
      name: m.name,
      source: m.source,
      files: m.fileIds?.length ?? 0,
      fileUrls: (m.fileIds ?? []).filter((id) => files.has(id)).map((id) => ({ fileId: id, ...files.get(id)! })),
    })),
    deferred: app.deferred,
    ...(app.supplementNotice
      ? {
          supplementNotice: {
            items: app.supplementNotice.items,
            ...(app.supplementNotice.dueDate ? { dueDate: app.supplementNotice.dueDate } : {}),
            ...(app.supplementNotice.askedBy ? { askedBy: app.supplementNotice.askedBy.label } : {}),
          },
        }
      : {}),
    actions: stillAllowed(app, allowedActions(app.state, Boolean(app.excludedPeriod), procedureOf(app)), cal),
    ...(disclosure ? { disclosure } : {}),
    ...(excludedKinds.length ? { excludedKinds: excludedKinds.map((k) => ({ kind: k, name: EXCLUDED_KINDS[k] })) } : {}),
    ...(app.excludedPeriod
      ? { excludedPeriod: { name: EXCLUDED_KINDS[app.excludedPeriod.kind], since: app.excludedPeriod.since, note: app.excludedPeriod.note } }
      : {}),
    opinions: opinions.map((o) => ({ departmentId: o.departmentId, departmentName: o.departmentName, status: o.status, reason: o.reason, due: o.due })),
    timeline: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, note: e.note, state: e.state })),
    ...(issuesDocument(app.itemId) ? { issuesDocument: true } : {}),
    ...(documents.length ? { documents } : {}),
    delivery: {
      method: app.deliveryInfo?.method ?? app.delivery,
      chosen: Boolean(app.deliveryChosen),
      ...(app.delivery === 'post' && app.postTo ? { postTo: app.postTo } : {}),
      ...(app.deliveryInfo?.trackingNo ? { trackingNo: app.deliveryInfo.trackingNo } : {}),
    },
  };
}

/** My department's queue: open applications, soonest deadline first, filtered by state and light. */
export async function queue(officer: UserRecord, q: { state?: ApplicationState; light?: 'green' | 'yellow' | 'red'; limit: number; cursor?: string }) {
  const dept = officerDepartment(officer);
  const cal = await getCalendar();
  const out: ReturnType<typeof summaryOf>[] = [];
  let cursor = q.cursor;
  for (let page = 0; page < 5 && out.length < q.limit; page++) {
    const r = await queuePage(dept, q.state, q.limit, cursor);
    for (const a of r.items) {
      const s = summaryOf(a, cal);
      if (!q.light || s.light === q.light) out.push(s);
    }
    cursor = r.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return { items: out.slice(0, q.limit), nextCursor: cursor ?? null };
}

/** 待我处理: the officer's answered 补正s (their own tasks; the department's queue lists the cases too). */
export async function myTasks(officer: UserRecord) {
  officerDepartment(officer); // staff of a department only
  return { items: await repo.listOfficerTasks(officer.id) };
}

/** Counts by state for the department: one GetItem of its counter row. */
export async function departmentCounts(officer: UserRecord) {
  const dept = officerDepartment(officer);
  const row = await readCounterRow({ kind: 'dept', id: dept });
  return {
    departmentId: dept,
    byState: Object.fromEntries(OPEN_STATES.concat(['supplement', 'approved', 'replied']).map((s) => [s, Math.max(0, Number(row[`s_${s}`] ?? 0))])),
  };
}

type Body = { version: number } & Record<string, unknown>;

/**
 * One staff action: right department, right state, the version the officer saw. The state change,
 * its event and the applicant's message are one transaction; the dashboards follow from the changed row.
 */
export async function act(officer: UserRecord, appNo: string, action: StaffAction, body: Body) {
  const { app, events, opinions } = await departmentApplication(officer, appNo);
  const spec = STAFF_ACTIONS[action];
  const procedure = procedureOf(app);
  if (app.state === 'waiting') throw conflict('本件属于“一件事”联办，须待前置事项办结后才能办理；前置事项办结时会自动转入本部门待受理');
  if (!actionFrom(action, procedure).includes(app.state)) {
    if (!actionFrom(action, procedure).length) {
      throw conflict(procedure === 'disclosure' ? `政府信息公开申请按条例办理，不能${spec.name}` : `本事项不是政府信息公开申请，不能${spec.name}`);
    }
    throw conflict(`办件当前为“${STATE_NAMES[app.state]}”，不能${spec.name}`);
  }
  const to = actionTo(action, app.state);
  if (body.version !== app.version) throw conflict('该办件刚刚被其他工作人员处理，请刷新后再看');
  // a special procedure under way: only its end (no decision, no 补正, no second one)
  if (app.excludedPeriod && action !== 'endExcluded') throw conflict(`${EXCLUDED_KINDS[app.excludedPeriod.kind]}程序进行中，结束后才能${spec.name}`);
  const cal = await getCalendar();
  const today = businessDate(now());
  const at = now().toISOString();
  const set: repo.ApplicationChange = { state: to };
  const remove: (keyof repo.ApplicationRecord)[] = [];
  let opinionTasks: repo.OpinionTask[] = [];
  const alsoWrite: Record<string, unknown>[] = [];
  let note: string | undefined;
  let message = `${app.itemName}：${spec.name}`;
  let queueMove: string | undefined; // the deadline moved (a special procedure ended)

  switch (action) {
    case 'accept':
      if (procedure === 'disclosure') {
        // 登记: the 条例's clock already runs from receipt (art. 31), and goes on
        note = `登记受理：自收到申请之日（${app.disclosure!.receivedOn}）起 20 个工作日内答复`;
        message = `${app.itemName} 已登记受理，将于 ${addWorkingDays(app.acceptedOn ?? app.startDate, app.statutoryDays + (app.statutoryPausedDays ?? 0), cal)} 前答复。`;
        break;
      }
      set.acceptedOn = today; // the statutory clock starts at 受理
      note = `受理回执：${app.itemName}；已收材料 ${app.materials.filter((m) => m.source === 'upload' || m.source === 'elicence').length} 项；承诺 ${app.promisedDays} 个工作日内办结；咨询 ${app.departmentName}`;
      message = `${app.itemName} 已受理，承诺 ${app.promisedDays} 个工作日内办结。`;
      break;
    case 'notAccept':
      note = `${body.reason}：${body.detail}`;
      message = `${app.itemName} 不予受理。原因：${body.reason}。${body.detail}`;
      break;
    case 'requestSupplement': {
      const items = body.items as { material: string; reason: string }[];
      // the answer comes back to this officer, in the state the case was in (review keeps its opinions)
      set.supplementNotice = { items, fromState: app.state, askedBy: { userId: officer.id, label: officerLabel(app.departmentName, officer) } };
      set.pausedSince = today;
      note = items.map((i) => `${i.material}（${i.reason}）`).join('；');
      message = `${app.itemName} 需要补正材料：${items.map((i) => i.material).join('、')}。补正期间暂停计时。`;
      if (procedure === 'disclosure') {
        // art. 30: one notice within 7 working days of receipt; the answer restarts the clock
        const c = clarifyStep(app, items, today, cal);
        set.supplementNotice.dueDate = c.dueDate;
        set.disclosure = c.disclosure;
        message = c.message;
        alsoWrite.push(repo.clarifyDueItem(c.dueDate, appNo)); // unanswered by then: 视为放弃申请 (the deferrals sweep)
      }
      break;
    }
    case 'startReview': {
      // 并联审批: every consulted department gets its opinion task at once
      const item = await getServiceItemAt(app.itemId, app.itemVersion);
      const consulted = (item?.opinionDepartmentIds ?? []).filter((d) => d !== app.departmentId);
      opinionTasks = await openOpinions(app, consulted, today);
      if (consulted.length) note = `并联审批：已征求 ${consulted.length} 个部门意见，${OPINION_WORKING_DAYS} 个工作日内未回复视为无意见`;
      message = `${app.itemName} 已进入审查。`;
      break;
    }
    case 'approve':
    case 'deny': {
      const waiting = opinions.filter((o) => o.status === 'open');
      if (waiting.length) throw conflict(`还有 ${waiting.length} 个部门未出具意见（${waiting.map((o) => o.departmentName).join('、')}），逾期将视为无意见`);
      const status = deadlineStatus({ start: app.startDate, limitDays: app.promisedDays, today, pausedWorkingDays: app.pausedDays }, cal);
      set.completion = { on: today, usedDays: status.usedDays, onTime: status.usedDays <= app.promisedDays };
      note = (action === 'deny' ? (body.reason as string) : (body.note as string | undefined)) ?? undefined;
      message = action === 'approve' ? `${app.itemName} 已办结，准予许可。` : `${app.itemName} 不予许可。理由：${body.reason}`;
      break;
    }
    case 'startExcluded': {
      const kind = body.kind as ExcludedKind;
      const item = await getServiceItemAt(app.itemId, app.itemVersion);
      const kinds = item?.excludedKinds ?? [];
      const consult = procedure === 'disclosure' ? consultWords(kind, today, cal) : undefined;
      if (!kinds.includes(kind) || (procedure === 'disclosure' && !consult)) {
        throw ruleViolation(
          kinds.length ? `本事项可依法不计时的特别程序为：${kinds.map((k) => EXCLUDED_KINDS[k]).join('、')}` : '本事项没有依法不计入办理时限的特别程序',
        );
      }
      // the clocks stand still from today (pausedSince, as in a 补正) until the procedure ends
      set.excludedPeriod = { kind, since: today, note: String(body.note) };
      set.pausedSince = today;
      note = `${EXCLUDED_KINDS[kind]}：${body.note}（期间不计入办理时限）`;
      message = `${app.itemName} 进入${EXCLUDED_KINDS[kind]}程序，依法不计入办理时限，结束后继续办理。`;
      if (consult) {
        note = `${consult.note}：${body.note}`;
        message = `${app.itemName}：${consult.message}`;
      }
      break;
    }
    case 'endExcluded': {
      const period = app.excludedPeriod;
      if (!period) throw conflict('当前没有进行中的特别程序');
      const paused = workingDaysBetween(period.since, today, cal);
      set.pausedDays = app.pausedDays + paused;
      if (app.acceptedOn) set.statutoryPausedDays = (app.statutoryPausedDays ?? 0) + paused;
      remove.push('excludedPeriod', 'pausedSince');
      queueMove = addWorkingDays(app.startDate, app.promisedDays + app.pausedDays + paused, cal);
      note = `${EXCLUDED_KINDS[period.kind]}结束：${body.note}（不计时 ${paused} 个工作日）`;
      if (procedure === 'disclosure') {
        const deadline = addWorkingDays(app.acceptedOn ?? app.startDate, app.statutoryDays + (app.statutoryPausedDays ?? 0) + paused, cal);
        message = `${app.itemName} ${EXCLUDED_KINDS[period.kind]}已结束（不计入答复期限 ${paused} 个工作日），将于 ${deadline} 前答复。`;
        break;
      }
      message = `${app.itemName} ${EXCLUDED_KINDS[period.kind]}程序已结束，继续办理。`;
      break;
    }
    case 'extend': {
      const step = await extendStep(app, body as unknown as Parameters<typeof extendStep>[1], today, cal);
      Object.assign(set, step.set);
      note = step.note;
      message = step.message;
      queueMove = step.queueMove;
      break;
    }
    case 'reply': {
      const step = await replyStep(app, officer.id, body as unknown as ReplyInput, today, cal);
      Object.assign(set, step.set);
      set.completion = { on: today, usedDays: step.usedDays, onTime: step.onTime };
      note = step.note;
      message = step.message;
      break;
    }
    case 'deliver': {
      const method = body.method as 'pickup' | 'post' | 'electronic';
      // the way the applicant chose is the way it goes (a change is theirs to make, before it is sent)
      if (app.deliveryChosen && method !== app.delivery) throw conflict(`申请人已选择“${DELIVERY_NAMES[app.delivery]}”，请按其选择送达`);
      if (method === 'post' && app.deliveryChosen && !app.postTo) throw conflict('申请人尚未填写收件地址');
      const pickupCode = method === 'pickup' ? newQueryCode() : undefined;
      set.delivery = method;
      set.deliveryInfo = { method, ...(pickupCode ? { pickupCode } : {}), ...(body.trackingNo ? { trackingNo: String(body.trackingNo) } : {}), at };
      note = method === 'pickup' ? '窗口领取' : method === 'post' ? `邮政寄递，单号 ${body.trackingNo}` : '电子证照已发放';
      message =
        method === 'pickup'
          ? `${app.itemName} 结果已可领取，取件码 ${pickupCode}。`
          : method === 'post'
            ? `${app.itemName} 结果已寄出，邮件单号 ${body.trackingNo}。`
            : `${app.itemName} 电子证照已发放到您的证照夹。`;
      // the licence itself into the holder's wallet, usable in later applications (issue 15)
      if (method === 'electronic' && RESULT_LICENCE[app.itemId]) alsoWrite.push(resultLicenceItem(app, RESULT_LICENCE[app.itemId], today));
      break;
    }
  }
  // 政策兑现 (issue 17): a claim granted goes on the firm's record, so 「近 N 年未享受」 sees it
  if (to === 'approved' && app.policy && app.enterpriseCode) alsoWrite.push(receivedItem(app.enterpriseCode, app.policy.itemId, today));
  // 一件事 (issue 16): what waits for this item is released (准予, 送达) or ends (不予许可, 不予受理) in the same transaction
  const follow = await bundleFollowUp(app, to, at);
  alsoWrite.push(...follow.writes);
  message += follow.applicantNote;
  if (app.state === 'supplement') remove.push('pausedSince');
  // an officer's task on it (an answered 补正) is done once anyone acts
  if (app.taskFor) {
    alsoWrite.push(repo.officerTaskDelete(app.taskFor, appNo));
    remove.push('taskFor');
  }
  const event: repo.EventRecord = {
    at,
    actor: officerLabel(app.departmentName, officer),
    action: spec.name,
    ...(note ? { note } : {}),
    state: to,
    fromState: app.state,
  };
  try {
    await repo.changeApplication({
      app,
      set,
      remove,
      expectState: [app.state],
      eventIndex: events.length,
      ...(queueMove ? { queueDeadline: queueMove } : {}),
      opinions: opinionTasks,
      event,
      message: {
        userId: app.applicantId,
        appNo,
        template: `application_${action === 'extend' ? 'extended' : to}`,
        title: `${app.itemName} ${action === 'extend' ? '答复期限延长' : STATE_NAMES[to]}`,
        body: message,
      },
      alsoWrite,
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该办件刚刚被其他工作人员处理，请刷新后再看');
    throw e;
  }
  // the answer from what was read and what was just written, as a fresh read of the partition would give it: the
  // event last in the trail (it is the newest), the opinion tasks in their rows' order (by department)
  const asked = new Set(opinionTasks.map((t) => t.departmentId));
  const allOpinions = [...opinions.filter((o) => !asked.has(o.departmentId)), ...opinionTasks].sort((a, b) => (a.departmentId < b.departmentId ? -1 : 1));
  const item = to === 'in_review' || procedure === 'disclosure' ? await getServiceItemAt(app.itemId, app.itemVersion) : undefined; // read once already (cached)
  return officerView(
    changedApplication(app, set, remove),
    [...events, event],
    allOpinions,
    await fileLinks(app, { fresh: false }),
    cal,
    [],
    item?.excludedKinds,
  );
}

/** A delivered licence as a wallet entry: its number from the application (made up, like the seeded ones), its issuer. */
function resultLicenceItem(app: repo.ApplicationRecord, type: ELicenceType, today: string) {
  const licence = {
    id: `lic-${app.appNo}`,
    type,
    name: E_LICENCE_TYPES[type],
    number: `${app.departmentId.slice(0, 2).toUpperCase()}${app.appNo.slice(2)}`,
    issuer: app.departmentName,
    ...(type === 'residence-permit' ? { validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` } : {}),
  };
  return licencePut(app.applicantId, licence);
}

/** The queue position after a supplement: the deadline moves by the paused working days. */
export const queueDeadline = (app: repo.ApplicationRecord, cal: Parameters<typeof addWorkingDays>[2]) =>
  addWorkingDays(app.startDate, app.promisedDays + app.pausedDays, cal);
