import type { Role } from '@yx/shared';

/**
 * Demo people and firms for the local stack and the tests. ID numbers and credit codes are
 * made up but carry valid check digits.
 */
export interface SeedUser {
  id: string;
  role: Role;
  nickname: string;
  description: string; // shown on the development login page
  realName?: string;
  idNumber?: string;
  /** how the real name was established: 2 proven by face (the default for seeded people with an ID), 1 only typed */
  idLevel?: 1 | 2;
  phone?: string;
  enterpriseCode?: string;
  firmRole?: 'legal' | 'agent';
  departmentId?: string;
  area?: string;
  street?: string; // 所在街道 (a dispatcher's own street)
  partnerId?: string; // 会员日 partner staff
}

export interface SeedEnterprise {
  creditCode: string;
  name: string;
  grade: 'A' | 'B' | 'C' | 'D';
  legalRepresentative: string;
  /** the registry's record of the legal representative's ID (seeded stand-in; stored only as a keyed hash) */
  legalRepIdNumber: string;
  address: string;
  street: string;
  /** the registry's facts the policy matcher reads (issue 17); some left out on purpose (信息不足 demos) */
  registeredOn: string;
  industry: string;
  size: 'micro' | 'small' | 'medium' | 'large';
  headcount?: number;
  revenue?: number;
  taxPaid?: number;
  qualifications: string[];
}

export const SEED_ENTERPRISES: SeedEnterprise[] = [
  {
    creditCode: '91440104MA5CXK1P06',
    name: '广州越秀粤味餐饮有限公司',
    grade: 'A',
    legalRepresentative: '陈志强',
    legalRepIdNumber: '440104198511220021',
    address: '越秀区北京路 188 号',
    street: 'beijing',
    registeredOn: '2016-05-12',
    industry: 'H6210',
    size: 'small',
    headcount: 48,
    revenue: 1850,
    taxPaid: 96,
    qualifications: ['time-honored'],
  },
  {
    creditCode: '91440104MA9W2RQ81Q',
    name: '广州东山创新科技有限公司',
    grade: 'B',
    legalRepresentative: '王丽娟',
    legalRepIdNumber: '440104197805120048',
    address: '越秀区东风东路 745 号',
    street: 'dongshan',
    // young, and no tax record: 「成立满 3 年 — 还差 N 个月」, 「上年度纳税额数据缺失」
    registeredOn: '2024-07-15',
    industry: 'I6510',
    size: 'small',
    headcount: 35,
    revenue: 1200,
    qualifications: ['tech-sme'],
  },
  {
    creditCode: '91440104MA5D3L7H2Q',
    name: '广州流花商贸有限公司',
    grade: 'C',
    legalRepresentative: '刘建国',
    legalRepIdNumber: '440104197003150034',
    address: '越秀区环市西路 202 号',
    street: 'liuhua',
    registeredOn: '2012-03-01',
    industry: 'F5212',
    size: 'micro',
    headcount: 9,
    revenue: 420,
    taxPaid: 12,
    qualifications: [],
  },
  {
    creditCode: '91440104MA59TT6N3E',
    name: '广州海珠桥物流有限公司',
    grade: 'D',
    legalRepresentative: '黄海',
    legalRepIdNumber: '440104196609210017',
    address: '越秀区沿江中路 298 号',
    street: 'renmin',
    registeredOn: '2008-10-20',
    industry: 'G5942',
    size: 'medium',
    headcount: 160,
    revenue: 9800,
    taxPaid: 310,
    qualifications: ['above-scale'],
  },
  {
    creditCode: '92440104MA5E0XKA45',
    name: '越秀区惠福东路小林茶铺',
    grade: 'B',
    legalRepresentative: '林小芳',
    legalRepIdNumber: '44010419800428002X',
    address: '越秀区惠福东路 360 号',
    street: 'renmin',
    registeredOn: '2019-09-09',
    industry: 'H6231',
    size: 'micro',
    headcount: 3,
    revenue: 60,
    taxPaid: 0.8,
    qualifications: [],
  },
  {
    // issue 12's story: its legal representative 赵云山 binds it and authorises 钱晓东 as agent
    creditCode: '91440104MA5F8YR3K9',
    name: '广州越秀云山文化传媒有限公司',
    grade: 'A',
    legalRepresentative: '赵云山',
    legalRepIdNumber: '440104197908020058',
    address: '越秀区中山四路 225 号',
    street: 'beijing',
    registeredOn: '2020-06-18',
    industry: 'R8890',
    size: 'small',
    headcount: 26,
    revenue: 1050,
    taxPaid: 63,
    qualifications: ['srdi'],
  },
  {
    // issue 17's story: bound by its legal representative 何晓岚; 孙志远 is its agent, allowed to handle 政策兑现
    creditCode: '91440104MA5G2LN7X7',
    name: '广州越秀岭南数字文化有限公司',
    grade: 'A',
    legalRepresentative: '何晓岚',
    legalRepIdNumber: '440104198309120043',
    address: '越秀区北京路 238 号名盛广场 12 楼',
    street: 'beijing',
    registeredOn: '2019-04-08',
    industry: 'I6510',
    size: 'small',
    headcount: 42,
    revenue: 2300,
    taxPaid: 138,
    qualifications: ['hnte'],
  },
  {
    // issue 20's story: a merchant on 北京路 with two penalties (grade B); its agent 唐晓华 asks to repair the older one
    creditCode: '91440104MA5H6TK2QE',
    name: '广州越秀北京路陈记糖水有限公司',
    grade: 'B',
    legalRepresentative: '梁雪梅',
    legalRepIdNumber: '440104197807160027',
    address: '越秀区北京路 326 号',
    street: 'beijing',
    registeredOn: '2015-03-18',
    industry: 'H6210',
    size: 'micro',
    headcount: 8,
    revenue: 260,
    taxPaid: 6,
    qualifications: [],
  },
];

