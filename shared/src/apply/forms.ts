import { E_LICENCE_TYPES, type Audience, type Bundle, type Material, type ServiceItem } from '../guide/schema';
import type { FieldDef, FieldPattern, FormDef, NotUploadedMaterial } from './form';
import { STREETS } from '../places/streets';
import { DEPARTMENTS } from '../guide/catalogue';

/**
 * The application form of every service item and 一件事 bundle, derived from the catalogue:
 * who applies (pre-filled), how to reach them, the item's own questions, and one file field per
 * material the person provides (an upload or an e-licence from the wallet). What the form itself produces
 * (its 申请表) or another department provides is never a file field: the form lists it, said as the catalogue
 * says it. "一表申请": a bundle asks everything its items share once.
 */

export const SECTION_APPLICANT = '申请人信息';
export const SECTION_CONTACT = '联系方式';
export const SECTION_ITEM = '事项信息';
export const SECTION_MATERIALS = '材料';

/** A field before it is placed in a section. */
export type FieldSpec = Omit<FieldDef, 'section'>;

const NAME_PATTERN: FieldPattern = { regex: '^[\\u4e00-\\u9fa5·]{2,20}$', message: '应为 2–20 个汉字（可含间隔号“·”）' };

// ---------------------------------------------------------------------------------------------
// Applicant and contact
// ---------------------------------------------------------------------------------------------

/**
 * Who applies. 'founding' is a firm being set up: it has no credit code yet (the code is
 * assigned with the business licence), so the person handling it (经办人) identifies themself.
 */
export type ApplicantKind = Audience | 'founding';

const APPLICANT_FIELDS: Record<ApplicantKind, FieldSpec[]> = {
  person: [
    { key: 'realName', label: '姓名', type: 'text', required: true, max: 20, pattern: NAME_PATTERN, prefill: 'realName' },
    { key: 'idNumber', label: '身份证号码', type: 'residentId', required: true, prefill: 'idNumber' },
  ],
  enterprise: [
    { key: 'enterpriseName', label: '企业名称', type: 'text', required: true, min: 2, max: 60, prefill: 'enterpriseName' },
    { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: true, prefill: 'creditCode' },
    { key: 'legalRepresentative', label: '法定代表人', type: 'text', required: true, min: 2, max: 40, prefill: 'legalRepresentative' },
  ],
  founding: [
    {
      key: 'enterpriseName',
      label: '拟设立企业名称',
      type: 'text',
      required: true,
      min: 2,
      max: 60,
      help: '经名称自主申报通过的企业名称',
    },
    { key: 'legalRepresentative', label: '法定代表人', type: 'text', required: true, min: 2, max: 40 },
    { key: 'realName', label: '经办人姓名', type: 'text', required: true, max: 20, pattern: NAME_PATTERN, prefill: 'realName' },
    { key: 'idNumber', label: '经办人身份证号码', type: 'residentId', required: true, prefill: 'idNumber' },
  ],
};

const CONTACT_FIELDS: FieldSpec[] = [
  { key: 'phone', label: '手机号码', type: 'phone', required: true, prefill: 'phone', help: '用于接收办理进度通知' },
  {
    key: 'address',
    label: '联系地址',
    type: 'address',
    required: false,
    prefill: 'address',
    help: '选择证照邮寄送达时填写',
  },
  {
    key: 'street',
    label: '所在街道',
    type: 'choice',
    required: true,
    prefill: 'street',
    options: STREETS.map((s) => ({ value: s.id, label: s.name })),
    help: '办件计入所在街道便民服务中心的服务评价（街道绩效）',
  },
];

/** Items whose applicant is not simply their audience. */
export const APPLICANT_OVERRIDES: Readonly<Record<string, ApplicantKind>> = {
  'company-establishment': 'founding',
  // 个体工商户: the operator (经营者) applies in person; the business has no credit code yet.
  'individual-business-registration': 'person',
};

// ---------------------------------------------------------------------------------------------
// Item-specific questions
// ---------------------------------------------------------------------------------------------

const choice = (key: string, label: string, options: [string, string][], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  type: 'choice',
  required: true,
  options: options.map(([value, l]) => ({ value, label: l })),
  ...extra,
});

