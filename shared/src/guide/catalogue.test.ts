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

describe('materials, told for people (issue 14)', () => {
  const materials = SERVICE_ITEMS.flatMap((item) => item.materials.map((m) => ({ item, m, where: `${item.id} · ${m.name}：${m.instruction}` })));
  /** Everything an item says, as one text. */
  const textOf = (value: unknown): string => JSON.stringify(value);

  it('every material has an instruction: one or two whole sentences, no joined fragments or codes', () => {
    const bad = materials
      .filter(({ m }) => {
        const t = m.instruction;
        const sentences = (t.match(/[。！？]/g) ?? []).length;
        return (
          t.trim() !== t ||
          t.length < 8 ||
          !/。$/.test(t) ||
          sentences < 1 ||
          sentences > 2 ||
          /…|\.\.\.|·|\||;|[A-Za-z]/.test(t) || // joined fragments (…, ' · ', ;) or codes
          (t.match(/；/g) ?? []).length > 1 ||
          t.replace(/。$/, '') === m.name // says something, not the name again
        );
      })
      .map((x) => x.where);
    expect(bad).toEqual([]);
  });

  it('says where each material comes from: what the form or another department produces needs no upload', () => {
    const bad = materials
      .filter(({ item, m }) =>
        m.source === 'upload'
          ? /自动生成|无需上传/.test(m.instruction) || // an upload is never said to need none
            (m.eLicence !== null && !m.instruction.includes('电子')) || // the e-licence is offered in words too
            !(item.online ? /上传/ : /带|出示|交回|上传/).test(m.instruction) // and it says how to hand it in
          : !/无需上传|不用提前准备/.test(m.instruction) || m.eLicence !== null || m.form !== 'electronic' || m.copies !== 0,
      )
      .map((x) => x.where);
    expect(bad).toEqual([]);
    // every filled-in 申请表 / 申请书 / 登记表 is produced by the form
    const forms = materials.filter(({ m }) => /申请表|申请书|登记表|申报表|审批表|信息表/.test(m.name) && !m.name.includes('及'));
    expect(forms.length).toBeGreaterThanOrEqual(30);
    expect(forms.filter(({ m }) => m.source !== 'form').map((x) => x.where)).toEqual([]);
  });

  it('an item a person need not visit (0 次到现场) never asks them to show up or have originals checked', () => {
    const onSite = /现场核验|核验原件|现场拍摄|现场采集|现场签字|现场领取|到场|带上|出示/;
    const bad = SERVICE_ITEMS.filter((i) => i.visits === 0 && onSite.test(textOf(i))).map((i) => `${i.id}: ${textOf(i).match(onSite)![0]}`);
    expect(bad).toEqual([]);
    expect(SERVICE_ITEMS.filter((i) => i.visits === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('never sends a person to another app or website: identity, forms and uploads all happen here', () => {
    const elsewhere =
      /粤省事|粤医保|粤税通|穗好办|i深圳|支付宝|微信|广东人社|越秀人家|政务服务网|网厅|一网通办(”)?平台|企业开办平台|医保服务平台|教师资格网|电子税务局|报名系统|注册系统|审批管理系统|公示系统|app|小程序|公众号/i;
    const bad = [...SERVICE_ITEMS, ...BUNDLES].filter((x) => elsewhere.test(textOf(x))).map((x) => `${x.id}: ${textOf(x).match(elsewhere)![0]}`);
    expect(bad).toEqual([]);
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
