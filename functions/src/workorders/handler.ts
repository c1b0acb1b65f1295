import * as z from 'zod';
import { describeIssues, FileWorkOrderRequest, StreetOrdersQuery, StreetQuery, NearbyQuery, WoActionBodies, WoActionParams, WoNoParams, WoRateRequest } from '@yx/shared';
import { badRequest } from '../lib/errors';
import { reply, route, type HttpEvent } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import * as wo from './service';
import { streetOf, streetOrders, streetOverdue } from './dispatch';
import { decideExtension, markDuplicate, requestExtension } from './extras';

const ExtensionBody = z.strictObject({ days: z.number().int().min(1).max(10), reason: z.string().trim().min(5).max(300) });
const DecisionBody = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(300).optional() });
const NoteBody = z.strictObject({
  note: z.string().trim().min(2, { message: '请填写处理进展' }).max(300, { message: '处理进展不能超过 300 字' }),
  photoIds: z.array(z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '照片编号不正确' })).max(9, { message: '最多 9 张照片' }).default([]),
});
const DuplicateBody = z.strictObject({ originalNo: z.string().trim().toUpperCase().regex(/^SQ\d{14}$/, { message: '应为 SQ 开头的 16 位工单编号' }) });

const FILERS = ['resident', 'enterprise', 'grid'] as const;
const MineQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(20), cursor: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, { message: '翻页位置不正确' }).optional() });
const HANDLERS = ['staff', 'grid', 'dispatcher', 'admin'] as const;


export const handler = router({
  'POST /v1/workorders': route({ auth: [...FILERS], user: getUser, body: FileWorkOrderRequest }, async ({ user, body, event }) => {
    const r = await wo.fileWorkOrder(user, idempotencyKey(event), body);
    return reply(r.status, r.view);
  }),
  'GET /v1/workorders/mine': route({ auth: [...FILERS], query: MineQuery }, ({ session, query }) => wo.mine(session.userId, query.limit, query.cursor)),
  'GET /v1/workorders/nearby': route({ auth: [...FILERS], query: NearbyQuery }, ({ query }) => wo.nearby(query.categoryId, query.lat, query.lng)),
  'POST /v1/workorders/{no}/me-too': route({ auth: ['resident', 'enterprise'], params: WoNoParams }, ({ session, params }) => wo.meToo(session.userId, params.no)),
  'GET /v1/workorders/{no}': route({ auth: ['resident', 'enterprise', 'grid', 'staff', 'dispatcher', 'admin'], user: getUser, params: WoNoParams }, async ({ user, params }) => {
    // the filer (or a follower) sees their own view; handlers the staff view
    if (['resident', 'enterprise'].includes(user.role)) return wo.filerView(user.id, params.no);
    try { return await wo.staffView(user, params.no); } catch (e) { if (user.role === 'grid') return wo.filerView(user.id, params.no); throw e; }
  }),
  'POST /v1/workorders/{no}/rating': route({ auth: [...FILERS], params: WoNoParams, body: WoRateRequest }, ({ session, params, body }) => wo.rate(session.userId, params.no, body.value, body.comment)),
  'POST /v1/workorders/{no}/extension': route({ auth: ['staff', 'grid'], user: getUser, params: WoNoParams, body: ExtensionBody }, ({ user, params, body }) => requestExtension(user, params.no, body.days, body.reason)),
  'POST /v1/workorders/{no}/extension-decision': route({ auth: ['dispatcher', 'admin'], user: getUser, params: WoNoParams, body: DecisionBody }, ({ user, params, body }) => decideExtension(user, params.no, body.approve, body.note)),
  'POST /v1/workorders/{no}/duplicate': route({ auth: ['dispatcher', 'admin'], user: getUser, params: WoNoParams, body: DuplicateBody }, ({ user, params, body }) => markDuplicate(user, params.no, body.originalNo)),
  'GET /v1/street/workorders': route({ auth: ['dispatcher', 'admin'], user: getUser, query: StreetOrdersQuery }, ({ user, query }) =>
    streetOrders(streetOf(user, query.street), query.group, query.limit, query.cursor)),
  'GET /v1/street/workorders/overdue': route({ auth: ['dispatcher', 'admin'], user: getUser, query: StreetQuery }, ({ user, query }) => streetOverdue(streetOf(user, query.street))),
  'POST /v1/workorders/{no}/notes': route({ auth: ['staff', 'grid'], user: getUser, params: WoNoParams, body: NoteBody }, ({ user, params, body, event }) => wo.addNote(user, params.no, body.note, body.photoIds, () => idempotencyKey(event))),
  'GET /v1/workorders/{no}/photos': route({ auth: ['resident', 'enterprise', 'grid', 'staff', 'dispatcher', 'admin'], user: getUser, params: WoNoParams }, ({ user, params }) => wo.photos(user, params.no)),
  'GET /v1/team/workorders': route({ auth: ['staff', 'grid'], user: getUser }, ({ user }) => wo.teamList(user)),
  'POST /v1/workorders/{no}/{action}': route({ auth: [...HANDLERS], user: getUser, params: WoActionParams, body: z.unknown() }, async ({ user, params, body }) => {
    const r = WoActionBodies[params.action].safeParse(body ?? {});
    if (!r.success) {
      const details = describeIssues(r.error);
      throw badRequest(`提交内容有误：${details.map((d) => d.message).join('；')}`, details);
    }
    return wo.act(user, params.no, params.action, r.data as Record<string, unknown>);
  }),
});
