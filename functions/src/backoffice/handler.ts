import { AppNoParams, QueueQuery, StaffActionBodies, StaffActionParams } from '@yx/shared';
import * as z from 'zod';
import { badRequest } from '../lib/errors';
import { route } from '../lib/http';
import { describeIssues } from '@yx/shared';
import { router } from '../lib/router';
import * as office from './service';

const STAFF = ['staff'] as const;

export const handler = router({
  'GET /v1/staff/applications': route({ auth: [...STAFF], query: QueueQuery }, ({ session, query }) => office.queue(session!.userId, query)),
  'GET /v1/staff/counts': route({ auth: [...STAFF] }, ({ session }) => office.departmentCounts(session!.userId)),
  'GET /v1/staff/applications/{appNo}': route({ auth: [...STAFF], params: AppNoParams }, ({ session, params }) => office.staffView(session!.userId, params.appNo)),
  // one route for every action: the body is checked by the action's own schema
  'POST /v1/staff/applications/{appNo}/{action}': route({ auth: [...STAFF], params: StaffActionParams, body: z.unknown() }, async ({ session, params, body }) => {
    const r = StaffActionBodies[params.action].safeParse(body);
    if (!r.success) {
      const details = describeIssues(r.error);
      throw badRequest(`提交内容有误：${details.map((d) => d.message).join('；')}`, details);
    }
    return office.act(session!.userId, params.appNo, params.action, r.data as { version: number });
  }),
});
