/** An item's own questions as catalogue data (issue 16): the schema the admin's saves pass, and the forms built from them. */
import { describeIssues } from '../api/messages';
import { BUNDLES, SERVICE_ITEMS } from '../guide/catalogue';
import { CatalogueItemVersionRequest, NewCatalogueItem } from '../guide/admin';
import { ServiceItem } from '../guide/schema';
import { buildAnswersSchema, COMMON_FIELD_KEYS, FormDef, ItemField, ItemFields } from './form';
import { formForBundle, formForItem, ITEM_FIELDS, itemFieldsOf, SECTION_ITEM } from './forms';

const base = SERVICE_ITEMS.find((i) => i.id === 'id-card')!;
const withFields = (fields: ItemField[]): ServiceItem => ServiceItem.parse({ ...base, id: 'pet-dog', fields });
const messages = (r: { success: boolean; error?: Parameters<typeof describeIssues>[0] }) => (r.success ? [] : describeIssues(r.error!).map((d) => d.message));

describe('ItemField', () => {
  const ok: ItemField = { key: 'dogName', label: '犬只名字', type: 'text', required: true, max: 20 };
  it('takes the questions the form engine asks', () => {
    expect(ItemField.safeParse(ok).success).toBe(true);
    expect(
      ItemField.safeParse({
        key: 'dogSize',
        label: '犬只体型',
        type: 'choice',
        required: false,
        options: [
          { value: 'small', label: '小型犬' },
          { value: 'large', label: '大型犬' },
        ],
      }).success,
    ).toBe(true);
    expect(ItemField.safeParse({ key: 'dogWeight', label: '体重（公斤）', type: 'number', required: true, min: 0.1, max: 100 }).success).toBe(true);
  });
  it('refuses, in Chinese: common and material keys, bad keys, files, choices without options, bounds out of place', () => {
    const refuses = (f: unknown, expected: RegExp) => {
      const r = ItemField.safeParse(f);
      expect(r.success).toBe(false);
      expect(messages(r).join('；')).toMatch(expected);
    };
    for (const key of [...COMMON_FIELD_KEYS, 'm0', 'm12']) refuses({ ...ok, key }, /编号.*重复/);
    refuses({ ...ok, key: 'DogName' }, /小写字母开头/);
    refuses({ ...ok, key: 'd' }, /2–40 位/);
    refuses({ ...ok, key: 'dog-name' }, /只含字母和数字/);
    refuses({ ...ok, type: 'file' }, /字段类型应为/);
    refuses({ ...ok, type: 'creditCode' }, /字段类型应为/);
    refuses({ ...ok, label: 'Dog' }, /应为中文/);
    refuses({ ...ok, label: '' }, /不能为空/);
    refuses({ ...ok, type: 'choice', max: undefined }, /单选需要选项/);
    refuses({ ...ok, options: [{ value: 'a', label: '甲' }] }, /只有单选可以设置选项/);
    refuses({ ...ok, type: 'date' }, /只有文字和数字可以设置范围/);
    refuses({ ...ok, min: 30, max: 20 }, /最小值不能大于最大值/);
    refuses(
      {
        ...ok,
        type: 'choice',
        max: undefined,
        options: [
          { value: 'a', label: '甲' },
          { value: 'a', label: '乙' },
        ],
      },
      /选项的值重复/,
    );
    refuses({ ...ok, section: '事项信息' }, /不认识的字段/);
  });
  it('a list: each key and each name once', () => {
    const r = ItemFields.safeParse([ok, { ...ok, label: '犬只昵称' }]);
    expect(messages(r).join()).toMatch(/字段编号“dogName”重复/);
    expect(messages(ItemFields.safeParse([ok, { ...ok, key: 'dogNick' }])).join()).toMatch(/字段名称“犬只名字”重复/);
  });
  it('keeps every question written in code for the shipped items valid as data', () => {
    for (const [id, specs] of Object.entries(ITEM_FIELDS)) expect([id, ItemFields.safeParse(specs.map((s) => ({ ...s }))).success]).toEqual([id, true]);
  });
  it('the common keys are the keys of the common sections', () => {
    const common = formForItem(base)
      .fields.filter((f) => f.section !== '材料')
      .map((f) => f.key);
    expect([...common].sort()).toEqual(COMMON_FIELD_KEYS.filter((k) => common.includes(k)).sort());
  });
});

