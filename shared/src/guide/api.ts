import * as z from 'zod';
import { PageLimit } from '../api/paging';
import { Audience, Bundle, Department, ServiceItem, ThemeId } from './schema';
import { lazy } from '../api/lazy';

export const ServiceListQuery = lazy(() =>
  z.strictObject({
    audience: Audience.optional(),
    department: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/, { message: '部门编号不正确' })
      .optional(),
    theme: ThemeId.optional(),
    q: z.string().trim().max(30).optional(), // keyword search over names and keywords
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^\d{1,5}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;

/** What a list row shows: enough to choose, small enough to send 50 at a time. */
export const ServiceSummary = lazy(() =>
  ServiceItem.pick({
    id: true,
    code: true,
    name: true,
    departmentId: true,
    audience: true,
    themes: true,
    summary: true,
    promisedDays: true,
    statutoryDays: true,
    visits: true,
    online: true,
    popularity: true,
  }).extend({ departmentName: z.string(), keywords: z.array(z.string()) }),
);
export type ServiceSummary = z.infer<typeof ServiceSummary>;

export const ServiceListResponse = lazy(() =>
  z.object({
    items: z.array(ServiceSummary),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  }),
);
export type ServiceListResponse = z.infer<typeof ServiceListResponse>;

export const IdParams = lazy(() => z.strictObject({ id: z.string().regex(/^[a-z0-9-]{2,60}$/, { message: '编号不正确' }) }));

export const BundleSummary = lazy(() => Bundle.pick({ id: true, name: true, audience: true, summary: true, slogan: true, promisedDays: true, itemIds: true }));
export type BundleSummary = z.infer<typeof BundleSummary>;

export const ServiceDetail = lazy(() =>
  z.object({
    item: ServiceItem,
    department: Department,
    opinionDepartments: z.array(Department),
    bundles: z.array(BundleSummary), // 一件事 bundles this item is part of
    qrText: z.string(), // what the 一事一码 QR encodes
  }),
);
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const BundleDetail = lazy(() => z.object({ bundle: Bundle, items: z.array(ServiceSummary) }));
export type BundleDetail = z.infer<typeof BundleDetail>;

export const BundleListResponse = lazy(() => z.object({ items: z.array(BundleSummary) }));
export const DepartmentListResponse = lazy(() => z.object({ items: z.array(Department) }));
export const ThemeListResponse = lazy(() =>
  z.object({
    items: z.array(z.object({ id: z.string(), name: z.string(), audience: Audience })),
  }),
);

// the admin's catalogue screens (issue 16)
export * from './admin';
