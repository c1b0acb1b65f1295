import { NewPolicy, SEED_SERVICE_POINTS } from '@yx/shared';
import { BUNDLES, DEPARTMENTS, SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { markSeeded, seedVersion } from './repository';
import { batchPut, catalogRows, clearCatalogCache } from '../guide/repository';
import { summarize } from '../guide/service';
import { seedEnterpriseItem, seedFirmAgentItems, seedGridItem, seedUserItems } from '../identity/repository';
import { hashIdNumber } from '../identity/service';
import { SEED_ENTERPRISES, SEED_FIRM_AGENTS, SEED_GRIDS, SEED_USERS } from '../identity/seedUsers';
import { SEED_BENEFITS, SEED_POINTS } from '../member/seedMember';
import { BenefitItem, seedPointsItems } from '../lib/entities/member';
import { licenceItem } from '../wallet/repository';
import { SEED_LICENCES } from '../wallet/seedLicences';
import { env } from '../lib/env';
import { SEED_POLICIES } from '../policies/seedPolicies';
import { clearPolicyCache, indexMetaItem, seedPolicyItems, type PolicyRecord } from '../policies/repository';
import { autoItemsOf, startRun } from '../policies/batch';
import { ServicePoint } from '../lib/entities/appointments';
import { clearPointsCache } from '../appointments/repository';
import { deliberationSeedRows } from '../deliberation/seed';
import { seedPublications } from '../publications/seedPublications';
import { seedRows as publicationRows } from '../publications/repository';
import { queueIndex } from '../publications/worker';
import { creditSeedRows } from '../credit/seedCredit';

export const SEED_VERSION = 25;

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
  clearPolicyCache();
  clearPointsCache();
  // 免申即享: the seeded items' 数据比对 (the queue's workers, or locally the next `npm run jobs`, write the offers)
  const policies = seedPolicies(now);
  await startRun(policies.flatMap(autoItemsOf));
  // 政务公开: the seeded items' search index (the publications worker, or locally the next `npm run jobs`, writes it)
  for (const p of seedPublications(now)) await queueIndex(p.id);
  return { loaded: true, rows: rows.length, demo: env.isLocal };
}

/**
 * The rows a seed writes: the catalogue always; the demo firms, people, grids, wallets, benefits and points only on the
 * local stage — a deployed stage never gets the demo people (issue 13).
 */
export function seedRows(local: boolean, now: string): Record<string, unknown>[] {
  const deptName = (id: string) => DEPARTMENTS.find((d) => d.id === id)?.name ?? id;
  const rows = catalogRows(SERVICE_ITEMS, DEPARTMENTS, BUNDLES, (i) => summarize(i, deptName(i.departmentId)));
  // the district's policies (public documents: every stage); the index version moves so containers reload the market
  for (const p of seedPolicies(now)) rows.push(...seedPolicyItems(p));
  rows.push(indexMetaItem(Date.parse(now)));
  // the service points (预约 / 取号, issue 18): the district hall and the street centres, on every stage
  for (const p of SEED_SERVICE_POINTS) rows.push(ServicePoint.toItem(p));
  // 政务公开 (issue 19): the departments' published notices, policies and interpretations, on every stage
  for (const p of seedPublications(now)) rows.push(...publicationRows(p));
  if (!local) return rows;
  for (const { legalRepIdNumber, ...e } of SEED_ENTERPRISES) {
    const legalUserId = SEED_USERS.find((u) => u.enterpriseCode === e.creditCode && u.firmRole === 'legal')?.id;
    rows.push(seedEnterpriseItem({ ...e, legalRepIdHash: hashIdNumber(legalRepIdNumber), ...(legalUserId ? { legalUserId } : {}) }));
  }
  for (const u of SEED_USERS) {
    const { description: _d, ...rest } = u;
    const idLevel = u.idNumber ? (u.idLevel ?? 2) : undefined; // seeded people with an ID have proven it, unless said
    rows.push(
      ...seedUserItems({ ...rest, ...(idLevel ? { idLevel } : {}), createdAt: now, updatedAt: now }, u.idNumber ? hashIdNumber(u.idNumber) : undefined),
    );
  }
  for (const a of SEED_FIRM_AGENTS) rows.push(...seedFirmAgentItems({ ...a, itemIds: [...a.itemIds] }));
  for (const [street, grids] of Object.entries(SEED_GRIDS)) rows.push(seedGridItem(street, grids, now));
  for (const { userId, ...l } of SEED_LICENCES) rows.push(licenceItem(userId, l));
  for (const b of SEED_BENEFITS) rows.push(BenefitItem.toItem(b, now));
  for (const p of SEED_POINTS) rows.push(...seedPointsItems(p.userId, p.entries));
  // 居民议事 (issue 19): residents of two communities, their topics, a vote counted and one running
  rows.push(...deliberationSeedRows(now));
  // 信用 (issue 20): the demo firms' 双公示 records, their grades' summaries, the name index
  rows.push(...creditSeedRows(now));
  return rows;
}

/** The seed's policies as version 1, checked by the same schema as a department's publish. */
export function seedPolicies(now: string): PolicyRecord[] {
  return SEED_POLICIES.map(({ id, ...input }) => {
    const p = NewPolicy.parse(input);
    return {
      id,
      version: 1,
      status: 'published' as const,
      title: p.title,
      issuer: p.issuer,
      docNo: p.docNo,
      issuedOn: p.issuedOn,
      text: p.text,
      interpretation: p.interpretation,
      topics: p.topics,
      items: p.items.map(({ id: _id, ...item }, n) => ({ id: `${id}-${n + 1}`, ...item })),
      savedAt: now,
      savedBy: '系统导入',
    };
  });
}
