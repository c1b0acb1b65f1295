import { STREETS, type DepartmentFields, type OrgView } from '@yx/shared';
import type { z } from 'zod';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { log } from '../lib/log';
import { loadCatalog, saveDepartment } from '../guide/repository';
import * as repo from './repository';

/**
 * 组织架构 (the admin's): departments (kept in the catalogue, which every page reads) and each street's grids (网格, the
 * communities grid officials are posted to). Staff are invited to these; teams follow from the postings (a department's
 * staff, a street's grid officials).
 */

export async function orgView(): Promise<OrgView> {
  const [catalog, grids] = await Promise.all([loadCatalog(), repo.listGrids()]);
  return { departments: catalog.departments, streets: STREETS.map((s) => ({ id: s.id, name: s.name, grids: grids.get(s.id) ?? [] })) };
}

type Fields = z.output<typeof DepartmentFields>;

/** 新增 or 修改部门. */
export async function saveDept(admin: { id: string }, id: string, fields: Fields, mode: 'create' | 'update') {
  let r: Awaited<ReturnType<typeof saveDepartment>>;
  try {
    r = await saveDepartment({ id, ...fields }, mode);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('部门名单刚刚被修改，请刷新后再试');
    throw e;
  }
  if (r === 'exists') throw conflict('已有这个部门编号，请换一个');
  if (r === 'missing') throw notFound('没有这个部门');
  log.info('department saved', { by: admin.id, id, mode });
  return orgView();
}

/** 网格名单 of one street. */
export async function saveStreetGrids(admin: { id: string }, street: string, grids: string[]) {
  if (!STREETS.some((s) => s.id === street)) throw notFound('没有这个街道');
  await repo.saveGrids(street, grids, now().toISOString());
  log.info('grids saved', { by: admin.id, street, count: grids.length });
  return orgView();
}

/** A grid posting must name a community on the street's list. */
export async function checkGrid(street: string, community: string): Promise<string | undefined> {
  const grids = await repo.getGrids(street);
  if (!grids.length) return '该街道还没有登记网格，请先在“组织架构”中添加';
  if (!grids.includes(community)) return '该街道没有这个社区（网格），请从名单中选择';
  return undefined;
}
