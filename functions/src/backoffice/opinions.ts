import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { addWorkingDays, businessDate, trafficLight, workingDaysBetween } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { db, table } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { keys } from '../lib/keys';
import { log } from '../lib/log';
import { loadCatalog } from '../guide/repository';
import type { ApplicationRecord, OpinionTask } from '../applications/repository';

/** Working days a department has to give its opinion before it is deemed to have none (逾期不复视为无意见). */
export const OPINION_WORKING_DAYS = 5;

/** Rows that open one opinion task per consulted department, written with the start of review. */
export async function opinionTaskItems(app: ApplicationRecord, departmentIds: string[], today: string): Promise<Record<string, unknown>[]> {
  if (!departmentIds.length) return [];
  const cal = await getCalendar();
  const cat = await loadCatalog();
  const due = addWorkingDays(today, OPINION_WORKING_DAYS, cal);
  const name = (id: string) => cat.departments.find((d) => d.id === id)?.name ?? id;
  return departmentIds.flatMap((departmentId) => {
    const task: OpinionTask = {
      appNo: app.appNo, itemName: app.itemName, departmentId, departmentName: name(departmentId),
      fromDepartmentId: app.departmentId, fromDepartmentName: app.departmentName, status: 'open', due, createdAt: now().toISOString(),
    };
    return [
      { Put: { TableName: table(), Item: { ...keys.opinion(app.appNo, departmentId), ...keys.deptOpinions(departmentId, due, app.appNo), entity: 'OpinionTask', ...task } } },
      { Put: { TableName: table(), Item: { ...keys.opinionDue(due, app.appNo, departmentId), entity: 'OpinionDue' } } },
    ];
  });
}

/** The open opinion tasks sent to a department, soonest due first, with their lights. */
export async function listOpinions(departmentId: string) {
  const cal = await getCalendar();
  const today = businessDate(now());
  const r = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.deptOpinionsPk(departmentId) }, Limit: 100,
  }));
  return {
    items: ((r.Items ?? []) as OpinionTask[]).map((t) => {
      const used = workingDaysBetween(businessDate(new Date(t.createdAt)), today, cal);
      return { appNo: t.appNo, itemName: t.itemName, fromDepartmentName: t.fromDepartmentName, due: t.due, status: t.status, reason: t.reason, light: t.status === 'open' ? trafficLight(OPINION_WORKING_DAYS, used) : null };
    }),
  };
}

/** An opinion and its event in the application's trail, once; a deemed or answered task stays as it is. */
export async function answerOpinion(departmentId: string, appNo: string, decision: 'agree' | 'disagree', reason: string | undefined) {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.opinion(appNo, departmentId) }));
  const task = r.Item as OpinionTask | undefined;
  if (!task) throw notFound('未找到发给本部门的意见征询');
  if (task.status !== 'open') throw conflict(task.status === 'deemed' ? '已逾期，系统已记录为“视为无意见”' : '本部门已出具意见');
  const at = now().toISOString();
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table(), Key: keys.opinion(appNo, departmentId),
            // answered tasks leave the department's list
            UpdateExpression: 'SET #s = :s, reason = :r, answeredAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: '#s = :open',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': decision, ':r': reason ?? '', ':at': at, ':open': 'open' },
          },
        },
        { Put: { TableName: table(), Item: { ...keys.sideEvent(appNo, at, `o-${departmentId}`), entity: 'AppEvent', at, actor: task.departmentName, action: decision === 'agree' ? '并联审批：同意' : '并联审批：不同意', ...(reason ? { note: reason } : {}) } } },
      ],
    }));
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') throw conflict('本部门已出具意见或已逾期');
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
    const r = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.opinionDue(d, '', '').pk } }));
    for (const row of r.Items ?? []) {
      const [appNo, departmentId] = String(row.sk).split('#');
      const got = await db().send(new GetCommand({ TableName: table(), Key: keys.opinion(appNo, departmentId) }));
      const task = got.Item as OpinionTask | undefined;
      if (!task || task.status !== 'open') continue;
      const at = now().toISOString();
      try {
        await db().send(new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: table(), Key: keys.opinion(appNo, departmentId), UpdateExpression: 'SET #s = :s, answeredAt = :at REMOVE gsi2pk, gsi2sk', ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'deemed', ':at': at, ':open': 'open' } } },
            { Put: { TableName: table(), Item: { ...keys.sideEvent(appNo, at, `d-${departmentId}`), entity: 'AppEvent', at, actor: task.departmentName, action: '逾期未复，视为无意见', note: `应于 ${task.due} 前回复` } } },
          ],
        }));
        deemed.push(`${appNo}#${departmentId}`);
      } catch (e) {
        log.error('deem skipped', { appNo, err: (e as Error).name }); // answered at the same moment
      }
    }
  }
  return { deemed };
}
