import { addWorkingDays, businessDate, trafficLight, workingDaysBetween } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { conflict, notFound } from '../lib/errors';
import { isConditionFailure } from '../lib/db';
import { log } from '../lib/log';
import { loadCatalog } from '../guide/repository';
import type { ApplicationRecord, OpinionTask } from '../applications/repository';
import * as repo from './repository';

/** Working days a department has to give its opinion before it is deemed to have none (逾期不复视为无意见). */
export const OPINION_WORKING_DAYS = 5;

/** One opinion task per consulted department, opened with the start of review (written by changeApplication). */
export async function openOpinions(app: ApplicationRecord, departmentIds: string[], today: string): Promise<OpinionTask[]> {
  if (!departmentIds.length) return [];
  const cal = await getCalendar();
  const cat = await loadCatalog();
  const due = addWorkingDays(today, OPINION_WORKING_DAYS, cal);
  const name = (id: string) => cat.departments.find((d) => d.id === id)?.name ?? id;
  return departmentIds.map((departmentId) => ({
    appNo: app.appNo,
    itemName: app.itemName,
    departmentId,
    departmentName: name(departmentId),
    fromDepartmentId: app.departmentId,
    fromDepartmentName: app.departmentName,
    status: 'open' as const,
    due,
    createdAt: now().toISOString(),
  }));
}

/** The open opinion tasks sent to a department, soonest due first, with their lights. */
export async function listOpinions(departmentId: string) {
  const cal = await getCalendar();
  const today = businessDate(now());
  const tasks = await repo.listOpinions(departmentId);
  return {
    items: tasks.map((t) => {
      const used = workingDaysBetween(businessDate(new Date(t.createdAt)), today, cal);
      return {
        appNo: t.appNo,
        itemName: t.itemName,
        fromDepartmentName: t.fromDepartmentName,
        due: t.due,
        status: t.status,
        reason: t.reason,
        light: t.status === 'open' ? trafficLight(OPINION_WORKING_DAYS, used) : null,
      };
    }),
  };
}

/** An opinion and its event in the application's trail, once; a deemed or answered task stays as it is. */
export async function answerOpinion(departmentId: string, appNo: string, decision: 'agree' | 'disagree', reason: string | undefined, officerName?: string) {
  const task = await repo.getOpinion(appNo, departmentId);
  if (!task) throw notFound('未找到发给本部门的意见征询');
  if (task.status !== 'open') throw conflict(task.status === 'deemed' ? '已逾期，系统已记录为“视为无意见”' : '本部门已出具意见');
  const at = now().toISOString();
  try {
    await repo.closeOpinion(
      task,
      decision,
      reason ?? '',
      {
        at,
        actor: officerName ? `${task.departmentName} · ${officerName}` : task.departmentName,
        action: decision === 'agree' ? '并联审批：同意' : '并联审批：不同意',
        ...(reason ? { note: reason } : {}),
      },
      `o-${departmentId}`,
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('本部门已出具意见或已逾期');
    throw e;
  }
  return { ok: true };
}

/**
 * 超时默认: a task still open after its due date is recorded as deemed to have no objection.
 * Looks back a week of due dates, so a missed run is caught up; each task changes once.
 */
export async function deemOverdueOpinions(today = businessDate(now())): Promise<{ deemed: string[] }> {
  const deemed: string[] = [];
  const start = new Date(`${today}T00:00:00Z`);
  for (let back = 1; back <= 7; back++) {
    const d = new Date(start.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    for (const { appNo, departmentId } of await repo.opinionsDueOn(d)) {
      const task = await repo.getOpinion(appNo, departmentId);
      if (!task || task.status !== 'open') continue;
      const at = now().toISOString();
      try {
        await repo.closeOpinion(
          task,
          'deemed',
          undefined,
          { at, actor: task.departmentName, action: '逾期未复，视为无意见', note: `应于 ${task.due} 前回复` },
          `d-${departmentId}`,
        );
        deemed.push(`${appNo}#${departmentId}`);
      } catch (e) {
        log.error('deem skipped', { appNo, err: (e as Error).name }); // answered at the same moment
      }
    }
  }
  return { deemed };
}
