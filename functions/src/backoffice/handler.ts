import { STREETS } from '@yx/shared';
import { badRequest, forbidden, notFound } from '../lib/errors';
import { route } from '../lib/http';
import { router } from '../lib/router';
import * as office from './service';
import { answerOpinion, listOpinions } from './opinions';
import { listRectifications, rectificationOverview, updateRectification } from './rectifications';
import { dashboard, departmentExists } from './dashboard';
import { departmentSupervisions, replySupervision, superviseApplication, supervisionList } from './supervision';
import { getUser, type UserRecord } from '../identity/repository';
import { annualFigures } from './annual';

/** A dispatcher oversees their own street; the admin, the whole district. */
function dispatcherStreet(user: UserRecord): string | undefined {
  if (user.role !== 'dispatcher') return undefined;
  if (!user.street) throw forbidden('您的账号未分配街道');
  return user.street;
}

export const handler = router([
  route('GET /v1/staff/applications', { user: getUser }, ({ user, query }) => office.queue(user, query)),
  route('GET /v1/staff/counts', { user: getUser }, ({ user }) => office.departmentCounts(user)),
  route('GET /v1/staff/applications/{appNo}', { user: getUser }, ({ user, params }) => office.staffView(user, params.appNo)),
  route('GET /v1/staff/tasks', { user: getUser }, ({ user }) => office.myTasks(user)),
  // 政府信息公开年度报告: a department's officer sees their own department, the admin every department
  route('GET /v1/staff/disclosure/annual', { user: getUser }, ({ user, query }) =>
    annualFigures(query.year, user.role === 'admin' ? undefined : office.officerDepartment(user)),
  ),
  route('GET /v1/staff/opinions', { user: getUser }, ({ user }) => listOpinions(office.officerDepartment(user))),
  route('POST /v1/staff/opinions/{appNo}', { user: getUser }, ({ user, params, body }) =>
    answerOpinion(office.officerDepartment(user), params.appNo, body.decision, body.reason, user.nickname),
  ),
  route('GET /v1/staff/rectifications', { user: getUser }, ({ user }) => listRectifications(office.officerDepartment(user))),
  route('POST /v1/staff/rectifications/{appNo}', { user: getUser }, ({ user, params, body }) =>
    updateRectification(office.officerDepartment(user), params.appNo, body),
  ),
  route('GET /v1/admin/rectifications', { user: getUser }, () => rectificationOverview()),
  route('GET /v1/staff/supervision', { user: getUser }, ({ user }) => departmentSupervisions(office.officerDepartment(user))),
  route('POST /v1/staff/supervision/{appNo}', { user: getUser }, ({ user, params, body }) =>
    replySupervision(office.officerDepartment(user), params.appNo, body.reply, body.round, user),
  ),
  route('GET /v1/supervision', { user: getUser }, ({ user }) => supervisionList(dispatcherStreet(user))),
  route('POST /v1/supervision/{appNo}', { user: getUser }, ({ user, params, body }) =>
    superviseApplication(
      params.appNo,
      body.note,
      { label: user.area ? `${user.area.split('/')[0]}（督办）` : '区政务服务数据管理局（督办）', userId: user.id },
      dispatcherStreet(user),
    ),
  ),
  // the admin's dashboard needs nothing of the admin's row: only staff and dispatchers read theirs (no extra GetItem)
  route('GET /v1/dashboard', { user: getUser }, async ({ user, query }) => {
    const caller = user.role === 'admin' ? undefined : user;
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
  // one route for every action: the body was checked by the action's own schema (the contract's actionBodies)
  route('POST /v1/staff/applications/{appNo}/{action}', { user: getUser }, ({ user, params, body }) => office.act(user, params.appNo, params.action, body)),
]);
