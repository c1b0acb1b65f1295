import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { BUNDLES, DEPARTMENTS, SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { db, table } from '../lib/db';
import { batchPut, catalogRows, clearCatalogCache } from '../guide/repository';
import { summarize } from '../guide/service';
import { seedEnterpriseItem, seedUserItems } from '../identity/repository';
import { hashIdNumber } from '../identity/service';
import { SEED_ENTERPRISES, SEED_USERS } from '../identity/seedUsers';
import { SEED_BENEFITS, SEED_POINTS } from '../member/seedMember';
import { seedBenefitItem, seedPointsItems } from '../member/repository';
import { licenceItem } from '../wallet/repository';
import { SEED_LICENCES } from '../wallet/seedLicences';

export const SEED_VERSION = 11;
const MARKER = { pk: 'SEED', sk: 'VERSION' };

/**
 * Loads the demo data: the service catalogue, departments, bundles, seeded firms and people.
 * Runs once per data folder (a marker row records the version); `force` reloads.
 */
export async function seedAll(opts: { force?: boolean } = {}): Promise<{ loaded: boolean; rows: number }> {
  if (!opts.force) {
    const r = await db().send(new GetCommand({ TableName: table(), Key: MARKER }));
    if (r.Item && r.Item.version >= SEED_VERSION) return { loaded: false, rows: 0 };
  }
  const deptName = (id: string) => DEPARTMENTS.find((d) => d.id === id)?.name ?? id;
  const rows = catalogRows(SERVICE_ITEMS, DEPARTMENTS, BUNDLES, (i) => summarize(i, deptName(i.departmentId)));
  const now = new Date().toISOString();
  for (const e of SEED_ENTERPRISES) rows.push(seedEnterpriseItem(e));
  for (const u of SEED_USERS) {
    const { description: _d, ...rest } = u;
    rows.push(...seedUserItems({ ...rest, createdAt: now, updatedAt: now }, u.idNumber ? hashIdNumber(u.idNumber) : undefined));
  }
  for (const { userId, ...l } of SEED_LICENCES) rows.push(licenceItem(userId, l));
  for (const b of SEED_BENEFITS) rows.push(seedBenefitItem(b, now));
  for (const p of SEED_POINTS) rows.push(...seedPointsItems(p.userId, p.entries));
  await batchPut(rows);
  await db().send(new PutCommand({ TableName: table(), Item: { ...MARKER, version: SEED_VERSION, at: now } }));
  clearCatalogCache();
  return { loaded: true, rows: rows.length };
}
