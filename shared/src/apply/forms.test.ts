import { describeIssues } from '../api/messages';
import { BUNDLES, E_LICENCE_TYPES, SERVICE_ITEMS } from '../guide/catalogue';
import type { Bundle, ServiceItem } from '../guide/schema';
import { AnswerValue, buildAnswersSchema, FieldDef, fieldErrors, FormDef, formLabels, prefillAnswers } from './form';
import {
  asksUpload,
  E_LICENCE_NAMES,
  FieldSpec,
  formForBundle,
  formForItem,
  ITEM_FIELDS,
  materialFieldKeys,
  materialLabel,
  materialProducer,
  deferMaterials,
  requiredMaterialNames,
  SECTION_APPLICANT,
  SECTION_CONTACT,
  SECTION_ITEM,
  SECTION_MATERIALS,
} from './forms';

const itemsById = new Map(SERVICE_ITEMS.map((i) => [i.id, i]));
const item = (id: string): ServiceItem => itemsById.get(id)!;
const bundle = (id: string): Bundle => BUNDLES.find((b) => b.id === id)!;
const field = (form: FormDef, key: string): FieldDef | undefined => form.fields.find((f) => f.key === key);
const keys = (form: FormDef) => form.fields.map((f) => f.key);
const fileFields = (form: FormDef) => form.fields.filter((f) => f.type === 'file');
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/** Every seeded item, in each of its audiences. */
const ITEM_FORMS = SERVICE_ITEMS.flatMap((i) => i.audience.map((a) => ({ item: i, audience: a, form: formForItem(i, a) })));
const BUNDLE_FORMS = BUNDLES.map((b) => ({ bundle: b, form: formForBundle(b, SERVICE_ITEMS) }));
const ALL_FORMS = [...ITEM_FORMS.map((x) => x.form), ...BUNDLE_FORMS.map((x) => x.form)];

/** A valid value for any field, to fill a whole form. */
function sample(f: FieldDef): AnswerValue {
  switch (f.type) {
    case 'text':
      return f.pattern ? '张小明' : '测试内容';
    case 'textarea':
      return '餐饮服务；食品销售';
    case 'number':
      return f.min ?? 1;
    case 'date':
      return '2024-05-01';
    case 'choice':
      return f.options![0].value;
    case 'residentId':
      return '11010519491231002X';
    case 'creditCode':
      return '91350100M000100Y43';
    case 'phone':
      return '13800138000';
    case 'address':
      return '广州市越秀区东风中路318号';
    case 'file':
      return [{ kind: 'upload', fileId: 'f_abcdEFGH1234' }];
  }
}
const fill = (form: FormDef, onlyRequired = false) => Object.fromEntries(form.fields.filter((f) => !onlyRequired || f.required).map((f) => [f.key, sample(f)]));

