import { addWorkingDays, businessDate, type SupervisionStateName } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { loadCatalog } from '../guide/repository';
import { teamMembers, teamOf } from '../identity/repository';
import { summaryOf } from '../applications/service';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import type { SupervisionRecord } from '../lib/entities/applications';
import type { Notice } from '../messages/repository';
import * as repo from './repository';

/**
 * 督办 as a tracked request (issue 16): a supervisor asks the handling department to reply by a date, the department's
 * staff are told, the reply is recorded once (late when after the date), and what nobody supervised or answered in time
 * moves up by itself (the daily job, jobs/supervision.ts).
 */

/** Working days a department has to reply to a 督办: long enough to look into a case, short enough to act this week. */
export const SUPERVISION_REPLY_WORKING_DAYS = 3;

/** At most this many of a department's staff are told in the 督办's own transaction (3 items each, 100 a transaction). */
const NOTIFY_MAX = 30;

/** An application that ended needs no 督办. */
const ENDED = new Set(['not_accepted', 'denied', 'delivered', 'withdrawn', 'terminated']);

export const AUTO_SUPERVISOR = '系统（自动督办）';

/** The department's staff to tell (one Query of the department's team; the whole team sees the 督办 in its list anyway). */
async function departmentStaff(departmentId: string): Promise<string[]> {
  const team = teamOf({ role: 'staff', departmentId });
  return team ? (await teamMembers(team)).slice(0, NOTIFY_MAX) : [];
}

const askNotices = (ids: string[], s: SupervisionRecord): Notice[] =>
  ids.map((userId) => ({
    userId,
    title: s.auto ? '自动督办：办件已超期，请按期回复' : '督办：请按期回复',
    body: `「${s.itemName}」（${s.appNo}）${s.auto ? '已超过承诺时限，系统已自动督办' : `被${s.by}督办：${s.note}`}。请于 ${s.replyBy} 前在「督办」中回复办理情况。`,
    appNo: s.appNo,
    template: 'supervision_asked',
  }));

/** Where a 督办 stands today, for a person. */
export function supervisionState(s: SupervisionRecord, today: string): SupervisionStateName {
  if (s.status === 'answered') return s.reply?.late ? 'late' : 'answered';
  return today > s.replyBy ? 'overdue' : 'waiting';
}

/** A 督办 as the API shows it. */
export function stateView(s: SupervisionRecord, today: string) {
  return {
    round: s.round,
    status: s.status,
    state: supervisionState(s, today),
    auto: s.auto,
    by: s.by,
    note: s.note,
    at: s.at,
    replyBy: s.replyBy,
    ...(s.reply ? { reply: { note: s.reply.note, by: s.reply.by, at: s.reply.at, late: s.reply.late } } : {}),
    escalated: Boolean(s.escalatedAt),
  };
}

export const taskView = (s: SupervisionRecord, today: string) => ({
  ...stateView(s, today),
  appNo: s.appNo,
  itemName: s.itemName,
  departmentName: s.departmentName,
  ...(s.deadline ? { deadline: s.deadline } : {}),
});

/**
 * 督办 by a person: the department is told and asked to reply within SUPERVISION_REPLY_WORKING_DAYS; an internal note
 * in the trail. Supervising again starts a new round (the last one's reply stays in the trail). A street's dispatcher
 * supervises the applications of their street only (another street's are 404 to them); the admin, any of the district's.
 */