describe('formForItem and formForBundle with fields as data', () => {
  it('asks the item’s own questions under 事项信息, validated like any other', () => {
    const item = withFields([
      { key: 'dogName', label: '犬只名字', type: 'text', required: true, max: 20 },
      { key: 'dogBorn', label: '出生日期', type: 'date', required: false },
    ]);
    const form = formForItem(item);
    expect(FormDef.safeParse(form).success).toBe(true);
    expect(form.sections).toContain(SECTION_ITEM);
    expect(form.fields.filter((f) => f.section === SECTION_ITEM).map((f) => [f.key, f.label])).toEqual([
      ['dogName', '犬只名字'],
      ['dogBorn', '出生日期'],
    ]);
    const schema = buildAnswersSchema({ ...form, fields: form.fields.filter((f) => f.section === SECTION_ITEM) });
    expect(schema.safeParse({ dogName: '旺财' }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(false);
  });
  it('data replaces the code’s questions; no data keeps the code’s; an empty list asks none', () => {
    const shipped = SERVICE_ITEMS.find((i) => i.id === 'residence-permit')!;
    expect(itemFieldsOf(shipped)).toBe(ITEM_FIELDS['residence-permit']);
    const keys = (i: ServiceItem) =>
      formForItem(i)
        .fields.filter((f) => f.section === SECTION_ITEM)
        .map((f) => f.key);
    expect(keys(shipped)).toEqual(ITEM_FIELDS['residence-permit'].map((f) => f.key));
    expect(keys({ ...shipped, fields: [{ key: 'stayReason', label: '居住事由', type: 'textarea', required: true }] })).toEqual(['stayReason']);
    expect(keys({ ...shipped, fields: [] })).toEqual([]);
  });
  it('every shipped item and bundle gives a valid form (only 惠企政策兑现申请 carries questions as data)', () => {
    expect(SERVICE_ITEMS.filter((i) => i.fields?.length).map((i) => i.id)).toEqual(['policy-claim']);
    for (const i of SERVICE_ITEMS) expect(FormDef.safeParse(formForItem(i)).success).toBe(true);
    for (const b of BUNDLES) expect(FormDef.safeParse(formForBundle(b, SERVICE_ITEMS)).success).toBe(true);
  });
  it('a bundle asks a member’s questions as data', () => {
    const bundle = BUNDLES.find((b) => b.itemIds.includes('newborn-hukou'))!;
    const items = SERVICE_ITEMS.map((i) =>
      i.id === 'newborn-hukou' ? { ...i, fields: [{ key: 'hukouAddress', label: '落户地址', type: 'address' as const, required: true }] } : i,
    );
    const form = formForBundle(bundle, items);
    const member = SERVICE_ITEMS.find((i) => i.id === 'newborn-hukou')!;
    expect(form.fields.filter((f) => f.section === member.name).map((f) => f.key)).toEqual(['hukouAddress']);
  });
});

describe('the admin’s item bodies', () => {
  const body = {
    name: '宠物犬登记',
    departmentId: 'police',
    audience: ['person'],
    summary: '居民饲养犬只的登记',
    conditions: ['在本区饲养犬只'],
    materials: [{ name: '犬只免疫证明', required: true }],
    fields: [{ key: 'dogName', label: '犬只名字', type: 'text', required: true }],
    promisedDays: 3,
    statutoryDays: 20,
    online: true,
    assurance: 1,
    deferrable: false,
    delivery: ['pickup'],
  };
  it('take an item with defaults for what is left out', () => {
    const r = NewCatalogueItem.parse(body);
    expect(r.materials[0]).toMatchObject({ eLicence: null, source: 'upload', form: 'copy' });
    expect(r.excludedKinds).toEqual([]);
    expect(CatalogueItemVersionRequest.safeParse({ ...body, expectedVersion: 3 }).success).toBe(true);
  });
  it('refuse in Chinese what does not hold together', () => {
    const m = (v: unknown) => messages(NewCatalogueItem.safeParse(v)).join('；');
    expect(m({ ...body, promisedDays: 30 })).toMatch(/承诺时限不能长于法定时限/);
    expect(m({ ...body, materials: [body.materials[0], body.materials[0]] })).toMatch(/申请材料名称重复/);
    expect(m({ ...body, deferrable: true, materials: [{ name: '犬只免疫证明', required: false }] })).toMatch(/容缺受理需要/);
    expect(m({ ...body, assurance: 3 })).toMatch(/实名等级/);
    expect(m({ ...body, delivery: [] })).toMatch(/至少选择 1 种送达方式/);
    expect(messages(CatalogueItemVersionRequest.safeParse(body)).join()).toMatch(/版本号/);
  });
});