// Shared definitions: an identical field in several items of a bundle is asked once.
const NEWBORN_NAME: FieldSpec = { key: 'newbornName', label: '新生儿姓名', type: 'text', required: true, max: 20, pattern: NAME_PATTERN };
const NEWBORN_SEX = choice('newbornSex', '新生儿性别', [
  ['male', '男'],
  ['female', '女'],
]);
const BIRTH_DATE: FieldSpec = { key: 'birthDate', label: '出生日期', type: 'date', required: true };
const SPOUSE_NAME: FieldSpec = { key: 'spouseName', label: '配偶姓名', type: 'text', required: true, max: 20, pattern: NAME_PATTERN };
const SPOUSE_ID: FieldSpec = { key: 'spouseIdNumber', label: '配偶身份证号码', type: 'residentId', required: true };
const PREMISES_ADDRESS: FieldSpec = { key: 'premisesAddress', label: '经营场所地址', type: 'address', required: true };
const PREMISES_AREA: FieldSpec = { key: 'premisesArea', label: '经营场所面积（平方米）', type: 'number', required: true, min: 1, max: 100000 };
const BUSINESS_SCOPE: FieldSpec = {
  key: 'businessScope',
  label: '经营范围',
  type: 'textarea',
  required: true,
  min: 2,
  max: 1000,
  help: '按经营范围规范表述目录选择填写',
};
const DEREGISTRATION_REASON = choice('deregistrationReason', '注销原因', [
  ['resolution', '股东会决议解散'],
  ['term-expired', '营业期限届满'],
  ['revoked', '依法被吊销营业执照、责令关闭或撤销'],
  ['merger', '因合并或分立需要解散'],
  ['other', '其他原因'],
]);

/** The questions of notable items, by item id (every other item asks only the common sections). */
/** 用途 of a certificate (证明开具): the value is stored, the words are printed on the certificate. */
export const CERTIFICATE_PURPOSES: [string, string][] = [
  ['employment', '就业'],
  ['abroad', '出国（境）'],
  ['study', '入学'],
  ['qualification', '资格考试、执业注册'],
  ['other', '其他'],
];
export const FIRM_CERTIFICATE_PURPOSES: [string, string][] = [
  ['bidding', '招投标'],
  ['loan', '银行贷款'],
  ['qualification', '资质申报'],
  ['other', '其他'],
];
/** The printed words of a purpose value. */
export const purposeWords = (value: unknown): string | undefined => [...CERTIFICATE_PURPOSES, ...FIRM_CERTIFICATE_PURPOSES].find(([v]) => v === value)?.[1];