/** Grants already in force (offered and accepted), for the stories that start from an agent at work. */
export const SEED_FIRM_AGENTS = [
  {
    creditCode: '91440104MA5G2LN7X7',
    firmName: '广州越秀岭南数字文化有限公司',
    agentId: 'u-agent-sun',
    agentName: '孙志远',
    agentIdNumberMasked: '4401**********0056',
    allItems: true,
    itemIds: [],
    commitments: false,
    benefits: true,
    expiresOn: '2028-12-31',
    status: 'accepted' as const,
    offeredBy: 'u-enterprise-he',
    offeredByName: '何晓岚',
    offeredAt: '2026-01-05T10:00:00.000Z',
    acceptedAt: '2026-01-05T10:30:00.000Z',
  },
  {
    creditCode: '91440104MA5H6TK2QE',
    firmName: '广州越秀北京路陈记糖水有限公司',
    agentId: 'u-agent-tang',
    agentName: '唐晓华',
    agentIdNumberMasked: '4401**********0041',
    allItems: true,
    itemIds: [],
    commitments: true,
    benefits: false,
    expiresOn: '2028-12-31',
    status: 'accepted' as const,
    offeredBy: 'u-merchant-liang',
    offeredByName: '梁雪梅',
    offeredAt: '2026-02-02T09:00:00.000Z',
    acceptedAt: '2026-02-02T09:20:00.000Z',
  },
];