describe('every seeded item and bundle has a valid form', () => {
  it('covers every item (both audiences of shared items) and every bundle', () => {
    expect(ITEM_FORMS.length).toBe(SERVICE_ITEMS.reduce((n, i) => n + i.audience.length, 0));
    expect(BUNDLE_FORMS.length).toBe(BUNDLES.length);
  });
  it('passes the FormDef schema', () => {
    for (const form of ALL_FORMS) {
      const r = FormDef.safeParse(form);
      if (!r.success) throw new Error(`${form.id}: ${r.error.message}`);
    }
  });
  it('has unique keys, ids and sections in order', () => {
    for (const form of ALL_FORMS) {
      expect(duplicates(keys(form))).toEqual([]);
      // fields come grouped by section, in the order of `sections`
      const order = form.fields.map((f) => form.sections.indexOf(f.section));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(form.sections[0]).toBe(SECTION_APPLICANT);
      expect(form.sections[1]).toBe(SECTION_CONTACT);
      expect(form.sections[form.sections.length - 1]).toBe(SECTION_MATERIALS);
    }
    expect(duplicates(ALL_FORMS.map((f) => f.id))).toEqual([]);
  });
  it('accepts a completely filled form and one with only the required fields', () => {
    for (const form of ALL_FORMS) {
      expect([form.id, fieldErrors(form, fill(form))]).toEqual([form.id, {}]);
      expect([form.id, fieldErrors(form, fill(form, true))]).toEqual([form.id, {}]);
    }
  });
  it('asks for the phone (required) and the address (optional) under 联系方式', () => {
    for (const form of ALL_FORMS) {
      expect(field(form, 'phone')).toMatchObject({ type: 'phone', required: true, prefill: 'phone', section: SECTION_CONTACT });
      expect(field(form, 'address')).toMatchObject({ type: 'address', required: false, prefill: 'address', section: SECTION_CONTACT });
    }
  });
  it('file fields have keys m0, m1… and say what the catalogue tells a person about the material', () => {
    const instructions = new Map(SERVICE_ITEMS.flatMap((i) => i.materials.map((m) => [m.name, m.instruction] as const)));
    for (const form of ALL_FORMS) {
      expect(fileFields(form).map((f) => f.key)).toEqual(fileFields(form).map((_, i) => `m${i}`));
      for (const f of fileFields(form)) {
        expect(f.section).toBe(SECTION_MATERIALS);
        expect(f.materialName).toBeDefined();
        // the instruction of one of the items asking for it (a bundle keeps one description of a shared material)
        const told = SERVICE_ITEMS.flatMap((i) => i.materials.filter((m) => m.name === f.materialName).map((m) => m.instruction));
        expect(told.some((t) => f.help!.includes(t))).toBe(true);
        expect(instructions.has(f.materialName!)).toBe(true);
      }
    }
  });
  it('never asks to upload what the form itself produces or another department provides (issue 14)', () => {
    for (const { item: i, form } of ITEM_FORMS) {
      const notUploaded = i.materials.filter((m) => !asksUpload(m));
      const asked = new Set(fileFields(form).map((f) => f.materialName));
      expect([i.id, notUploaded.filter((m) => asked.has(m.name)).map((m) => m.name)]).toEqual([i.id, []]);
      // …and names each of them, as the catalogue tells it
      expect([i.id, form.materialsWithoutUpload ?? []]).toEqual([i.id, notUploaded.map((m) => ({ name: m.name, instruction: m.instruction }))]);
    }
    for (const { bundle: b, form } of BUNDLE_FORMS) {
      const members = b.itemIds.map(item);
      for (const f of fileFields(form)) {
        const sources = members.flatMap((i) => i.materials.filter((m) => m.name === f.materialName).map((m) => m.source));
        expect([b.id, f.materialName, sources.every((x) => x === 'upload')]).toEqual([b.id, f.materialName, true]);
      }
      const listed = new Set((form.materialsWithoutUpload ?? []).map((m) => m.name));
      for (const i of members) {
        for (const m of i.materials.filter((x) => !asksUpload(x))) expect([b.id, m.name, listed.has(m.name)]).toEqual([b.id, m.name, true]);
      }
    }
    // the form produced materials are many (申请表 of almost every item), and none is ever a file field
    const produced = SERVICE_ITEMS.flatMap((i) => i.materials).filter((m) => m.source === 'form');
    expect(produced.length).toBeGreaterThanOrEqual(30);
    const fileNames = new Set(ALL_FORMS.flatMap((f) => fileFields(f).map((x) => x.materialName)));
    expect(produced.filter((m) => fileNames.has(m.name)).map((m) => m.name)).toEqual([]);
  });
});

