import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Bundle, Department, ServiceItem, ServiceSummary } from '@yx/shared';
import { cancellationReasons, db, queryAll, queryPartition, table, transact } from '../lib/db';
import { BundleRow, CatalogShard, DepartmentRow, keys, ServiceItemRow, ServiceItemVersionRow, type ItemVersionRecord } from '../lib/entities/guide';

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
/**
 * How long a container keeps what it read. An admin's save clears the cache of the container that saved it (the admin
 * function's); every other container (the guide, applications, back office) shows the change within this minute, and
 * the guide's public answers may be kept by browsers for their max-age (60 s) on top.
 */
export const CACHE_MS = 60_000;
let cache: CatalogSnapshot | undefined;
/** Full items (the current version), kept in the container for a minute like the catalogue. */
const fullItems = new Map<string, { rec: ItemVersionRecord | undefined; at: number }>();
/** Saved versions never change: kept for the container's life (bounded). */
const versions = new Map<string, ItemVersionRecord>();

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

/** The current version of an item with its number (1 for an item not saved since the seed). */
export async function getCurrentItem(id: string): Promise<ItemVersionRecord | undefined> {
  const hit = fullItems.get(id);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rec;
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.serviceItem(id) }));
  const rec = r.Item ? ServiceItemRow.current(r.Item) : undefined;
  if (fullItems.size > 2000) fullItems.clear(); // bounded: the district has under 1,000 items
  fullItems.set(id, { rec, at: Date.now() });
  if (rec) keepVersion(id, rec); // the current item is also its version: an application filed under it reads no more
  return rec;
}

/** A version's content never changes: kept for the container's life (bounded). */
function keepVersion(id: string, rec: ItemVersionRecord) {
  if (versions.size > 5000) versions.clear();
  versions.set(`${id}#${rec.version}`, rec);
}

export async function getServiceItem(id: string): Promise<ServiceItem | undefined> {
  return (await getCurrentItem(id))?.item;
}

/**
 * One saved version of an item (1 GetItem, then kept). Version 1 of an item never saved since the seed has no row of
 * its own: it is the current row.
 */
export async function getItemVersion(id: string, version: number): Promise<ItemVersionRecord | undefined> {
  const cacheKey = `${id}#${version}`;
  const hit = versions.get(cacheKey);
  if (hit) return hit;
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.itemVersion(id, version) }));
  if (!r.Item) {
    const current = version === 1 ? await getCurrentItem(id) : undefined;
    return current?.version === 1 ? current : undefined;
  }
  const rec = ServiceItemVersionRow.fromItem(r.Item);
  keepVersion(id, rec);
  return rec;
}

/**
 * The item as an application was filed (its `itemVersion`); an application filed before versions existed has none and
 * gets the current one, as does a version that cannot be found.
 */
export async function getServiceItemAt(id: string, version: number | undefined): Promise<ServiceItem | undefined> {
  if (version !== undefined) {
    const rec = await getItemVersion(id, version);
    if (rec) return rec.item;
  }
  return getServiceItem(id);
}

/** An item's current row (consistent) and its saved versions, newest first (one Query of its partition's V# rows, at most `max`). */
export async function getItemHistory(id: string, max = 50): Promise<{ current?: ItemVersionRecord; versions: ItemVersionRecord[] }> {
  const [r, rows] = await Promise.all([
    db().send(new GetCommand({ TableName: table(), Key: keys.serviceItem(id), ConsistentRead: true })),
    queryAll(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': keys.itemPk(id), ':v': keys.itemVersionPrefix },
        ConsistentRead: true,
        ScanIndexForward: false,
      },
      max,
    ),
  ]);
  return { current: r.Item ? ServiceItemRow.current(r.Item) : undefined, versions: rows.map(ServiceItemVersionRow.fromItem) };
}

export async function getDepartmentName(id: string): Promise<string | undefined> {
  return (await loadCatalog()).departments.find((d) => d.id === id)?.name;
}