export const SEED_USERS: SeedUser[] = [
  {
    id: 'u-resident-zhang',
    role: 'resident',
    nickname: '张晓明',
    description: '居民 · 已实名',
    realName: '张晓明',
    idNumber: '440104199003070017',
    phone: '13800138000',
    street: 'beijing',
  },
  { id: 'u-resident-li', role: 'resident', nickname: '李小红', description: '居民 · 未实名', phone: '13912345678' },
  // issue 12's story: 孙晓燕 proves her name by face and takes her ID back from an account that had typed it
  { id: 'u-resident-sun', role: 'resident', nickname: '孙晓燕', description: '居民 · 新用户（人脸核验实名演示）' },
  {
    id: 'u-resident-squatter',
    role: 'resident',
    nickname: '微信用户8848',
    description: '居民 · 曾填写孙晓燕的身份证号（仅填写，未核验）',
    realName: '孙晓燕',
    idNumber: '44010419920518002X',
    idLevel: 1,
  },
  {
    id: 'u-resident-zhou',
    role: 'resident',
    nickname: '周伯',
    description: '居民 · 长者 · 已实名',
    realName: '周永福',
    idNumber: '440104196208150033',
    phone: '13712340000',
    street: 'dongshan',
  },
  {
    // issue 12's story: she applies for her father 周永福 once he authorised her (亲友代办)
    id: 'u-resident-zhou-daughter',
    role: 'resident',
    nickname: '周小敏',
    description: '居民 · 周伯的女儿（亲友代办演示）',
    realName: '周小敏',
    idNumber: '440104199003160020',
    phone: '13712340001',
    street: 'dongshan',
  },
  {
    id: 'u-resident-wu',
    role: 'resident',
    nickname: '吴建华',
    description: '居民（时钟演示用） · 实名',
    realName: '吴建华',
    idNumber: '44010419700612005X',
    phone: '13660001234',
    street: 'liuhua',
  },
  {
    id: 'u-enterprise-chen',
    role: 'enterprise',
    nickname: '陈志强',
    description: '企业 · 粤味餐饮 · 信用 A 级',
    realName: '陈志强',
    idNumber: '440104198511220021',
    phone: '13600001111',
    enterpriseCode: '91440104MA5CXK1P06',
    firmRole: 'legal',
  },
  {
    id: 'u-enterprise-wang',
    role: 'enterprise',
    nickname: '王丽娟',
    description: '企业 · 东山科技 · 信用 B 级',
    realName: '王丽娟',
    idNumber: '440104197805120048',
    phone: '13500002222',
    enterpriseCode: '91440104MA9W2RQ81Q',
    firmRole: 'legal',
  },
  {
    id: 'u-enterprise-liu',
    role: 'enterprise',
    nickname: '刘建国',
    description: '企业 · 流花商贸 · 信用 C 级',
    realName: '刘建国',
    idNumber: '440104197003150034',
    phone: '13700003333',
    enterpriseCode: '91440104MA5D3L7H2Q',
    firmRole: 'legal',
  },
  {
    id: 'u-legal-zhao',
    role: 'resident',
    nickname: '赵云山',
    description: '居民 · 云山文化传媒法定代表人（未绑定企业）',
    realName: '赵云山',
    idNumber: '440104197908020058',
    phone: '13600004444',
  },
  {
    // issue 19's second voter in 府前社区: no other story changes her, so the deliberation test does not hang on their order
    id: 'u-resident-chen',
    role: 'resident',
    nickname: '陈秀兰',
    description: '居民 · 府前社区（居民议事演示）',
    realName: '陈秀兰',
    idNumber: '440104198509210043',
    phone: '13600005555',
    street: 'beijing',
  },
  {
    // issue 12's story: the admin invites her as a window officer with a one-time code, then disables her
    id: 'u-resident-lin',
    role: 'resident',
    nickname: '林新',
    description: '居民 · 新入职的窗口人员（邀请码演示）',
  },
  {
    id: 'u-agent-qian',
    role: 'resident',
    nickname: '钱晓东',
    description: '居民 · 待授权的企业经办人',
    realName: '钱晓东',
    idNumber: '44010419950614003X',
    phone: '13600005555',
  },
  { id: 'u-staff-market', role: 'staff', nickname: '市场监管窗口 林主任', description: '窗口人员 · 区市场监管局', departmentId: 'market' },
  { id: 'u-staff-police', role: 'staff', nickname: '户政窗口 黄警官', description: '窗口人员 · 区公安分局', departmentId: 'police' },
  { id: 'u-staff-police-2', role: 'staff', nickname: '户政窗口 吴警官', description: '窗口人员 · 区公安分局（第二位）', departmentId: 'police' },
  { id: 'u-staff-planning', role: 'staff', nickname: '规划窗口 罗工', description: '审批人员 · 规划和自然资源越秀分局', departmentId: 'planning' },
  { id: 'u-staff-housing', role: 'staff', nickname: '住建窗口 郑工', description: '审批人员 · 区住房和建设局', departmentId: 'housing' },
  { id: 'u-staff-fire', role: 'staff', nickname: '消防窗口 钟参谋', description: '审批人员 · 区消防救援大队', departmentId: 'fire' },
  { id: 'u-staff-commerce', role: 'staff', nickname: '政策兑现窗口 何科长', description: '窗口人员 · 区商务局（政策发布与兑现）', departmentId: 'commerce' },
  { id: 'u-staff-scitech', role: 'staff', nickname: '科工信 许科长', description: '窗口人员 · 区科工信局（政策发布与兑现）', departmentId: 'sci-tech' },
  // 政务公开 (issue 19): the education bureau publishes 划片招生 and 摇号结果
  {
    id: 'u-staff-education',
    role: 'staff',
    nickname: '区教育局 信息公开 陈老师',
    description: '窗口人员 · 区教育局（政务公开发布）',
    departmentId: 'education',
  },
  // 叫号 (issue 18): the hall's 综合窗口 (区政数局 runs the hall) and a street centre's window
  { id: 'u-staff-hall', role: 'staff', nickname: '综合窗口 冯敏', description: '窗口人员 · 区政务服务中心综合受理（叫号）', departmentId: 'data' },
  {
    id: 'u-staff-beijing-centre',
    role: 'staff',
    nickname: '北京街便民服务中心 陈珊',
    description: '窗口人员 · 北京街道便民服务中心（叫号）',
    street: 'beijing',
  },
  { id: 'u-staff-urban', role: 'staff', nickname: '城管执法 谭队', description: '承办人员 · 区城市管理和综合执法局', departmentId: 'urban' },
  { id: 'u-grid-beijing', role: 'grid', nickname: '网格员 何敏', description: '网格员 · 北京街 府前社区', area: '北京街道/府前社区', street: 'beijing' },
  { id: 'u-grid-beijing-2', role: 'grid', nickname: '网格员 邓伟', description: '网格员 · 北京街 盐运西社区', area: '北京街道/盐运西社区', street: 'beijing' },
  { id: 'u-dispatcher-beijing', role: 'dispatcher', nickname: '北京街调度员 梁军', description: '调度员 · 北京街道', area: '北京街道', street: 'beijing' },
  {
    id: 'u-resident-huang',
    role: 'resident',
    nickname: '黄美玲',
    description: '居民 · 会员专区演示（未领卡，已有 195 积分）',
    realName: '黄美玲',
    idNumber: '440104198807230026',
    phone: '13570005678',
    street: 'dongshan',
  },
  {
    id: 'u-partner-museum',
    role: 'partner',
    nickname: '省博物馆 服务台 苏小姐',
    description: '合作商户 · 广东省博物馆（核销兑换码）',
    partnerId: 'gd-museum',
    area: '广东省博物馆',
  },
  {
    id: 'u-partner-yuewei',
    role: 'partner',
    nickname: '粤味餐饮 收银 阿杰',
    description: '合作商户 · 粤味餐饮（核销兑换码）',
    partnerId: 'yuewei',
    area: '广州越秀粤味餐饮有限公司',
  },
  {
    id: 'u-enterprise-he',
    role: 'enterprise',
    nickname: '何晓岚',
    description: '企业 · 岭南数字文化 · 法定代表人',
    realName: '何晓岚',
    idNumber: '440104198309120043',
    phone: '13600006666',
    enterpriseCode: '91440104MA5G2LN7X7',
    firmRole: 'legal',
  },
  {
    id: 'u-agent-sun',
    role: 'enterprise',
    nickname: '孙志远',
    description: '企业经办人 · 岭南数字文化 · 可办理政策兑现',
    realName: '孙志远',
    idNumber: '440104199103050056',
    phone: '13600007777',
    enterpriseCode: '91440104MA5G2LN7X7',
    firmRole: 'agent',
  },
  {
    id: 'u-merchant-liang',
    role: 'enterprise',
    nickname: '梁雪梅',
    description: '企业法定代表人 · 北京路陈记糖水（信用码商户）',
    realName: '梁雪梅',
    idNumber: '440104197807160027',
    phone: '13600008888',
    enterpriseCode: '91440104MA5H6TK2QE',
    firmRole: 'legal',
  },
  {
    id: 'u-agent-tang',
    role: 'enterprise',
    nickname: '唐晓华',
    description: '企业经办人 · 陈记糖水 · 可签署信用承诺（信用修复演示）',
    realName: '唐晓华',
    idNumber: '440104199203080041',
    phone: '13600009999',
    enterpriseCode: '91440104MA5H6TK2QE',
    firmRole: 'agent',
  },
  { id: 'u-admin', role: 'admin', nickname: '区政数局管理员', description: '管理员 · 区政务服务数据管理局', departmentId: 'data' },
];

/** The grids (网格, communities) of a few streets; the admin keeps the rest in 组织架构. */
export const SEED_GRIDS: Record<string, string[]> = {
  beijing: ['府前社区', '盐运西社区', '仰忠社区', '都府社区'],
  dongshan: ['东山口社区', '新河浦社区', '寺右社区'],
  liuhua: ['流花社区', '三眼井社区'],
  renmin: ['大新社区', '光复南社区'],
};
