import { categoryById, maskFreeText, oneTapDescription, streetName, WO_DESCRIPTION_MAX } from '@yx/shared';
import { isConditionFailure } from '../lib/db';
import { now } from '../lib/clock';
import { badRequest, conflict, notFound } from '../lib/errors';
import type { UserRecord } from '../identity/repository';
import type { Notice } from '../messages/repository';
import * as repo from './repository';
import { canHandle, filerAnswer, staffAnswer } from './service';

const SUPPLEMENT_HEAD = '\n补充说明：';

/** The words a one-tap call was filed with, as `fileWorkOrder` gave them (its category, its place or street). */
const wordedFor = (wo: repo.WorkOrderRecord) =>
  oneTapDescription(categoryById(wo.categoryId)?.name ?? wo.categoryPath, wo.place?.address ?? streetName(wo.street));

/** The answer the filer's GET would give: the staff view for a grid official of the handling team, else the filer's. */
const answer = async (user: UserRecord, o: Awaited<ReturnType<typeof repo.getWorkOrder>> & { wo: repo.WorkOrderRecord }) =>
  !['resident', 'enterprise'].includes(user.role) && canHandle(user, o.wo)
    ? staffAnswer(user, o.wo, o.events)
    : filerAnswer(user.id, o.wo, o.events, o.followers);

/**
 * 补充说明: the filer adds to what the order says, until it is closed. A one-tap call's worded description (category and
 * place) gives way to the text; any other keeps its words with the text after them. One write per Idempotency-Key, only
 * while the order is as read (version and state); its owner, if any, is told.
 */
export async function supplement(user: UserRecord, no: string, note: string, keyOf: () => string) {
  const read = await repo.getWorkOrder(no);
  const { wo, events } = read;
  if (!wo || wo.filerId !== user.id) throw notFound('未找到该诉求');
  const key = keyOf();
  if (await repo.idempotentWorkOrder(user.id, key)) return answer(user, { ...read, wo }); // a retry: already written
  if (wo.state === 'closed') throw conflict('该诉求已办结关闭，不能再补充说明；如有新情况，请重新反映');
  const description = wo.description === wordedFor(wo) ? note : `${wo.description}${SUPPLEMENT_HEAD}${note}`;
  if (description.length > WO_DESCRIPTION_MAX) {
    const room = Math.max(0, WO_DESCRIPTION_MAX - wo.description.length - SUPPLEMENT_HEAD.length);
    const message = room ? `问题描述已较长，补充说明最多还能写 ${room} 个字` : '问题描述已达字数上限，不能再补充说明';
    throw badRequest(message, [{ field: 'note', message }]);
  }
  const event: repo.WoEvent = {
    at: now().toISOString(),
    actor: events[0]?.actor ?? wo.filerDisplay, // as the filing named the filer (网格员, 匿名居民, the masked name)
    role: 'filer',
    action: '补充说明',
    note: maskFreeText(note),
  };
  const told: Notice[] = wo.ownerId
    ? [{ userId: wo.ownerId, appNo: no, template: 'workorder_supplement', title: `工单 ${no} 反映人补充了说明`, body: maskFreeText(note).slice(0, 60) }]
    : [];
  let changed: repo.WorkOrderRecord;
  try {
    changed = await repo.supplementDescription(wo, description, { userId: user.id, key }, event, told);
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    if (await repo.idempotentWorkOrder(user.id, key)) return answer(user, await repo.getWorkOrder(no).then((r) => ({ ...r, wo: r.wo! })));
    throw conflict('诉求刚刚发生了变化，请刷新后再补充');
  }
  return answer(user, { ...read, wo: changed, events: [...events, event] });
}
