import { AppNoParams, QueueQuery, STREETS, StaffActionBodies, StaffActionParams } from '@yx/shared';
import * as z from 'zod';
import { badRequest } from '../lib/errors';
import { route } from '../lib/http';
import { describeIssues } from '@yx/shared';
import { router } from '../lib/router';
import * as office from './service';
import { answerOpinion, listOpinions } from './opinions';
import { listRectifications, updateRectification } from './rectifications';
import { dashboard, departmentExists, superviseApplication, supervisionList } from './dashboard';
import { forbidden, notFound } from '../lib/errors';
import { getUser } from '../identity/repository';

const OpinionBody = z.strictObject({
  decision: z.enum(['agree', 'disagree']),
  reason: z.string().trim().max(300).optional(),
}).refine((v) => v.decision === 'agree' || (v.reason ?? '').length >= 2, { message: '不同意时请说明理由', path: ['reason'] });
const RectificationBody = z.strictObject({
  callback: z.string().trim().min(2).max(300).optional(),
  close: z.string().trim().min(2).max(500).optional(),
}).refine((v) => v.callback || v.close, { message: '请填写回访情况或整改说明', path: ['callback'] });
const SuperviseBody = z.strictObject({ note: z.string().trim().min(2).max(300) });
const DashboardQuery = z.strictObject({
  scope: z.enum(['dept', 'street', 'district']).optional(),
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: '部门编号不正确' }).optional(),
});

const STAFF = ['staff'] as const;

export const handler = router({
  'GET /v1/staff/applications': route({ auth: [...STAFF], user: getUser, query: QueueQuery }, ({ user, query }) => office.queue(user, query)),
  'GET /v1/staff/counts': route({ auth: [...STAFF], user: getUser }, ({ user }) => office.departmentCounts(user)),
  'GET /v1/staff/applications/{appNo}': route({ auth: [...STAFF], user: getUser, params: AppNoParams }, ({ user, params }) => office.staffView(user, params.appNo)),
  'GET /v1/staff/opinions': route({ auth: [...STAFF], user: getUser }, ({ user }) => listOpinions(office.officerDepartment(user))),
  'POST /v1/staff/opinions/{appNo}': route({ auth: [...STAFF], user: getUser, params: AppNoParams, body: OpinionBody }, ({ user, params, body }) =>
    answerOpinion(office.officerDepartment(user), params.appNo, body.decision, body.reason)),
  'GET /v1/staff/rectifications': route({ auth: [...STAFF], user: getUser }, ({ user }) => listRectifications(office.officerDepartment(user))),
  'POST /v1/staff/rectifications/{appNo}': route({ auth: [...STAFF], user: getUser, params: AppNoParams, body: RectificationBody }, ({ user, params, body }) =>
    updateRectification(office.officerDepartment(user), params.appNo, body)),
  'GET /v1/supervision': route({ auth: ['dispatcher', 'admin'] }, () => supervisionList()),
  'POST /v1/supervision/{appNo}': route({ auth: ['dispatcher', 'admin'], user: getUser, params: AppNoParams, body: SuperviseBody }, ({ user, params, body }) =>
    superviseApplication(params.appNo, body.note, user.area ? `${user.area.split('/')[0]}（督办）` : '区政务服务数据管理局（督办）')),
  // the admin's dashboard needs nothing of the admin's row: only staff and dispatchers read theirs (no extra GetItem)
  'GET /v1/dashboard': route({ auth: ['staff', 'dispatcher', 'admin'], query: DashboardQuery }, async ({ session, query }) => {
    const caller = session.role === 'admin' ? undefined : await getUser(session.userId);
    if (session.role !== 'admin' && !(caller && ['staff', 'dispatcher'].includes(caller.role))) throw forbidden(); // a role taken away
    if (caller?.role === 'staff') {
      const own = office.officerDepartment(caller);
      if ((query.scope && query.scope !== 'dept') || (query.id && query.id !== own)) throw forbidden('窗口人员只能查看本部门的数据');
      return dashboard({ kind: 'dept', id: own });
    }
    if (caller?.role === 'dispatcher') {
      // a street's dispatcher sees the street (街道绩效) and the district
      const street = caller.street;
      if (query.scope === 'district') return dashboard({ kind: 'district' });
      if (!street) throw forbidden('您的账号未分配街道');
      if (query.id && query.id !== street && query.scope !== 'dept') throw forbidden('只能查看本街道的数据');
      if (query.scope !== 'dept') return dashboard({ kind: 'street', id: street });
    }
    if (query.scope === 'district' || !query.scope) return dashboard({ kind: 'district' });
    if (query.scope === 'street') {
      if (!query.id || !STREETS.some((s) => s.id === query.id)) throw notFound('未找到该街道');
      return dashboard({ kind: 'street', id: query.id });
    }
    if (!query.id) throw badRequest('请选择部门');
    await departmentExists(query.id);
    return dashboard({ kind: 'dept', id: query.id });
  }),
  // one route for every action: the body is checked by the action's own schema
  'POST /v1/staff/applications/{appNo}/{action}': route({ auth: [...STAFF], user: getUser, params: StaffActionParams, body: z.unknown() }, async ({ user, params, body }) => {
    const r = StaffActionBodies[params.action].safeParse(body);
    if (!r.success) {
      const details = describeIssues(r.error);
      throw badRequest(`提交内容有误：${details.map((d) => d.message).join('；')}`, details);
    }
    return office.act(user, params.appNo, params.action, r.data as { version: number });
  }),
});
