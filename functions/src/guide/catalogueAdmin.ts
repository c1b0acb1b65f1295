import {
  E_LICENCE_TYPES,
  formForItem,
  itemFieldsOf,
  searchServices,
  ServiceItem,
  THEMES,
  type CatalogueItemVersionRequest,
  type CatalogueListQuery,
  type ItemField,
  type Material,
  type NewCatalogueItem,
} from '@yx/shared';
import { randomBytes } from 'node:crypto';
import { badRequest, conflict, notFound } from '../lib/errors';
import type { ItemVersionRecord } from '../lib/entities/guide';
import { getItemHistory, getItemVersion, loadCatalog, saveItemVersion } from './repository';
import { summarize } from './service';

/**
 * The admin's catalogue screens (issue 16): service items as versioned data. A save writes a new immutable version and
 * moves the item's current row, conditional on the version the admin edited; the guide and search follow the current
 * version; an application keeps the version it was filed under (`itemVersion`).
 */

type ItemInput = Omit<NewCatalogueItem, 'id'>;
interface Saver {
  id: string;
  nickname: string;
}

/** 目录 list: filter by department, search by keyword, page by offset (the cached catalogue, cleared on this container's saves). */
export async function listCatalogue(q: CatalogueListQuery) {
  const { items } = await loadCatalog();
  const ranked = searchServices(
    items.filter((i) => !q.department || i.departmentId === q.department),
    q.q,
  );
  const start = q.cursor ? Number(q.cursor) : 0;
  const next = start + q.limit < ranked.length ? String(start + q.limit) : null;
  return { items: ranked.slice(start, start + q.limit), total: ranked.length, nextCursor: next };
}

/** The current version, its history (newest first) and the 一件事 bundles that include it. */
export async function catalogueItemView(id: string) {
  const [{ current, versions }, cat] = await Promise.all([getItemHistory(id), loadCatalog()]);
  if (!current) throw notFound('未找到该办事事项');
  // an item never saved since the seed has no version row: its first version is the current row
  const history = versions.length ? versions : [current];
  return {
    item: current.item,
    version: current.version,
    ...meta(current),
    fields: itemFieldsOf(current.item) as ItemField[],
    versions: history.map((v) => ({ version: v.version, name: v.item.name, ...meta(v), fieldCount: itemFieldsOf(v.item).length })),
    bundles: cat.bundles.filter((b) => b.itemIds.includes(id)).map((b) => ({ id: b.id, name: b.name })),
  };
}

const meta = (v: ItemVersionRecord) => ({
  ...(v.savedAt ? { savedAt: v.savedAt } : {}),
  ...(v.savedBy ? { savedBy: v.savedBy } : {}),
  ...(v.note ? { note: v.note } : {}),
});

/** One version as saved, with the application form it gives (what an application filed under it was asked). */
export async function versionView(id: string, version: number) {
  const [rec, history] = await Promise.all([getItemVersion(id, version), getItemHistory(id, 1)]);
  if (!rec) throw notFound(`未找到该事项的第 ${version} 版`);
  return { item: rec.item, version: rec.version, ...meta(rec), current: history.current?.version === rec.version, form: formForItem(rec.item) };
}

/** 新增事项: version 1. */
export async function createItem(body: NewCatalogueItem, by: Saver, at: string) {
  const id = body.id ?? newItemId(at);
  const item = await buildItem(id, body);
  const rec: ItemVersionRecord = { item, version: 1, savedAt: at, savedBy: by.nickname, note: '新增事项' };
  const saved = await saveItemVersion(rec, { expected: 'new', summary: await summaryOf(item) });
  if (saved === 'stale') throw conflict(`事项编号 ${id} 已存在，请换一个编号`);
  if (saved === 'busy') throw conflict('目录正在被其他管理员修改，请稍后再试');
  return catalogueItemView(id);
}

/** 保存为新版本: conditional on the version edited (another admin's save in between: 409, nothing written). */
export async function saveVersion(id: string, body: CatalogueItemVersionRequest, by: Saver, at: string) {
  const { current, versions } = await getItemHistory(id, 1);
  if (!current) throw notFound('未找到该办事事项');
  const { expectedVersion, note, ...input } = body;
  if (current.version !== expectedVersion) throw stale(current);
  const item = await buildItem(id, input, current.item);
  // numbers go on after the newest saved row (a seed run puts the item's code back as an unnumbered row: version 1)
  const newest = versions[0]?.version ?? 0;
  const rec: ItemVersionRecord = { item, version: Math.max(expectedVersion, newest) + 1, savedAt: at, savedBy: by.nickname, ...(note ? { note } : {}) };
  // the seeded first version gets its own row when it is edited for the first time, so applications filed under it keep it
  const firstVersion = newest === 0 ? { item: current.item, version: 1 } : undefined;
  const saved = await saveItemVersion(rec, { expected: expectedVersion, firstVersion, summary: await summaryOf(item) });
  if (saved === 'stale') {
    const { current: now } = await getItemHistory(id, 1);
    throw stale(now ?? current);
  }
  if (saved === 'busy') throw conflict('目录正在被其他管理员修改，请稍后再试');
  return catalogueItemView(id);
}

