import { searchServices, THEMES, type ServiceItem, type ServiceListQuery, type ServiceSummary } from '@yx/shared';
import { env } from '../lib/env';
import { notFound } from '../lib/errors';
import { getServiceItem, loadCatalog } from './repository';

export function summarize(item: ServiceItem, departmentName: string): ServiceSummary {
  const { id, code, name, departmentId, audience, themes, summary, promisedDays, statutoryDays, visits, online, popularity, keywords } = item;
  return { id, code, name, departmentId, departmentName, audience, themes, summary, promisedDays, statutoryDays, visits, online, popularity, keywords };
}

/** 办事指南 list: filter by audience / department / theme, search by keyword, page by offset cursor. */
export async function listServices(q: ServiceListQuery) {
  const { items } = await loadCatalog();
  const filtered = items.filter(
    (i) => (!q.audience || i.audience.includes(q.audience)) && (!q.department || i.departmentId === q.department) && (!q.theme || i.themes.includes(q.theme)),
  );
  const ranked = searchServices(filtered, q.q);
  const start = q.cursor ? Number(q.cursor) : 0;
  const page = ranked.slice(start, start + q.limit);
  const next = start + q.limit < ranked.length ? String(start + q.limit) : null;
  return { items: page, total: ranked.length, nextCursor: next };
}

/** The public link a 一事一码 QR code opens. */
/**
 * 一事一码: where the guide's QR code leads, on the app's own web address (`APP_ORIGIN`): `/g/<item id>` opens the guide
 * (the web host redirects it to the H5 page; WeChat's 扫普通链接二维码打开小程序 rule opens the mini-program's page).
 */
export const qrTextFor = (item: ServiceItem) => `${env.appOrigin}/g/${item.id}?code=${item.code}`;

export async function getServiceDetail(id: string) {
  const [item, cat] = await Promise.all([getServiceItem(id), loadCatalog()]);
  if (!item) throw notFound('未找到该办事事项，可能已调整或下线');
  const dept = (deptId: string) => cat.departments.find((d) => d.id === deptId);
  const department = dept(item.departmentId);
  if (!department) throw notFound('未找到该事项的实施部门');
  return {
    item,
    department,
    opinionDepartments: item.opinionDepartmentIds.map(dept).filter((d) => d !== undefined),
    bundles: cat.bundles
      .filter((b) => b.itemIds.includes(id))
      .map(({ id: bid, name, audience, summary, slogan, promisedDays, itemIds }) => ({ id: bid, name, audience, summary, slogan, promisedDays, itemIds })),
    qrText: qrTextFor(item),
  };
}

export async function listBundles() {
  const { bundles } = await loadCatalog();
  return {
    items: bundles.map(({ id, name, audience, summary, slogan, promisedDays, itemIds }) => ({ id, name, audience, summary, slogan, promisedDays, itemIds })),
  };
}

export async function getBundleDetail(id: string) {
  const { bundles, items } = await loadCatalog();
  const bundle = bundles.find((b) => b.id === id);
  if (!bundle) throw notFound('未找到该“一件事”主题');
  return { bundle, items: bundle.itemIds.map((iid) => items.find((i) => i.id === iid)).filter((i) => i !== undefined) };
}

export async function listDepartments() {
  const { departments, items } = await loadCatalog();
  // only departments that implement something, in catalogue order
  return { items: departments.filter((d) => items.some((i) => i.departmentId === d.id)) };
}

export const listThemes = () => ({ items: THEMES.map((t) => ({ id: t.id, name: t.name, audience: t.audience })) });
