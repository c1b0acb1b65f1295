import { Bundle, Department, ServiceItem, THEMES } from './schema';
import { BUNDLES, DEPARTMENTS, SERVICE_ITEMS } from './catalogue';

const E_LICENCES = new Set([
  'id-card',
  'household-register',
  'business-licence',
  'marriage-certificate',
  'diploma',
  'driving-licence',
  'birth-certificate',
  'property-certificate',
  'residence-permit',
]);
const themeAudience = new Map<string, string>(THEMES.map((t) => [t.id, t.audience]));
const departmentIds = new Set(DEPARTMENTS.map((d) => d.id));
const itemsById = new Map(SERVICE_ITEMS.map((i) => [i.id, i]));

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('departments', () => {
  it('parse with the schema', () => {
    for (const d of DEPARTMENTS) expect(() => Department.parse(d)).not.toThrow();
  });
  it('have unique ids', () => {
    expect(duplicates(DEPARTMENTS.map((d) => d.id))).toEqual([]);
  });
  it('at least 8 of them own service items', () => {
    const owners = new Set(SERVICE_ITEMS.map((i) => i.departmentId));
    expect([...owners].filter((id) => departmentIds.has(id)).length).toBeGreaterThanOrEqual(8);
  });
});

describe('service items', () => {
  it('parse with the schema', () => {
    for (const i of SERVICE_ITEMS) {
      const r = ServiceItem.safeParse(i);
      if (!r.success) throw new Error(`${i.id}: ${r.error.message}`);
    }
  });
  it('have unique ids and codes', () => {
    expect(duplicates(SERVICE_ITEMS.map((i) => i.id))).toEqual([]);
    expect(duplicates(SERVICE_ITEMS.map((i) => i.code))).toEqual([]);
  });
  it('are at least 40, for both audiences', () => {
    expect(SERVICE_ITEMS.length).toBeGreaterThanOrEqual(40);
    expect(SERVICE_ITEMS.filter((i) => i.audience.includes('person')).length).toBeGreaterThanOrEqual(15);
    expect(SERVICE_ITEMS.filter((i) => i.audience.includes('enterprise')).length).toBeGreaterThanOrEqual(10);
  });
  it('reference existing departments; opinion departments differ from the owner', () => {
    for (const i of SERVICE_ITEMS) {
      expect(departmentIds.has(i.departmentId)).toBe(true);
      for (const o of i.opinionDepartmentIds) {
        expect(departmentIds.has(o)).toBe(true);
        expect(o).not.toBe(i.departmentId);
      }
    }
  });
  it('promise no more than the statutory time limit', () => {
    for (const i of SERVICE_ITEMS) expect(i.promisedDays).toBeLessThanOrEqual(i.statutoryDays);
  });
  it('use themes of their own audience', () => {
    for (const i of SERVICE_ITEMS) {
      for (const t of i.themes) {
        expect(themeAudience.has(t)).toBe(true);
        expect(i.audience).toContain(themeAudience.get(t));
      }
    }
  });
  it('are complete guides: materials, steps, FAQ, known e-licence types', () => {
    for (const i of SERVICE_ITEMS) {
      expect(i.materials.length).toBeGreaterThanOrEqual(3);
      expect(i.materials.some((m) => m.required)).toBe(true);
      expect(i.steps.length).toBeGreaterThanOrEqual(3);
      expect(i.steps.length).toBeLessThanOrEqual(5);
      expect(i.faq.length).toBeGreaterThanOrEqual(2);
      expect(i.legalBasis.length).toBeGreaterThanOrEqual(1);
      for (const m of i.materials) if (m.eLicence !== null) expect(E_LICENCES.has(m.eLicence)).toBe(true);
      if (i.online) expect(i.channels).toContain('online');
    }
  });
  it('can be found by 营业执照', () => {
    const hits = SERVICE_ITEMS.filter((i) => i.name.includes('营业执照') || i.keywords.some((k) => k.includes('营业执照')));
    expect(hits.length).toBeGreaterThanOrEqual(1);
  });
});

describe('bundles', () => {
  it('parse with the schema', () => {
    for (const b of BUNDLES) {
      const r = Bundle.safeParse(b);
      if (!r.success) throw new Error(`${b.id}: ${r.error.message}`);
    }
  });
  it('have unique ids and include 出生一件事 and 企业开办一件事', () => {
    expect(duplicates(BUNDLES.map((b) => b.id))).toEqual([]);
    expect(BUNDLES.length).toBeGreaterThanOrEqual(3);
    const names = BUNDLES.map((b) => b.name);
    expect(names).toContain('出生一件事');
    expect(names).toContain('企业开办一件事');
  });
  it('join existing items of their audience, with themes of their audience', () => {
    for (const b of BUNDLES) {
      expect(duplicates(b.itemIds)).toEqual([]);
      for (const id of b.itemIds) {
        const item = itemsById.get(id);
        expect(item).toBeDefined();
        expect(item!.audience).toContain(b.audience);
      }
      for (const t of b.themes) expect(themeAudience.get(t)).toBe(b.audience);
    }
  });
});
