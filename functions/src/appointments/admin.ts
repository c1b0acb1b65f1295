import { businessDate, hoursText, type PointAdminView, type PointInput, type PointSpec, type PointStats } from '@yx/shared';
import { loadCatalog } from '../guide/repository';
import { nowIso } from '../lib/clock';
import { badRequest, conflict, notFound } from '../lib/errors';
import type { StoredPoint } from '../lib/entities/appointments';
import * as repo from './repository';

/**
 * The admin's service points (issue 18): saved whole, by version (two admins at once: the second is told to reload);
 * items and departments checked against the catalogue; a change applies to slots not yet booked (a booking keeps its
 * place). And each day's figures: bookings, 爽约率, numbers taken and served, the average wait and service.
 */

const adminView = (p: StoredPoint): PointAdminView => {
  const { version, ...spec } = p;
  // a stored slot length is one the schema allows (the seed and every save use them)
  return { ...spec, slotMinutes: spec.slotMinutes as PointAdminView['slotMinutes'], version, hoursText: hoursText(p.hours) };
};

export async function listForAdmin(): Promise<{ items: PointAdminView[] }> {
  const points = await repo.listPoints();
  return { items: [...points].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'hall' ? -1 : 1)).map(adminView) };
}

export async function savePoint(pointId: string, body: PointInput): Promise<PointAdminView> {
  const { expectedVersion, ...fields } = body;
  const catalog = await loadCatalog();
  const items = new Set(catalog.items.map((i) => i.id));
  const departments = new Set(catalog.departments.map((d) => d.id));
  const details = [
    ...fields.areas.flatMap((a, i) =>
      a.itemIds.filter((id) => !items.has(id)).map((id) => ({ field: `body.areas.${i}.itemIds`, message: `办事事项 ${id} 不在事项目录中` })),
    ),
    ...fields.windows.flatMap((w, i) =>
      w.departmentId === 'street' || departments.has(w.departmentId)
        ? []
        : [{ field: `body.windows.${i}.departmentId`, message: `值守部门 ${w.departmentId} 不存在` }],
    ),
  ];
  if (fields.kind === 'hall' && fields.windows.some((w) => w.departmentId === 'street'))
    details.push({ field: 'body.windows', message: '政务服务中心的窗口须由部门值守' });
  if (details.length) throw badRequest(`办事地点设置有误：${details[0]!.message}`, details);
  const before = await repo.getPointNow(pointId);
  if (!before && expectedVersion !== 0) throw notFound('未找到该办事地点');
  if (before && expectedVersion === 0) throw conflict('该办事地点已存在，请刷新后修改');
  const spec: PointSpec = { id: pointId, ...fields };
  if (!(await repo.savePoint(spec, expectedVersion))) throw conflict('该办事地点刚被其他管理员修改，请载入最新版本后再改');
  return adminView({ ...spec, version: expectedVersion + 1 });
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function pointStats(pointId: string, days = 14): Promise<PointStats> {
  const p = await repo.getPoint(pointId);
  if (!p) throw notFound('未找到该办事地点');
  const today = businessDate(new Date(nowIso()));
  const dates = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const figures = await repo.dayFigures(pointId, dates);
  return {
    pointId,
    pointName: p.name,
    days: dates.map((date, i) => {
      const f = figures[i]!;
      const kept = f.booked - f.cancelled;
      return {
        date,
        booked: f.booked,
        cancelled: f.cancelled,
        noShows: f.noShows,
        ...(kept > 0 ? { noShowRate: round1((f.noShows / kept) * 100) } : {}),
        taken: f.taken,
        served: f.served,
        absent: f.absent,
        ...(f.called ? { avgWaitMinutes: round1(f.waitSeconds / f.called / 60) } : {}),
        ...(f.served ? { avgServiceMinutes: round1(f.serviceSeconds / f.served / 60) } : {}),
      };
    }),
  };
}
