import * as z from 'zod';
import { Bundle, Department, ServiceItem, ServiceSummary } from '@yx/shared';
import { parseRow, type Item } from './entity';

/**
 * The service catalogue (rows tagged with `type`).
 * | service item      | SVC#<itemId>      | ITEM      | the full item |
 * | bundle (一件事)   | BUNDLE#<bundleId> | BUNDLE    | |
 * | department        | DEPT#<deptId>     | DEPT      | |
 * | catalogue summary | CATALOG           | SHARD#<n> | 200 summaries a row; shard 000 also holds departments and bundles |
 * | item version      | SVC#<itemId>      | V#<nnnnnn> | one immutable row per saved version (issue 16) |
 *
 * Versions (issue 16): the ITEM row is the current version (its `version`, absent on an item never edited since the
 * seed: version 1); every save writes an immutable V# row and moves ITEM, conditional on the version edited. An
 * application keeps the version it was filed under (`itemVersion`) and reads that V# row later.
 */
export const keys = {
  serviceItem: (id: string) => ({ pk: `SVC#${id}`, sk: 'ITEM' }),
  bundle: (id: string) => ({ pk: `BUNDLE#${id}`, sk: 'BUNDLE' }),
  department: (id: string) => ({ pk: `DEPT#${id}`, sk: 'DEPT' }),
  catalogShard: (n: number) => ({ pk: 'CATALOG', sk: `SHARD#${String(n).padStart(3, '0')}` }),
  catalogPk: 'CATALOG',
  itemVersion: (id: string, version: number) => ({ pk: `SVC#${id}`, sk: `V#${String(version).padStart(6, '0')}` }),
  itemPk: (id: string) => `SVC#${id}`,
  itemVersionPrefix: 'V#',
};

/** Who saved a version and when (absent on the seeded first version). */
const SavedMeta = {
  version: z.number().int().min(1).optional(),
  savedAt: z.string().optional(),
  savedBy: z.string().optional(),
  note: z.string().optional(),
};

export interface ItemVersionRecord {
  item: ServiceItem;
  version: number;
  savedAt?: string;
  savedBy?: string;
  note?: string;
}

export const ServiceItemRow = {
  Schema: z.object({ item: ServiceItem, ...SavedMeta }),
  toItem: (item: ServiceItem, meta?: Omit<ItemVersionRecord, 'item'>): Item => ({ ...keys.serviceItem(item.id), type: 'ServiceItem', item, ...(meta ?? {}) }),
  fromItem: (row: Item): ServiceItem => parseRow(ServiceItemRow.Schema, row, 'type').item,
  /** the current version with its number (1 for an item never saved since the seed) */
  current: (row: Item): ItemVersionRecord => {
    const { item, version, ...meta } = parseRow(ServiceItemRow.Schema, row, 'type');
    return { item, version: version ?? 1, ...meta };
  },
};

/** One saved version, never changed after it is written. */
export const ServiceItemVersionRow = {
  Schema: z.object({ item: ServiceItem, ...SavedMeta, version: z.number().int().min(1) }),
  toItem: (r: ItemVersionRecord): Item => ({ ...keys.itemVersion(r.item.id, r.version), type: 'ServiceItemVersion', ...r }),
  fromItem: (row: Item): ItemVersionRecord => parseRow(ServiceItemVersionRow.Schema, row, 'type'),
};
export const DepartmentRow = { toItem: (d: Department): Item => ({ ...keys.department(d.id), type: 'Department', department: d }) };
export const BundleRow = { toItem: (b: Bundle): Item => ({ ...keys.bundle(b.id), type: 'Bundle', bundle: b }) };

export const CatalogShard = {
  toItem: (n: number, items: ServiceSummary[], extra?: { departments: Department[]; bundles: Bundle[] }): Item => ({
    ...keys.catalogShard(n),
    type: 'CatalogShard',
    items,
    ...(extra ?? {}),
  }),
  Schema: z.object({
    items: z.array(ServiceSummary).default([]),
    departments: z.array(Department).optional(),
    bundles: z.array(Bundle).optional(),
    /** moves with every admin save of the shard's summaries (issue 16): a save is conditional on the one read */
    catalogRev: z.number().int().optional(),
  }),
  fromItem: (row: Item) => parseRow(CatalogShard.Schema, row, 'type'),
  /** the shard's number from its sort key */
  numberOf: (row: Item): number => Number(String(row.sk).replace('SHARD#', '')),
};