describe('formForItem', () => {
  it('has one file field per material the person provides, with its name and required flag', () => {
    for (const { item: i, form } of ITEM_FORMS) {
      expect(fileFields(form).map((f) => [f.materialName, f.required])).toEqual(i.materials.filter(asksUpload).map((m) => [m.name, m.required]));
    }
  });
  it('tells a person in plain words what to provide; the 申请表 is filled in here, not uploaded', () => {
    const form = formForItem(item('newborn-hukou'));
    const birth = fileFields(form).find((f) => f.materialName === '《出生医学证明》')!;
    expect(birth.help).toBe('可直接选用电子出生医学证明；没有的，拍摄证明正面上传。');
    const hall = fileFields(formForItem(item('public-place-hygiene-licence'))).find((f) => f.materialName?.startsWith('卫生管理制度'))!;
    expect(hall.help).toContain('拍照或扫描上传');
    const record = formForItem(item('no-criminal-record'));
    expect(fileFields(record).map((f) => f.materialName)).toEqual(['申请人居民身份证', '授权委托书及受托人身份证件']);
    expect(record.materialsWithoutUpload).toEqual([{ name: '犯罪记录查询申请表', instruction: '在线选择查询用途，提交时自动生成，无需上传。' }]);
  });
  it('asks a person for the name and ID number, pre-filled', () => {
    const form = formForItem(item('no-criminal-record'));
    expect(form.id).toBe('item:no-criminal-record');
    expect(form.title).toBe('无犯罪记录证明开具');
    expect(field(form, 'realName')).toMatchObject({ label: '姓名', type: 'text', required: true, prefill: 'realName', section: SECTION_APPLICANT });
    expect(field(form, 'idNumber')).toMatchObject({ label: '身份证号码', type: 'residentId', required: true, prefill: 'idNumber' });
    expect(field(form, 'creditCode')).toBeUndefined();
  });
  it('asks a firm for its name, credit code and legal representative, pre-filled', () => {
    const form = formForItem(item('food-business-licence'));
    expect(field(form, 'enterpriseName')).toMatchObject({ label: '企业名称', type: 'text', prefill: 'enterpriseName', section: SECTION_APPLICANT });
    expect(field(form, 'creditCode')).toMatchObject({ label: '统一社会信用代码', type: 'creditCode', prefill: 'creditCode' });
    expect(field(form, 'legalRepresentative')).toMatchObject({ label: '法定代表人', prefill: 'legalRepresentative' });
    expect(field(form, 'realName')).toBeUndefined();
  });
  it('a firm being set up has no credit code yet: its 经办人 identifies themself', () => {
    const form = formForItem(item('company-establishment'));
    expect(field(form, 'creditCode')).toBeUndefined();
    expect(field(form, 'enterpriseName')).toMatchObject({ label: '拟设立企业名称', required: true });
    expect(field(form, 'enterpriseName')!.prefill).toBeUndefined();
    expect(field(form, 'realName')).toMatchObject({ label: '经办人姓名', prefill: 'realName' });
    expect(field(form, 'idNumber')).toMatchObject({ label: '经办人身份证号码', prefill: 'idNumber' });
    const individual = formForItem(item('individual-business-registration'));
    expect(field(individual, 'creditCode')).toBeUndefined();
    expect(field(individual, 'idNumber')).toBeDefined();
  });
  it('gives an item for both audiences one form per audience', () => {
    const i = item('information-disclosure');
    expect(formForItem(i).id).toBe('item:information-disclosure:person');
    expect(field(formForItem(i), 'idNumber')).toBeDefined();
    const firm = formForItem(i, 'enterprise');
    expect(firm.id).toBe('item:information-disclosure:enterprise');
    expect(field(firm, 'creditCode')).toBeDefined();
    expect(() => formForItem(item('id-card'), 'enterprise')).toThrow();
  });
  it('adds the questions of notable items under 事项信息', () => {
    const est = formForItem(item('company-establishment'));
    expect(field(est, 'companyType')).toMatchObject({ label: '企业类型', type: 'choice', section: SECTION_ITEM });
    expect(field(est, 'registeredCapital')).toMatchObject({ label: '注册资本（万元）', type: 'number', min: 1, max: 1000000 });
    expect(field(est, 'businessScope')).toMatchObject({ label: '经营范围', type: 'textarea' });

    const food = formForItem(item('food-business-licence'));
    expect(field(food, 'foodBusinessType')!.options!.map((o) => o.label)).toEqual(expect.arrayContaining(['食品销售', '餐饮服务']));
    expect(field(food, 'premisesArea')).toMatchObject({ label: '经营场所面积（平方米）', type: 'number' });

    const permit = formForItem(item('residence-permit'));
    expect(field(permit, 'residenceAddress')).toMatchObject({ label: '居住地址', type: 'address' });
    expect(field(permit, 'residenceSince')).toMatchObject({ label: '居住起始日期', type: 'date' });

    expect(field(formForItem(item('no-criminal-record')), 'purpose')).toMatchObject({ label: '用途', type: 'choice' });

    const lift = formForItem(item('elevator-installation'));
    expect(field(lift, 'estateName')).toMatchObject({ label: '小区名称', type: 'text' });
    expect(field(lift, 'buildingNo')).toMatchObject({ label: '楼栋号', type: 'text' });
    expect(field(lift, 'consentRatio')).toMatchObject({ label: '业主同意比例（%）', type: 'number', min: 75, max: 100 });
    expect(fieldErrors(lift, { ...fill(lift), consentRatio: 70 }).consentRatio).toBe('不能小于 75');

    const birth = formForItem(item('birth-medical-certificate'));
    expect(field(birth, 'newbornName')).toMatchObject({ label: '新生儿姓名', type: 'text' });
    expect(field(birth, 'birthDate')).toMatchObject({ label: '出生日期', type: 'date' });
    expect(field(birth, 'birthHospital')).toMatchObject({ label: '出生医院', type: 'text' });

    const fund = formForItem(item('housing-fund-withdrawal'));
    expect(field(fund, 'withdrawalReason')).toMatchObject({ label: '提取原因', type: 'choice' });
    expect(field(fund, 'withdrawalAmount')).toMatchObject({ label: '提取金额（元）', type: 'number' });
  });
  it('has no 事项信息 section for an item without its own questions', () => {
    const form = formForItem(item('id-card'));
    expect(form.sections).toEqual([SECTION_APPLICANT, SECTION_CONTACT, SECTION_MATERIALS]);
  });
  it('ITEM_FIELDS names only seeded items and keeps clear of the common keys', () => {
    for (const id of Object.keys(ITEM_FIELDS)) expect(itemsById.has(id)).toBe(true);
    const common = new Set(['realName', 'idNumber', 'enterpriseName', 'creditCode', 'legalRepresentative', 'phone', 'address']);
    for (const specs of Object.values(ITEM_FIELDS)) for (const s of specs) expect(common.has(s.key) || /^m\d+$/.test(s.key)).toBe(false);
  });
  it('pre-fills from the profile', () => {
    const form = formForItem(item('food-business-licence'));
    expect(prefillAnswers(form, { enterpriseName: '越秀好味餐饮有限公司', creditCode: '91350100M000100Y43', phone: '13800138000', realName: '张三' })).toEqual({
      enterpriseName: '越秀好味餐饮有限公司',
      creditCode: '91350100M000100Y43',
      phone: '13800138000',
    });
  });
  it('labels fit 20 characters; long material names are shortened, the full name kept', () => {
    expect(materialLabel('营业执照')).toBe('营业执照');
    expect(materialLabel('合法稳定住所证明（不动产权证书或租赁登记备案证明）')).toBe('合法稳定住所证明');
    expect(materialLabel('食品安全管理制度目录及食品安全管理人员信息')).toBe('食品安全管理制度目录及食品安全管理人员…');
    const food = formForItem(item('food-business-licence'));
    const long = fileFields(food).find((f) => f.materialName === '食品安全管理制度目录及食品安全管理人员信息')!;
    expect(long.label.length).toBe(20);
    expect(long.help).toContain('食品安全管理制度目录及食品安全管理人员信息');
  });
  it('labels errors with the field label through describeIssues', () => {
    const form = formForItem(item('no-criminal-record'));
    const r = buildAnswersSchema(form).safeParse({ ...fill(form), phone: '123' });
    expect(r.success).toBe(false);
    expect(describeIssues(r.error!, formLabels(form))).toEqual([{ field: 'phone', message: '手机号码：应为 11 位手机号码' }]);
  });
  it('keeps its copy of the e-licence names equal to the catalogue', () => {
    expect(E_LICENCE_NAMES).toEqual(E_LICENCE_TYPES);
  });
});

