import { IdParams, ServiceListQuery } from '@yx/shared';
import { route } from '../lib/http';
import { router } from '../lib/router';
import * as guide from './service';

const CACHE = 60;

export const listServices = route({ auth: 'public', query: ServiceListQuery, cacheSeconds: CACHE }, ({ query }) => guide.listServices(query));
export const getService = route({ auth: 'public', params: IdParams, cacheSeconds: CACHE }, ({ params }) => guide.getServiceDetail(params.id));
export const listBundles = route({ auth: 'public', cacheSeconds: CACHE }, () => guide.listBundles());
export const getBundle = route({ auth: 'public', params: IdParams, cacheSeconds: CACHE }, ({ params }) => guide.getBundleDetail(params.id));
export const listDepartments = route({ auth: 'public', cacheSeconds: CACHE }, () => guide.listDepartments());
export const listThemes = route({ auth: 'public', cacheSeconds: CACHE }, async () => guide.listThemes());

export const handler = router({
  'GET /v1/services': listServices,
  'GET /v1/services/{id}': getService,
  'GET /v1/bundles': listBundles,
  'GET /v1/bundles/{id}': getBundle,
  'GET /v1/departments': listDepartments,
  'GET /v1/themes': listThemes,
});
