import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Bundle, Department, ServiceItem, ServiceSummary } from '@yx/shared';
import { db, queryPartition, table, transact } from '../lib/db';
import { BundleRow, CatalogShard, DepartmentRow, keys, ServiceItemRow } from '../lib/entities/guide';

/**
 * The catalogue is read far more than written and is small (787 items in the district, 1,000 at
 * most): its summary lives in a few shard rows of one partition (CATALOG / SHARD#nnn, 200 items
 * each), read with one Query and cached in the container for a minute. Full items are separate
 * rows read by key. So a list or search costs one Query at most, never a Scan.
 */
export interface CatalogSnapshot {
  items: ServiceSummary[];
  departments: Department[];
  bundles: Bundle[];
  loadedAt: number;
}

export const SHARD_SIZE = 200;
const CACHE_MS = 60_000;
let cache: CatalogSnapshot | undefined;
/** Full items, kept in the container for a minute like the catalogue (an admin import shows within a minute). */
const fullItems = new Map<string, { item: ServiceItem | undefined; at: number }>();

export function clearCatalogCache(): void {
  cache = undefined;
  fullItems.clear();
}

export async function loadCatalog(): Promise<CatalogSnapshot> {
  if (cache && Date.now() - cache.loadedAt < CACHE_MS) return cache;
  const snap: CatalogSnapshot = { items: [], departments: [], bundles: [], loadedAt: Date.now() };
  for (const row of (await queryPartition(keys.catalogPk)).map(CatalogShard.fromItem)) {
    snap.items.push(...row.items);
    if (row.departments) snap.departments = row.departments;
    if (row.bundles) snap.bundles = row.bundles;
  }
  cache = snap;
  return snap;
}

export async function getServiceItem(id: string): Promise<ServiceItem | undefined> {
  const hit = fullItems.get(id);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.item;
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.serviceItem(id) }));
  const item = r.Item ? ServiceItemRow.fromItem(r.Item) : undefined;
  if (fullItems.size > 2000) fullItems.clear(); // bounded: the district has under 1,000 items
  fullItems.set(id, { item, at: Date.now() });
  return item;
}

export async function getDepartmentName(id: string): Promise<string | undefined> {
  return (await loadCatalog()).departments.find((d) => d.id === id)?.name;
}

/** Builds every row of the catalogue (items, summary shards). Used by the seed loader and admin import. */
export function catalogRows(items: ServiceItem[], departments: Department[], bundles: Bundle[], summarize: (i: ServiceItem) => ServiceSummary) {
  const rows: Record<string, unknown>[] = items.map(ServiceItemRow.toItem);
  for (const d of departments) rows.push(DepartmentRow.toItem(d));
  for (const b of bundles) rows.push(BundleRow.toItem(b));
  const summaries = items.map(summarize);
  const shardCount = Math.max(1, Math.ceil(summaries.length / SHARD_SIZE));
  for (let n = 0; n < shardCount; n++) {
    rows.push(CatalogShard.toItem(n, summaries.slice(n * SHARD_SIZE, (n + 1) * SHARD_SIZE), n === 0 ? { departments, bundles } : undefined));
  }
  return rows;
}

export async function batchPut(rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 25) {
    let pending = rows.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length && attempt < 8; attempt++) {
      const r = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending } }));
      pending = (r.UnprocessedItems?.[table()] ?? []) as typeof pending;
      if (pending.length) await new Promise((res) => setTimeout(res, 50 * 2 ** attempt));
    }
  }
}

/**
 * Adds or changes a department (组织架构): its row and the list in catalogue shard 000, written only if the list is
 * still the one read (`orgVersion`), so two admins editing at once do not lose each other's change.
 */
export async function saveDepartment(d: Department, mode: 'create' | 'update'): Promise<Department[] | 'exists' | 'missing'> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.catalogShard(0), ConsistentRead: true }));
  if (!r.Item) return 'missing';
  const version = Number(r.Item.orgVersion ?? 0);
  const list = CatalogShard.fromItem(r.Item).departments ?? [];
  const known = list.some((x) => x.id === d.id);
  if (mode === 'create' && known) return 'exists';
  if (mode === 'update' && !known) return 'missing';
  const next = known ? list.map((x) => (x.id === d.id ? d : x)) : [...list, d];
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.catalogShard(0),
        UpdateExpression: 'SET departments = :d, orgVersion = :next',
        ConditionExpression: 'attribute_not_exists(orgVersion) OR orgVersion = :v',
        ExpressionAttributeValues: { ':d': next, ':next': version + 1, ':v': version },
      },
    },
    { Put: { TableName: table(), Item: DepartmentRow.toItem(d) } },
  ]);
  clearCatalogCache();
  return next;
}