describe('formForBundle', () => {
  const count = (form: FormDef, key: string) => form.fields.filter((f) => f.key === key).length;

  it('asks for every required material of its items, unless another item of the bundle issues it', () => {
    for (const { bundle: b, form } of BUNDLE_FORMS) {
      const members = b.itemIds.map(item);
      const byName = new Map(fileFields(form).map((f) => [f.materialName!, f]));
      for (const i of members) {
        for (const m of i.materials) {
          if (materialProducer(m.name, members, i) || !asksUpload(m)) continue;
          expect([b.id, m.name, byName.has(m.name)]).toEqual([b.id, m.name, true]);
          if (m.required) expect([b.id, m.name, byName.get(m.name)!.required]).toEqual([b.id, m.name, true]);
        }
      }
    }
  });
  it('asks a material shared by several items once, saying which items use it', () => {
    for (const { form } of BUNDLE_FORMS) expect(duplicates(fileFields(form).map((f) => f.materialName!))).toEqual([]);
    const birth = formForBundle(bundle('birth'), SERVICE_ITEMS);
    const hukou = fileFields(birth).filter((f) => f.materialName === '居民户口簿');
    expect(hukou).toHaveLength(1);
    expect(hukou[0].required).toBe(true);
    expect(hukou[0].help).toContain('新生儿入户登记、城乡居民基本医疗保险参保登记都用这份材料，只需提交一次。');
  });
  it('出生一件事: applicant, newborn and 户口簿 once; the 出生医学证明 it issues is not asked for', () => {
    const form = formForBundle(bundle('birth'), SERVICE_ITEMS);
    expect(form.id).toBe('bundle:birth');
    expect(form.title).toBe('出生一件事');
    for (const key of ['realName', 'idNumber', 'phone', 'newbornName', 'newbornSex', 'birthDate']) expect(count(form, key)).toBe(1);
    expect(field(form, 'newbornName')!.section).toBe('出生医学证明首次签发');
    expect(field(form, 'hukouWith')!.section).toBe('新生儿入户登记');
    expect(fileFields(form).some((f) => f.materialName === '《出生医学证明》')).toBe(false);
    expect(form.materialsWithoutUpload).toContainEqual({ name: '《出生医学证明》', instruction: '由这次一并办理的“出生医学证明首次签发”出具，无需上传。' });
    expect(materialProducer('《出生医学证明》', bundle('birth').itemIds.map(item), item('newborn-hukou'))?.id).toBe('birth-medical-certificate');
  });
  it('婚育一件事: spouse once; the 结婚证 issued in the bundle is shared', () => {
    const form = formForBundle(bundle('marriage-and-family'), SERVICE_ITEMS);
    expect(count(form, 'spouseName')).toBe(1);
    expect(count(form, 'spouseIdNumber')).toBe(1);
    expect(field(form, 'childOrder')).toBeDefined();
    expect(fileFields(form).some((f) => f.materialName === '结婚证')).toBe(false);
  });
  it('开餐馆一件事: a firm being set up, premises asked once', () => {
    const form = formForBundle(bundle('restaurant-opening'), SERVICE_ITEMS);
    expect(field(form, 'creditCode')).toBeUndefined();
    expect(field(form, 'enterpriseName')!.label).toBe('拟设立企业名称');
    expect(count(form, 'premisesAddress')).toBe(1);
    expect(count(form, 'premisesArea')).toBe(1);
    for (const key of ['companyType', 'registeredCapital', 'businessScope', 'foodBusinessType', 'signText', 'dischargeVolume']) {
      expect(field(form, key)).toBeDefined();
    }
    // the new firm's licence comes from 企业设立登记; only the optional licence of a corporate shareholder remains
    const licence = fileFields(form).filter((f) => f.materialName === '营业执照');
    expect(licence).toHaveLength(1);
    expect(licence[0].required).toBe(false);
  });
  it('企业开办一件事: the licence the bundle issues is not asked of the later items', () => {
    const form = formForBundle(bundle('company-startup'), SERVICE_ITEMS);
    expect(
      fileFields(form)
        .filter((f) => f.materialName === '营业执照')
        .every((f) => !f.required),
    ).toBe(true);
    expect(field(form, 'creditCode')).toBeUndefined();
  });
  it('企业注销一件事: the reason once, no 清税证明, the firm identified by its credit code', () => {
    const form = formForBundle(bundle('company-closure'), SERVICE_ITEMS);
    expect(count(form, 'deregistrationReason')).toBe(1);
    expect(field(form, 'deregistrationMode')).toBeDefined();
    expect(field(form, 'creditCode')).toMatchObject({ prefill: 'creditCode' });
    expect(fileFields(form).some((f) => f.materialName === '清税证明')).toBe(false);
    const licence = fileFields(form).filter((f) => f.materialName === '营业执照');
    expect(licence).toHaveLength(1);
    expect(licence[0].required).toBe(true);
  });
  it('has a section per item with questions, named after the item', () => {
    const form = formForBundle(bundle('restaurant-opening'), SERVICE_ITEMS);
    expect(form.sections).toEqual([
      SECTION_APPLICANT,
      SECTION_CONTACT,
      '企业设立登记（营业执照）',
      '食品经营许可',
      '户外广告设施和招牌设置审批',
      '城镇污水排入排水管网许可',
      SECTION_MATERIALS,
    ]); // 消防安全检查 asks only what earlier items already asked
  });
  it('takes the bundle items in bundle order from any list, and fails on a missing one', () => {
    const b = bundle('birth');
    expect(formForBundle(b, [...SERVICE_ITEMS].reverse())).toEqual(formForBundle(b, b.itemIds.map(item)));
    expect(() => formForBundle(b, [item('newborn-hukou')])).toThrow(/birth-medical-certificate/);
  });
  it('prefixes a different question under a taken key with the item', () => {
    const fields = ITEM_FIELDS as Record<string, readonly FieldSpec[]>;
    const a = { ...item('no-criminal-record'), id: 'test-a', name: '测试事项甲' };
    const b = { ...item('id-card'), id: 'test-b', name: '测试事项乙' };
    fields['test-a'] = [{ key: 'purpose', label: '用途', type: 'text', required: true }];
    fields['test-b'] = [
      { key: 'purpose', label: '用途', type: 'text', required: false },
      { key: 'phone', label: '备用手机', type: 'phone', required: false },
    ];
    try {
      const form = formForBundle({ ...bundle('birth'), id: 'test', itemIds: ['test-a', 'test-b'] }, [a, b]);
      expect(FormDef.safeParse(form).success).toBe(true);
      expect(field(form, 'purpose')).toMatchObject({ required: true, section: '测试事项甲' });
      expect(field(form, 'i2Purpose')).toMatchObject({ required: false, section: '测试事项乙' });
      expect(field(form, 'i2Phone')).toMatchObject({ label: '备用手机' });
      expect(field(form, 'phone')!.section).toBe(SECTION_CONTACT);
    } finally {
      delete fields['test-a'];
      delete fields['test-b'];
    }
  });
});