export const ITEM_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  'birth-medical-certificate': [
    NEWBORN_NAME,
    NEWBORN_SEX,
    BIRTH_DATE,
    { key: 'birthHospital', label: '出生医院', type: 'text', required: true, min: 2, max: 60 },
  ],
  'newborn-hukou': [
    NEWBORN_NAME,
    NEWBORN_SEX,
    BIRTH_DATE,
    choice('hukouWith', '随父或随母入户', [
      ['father', '随父'],
      ['mother', '随母'],
    ]),
  ],
  'residence-permit': [
    { key: 'residenceAddress', label: '居住地址', type: 'address', required: true },
    { key: 'residenceSince', label: '居住起始日期', type: 'date', required: true, help: '在本市居住登记的日期' },
    choice('permitBasis', '申领条件', [
      ['employment', '合法稳定就业'],
      ['housing', '合法稳定住所'],
      ['study', '连续就读'],
    ]),
  ],
  // 证明开具 (issue 15): what the certificate is for, printed on it
  'no-criminal-record': [choice('purpose', '用途', CERTIFICATE_PURPOSES)],
  'residence-certificate': [choice('purpose', '用途', CERTIFICATE_PURPOSES)],
  'hukou-certificate': [choice('purpose', '用途', CERTIFICATE_PURPOSES)],
  'marriage-record-certificate': [choice('purpose', '用途', CERTIFICATE_PURPOSES)],
  'tax-certificate': [choice('purpose', '用途', FIRM_CERTIFICATE_PURPOSES)],
  'credit-report': [choice('purpose', '用途', FIRM_CERTIFICATE_PURPOSES)],
  'elevator-installation': [
    { key: 'estateName', label: '小区名称', type: 'text', required: true, min: 2, max: 40 },
    { key: 'buildingNo', label: '楼栋号', type: 'text', required: true, max: 20, placeholder: '如：12号楼2单元' },
    {
      key: 'consentRatio',
      label: '业主同意比例（%）',
      type: 'number',
      required: true,
      min: 75,
      max: 100,
      help: '参与表决的业主中同意增设电梯的比例，专有部分面积和人数均须达到四分之三以上',
    },
  ],
  'housing-fund-withdrawal': [
    choice('withdrawalReason', '提取原因', [
      ['purchase', '购买自住住房'],
      ['rent', '本市无房租赁住房'],
      ['retirement', '离休、退休'],
      ['emigration', '出境定居'],
    ]),
    {
      key: 'withdrawalAmount',
      label: '提取金额（元）',
      type: 'number',
      required: false,
      min: 0.01,
      max: 10000000,
      help: '不填则按可提取的最高金额办理',
    },
  ],
  'marriage-registration': [SPOUSE_NAME, SPOUSE_ID],
  'birth-registration': [
    SPOUSE_NAME,
    SPOUSE_ID,
    choice('childOrder', '本次登记孩次', [
      ['1', '第一孩'],
      ['2', '第二孩'],
      ['3', '第三孩及以上'],
    ]),
  ],
  'hukou-move-in': [
    choice('moveInType', '迁入类型', [
      ['spouse', '夫妻投靠'],
      ['parents', '父母投靠子女'],
      ['children', '子女投靠父母'],
      ['talent', '人才引进'],
    ]),
    { key: 'moveInAddress', label: '迁入地址', type: 'address', required: true },
  ],
  'company-establishment': [
    choice('companyType', '企业类型', [
      ['llc', '有限责任公司'],
      ['llc-sole', '有限责任公司（自然人独资）'],
      ['joint-stock', '股份有限公司'],
      ['partnership', '合伙企业'],
      ['sole-proprietorship', '个人独资企业'],
    ]),
    { key: 'registeredCapital', label: '注册资本（万元）', type: 'number', required: true, min: 1, max: 1000000 },
    PREMISES_ADDRESS,
    BUSINESS_SCOPE,
  ],
  'individual-business-registration': [
    { key: 'businessName', label: '个体工商户名称', type: 'text', required: false, min: 2, max: 60, help: '可以不使用名称' },
    PREMISES_ADDRESS,
    BUSINESS_SCOPE,
  ],
  'food-business-licence': [
    choice('foodBusinessType', '经营项目', [
      ['sales', '食品销售'],
      ['catering', '餐饮服务'],
      ['sales-and-catering', '食品销售和餐饮服务'],
      ['canteen', '单位食堂'],
    ]),
    PREMISES_ADDRESS,
    PREMISES_AREA,
  ],
  'outdoor-signboard': [
    PREMISES_ADDRESS,
    { key: 'signText', label: '招牌文字', type: 'text', required: true, max: 30 },
    { key: 'signArea', label: '招牌面积（平方米）', type: 'number', required: true, min: 0.1, max: 200 },
  ],
  'fire-safety-check': [PREMISES_ADDRESS, PREMISES_AREA],
  'drainage-permit': [PREMISES_ADDRESS, { key: 'dischargeVolume', label: '日排水量（立方米）', type: 'number', required: true, min: 0.1, max: 100000 }],
  'information-disclosure': [
    // 政府信息公开条例 art. 29: who asks (the applicant's fields), what information, in what form — never why
    {
      key: 'targetDepartment',
      label: '向哪个机关申请',
      type: 'choice',
      required: true,
      options: DEPARTMENTS.map((d) => ({ value: d.id, label: d.name })),
      help: '选择制作或保存该信息的行政机关；选错了，该机关会告知您应向哪个机关申请',
    },
    {
      key: 'documentNo',
      label: '文件名称或文号（知道的话）',
      type: 'text',
      required: false,
      max: 60,
      help: '如：越府办〔2026〕12号',
    },
    {
      key: 'requestedInfo',
      label: '所需政府信息',
      type: 'textarea',
      required: true,
      min: 4,
      max: 500,
      help: '写明信息的名称、文号，或便于查找的内容描述（如时间、发文机关）',
    },
    choice('infoFormat', '获取信息的方式', [
      ['electronic', '电子文档（在线获取）'],
      ['post', '纸质件邮寄'],
      ['pickup', '当面领取'],
    ]),
  ],
  'tax-deregistration': [DEREGISTRATION_REASON],
  'company-deregistration': [
    DEREGISTRATION_REASON,
    choice('deregistrationMode', '注销方式', [
      ['simplified', '简易注销'],
      ['general', '一般注销'],
    ]),
  ],
};

// ---------------------------------------------------------------------------------------------
// Materials
// ---------------------------------------------------------------------------------------------

/** E-licence names by type id (the catalogue uses the same table). */
export const E_LICENCE_NAMES: Readonly<Record<string, string>> = E_LICENCE_TYPES;