export async function superviseApplication(appNo: string, note: string, by: { label: string; userId: string }, street?: string) {
  const app = await repo.applicationFacts(appNo);
  if (!app || (street && app.streetId !== street)) throw notFound('未找到该办件');
  if (ENDED.has(app.state)) throw conflict('该办件已办结，无需督办');
  const [prev, cal, staff] = await Promise.all([repo.getSupervision(appNo), getCalendar(), departmentStaff(app.departmentId)]);
  const at = now().toISOString();
  const s: SupervisionRecord = {
    appNo,
    itemName: app.itemName,
    departmentId: app.departmentId,
    departmentName: app.departmentName,
    ...(app.streetId ? { streetId: app.streetId } : {}),
    round: (prev?.round ?? 0) + 1,
    status: 'open',
    auto: false,
    by: by.label,
    byUserId: by.userId,
    note,
    at,
    replyBy: addWorkingDays(businessDate(now()), SUPERVISION_REPLY_WORKING_DAYS, cal),
    ...(prev?.deadline ? { deadline: prev.deadline } : {}),
  };
  try {
    await repo.writeSupervision(
      s,
      { kind: 'round', round: prev?.round },
      { at, actor: by.label, action: '督办', note: `${note}（请于 ${s.replyBy} 前回复）`, internal: true },
      's',
      askNotices(staff, s),
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('刚刚有人督办了该办件，请刷新');
    throw e;
  }
  return { ok: true as const };
}

/** The department's 督办: open ones (soonest reply date first), then the answered (newest first). */
export async function departmentSupervisions(departmentId: string) {
  const today = businessDate(now());
  const rows = await repo.deptSupervisions(departmentId);
  const open = rows.filter((s) => s.status === 'open').sort((a, b) => a.replyBy.localeCompare(b.replyBy));
  const answered = rows.filter((s) => s.status === 'answered');
  return { items: [...open, ...answered].map((s) => taskView(s, today)) };
}

/**
 * The department's reply, once: a double tap or two officers at once write one reply (the row's condition: still open
 * in the round the officer saw); a reply after the reply date is marked late. The reply goes into the trail (internal)
 * and to the person who supervised.
 */
export async function replySupervision(departmentId: string, appNo: string, reply: string, round: number, officer: { id: string; nickname?: string }) {
  const s = await repo.getSupervision(appNo);
  if (!s || s.departmentId !== departmentId) throw notFound('未找到该督办');
  if (s.round !== round) throw conflict('督办已更新，请刷新后再回复');
  if (s.status === 'answered') throw conflict('该督办已回复');
  const at = now().toISOString();
  const late = businessDate(now()) > s.replyBy;
  const by = `${s.departmentName} · ${officer.nickname ?? '工作人员'}`;
  const next: SupervisionRecord = { ...s, status: 'answered', reply: { note: reply, by, byUserId: officer.id, at, late } };
  const notices: Notice[] = s.byUserId
    ? [
        {
          userId: s.byUserId,
          title: late ? '督办已回复（逾期）' : '督办已回复',
          body: `「${s.itemName}」（${s.appNo}）：${s.departmentName}${late ? '逾期' : ''}回复督办：${reply}`,
          appNo,
          template: 'supervision_replied',
        },
      ]
    : [];
  try {
    await repo.writeSupervision(
      next,
      { kind: 'open', round },
      { at, actor: by, action: late ? '督办回复（逾期）' : '督办回复', note: reply, internal: true },
      'r',
      notices,
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该督办已回复');
    throw e;
  }
  return { ok: true as const };
}

/**
 * 督办 list for a street's dispatcher (their street) or the admin (the district): the red applications (one Query per
 * department, deadline before today) with their 督办 if any (one BatchGetItem per 100), and the 督办 escalated because
 * the reply is overdue (one Query).
 */
export async function supervisionList(street?: string) {
  const cal = await getCalendar();
  const today = businessDate(now());
  const { departments } = await loadCatalog();
  const [pages, escalated] = await Promise.all([Promise.all(departments.map((d) => repo.overdueInQueue(d.id, today))), repo.escalatedSupervisions()]);
  const red = pages
    .flat()
    .filter((a) => !street || a.streetId === street)
    .map((a) => ({ a, s: summaryOf(a, cal) }))
    .filter(({ s }) => s.light === 'red');
  const sups = await repo.supervisionsOf(red.map(({ a }) => a.appNo));
  const items = red.map(({ a, s }, i) => ({
    appNo: a.appNo,
    itemName: a.itemName,
    departmentName: a.departmentName,
    deadline: s.deadline,
    overdueDays: -(s.remainingDays ?? 0),
    light: 'red' as const,
    ...(sups[i] ? { supervision: stateView(sups[i], today) } : {}),
  }));
  return {
    items: items.sort((x, y) => y.overdueDays - x.overdueDays),
    escalated: escalated.filter((s) => !street || s.streetId === street).map((s) => taskView(s, today)),
  };
}

/** The district's escalated 督办 for the dashboard (one Query). */
export async function escalatedForDashboard() {
  const today = businessDate(now());
  const rows = await repo.escalatedSupervisions();
  return { count: rows.length, items: rows.map((s) => taskView(s, today)) };
}

// ---- the daily job (jobs/supervision.ts) ---------------------------------------------------------

/**
 * 自动督办: every red application (promised deadline passed, clock running) that nobody supervised yet goes on the
 * 督办 list, its department told, as if a supervisor had asked. Per department one Query (at most 50 overdue) and one
 * BatchGetItem; each new 督办 is written only where none exists (`attribute_not_exists`), so a second run writes nothing.
 */
export async function autoSupervise(): Promise<{ supervised: string[] }> {
  const cal = await getCalendar();
  const today = businessDate(now());
  const { departments } = await loadCatalog();
  const supervised: string[] = [];
  for (const d of departments) {
    const red = (await repo.overdueInQueue(d.id, today)).map((a) => ({ a, s: summaryOf(a, cal) })).filter(({ s }) => s.light === 'red');
    if (!red.length) continue;
    const existing = await repo.supervisionsOf(red.map(({ a }) => a.appNo));
    const todo = red.filter((_, i) => !existing[i]);
    if (!todo.length) continue;
    const staff = await departmentStaff(d.id);
    for (const { a, s } of todo) {
      const at = now().toISOString();
      const overdueDays = -(s.remainingDays ?? 0);
      const rec: SupervisionRecord = {
        appNo: a.appNo,
        itemName: a.itemName,
        departmentId: a.departmentId,
        departmentName: a.departmentName,
        ...(a.streetId ? { streetId: a.streetId } : {}),
        round: 1,
        status: 'open',
        auto: true,
        by: AUTO_SUPERVISOR,
        note: `已超过承诺时限 ${overdueDays} 个工作日，请说明原因并尽快办结`,
        at,
        replyBy: addWorkingDays(today, SUPERVISION_REPLY_WORKING_DAYS, cal),
        deadline: s.deadline,
      };
      try {
        await repo.writeSupervision(
          rec,
          { kind: 'new' },
          { at, actor: AUTO_SUPERVISOR, action: '督办', note: `自动督办：${rec.note}（请于 ${rec.replyBy} 前回复）`, internal: true },
          's',
          askNotices(staff, rec),
        );
        supervised.push(a.appNo);
      } catch (e) {
        if (!isConditionFailure(e)) throw e; // supervised meanwhile (a person, or another run): nothing to do
      }
    }
  }
  return { supervised };
}

/**
 * 督办 whose reply date passed without a reply are escalated to the district, once: listed for the admin and on the
 * district dashboard until answered, the department told, an internal note in the trail. Per department one Query.
 */
export async function escalateOverdueSupervisions(): Promise<{ escalated: string[] }> {
  const today = businessDate(now());
  const { departments } = await loadCatalog();
  const escalated: string[] = [];
  for (const d of departments) {
    const due = (await repo.openSupervisionsBefore(d.id, today)).filter((s) => !s.escalatedAt);
    if (!due.length) continue;
    const staff = await departmentStaff(d.id);
    for (const s of due) {
      const at = now().toISOString();
      const note = `督办应于 ${s.replyBy} 前回复，逾期未回复，已升级至区级督办`;
      try {
        await repo.writeSupervision(
          { ...s, escalatedAt: at },
          { kind: 'escalate', round: s.round },
          { at, actor: '系统', action: '督办升级', note, internal: true },
          'e',
          staff.map((userId) => ({
            userId,
            title: '督办逾期未回复，已升级至区级',
            body: `「${s.itemName}」（${s.appNo}）的${note}。请尽快在「督办」中回复。`,
            appNo: s.appNo,
            template: 'supervision_escalated',
          })),
        );
        escalated.push(s.appNo);
      } catch (e) {
        if (!isConditionFailure(e)) throw e; // answered or escalated meanwhile
      }
    }
  }
  return { escalated };
}
