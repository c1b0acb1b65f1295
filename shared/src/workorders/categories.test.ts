import { DEPARTMENTS } from '../guide/catalogue';
import { CATEGORIES, CategoryId, categoryById, CONSUMER_COMPLAINT_CATEGORY, childrenOf, isLeaf, leafCategories, pathOf, type Category } from './categories';

const departmentIds = new Set(DEPARTMENTS.map((d) => d.id));
const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);
const kindCovers = (parent: Category['kind'], child: Category['kind']) => parent === 'both' || parent === child;

describe('category tree', () => {
  it('has about 30 nodes with unique, well-formed ids and names', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(25);
    expect(CATEGORIES.length).toBeLessThanOrEqual(45);
    expect(duplicates(CATEGORIES.map((c) => c.id))).toEqual([]);
    for (const c of CATEGORIES) expect(c.id).toMatch(/^[a-z][a-z0-9-]{1,40}$/);
    // Names are unique among siblings.
    for (const parent of [null, ...CATEGORIES.map((c) => c.id)]) {
      expect(duplicates(childrenOf(parent).map((c) => c.name))).toEqual([]);
    }
  });

  it('has the eight top-level groups, each with 3–5 children', () => {
    expect(childrenOf(null).map((c) => c.name)).toEqual(['营商环境', '市容环境', '物业管理', '噪音扰民', '交通出行', '政策咨询', '社区治理', '公共安全']);
    for (const g of childrenOf(null)) {
      expect(childrenOf(g.id).length).toBeGreaterThanOrEqual(3);
      expect(childrenOf(g.id).length).toBeLessThanOrEqual(5);
    }
  });

  it('has parents that exist and no cycles', () => {
    for (const c of CATEGORIES) {
      if (c.parentId !== null) expect(categoryById(c.parentId)).toBeDefined();
      const seen = new Set<string>();
      let node: Category | undefined = c;
      while (node) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
        node = node.parentId === null ? undefined : categoryById(node.parentId);
      }
    }
  });

  it('routes every node somewhere valid', () => {
    for (const c of CATEGORIES) {
      if (c.routeTo.type === 'department') {
        if (!departmentIds.has(c.routeTo.departmentId)) throw new Error(`${c.id}: unknown department ${c.routeTo.departmentId}`);
      } else {
        expect(c.routeTo).toEqual({ type: 'grid' });
      }
      // Community-only issues go to the grid; appeals go to a department.
      if (c.kind === 'community') expect(c.routeTo.type).toBe('grid');
      if (c.kind === 'appeal') expect(c.routeTo.type).toBe('department');
    }
  });

  it('has sensible deadlines and keywords', () => {
    for (const c of CATEGORIES) {
      expect(Number.isInteger(c.claimWorkingHours)).toBe(true);
      expect(c.claimWorkingHours).toBeGreaterThanOrEqual(1);
      expect(c.claimWorkingHours).toBeLessThanOrEqual(16);
      expect(Number.isInteger(c.replyWorkingDays)).toBe(true);
      expect(c.replyWorkingDays).toBeGreaterThanOrEqual(1);
      expect(c.replyWorkingDays).toBeLessThanOrEqual(15);
      // Claiming comes before replying.
      expect(c.claimWorkingHours).toBeLessThanOrEqual(c.replyWorkingDays * 8);
      expect(c.keywords.length).toBeGreaterThan(0);
    }
    expect(categoryById('property-elevator')?.claimWorkingHours).toBe(2);
    expect(categoryById('cityscape-street-vending')).toMatchObject({ claimWorkingHours: 8, replyWorkingDays: 5 });
    for (const c of childrenOf('policy')) expect(c).toMatchObject({ placeRequired: false, replyWorkingDays: 15 });
    expect(categoryById('noise-construction')).toMatchObject({
      placeRequired: true,
      routeTo: { type: 'department', departmentId: 'urban' },
    });
  });

  it('has 消费投诉 for complaints about a firm, an appeal the market regulator handles', () => {
    expect(categoryById(CONSUMER_COMPLAINT_CATEGORY)).toMatchObject({
      name: '消费投诉',
      kind: 'appeal',
      placeRequired: false,
      routeTo: { type: 'department', departmentId: 'market' },
    });
    expect(pathOf(CONSUMER_COMPLAINT_CATEGORY)).toBe('营商环境 / 消费投诉');
    expect(leafCategories('appeal').map((c) => c.id)).toContain(CONSUMER_COMPLAINT_CATEGORY);
  });

  it("keeps each child's kind within its parent's", () => {
    for (const c of CATEGORIES) {
      if (c.parentId === null) continue;
      const parent = categoryById(c.parentId)!;
      if (!kindCovers(parent.kind, c.kind)) throw new Error(`${c.id} is ${c.kind} under ${parent.kind}`);
    }
  });
});

describe('category helpers', () => {
  it('pathOf gives names from the root', () => {
    expect(pathOf('cityscape-street-vending')).toBe('市容环境 / 占道经营');
    expect(pathOf('cityscape')).toBe('市容环境');
    expect(pathOf('nope')).toBeUndefined();
  });

  it('leafCategories filters by kind, counting "both" for either', () => {
    const all = leafCategories();
    expect(all.every((c) => isLeaf(c.id))).toBe(true);
    expect(all.length).toBe(CATEGORIES.filter((c) => !CATEGORIES.some((d) => d.parentId === c.id)).length);
    const appeal = leafCategories('appeal');
    const community = leafCategories('community');
    expect(appeal.every((c) => c.kind !== 'community')).toBe(true);
    expect(community.every((c) => c.kind !== 'appeal')).toBe(true);
    expect(appeal.map((c) => c.id)).toContain('cityscape-street-vending'); // both
    expect(community.map((c) => c.id)).toContain('cityscape-street-vending');
    expect(community.map((c) => c.id)).toContain('community-dispute');
    expect(appeal.map((c) => c.id)).not.toContain('community-dispute');
    expect(leafCategories('both').every((c) => c.kind === 'both')).toBe(true);
  });

  it('CategoryId accepts exactly the leaf ids', () => {
    expect([...CategoryId.options].sort()).toEqual(
      leafCategories()
        .map((c) => c.id)
        .sort(),
    );
    expect(CategoryId.parse('noise-construction')).toBe('noise-construction');
    const groups = CategoryId.safeParse('noise');
    expect(groups.success).toBe(false);
    expect(groups.error?.issues[0].message).toBe('请选择诉求分类');
  });
});
