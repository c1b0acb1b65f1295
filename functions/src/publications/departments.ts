import { loadCatalog } from '../guide/repository';

/** A department by its name: short in lists (区教育局), in full on an item's page (广州市越秀区教育局). */
export interface DeptNames {
  short: (id: string) => string;
  full: (id: string) => string;
}

/** The departments' names from the catalogue (cached a minute per container). */
export async function deptNames(): Promise<DeptNames> {
  const depts = (await loadCatalog()).departments;
  const find = (id: string) => depts.find((d) => d.id === id);
  return { short: (id) => find(id)?.shortName ?? find(id)?.name ?? id, full: (id) => find(id)?.name ?? id };
}
