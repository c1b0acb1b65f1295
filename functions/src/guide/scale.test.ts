/**
 * At the catalogue size the design allows (1,000 items), a list or search is still one Query and
 * a detail one GetItem — never a Scan. Runs on its own table so it cannot disturb other tests.
 */
import { SERVICE_ITEMS, DEPARTMENTS, BUNDLES } from '@yx/shared/src/guide/catalogue';
import type { ServiceItem } from '@yx/shared';
import { ensureTable } from '../../../scripts/lib/dynamo';
import { call } from '../../test/http';
import { db } from '../lib/db';
import { batchPut, catalogRows, clearCatalogCache } from './repository';
import { summarize } from './service';
import { handler } from './handler';

const commands: string[] = [];

beforeAll(async () => {
  process.env.TABLE_NAME = 'yx-scale';
  await ensureTable(process.env.DYNAMODB_ENDPOINT!, 'yx-scale');
  const items: ServiceItem[] = Array.from({ length: 1000 }, (_, n) => {
    const base = SERVICE_ITEMS[n % SERVICE_ITEMS.length];
    return { ...base, id: `${base.id}-${n}`, name: `${base.name}${n}`, popularity: n };
  });
  const deptName = (id: string) => DEPARTMENTS.find((d) => d.id === id)!.name;
  await batchPut(catalogRows(items, DEPARTMENTS, BUNDLES, (i) => summarize(i, deptName(i.departmentId))));
  clearCatalogCache();
  db().middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName as string);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
}, 120_000); // 1,000 items written to DynamoDB Local: a busy machine (the whole suite beside it) takes longer than 30 s

beforeEach(() => {
  commands.length = 0;
  clearCatalogCache();
});

describe('catalogue at 1,000 items', () => {
  it('lists and searches with a single Query, no Scan', async () => {
    const r = await call(handler, 'GET /v1/services', { query: { q: '营业执照', audience: 'enterprise', limit: '50' } });
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(10);
    expect(commands).toEqual(['QueryCommand']);
    const all = await call(handler, 'GET /v1/services', { query: { limit: '10' } });
    expect(all.body.total).toBe(1000);
    expect(commands).toEqual(['QueryCommand']); // the second request was served from the warm cache
  });

  it('reads an item with one GetItem besides the catalogue', async () => {
    const r = await call(handler, 'GET /v1/services/{id}', { params: { id: `${SERVICE_ITEMS[0].id}-0` } });
    expect(r.status).toBe(200);
    expect(commands.sort()).toEqual(['GetItemCommand', 'QueryCommand']);
    expect(commands).not.toContain('ScanCommand');
  });
});
