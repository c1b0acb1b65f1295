import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CounterDeltas } from '../lib/counters';
import { addWorkingDays, businessDate, RATING_NAMES, trafficLight, workingDaysBetween, type Rating } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { db, table } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { keys } from '../lib/keys';
import type { ApplicationRecord } from '../applications/repository';

/** Working days a department has to follow up a bad rating (一事一调查、整改到位). */
export const RECTIFICATION_WORKING_DAYS = 15;

export interface RectificationTask {
  appNo: string; itemName: string; departmentId: string; streetId?: string; rating: Rating; comment?: string; due: string; createdAt: string;
  status: 'open' | 'closed'; callback?: { at: string; note: string }; closingNote?: string; closedAt?: string;
}

export async function rectificationItem(app: ApplicationRecord, rating: Rating, comment?: string): Promise<Record<string, unknown>> {
  const cal = await getCalendar();
  const today = businessDate(now());
  const due = addWorkingDays(today, RECTIFICATION_WORKING_DAYS, cal);
  const task: RectificationTask = { appNo: app.appNo, itemName: app.itemName, departmentId: app.departmentId, ...(app.streetId ? { streetId: app.streetId } : {}), rating, ...(comment ? { comment } : {}), due, createdAt: now().toISOString(), status: 'open' };
  return { Put: { TableName: table(), Item: { ...keys.rectification(app.appNo), ...keys.deptRectifications(app.departmentId, due, app.appNo), entity: 'Rectification', ...task } } };
}

export async function listRectifications(departmentId: string) {
  const cal = await getCalendar();
  const today = businessDate(now());
  const r = await db().send(new QueryCommand({ TableName: table(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.deptRectificationsPk(departmentId) }, Limit: 100 }));
  return {
    items: ((r.Items ?? []) as RectificationTask[]).map((t) => ({
      appNo: t.appNo, itemName: t.itemName, rating: t.rating, ratingName: RATING_NAMES[t.rating], comment: t.comment, due: t.due, status: t.status,
      callback: t.callback, closingNote: t.closingNote,
      light: t.status === 'open' ? trafficLight(RECTIFICATION_WORKING_DAYS, workingDaysBetween(businessDate(new Date(t.createdAt)), today, cal)) : null,
    })),
  };
}

/** 回访 (a call-back record) and 整改说明 (the closing note); a closed task stays closed. */
export async function updateRectification(departmentId: string, appNo: string, change: { callback?: string; close?: string }) {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.rectification(appNo) }));
  const task = r.Item as RectificationTask | undefined;
  if (!task || task.departmentId !== departmentId) throw notFound('未找到该整改任务');
  if (task.status === 'closed') throw conflict('该整改任务已办结');
  if (change.close && !task.callback && !change.callback) throw conflict('请先记录回访情况，再办结整改');
  const at = now().toISOString();
  const sets: string[] = [];
  const values: Record<string, unknown> = { ':open': 'open' };
  if (change.callback) { sets.push('callback = :cb'); values[':cb'] = { at, note: change.callback }; }
  if (change.close) { sets.push('closingNote = :cn, closedAt = :at, #s = :closed'); Object.assign(values, { ':cn': change.close, ':at': at, ':closed': 'closed' }); }
  const update = {
    TableName: table(), Key: keys.rectification(appNo),
    UpdateExpression: `SET ${sets.join(', ')}${change.close ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
    ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: values,
  };
  try {
    if (!change.close) await db().send(new UpdateCommand(update));
    else {
      // closing moves the open-rectification counters of the department, the street and the district with it
      const counters = new CounterDeltas().everywhere(task.departmentId, { rectOpen: -1 }, undefined, task.streetId);
      await db().send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...counters.transactItems(table())] as never }));
    }
  } catch (e) {
    if (['ConditionalCheckFailedException', 'TransactionCanceledException'].includes((e as Error).name)) throw conflict('该整改任务刚刚被处理，请刷新');
    throw e;
  }
  return { ok: true };
}