describe('materialFieldKeys', () => {
  it('lists the required file fields', () => {
    const form = formForItem(item('company-establishment'));
    const required = item('company-establishment').materials.filter((m) => m.required && asksUpload(m)).length;
    expect(materialFieldKeys(form)).toHaveLength(required);
    expect(materialFieldKeys(form)).toEqual(
      fileFields(form)
        .filter((f) => f.required)
        .map((f) => f.key),
    );
    for (const key of materialFieldKeys(form)) expect(field(form, key)).toMatchObject({ type: 'file', required: true });
  });
  it('counts a shared material once in a bundle', () => {
    const form = formForBundle(bundle('birth'), SERVICE_ITEMS);
    const names = materialFieldKeys(form).map((k) => field(form, k)!.materialName);
    expect(names).toContain('居民户口簿');
    expect(duplicates(names as string[])).toEqual([]);
  });
});

describe('requiredMaterialNames and deferMaterials', () => {
  const form = formForItem(item('food-business-licence'));
  const names = requiredMaterialNames(form);
  it('names the required materials, in the order of materialFieldKeys', () => {
    expect(names).toEqual(
      item('food-business-licence')
        .materials.filter((m) => m.required && asksUpload(m))
        .map((m) => m.name),
    );
    expect(names).toEqual(materialFieldKeys(form).map((k) => field(form, k)!.materialName));
  });
  it('lets a deferred material (by name or key) be left out, and nothing else', () => {
    const answers = fill(form, true);
    const [firstKey, secondKey] = materialFieldKeys(form);
    delete answers[firstKey];
    delete answers[secondKey];
    expect(Object.keys(fieldErrors(form, answers)).sort()).toEqual([firstKey, secondKey].sort());
    expect(fieldErrors(deferMaterials(form, [names[0]]), answers)).toEqual({ [secondKey]: '必填' });
    expect(fieldErrors(deferMaterials(form, [names[0], secondKey]), answers)).toEqual({});
    expect(deferMaterials(form, [])).toBe(form);
    expect(FormDef.safeParse(deferMaterials(form, names)).success).toBe(true);
    expect(materialFieldKeys(deferMaterials(form, names))).toEqual([]);
  });
});