const stale = (current: ItemVersionRecord) =>
  conflict(`该事项已被${current.savedBy ? `“${current.savedBy}”` : '其他管理员'}保存为第 ${current.version} 版，请刷新后在最新版本上修改（您的修改未保存）`);

/** A short id for an item the admin did not name: `svc-` and the time in base 36, with a random tail. */
const newItemId = (at: string) => `svc-${Date.parse(at).toString(36)}-${randomBytes(2).toString('hex')}`;

/** 实施编码: 4401 (Guangzhou) and 10 letters or digits. */
const newCode = () => `4401${randomBytes(8).toString('hex').toUpperCase().slice(0, 10)}`;

async function summaryOf(item: ServiceItem) {
  const { departments } = await loadCatalog();
  return summarize(item, departments.find((d) => d.id === item.departmentId)?.name ?? item.departmentId);
}

type Channel = ServiceItem['channels'][number];
function channelsOf(online: boolean, was: Channel[] = ['hall']): Channel[] {
  if (online) return [...new Set<Channel>(['online', ...was])];
  const offline = was.filter((c) => c !== 'online');
  return offline.length ? offline : ['hall'];
}

function materialOf(m: ItemInput['materials'][number]): Material {
  const eLicence = m.eLicence ?? null;
  const instruction =
    m.instruction ??
    ((m.source ?? 'upload') === 'upload'
      ? eLicence
        ? `上传清晰的照片或扫描件，也可以用证照夹里的电子${E_LICENCE_TYPES[eLicence]}代替。`
        : '上传清晰的照片或扫描件（原件拍照即可）。'
      : (m.source ?? 'upload') === 'form'
        ? '在线填写申请表，提交时自动生成，无需上传。'
        : '由相关部门共享提供，无需上传。');
  return { name: m.name, required: m.required, form: m.form ?? 'copy', copies: 1, eLicence, source: m.source ?? 'upload', instruction };
}

/**
 * The item as saved: what the admin wrote over the version edited, or for a new item over plain defaults (a generic
 * flow, FAQ, hall and hours of the department); checked whole by the catalogue's own schema.
 */
async function buildItem(id: string, input: ItemInput, base?: ServiceItem): Promise<ServiceItem> {
  const { departments } = await loadCatalog();
  const dept = departments.find((d) => d.id === input.departmentId);
  if (!dept) throw badRequest('实施部门不存在，请重新选择');
  const online = input.online;
  const themes = input.themes ?? base?.themes ?? [THEMES.find((t) => t.audience === input.audience[0])?.id ?? THEMES[0].id];
  const defaults: Omit<ServiceItem, 'id' | 'name' | 'departmentId' | 'audience' | 'summary' | 'conditions' | 'materials'> = {
    code: newCode(),
    themes,
    keywords: [],
    legalBasis: ['以实施部门公布的设定依据为准'],
    statutoryDays: input.statutoryDays,
    promisedDays: input.promisedDays,
    fee: { charged: false, description: '不收费' },
    channels: online ? ['online', 'hall'] : ['hall'],
    visits: online ? 0 : 1,
    hall: dept.address.slice(0, 80) || '区政务服务中心',
    hours: '周一至周五 9:00—12:00，14:00—17:30（法定节假日除外）',
    steps: [
      { name: '申请', actor: '申请人', description: online ? '在“越秀掌上办”填写申请表、上传材料' : '到窗口提交申请材料' },
      { name: '受理', actor: '窗口', description: '审核材料，符合条件的予以受理' },
      { name: '审查', actor: '审批科室', description: '审查申请材料' },
      { name: '决定', actor: '审批科室', description: '作出决定' },
      { name: '送达', actor: '窗口', description: '送达办理结果' },
    ],
    result: input.result ?? `${input.name}办理结果`.slice(0, 60),
    delivery: input.delivery,
    faq: [{ q: '可以在网上办理吗？', a: online ? '可以，在“越秀掌上办”在线申请，进度可随时查询。' : '本事项需到窗口办理。' }],
    opinionDepartmentIds: [],
    popularity: 0,
    online,
    assurance: input.assurance,
    excludedKinds: input.excludedKinds ?? [],
    deferrable: input.deferrable,
  };
  const candidate = {
    ...defaults,
    ...(base ?? {}),
    id,
    name: input.name,
    departmentId: input.departmentId,
    audience: input.audience,
    summary: input.summary,
    conditions: input.conditions,
    materials: input.materials.map(materialOf),
    fields: input.fields ?? [],
    promisedDays: input.promisedDays,
    statutoryDays: input.statutoryDays,
    online,
    // a change of 全程网办 changes the channels and visits the guide shows
    channels: channelsOf(online, base?.channels),
    visits: online ? 0 : base?.visits === 2 ? 2 : 1,
    assurance: input.assurance,
    deferrable: input.deferrable,
    excludedKinds: input.excludedKinds ?? [],
    delivery: input.delivery,
    themes,
    ...(input.result ? { result: input.result } : {}),
  };
  const parsed = ServiceItem.safeParse(candidate);
  if (!parsed.success) throw badRequest(`事项信息有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}
