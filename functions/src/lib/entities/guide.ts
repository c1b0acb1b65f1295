import * as z from 'zod';
import { Bundle, Department, ServiceItem, ServiceSummary } from '@yx/shared';
import { parseRow, type Item } from './entity';

/**
 * The service catalogue (rows tagged with `type`).
 * | service item      | SVC#<itemId>      | ITEM      | the full item |
 * | bundle (一件事)   | BUNDLE#<bundleId> | BUNDLE    | |
 * | department        | DEPT#<deptId>     | DEPT      | |
 * | catalogue summary | CATALOG           | SHARD#<n> | 200 summaries a row; shard 000 also holds departments and bundles |
 */
export const keys = {
  serviceItem: (id: string) => ({ pk: `SVC#${id}`, sk: 'ITEM' }),
  bundle: (id: string) => ({ pk: `BUNDLE#${id}`, sk: 'BUNDLE' }),
  department: (id: string) => ({ pk: `DEPT#${id}`, sk: 'DEPT' }),
  catalogShard: (n: number) => ({ pk: 'CATALOG', sk: `SHARD#${String(n).padStart(3, '0')}` }),
  catalogPk: 'CATALOG',
};

export const ServiceItemRow = {
  Schema: z.object({ item: ServiceItem }),
  toItem: (item: ServiceItem): Item => ({ ...keys.serviceItem(item.id), type: 'ServiceItem', item }),
  fromItem: (row: Item): ServiceItem => parseRow(ServiceItemRow.Schema, row, 'type').item,
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
  Schema: z.object({ items: z.array(ServiceSummary).default([]), departments: z.array(Department).optional(), bundles: z.array(Bundle).optional() }),
  fromItem: (row: Item) => parseRow(CatalogShard.Schema, row, 'type'),
};
