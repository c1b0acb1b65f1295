import { businessDate, RATING_NAMES, trafficLight, workingDaysBetween } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { RECTIFICATION_WORKING_DAYS } from '../applications/service';
import { loadCatalog } from '../guide/repository';
import { teamMembers, teamOf } from '../identity/repository';
import type { RectificationTask } from '../lib/entities/applications';
import type { Notice } from '../messages/repository';
import * as repo from './repository';

const view = (t: RectificationTask, today: string, cal: Awaited<ReturnType<typeof getCalendar>>) => ({
  appNo: t.appNo,
  itemName: t.itemName,
  rating: t.rating,
  ratingName: RATING_NAMES[t.rating],
  comment: t.comment,
  due: t.due,
  status: t.status,
  callback: t.callback,
  closingNote: t.closingNote,
  light: t.status === 'open' ? trafficLight(RECTIFICATION_WORKING_DAYS, workingDaysBetween(businessDate(new Date(t.createdAt)), today, cal)) : null,
  overdue: t.status === 'open' && t.due < today,
  ...(t.overdueAt ? { escalatedAt: t.overdueAt } : {}),
});

export async function listRectifications(departmentId: string) {
  const cal = await getCalendar();
  const today = businessDate(now());
  const tasks = await repo.listRectifications(departmentId);
  return { items: tasks.map((t) => view(t, today, cal)) };
}

/**
 * 回访 (a call-back record) and 整改说明 (the closing note); a closed task stays closed. Closing tells the rater what
 * was done (an inbox message with the 整改说明), in the same transaction as the close.
 */
export async function updateRectification(departmentId: string, appNo: string, change: { callback?: string; close?: string }) {
  const task = await repo.getRectification(appNo);
  if (!task || task.departmentId !== departmentId) throw notFound('未找到该整改任务');
  if (task.status === 'closed') throw conflict('该整改任务已办结');
  if (change.close && !task.callback && !change.callback) throw conflict('请先记录回访情况，再办结整改');
  const at = now().toISOString();
  const app = change.close ? await repo.applicationFacts(appNo) : undefined;
  const notices: Notice[] = app
    ? [
        {
          userId: app.applicantId,
          title: '您的评价有了整改结果',
          body: `您对「${task.itemName}」（${appNo}）的评价为“${RATING_NAMES[task.rating]}”。${app.departmentName}已回访并完成整改：${change.close}。感谢您的监督。`,
          appNo,
          template: 'rectification_closed',
        },
      ]
    : [];
  try {
    await repo.updateRectification(
      appNo,
      {
        ...(change.callback ? { callback: { at, note: change.callback } } : {}),
        ...(change.close ? { close: { note: change.close, at } } : {}),
      },
      notices,
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该整改任务刚刚被处理，请刷新');
    throw e;
  }
  return { ok: true };
}

/**
 * The admin's overview: every department's open rectifications (one Query per department of the catalogue, at most
 * 100 each: closed ones leave the index), counted open and overdue, and listed overdue first.
 */
export async function rectificationOverview() {
  const cal = await getCalendar();
  const today = businessDate(now());
  const { departments } = await loadCatalog();
  const lists = await Promise.all(departments.map((d) => repo.listRectifications(d.id)));
  const rows = departments.map((d, i) => {
    const items = lists[i].filter((t) => t.status === 'open').map((t) => ({ ...view(t, today, cal), departmentId: d.id, departmentName: d.name }));
    return { d, items, overdue: items.filter((t) => t.overdue).length };
  });
  const items = rows
    .flatMap((r) => r.items)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due))
    .slice(0, 200);
  return {
    total: { open: rows.reduce((n, r) => n + r.items.length, 0), overdue: rows.reduce((n, r) => n + r.overdue, 0) },
    departments: rows
      .filter((r) => r.items.length)
      .map((r) => ({ departmentId: r.d.id, departmentName: r.d.name, open: r.items.length, overdue: r.overdue }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    items,
  };
}

/**
 * The daily job (jobs/rectificationsOverdue.ts): open rectifications past their due date are marked overdue, once
 * (`attribute_not_exists(overdueAt)`), the department's staff told and an internal note put in the trail; the admin's
 * overview lists them as escalated. Per department one Query (due before today); a second run writes nothing.
 */
export async function markOverdueRectifications(): Promise<{ escalated: string[] }> {
  const today = businessDate(now());
  const { departments } = await loadCatalog();
  const escalated: string[] = [];
  for (const d of departments) {
    const due = (await repo.rectificationsDueBefore(d.id, today)).filter((t) => t.status === 'open' && !t.overdueAt);
    if (!due.length) continue;
    const team = teamOf({ role: 'staff', departmentId: d.id });
    const staff = team ? (await teamMembers(team)).slice(0, 30) : [];
    for (const t of due) {
      const at = now().toISOString();
      const note = `差评整改应于 ${t.due} 前办结，已逾期，已报区政务服务数据管理局督办`;
      try {
        await repo.markRectificationOverdue(
          t.appNo,
          at,
          { at, actor: '系统', action: '整改逾期', note, internal: true },
          staff.map((userId) => ({
            userId,
            title: '差评整改已逾期',
            body: `「${t.itemName}」（${t.appNo}）的${note}。请尽快回访并办结整改。`,
            appNo: t.appNo,
            template: 'rectification_overdue',
          })),
        );
        escalated.push(t.appNo);
      } catch (e) {
        if (!isConditionFailure(e)) throw e; // closed or marked meanwhile
      }
    }
  }
  return { escalated };
}
