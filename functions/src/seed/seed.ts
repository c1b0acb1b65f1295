import { BUNDLES, DEPARTMENTS, SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { markSeeded, seedVersion } from './repository';
import { batchPut, catalogRows, clearCatalogCache } from '../guide/repository';
import { summarize } from '../guide/service';
import { seedEnterpriseItem, seedGridItem, seedUserItems } from '../identity/repository';
import { hashIdNumber } from '../identity/service';
import { SEED_ENTERPRISES, SEED_GRIDS, SEED_USERS } from '../identity/seedUsers';
import { SEED_BENEFITS, SEED_POINTS } from '../member/seedMember';
import { BenefitItem, seedPointsItems } from '../lib/entities/member';
import { licenceItem } from '../wallet/repository';
import { SEED_LICENCES } from '../wallet/seedLicences';
import { env } from '../lib/env';

export const SEED_VERSION = 19;

/**
 * Loads the service catalogue, departments and bundles; on the local stage also the demo firms and people.
 * Runs once per data folder (a marker row records the version); `force` reloads.
 */
export async function seedAll(opts: { force?: boolean } = {}): Promise<{ loaded: boolean; rows: number; demo?: boolean }> {
  if (!opts.force) {
    if ((await seedVersion()) >= SEED_VERSION) return { loaded: false, rows: 0 };
  }
  const now = new Date().toISOString();
  const rows = seedRows(env.isLocal, now);
  await batchPut(rows);
  await markSeeded(SEED_VERSION, now);
  clearCatalogCache();
  return { loaded: true, rows: rows.length, demo: env.isLocal };
}

/**
 * The rows a seed writes: the catalogue always; the demo firms, people, grids, wallets, benefits and points only on the
 * local stage — a deployed stage never gets the demo people (issue 13).
 */
export function seedRows(local: boolean, now: string): Record<string, unknown>[] {
  const deptName = (id: string) => DEPARTMENTS.find((d) => d.id === id)?.name ?? id;
  const rows = catalogRows(SERVICE_ITEMS, DEPARTMENTS, BUNDLES, (i) => summarize(i, deptName(i.departmentId)));
  if (!local) return rows;
  for (const { legalRepIdNumber, ...e } of SEED_ENTERPRISES) rows.push(seedEnterpriseItem({ ...e, legalRepIdHash: hashIdNumber(legalRepIdNumber) }));
  for (const u of SEED_USERS) {
    const { description: _d, ...rest } = u;
    const idLevel = u.idNumber ? (u.idLevel ?? 2) : undefined; // seeded people with an ID have proven it, unless said
    rows.push(
      ...seedUserItems({ ...rest, ...(idLevel ? { idLevel } : {}), createdAt: now, updatedAt: now }, u.idNumber ? hashIdNumber(u.idNumber) : undefined),
    );
  }
  for (const [street, grids] of Object.entries(SEED_GRIDS)) rows.push(seedGridItem(street, grids, now));
  for (const { userId, ...l } of SEED_LICENCES) rows.push(licenceItem(userId, l));
  for (const b of SEED_BENEFITS) rows.push(BenefitItem.toItem(b, now));
  for (const p of SEED_POINTS) rows.push(...seedPointsItems(p.userId, p.entries));
  return rows;
}
