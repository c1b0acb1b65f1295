import type { CatalogueItemVersionRequest, CatalogueListQuery, NewCatalogueItem } from '@yx/shared';
import { call } from './client';

/** 事项目录 (admin, issue 16): service items as versioned data — list, one item with its history, new item, new version. */
export const catalogueAdminApi = {
  list: (q: Partial<Pick<CatalogueListQuery, 'q' | 'department'>> & { cursor?: string }) =>
    call('GET /v1/admin/catalogue/items', {
      query: { ...(q.q ? { q: q.q } : {}), ...(q.department ? { department: q.department } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) },
    }),
  item: (id: string) => call('GET /v1/admin/catalogue/items/{id}', { params: { id } }),
  version: (id: string, version: number) => call('GET /v1/admin/catalogue/items/{id}/versions/{version}', { params: { id, version: String(version) } }),
  create: (body: NewCatalogueItem) => call('POST /v1/admin/catalogue/items', { body }),
  /** the version edited: another admin's save in between is a 409 (nothing written) */
  saveVersion: (id: string, body: CatalogueItemVersionRequest) => call('POST /v1/admin/catalogue/items/{id}/versions', { params: { id }, body }),
  departments: () => call('GET /v1/departments'),
};
