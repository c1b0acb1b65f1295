import { addWorkingDays, streetName } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { isConditionFailure } from '../lib/db';
import { now } from '../lib/clock';
import { conflict, notFound } from '../lib/errors';
import type { UserRecord } from '../identity/repository';
import * as repo from './repository';
import { staffView } from './service';

const isStreetDispatcher = (u: UserRecord, wo: repo.WorkOrderRecord) => (u.role === 'dispatcher' && u.street === wo.street) || u.role === 'admin';
const dispatcherName = (u: UserRecord) => (u.role === 'admin' ? '区政数局' : `${streetName(u.street) ?? ''}调度`);

/** 延期申请: the owner asks the street dispatcher for more working days, with a reason. */
export async function requestExtension(user: UserRecord, no: string, days: number, reason: string) {
  const userId = user.id;
  const { wo } = await repo.getWorkOrder(no);
  if (!wo || wo.ownerId !== userId) throw notFound('未找到您签收的该工单');
  if (!['claimed', 'in_progress'].includes(wo.state)) throw conflict('只有处理中的工单可以申请延期');
  const at = now().toISOString();
  try {
    await repo.requestExtension(
      wo,
      userId,
      { days, reason, status: 'requested', at },
      { at, actor: wo.teamName, role: user.role, action: `申请延期 ${days} 个工作日`, note: reason },
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('已有待审批的延期申请');
    throw e;
  }
  return staffView(user, no);
}

/** The street dispatcher grants or refuses; a granted extension moves the reply deadline. */
export async function decideExtension(user: UserRecord, no: string, approve: boolean, note?: string) {
  const { wo } = await repo.getWorkOrder(no);
  if (!wo || !isStreetDispatcher(user, wo)) throw notFound('未找到该工单');
  const ext = wo.extension;
  if (!ext || ext.status !== 'requested') throw conflict('没有待审批的延期申请');
  const at = now().toISOString();
  const replyBy = approve ? addWorkingDays(wo.replyBy, ext.days, await getCalendar()) : wo.replyBy;
  try {
    await repo.decideExtension(wo, approve ? 'granted' : 'refused', replyBy, {
      at,
      actor: dispatcherName(user),
      role: user.role,
      action: approve ? `同意延期，答复期限 ${replyBy}` : '不同意延期',
      ...(note ? { note } : {}),
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('延期申请刚刚已被处理');
    throw e;
  }
  return staffView(user, no);
}

/**
 * 重复件: the dispatcher closes an order as a duplicate of an open original. Both trails link each other,
 * and the duplicate's filer follows the original, so its updates reach them.
 */
export async function markDuplicate(user: UserRecord, no: string, originalNo: string) {
  if (no === originalNo) throw conflict('不能标记为自身的重复件');
  const [{ wo }, { wo: original, followers }] = await Promise.all([repo.getWorkOrder(no), repo.getWorkOrder(originalNo)]);
  if (!wo || !isStreetDispatcher(user, wo)) throw notFound('未找到该工单');
  // the original must be in the same dispatcher's care: merging would make this filer a follower of it
  if (!original || original.state === 'closed' || !isStreetDispatcher(user, original)) throw notFound('未找到本街道可合并的原工单（须未办结）');
  const alreadyFollows = original.filerId === wo.filerId || followers.includes(wo.filerId);
  if (wo.state === 'closed') throw conflict('该工单已关闭');
  const at = now().toISOString();
  const actor = dispatcherName(user);
  try {
    await repo.mergeDuplicate({
      wo,
      originalNo,
      followOriginal: !alreadyFollows,
      actor,
      role: user.role,
      at,
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('工单刚刚发生了变化，请刷新后再看');
    throw e;
  }
  return staffView(user, no);
}