/** Whether the form asks the person for this material (an upload or an e-licence): not what the form or another department produces. */
export const asksUpload = (material: Material): boolean => material.source === 'upload';

/** A label of at most 20 characters: the name, without its parenthesis if too long, then cut. */
export function materialLabel(name: string): string {
  if (name.length <= 20) return name;
  const short = name.replace(/（[^）]*）/g, '');
  return short.length <= 20 ? short : `${short.slice(0, 19)}…`;
}

/** The field's help: the catalogue's instruction, after the full name when the label had to shorten it. */
function materialHelp(material: Material, label: string, usedBy: string[]): string {
  const name = label === material.name ? '' : `${material.name}。`;
  const shared = usedBy.length > 1 ? `${usedBy.join('、')}都用这份材料，只需提交一次。` : '';
  return `${name}${material.instruction}${shared}`;
}

interface MaterialUse {
  material: Material;
  required: boolean;
  usedBy: string[];
}

const normalisedName = (s: string): string => s.replace(/（[^）]*）/g, '').replace(/[《》\s]/g, '');

/**
 * In a bundle, the member (other than `asker`) whose result is this material, if any: e.g. the
 * 《出生医学证明》 that 新生儿入户登记 asks for is issued by 出生医学证明首次签发 in the same
 * 出生一件事, and the 营业执照 of 企业开办一件事 comes from 企业设立登记. The bundle shares it
 * between its items ("资料共享流转"), so its form does not ask for it.
 */
export function materialProducer(materialName: string, members: ServiceItem[], asker: ServiceItem): ServiceItem | undefined {
  const name = normalisedName(materialName);
  return members.find((m) => m.id !== asker.id && normalisedName(m.result) === name);
}

/** Materials by name, first appearance first; a material several items ask for is asked once. */
function collectMaterials(items: ServiceItem[], skip: (item: ServiceItem, material: Material) => boolean): MaterialUse[] {
  const byName = new Map<string, MaterialUse>();
  for (const item of items) {
    for (const material of item.materials) {
      if (skip(item, material)) continue;
      const use = byName.get(material.name);
      if (!use) {
        byName.set(material.name, { material, required: material.required, usedBy: [item.name] });
        continue;
      }
      use.required ||= material.required;
      if (!use.usedBy.includes(item.name)) use.usedBy.push(item.name);
      // Keep the most useful description: one that an e-licence can replace.
      if (!use.material.eLicence && material.eLicence) use.material = material;
    }
  }
  return [...byName.values()];
}

/** Issued by another item of the same 一件事: the bundle shares it, so nobody uploads it. */
const issuedInBundle = (items: ServiceItem[], item: ServiceItem, material: Material) =>
  items.length > 1 && materialProducer(material.name, items, item) !== undefined;

function materialFields(items: ServiceItem[]): FieldDef[] {
  const skip = (item: ServiceItem, material: Material) => !asksUpload(material) || issuedInBundle(items, item, material);
  return collectMaterials(items, skip).map(({ material, required, usedBy }, i) => {
    const label = materialLabel(material.name);
    return {
      key: `m${i}`,
      label,
      type: 'file',
      required,
      section: SECTION_MATERIALS,
      help: materialHelp(material, label, usedBy),
      materialName: material.name,
    };
  });
}

/**
 * The materials the form does not ask to upload, once by name, each with what the person is told: the catalogue's
 * instruction, or for one another item of the bundle issues, that it comes from that item.
 */
export function materialsWithoutUpload(items: ServiceItem[]): NotUploadedMaterial[] {
  const byName = new Map<string, NotUploadedMaterial>();
  for (const item of items) {
    for (const material of item.materials) {
      if (byName.has(material.name)) continue;
      const producer = items.length > 1 ? materialProducer(material.name, items, item) : undefined;
      if (producer) byName.set(material.name, { name: material.name, instruction: `由这次一并办理的“${producer.name}”出具，无需上传。` });
      else if (!asksUpload(material)) byName.set(material.name, { name: material.name, instruction: material.instruction });
    }
  }
  // a material one item has the person upload is asked for, even if another item of the bundle gets it otherwise
  const asked = new Set(materialFields(items).map((f) => f.materialName));
  return [...byName.values()].filter((m) => !asked.has(m.name));
}

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

/**
 * An item's own questions: those the catalogue keeps as data (`item.fields`, written on the admin's screens), else those
 * written in code for the shipped items (ITEM_FIELDS), else none.
 */
export const itemFieldsOf = (item: ServiceItem): readonly FieldSpec[] => item.fields ?? ITEM_FIELDS[item.id] ?? [];