/** Builds every row of the catalogue (items, summary shards). Used by the seed loader and admin import. */
export function catalogRows(items: ServiceItem[], departments: Department[], bundles: Bundle[], summarize: (i: ServiceItem) => ServiceSummary) {
  const rows: Record<string, unknown>[] = items.map((i) => ServiceItemRow.toItem(i));
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

/**
 * Saves a version of an item (issue 16) in one transaction: the immutable version row (`attribute_not_exists`), the
 * first version of a seeded item when it is edited for the first time, the item's current row (conditional on the
 * version the admin edited: a new item must not exist, an edited one must still be at `expected`) and its summary in
 * the catalogue shard the guide and search read (conditional on the shard's `catalogRev` as read, so two saves of
 * different items never lose each other's summary). A shard changed by another save in between is read again; the
 * version moved by another admin is 'stale' (the caller's 409).
 */
export async function saveItemVersion(
  rec: ItemVersionRecord,
  o: { expected: number | 'new'; firstVersion?: ItemVersionRecord; summary: ServiceSummary },
): Promise<'saved' | 'stale' | 'busy'> {
  const id = rec.item.id;
  for (let attempt = 0; attempt < 5; attempt++) {
    const shards = (await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.catalogPk }, ConsistentRead: true })).map(
      (row) => ({ n: CatalogShard.numberOf(row), ...CatalogShard.fromItem(row) }),
    );
    const itemWrites: unknown[] = [
      { Put: { TableName: table(), Item: ServiceItemVersionRow.toItem(rec), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...(o.firstVersion
        ? [{ Put: { TableName: table(), Item: ServiceItemVersionRow.toItem(o.firstVersion), ConditionExpression: 'attribute_not_exists(pk)' } }]
        : []),
      {
        Put: {
          TableName: table(),
          Item: ServiceItemRow.toItem(rec.item, { version: rec.version, savedAt: rec.savedAt, savedBy: rec.savedBy, ...(rec.note ? { note: rec.note } : {}) }),
          ...(o.expected === 'new'
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: o.expected === 1 ? 'attribute_exists(pk) AND (attribute_not_exists(version) OR version = :v)' : 'version = :v',
                ExpressionAttributeValues: { ':v': o.expected },
              }),
        },
      },
    ];
    const revCondition = (rev: number | undefined) =>
      rev === undefined ? { condition: 'attribute_not_exists(catalogRev)', values: {} } : { condition: 'catalogRev = :rev', values: { ':rev': rev } };
    const home = shards.find((sh) => sh.items.some((i) => i.id === id));
    const last = shards.reduce<(typeof shards)[number] | undefined>((a, b) => (!a || b.n > a.n ? b : a), undefined);
    let shardWrite: unknown;
    if (home) {
      const at = home.items.findIndex((i) => i.id === id);
      const c = revCondition(home.catalogRev);
      shardWrite = {
        Update: {
          TableName: table(),
          Key: keys.catalogShard(home.n),
          UpdateExpression: `SET #items[${at}] = :s, catalogRev = :next`,
          ConditionExpression: c.condition,
          ExpressionAttributeNames: { '#items': 'items' },
          ExpressionAttributeValues: { ':s': o.summary, ':next': (home.catalogRev ?? 0) + 1, ...c.values },
        },
      };
    } else if (last && last.items.length < SHARD_SIZE) {
      const c = revCondition(last.catalogRev);
      shardWrite = {
        Update: {
          TableName: table(),
          Key: keys.catalogShard(last.n),
          UpdateExpression: 'SET #items = list_append(if_not_exists(#items, :none), :s), catalogRev = :next',
          ConditionExpression: c.condition,
          ExpressionAttributeNames: { '#items': 'items' },
          ExpressionAttributeValues: { ':s': [o.summary], ':none': [], ':next': (last.catalogRev ?? 0) + 1, ...c.values },
        },
      };
    } else {
      const n = last ? last.n + 1 : 0;
      shardWrite = {
        Put: { TableName: table(), Item: { ...CatalogShard.toItem(n, [o.summary]), catalogRev: 1 }, ConditionExpression: 'attribute_not_exists(pk)' },
      };
    }
    try {
      await transact([...itemWrites, shardWrite]);
      clearCatalogCache();
      return 'saved';
    } catch (e) {
      const reasons = cancellationReasons(e);
      if (!reasons) throw e;
      if (reasons.slice(0, itemWrites.length).some((r) => r === 'ConditionalCheckFailed')) return 'stale';
      // the shard moved under another save (or a conflict outlasted the retries): read it again
    }
  }
  return 'busy';
}
