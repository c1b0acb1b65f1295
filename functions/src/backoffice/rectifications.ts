import { businessDate, RATING_NAMES, trafficLight, workingDaysBetween } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { RECTIFICATION_WORKING_DAYS } from '../applications/service';
import * as repo from './repository';

export async function listRectifications(departmentId: string) {
  const cal = await getCalendar();
  const today = businessDate(now());
  const tasks = await repo.listRectifications(departmentId);
  return {
    items: tasks.map((t) => ({
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
    })),
  };
}

/** 回访 (a call-back record) and 整改说明 (the closing note); a closed task stays closed. */
export async function updateRectification(departmentId: string, appNo: string, change: { callback?: string; close?: string }) {
  const task = await repo.getRectification(appNo);
  if (!task || task.departmentId !== departmentId) throw notFound('未找到该整改任务');
  if (task.status === 'closed') throw conflict('该整改任务已办结');
  if (change.close && !task.callback && !change.callback) throw conflict('请先记录回访情况，再办结整改');
  const at = now().toISOString();
  try {
    await repo.updateRectification(appNo, {
      ...(change.callback ? { callback: { at, note: change.callback } } : {}),
      ...(change.close ? { close: { note: change.close, at } } : {}),
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该整改任务刚刚被处理，请刷新');
    throw e;
  }
  return { ok: true };
}