const inSection = (section: string, specs: readonly FieldSpec[]): FieldDef[] => specs.map((s) => ({ ...s, section }));

function assemble(id: string, title: string, applicant: ApplicantKind, groups: { section: string; fields: FieldDef[] }[], items: ServiceItem[]): FormDef {
  const head = [
    { section: SECTION_APPLICANT, fields: inSection(SECTION_APPLICANT, APPLICANT_FIELDS[applicant]) },
    { section: SECTION_CONTACT, fields: inSection(SECTION_CONTACT, CONTACT_FIELDS) },
  ];
  const all = [...head, ...groups, { section: SECTION_MATERIALS, fields: materialFields(items) }].filter((g) => g.fields.length > 0);
  const without = materialsWithoutUpload(items);
  return {
    id,
    title,
    sections: all.map((g) => g.section),
    fields: all.flatMap((g) => g.fields),
    ...(without.length ? { materialsWithoutUpload: without } : {}),
  };
}

/**
 * The form of one service item. An item for both audiences (e.g. 政府信息公开申请) gets the form
 * of `audience`, by default its first; its id then names the audience.
 */
export function formForItem(item: ServiceItem, audience: Audience = item.audience[0]): FormDef {
  if (!item.audience.includes(audience)) throw new Error(`item ${item.id} is not for ${audience}`);
  const applicant = APPLICANT_OVERRIDES[item.id] ?? audience;
  const id = item.audience.length > 1 ? `item:${item.id}:${audience}` : `item:${item.id}`;
  const specific = itemFieldsOf(item);
  return assemble(id, item.name, applicant, [{ section: SECTION_ITEM, fields: inSection(SECTION_ITEM, specific) }], [item]);
}

const BASE_KEYS = new Set([...Object.values(APPLICANT_FIELDS).flat(), ...CONTACT_FIELDS].map((f) => f.key));

/**
 * One form for a 一件事 bundle: applicant and contact once; each item's questions under a section
 * named after the item, where a question an earlier item already asks (same key, same
 * definition) is asked once and a different question under a taken key gets the key
 * `i<n><Key>` (n = the item's 1-based place in the bundle); materials asked once by name, and
 * not at all when another item of the bundle issues them (see `materialProducer`).
 * `items` may be the whole catalogue: the bundle's items are picked by id, in the bundle's order.
 */
export function formForBundle(bundle: Bundle, items: ServiceItem[]): FormDef {
  const members = bundle.itemIds.map((id) => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`bundle ${bundle.id}: item ${id} not found`);
    return item;
  });
  const applicant: ApplicantKind = members.some((i) => APPLICANT_OVERRIDES[i.id] === 'founding') ? 'founding' : bundle.audience;
  const asked = new Map<string, string>(); // key → JSON of the spec asked under it
  const groups = members.map((item, n) => {
    const fields: FieldDef[] = [];
    for (const spec of itemFieldsOf(item)) {
      const json = JSON.stringify(spec);
      if (asked.get(spec.key) === json) continue;
      let key = spec.key;
      if (asked.has(key) || BASE_KEYS.has(key)) key = `i${n + 1}${key[0].toUpperCase()}${key.slice(1)}`.slice(0, 40);
      asked.set(key, json);
      fields.push({ ...spec, key, section: item.name });
    }
    return { section: item.name, fields };
  });
  return assemble(`bundle:${bundle.id}`, bundle.name, applicant, groups, members);
}

/** Keys of the required file fields: the materials 容缺受理 may defer. */
export function materialFieldKeys(form: FormDef): string[] {
  return form.fields.filter((f) => f.type === 'file' && f.required).map((f) => f.key);
}

/** Material names of the required file fields (what `SubmitRequest.deferred` lists). */
export function requiredMaterialNames(form: FormDef): string[] {
  return form.fields.filter((f) => f.type === 'file' && f.required).map((f) => f.materialName ?? f.label);
}

/**
 * The form with the deferred materials (容缺, by material name or field key) made optional, to
 * validate the answers of an application whose deferral `checkDeferrals` allowed.
 */
export function deferMaterials(form: FormDef, deferred: readonly string[]): FormDef {
  if (deferred.length === 0) return form;
  const later = new Set(deferred);
  return {
    ...form,
    fields: form.fields.map((f) =>
      f.type === 'file' && f.required && (later.has(f.key) || (f.materialName !== undefined && later.has(f.materialName))) ? { ...f, required: false } : f,
    ),
  };
}
