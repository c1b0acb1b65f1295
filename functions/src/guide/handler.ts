import { route } from '../lib/http';
import { router } from '../lib/router';
import * as guide from './service';

const CACHE = { cacheSeconds: 60 };

export const handler = router([
  route('GET /v1/services', CACHE, ({ query }) => guide.listServices(query)),
  route('GET /v1/services/{id}', CACHE, ({ params }) => guide.getServiceDetail(params.id)),
  route('GET /v1/bundles', CACHE, () => guide.listBundles()),
  route('GET /v1/bundles/{id}', CACHE, ({ params }) => guide.getBundleDetail(params.id)),
  route('GET /v1/departments', CACHE, () => guide.listDepartments()),
  route('GET /v1/themes', CACHE, async () => guide.listThemes()),
]);
