/**
 * The words policies are written in (zod-free, so pages can show them without the schemas): benefit types, size
 * classes, qualifications, topics, and the sections (门类) of GB/T 4754-2017 国民经济行业分类.
 */

/** 涟源's five kinds of benefit (税收优惠、降本增效、资金奖补、金融支持、要素保障). */
export const BENEFIT_TYPES = {
  subsidy: '资金奖补',
  tax: '税收优惠',
  cost: '降本增效',
  finance: '金融支持',
  factor: '要素保障',
} as const;
export type BenefitType = keyof typeof BENEFIT_TYPES;

/** 企业规模 (工信部联企业〔2011〕300 号 划型): the registry's class. */
export const SIZE_CLASSES = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;
export type SizeClass = keyof typeof SIZE_CLASSES;

/** 企业资质: what a firm has been recognised as, by a department's list. */
export const QUALIFICATIONS = {
  hnte: '高新技术企业',
  'tech-sme': '科技型中小企业',
  srdi: '专精特新中小企业',
  'srdi-giant': '专精特新“小巨人”企业',
  'above-scale': '规模以上企业',
  'time-honored': '老字号',
  'employment-base': '就业见习基地',
} as const;
export type Qualification = keyof typeof QUALIFICATIONS;

/** 信用等级 as the credit system grades firms. */
export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type FirmGrade = (typeof CREDIT_GRADES)[number];

/** Topics a firm or a resident subscribes to (订阅): a new policy in the topic sends a message. */
export const POLICY_TOPICS = {
  innovation: '科技创新',
  employment: '稳岗就业',
  consumption: '商贸消费',
  culture: '文化旅游',
  finance: '融资支持',
  startup: '创业扶持',
  talent: '人才引进',
  green: '绿色低碳',
} as const;
export type PolicyTopicId = keyof typeof POLICY_TOPICS;

/** GB/T 4754-2017 门类: the letter every industry code starts with. */
export const INDUSTRY_SECTIONS = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const;
export type IndustrySection = keyof typeof INDUSTRY_SECTIONS;

/** A few 大类 (two digits after the letter) the seeded policies and firms use, named for people. */
export const INDUSTRY_DIVISIONS: Record<string, string> = {
  F51: '批发业',
  F52: '零售业',
  H61: '住宿业',
  H62: '餐饮业',
  I63: '电信、广播电视和卫星传输服务',
  I64: '互联网和相关服务',
  I65: '软件和信息技术服务业',
  L72: '商务服务业',
  M73: '研究和试验发展',
  M75: '科技推广和应用服务业',
  R86: '新闻和出版业',
  R87: '广播、电视、电影和录音制作业',
  R88: '文化艺术业',
  G59: '装卸搬运和仓储业',
};

/** The name of an industry code (门类 I, 大类 I65, 小类 I6510): the most precise name known. */
export function industryName(code: string): string {
  const division = INDUSTRY_DIVISIONS[code.slice(0, 3)];
  if (code.length === 1) return INDUSTRY_SECTIONS[code as IndustrySection] ?? code;
  return division ?? INDUSTRY_SECTIONS[code[0] as IndustrySection] ?? code;
}

/** What each kind of fact is called, and what proves it when the district holds no record of it. */
export const FACT_NAMES = {
  registeredOn: '成立日期',
  industry: '所属行业',
  size: '企业规模',
  street: '所在街道',
  headcount: '参保职工人数',
  revenue: '上年度营业收入',
  taxPaid: '上年度纳税额',
  grade: '信用等级',
  qualifications: '企业资质',
  received: '已享受政策',
} as const;
export type FactKey = keyof typeof FACT_NAMES;

/** The evidence a firm uploads to prove a fact the district's records lack (shown as 「上传 …」). */
export const FACT_EVIDENCE: Record<FactKey, string> = {
  registeredOn: '营业执照',
  industry: '营业执照（经营范围）',
  size: '上年度财务报表',
  street: '经营场所证明',
  headcount: '社保参保缴费证明',
  revenue: '上年度财务报表',
  taxPaid: '上年度完税证明',
  grade: '信用报告',
  qualifications: '资质认定证书',
  received: '政策兑现记录',
};

/** The facts a firm may add and prove itself (the rest come only from the district's records). */
export const DECLARABLE_FACTS = ['headcount', 'revenue', 'taxPaid', 'qualifications'] as const;
export type DeclarableFactKey = (typeof DECLARABLE_FACTS)[number];
