/**
 * 政府信息公开工作年度报告 (issue 19): a year's requests by department — received, replied, on time, by reply kind — from
 * the rows the stream aggregator keeps (`DISCSTAT#<year>`, one per department): 1 Query at any volume.
 */
import { REPLY_KIND_IDS, type AnnualFigures } from '@yx/shared';
import { getDepartmentName } from '../guide/repository';
import { disclosureYear } from './repository';

export async function annualFigures(year: number, onlyDepartment?: string): Promise<AnnualFigures> {
  const rows = (await disclosureYear(String(year))).filter((r) => !onlyDepartment || r.departmentId === onlyDepartment);
  const byKind = (c: Record<string, number>): Record<string, number> =>
    Object.fromEntries(REPLY_KIND_IDS.map((k) => [k, Math.max(0, c[`r_${k}`] ?? 0)] as const).filter(([, n]) => n > 0));
  const departments = await Promise.all(
    rows.map(async (r) => ({
      departmentId: r.departmentId,
      departmentName: (await getDepartmentName(r.departmentId)) ?? r.departmentId,
      received: Math.max(0, r.counts.received ?? 0),
      replied: Math.max(0, r.counts.replied ?? 0),
      onTime: Math.max(0, r.counts.onTime ?? 0),
      byKind: byKind(r.counts),
    })),
  );
  const total = { received: 0, replied: 0, onTime: 0, byKind: {} as Record<string, number> };
  for (const d of departments) {
    total.received += d.received;
    total.replied += d.replied;
    total.onTime += d.onTime;
    for (const [k, n] of Object.entries(d.byKind)) total.byKind[k] = (total.byKind[k] ?? 0) + Number(n);
  }
  return { year, departments: departments.sort((a, b) => b.received - a.received), total };
}
