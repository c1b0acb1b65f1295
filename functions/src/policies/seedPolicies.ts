import type { NewPolicy } from '@yx/shared';

/**
 * The policies the district starts with (every stage: they are public documents, not demo people). Written after the
 * kinds the seeds list — 稳岗返还、高企奖励、专精特新、房租补贴、贷款贴息 — with 越秀 departments as issuers.
 */
type SeedPolicy = NewPolicy & { id: string };

const long = (...paras: string[]) => paras.join('\n\n');

export const SEED_POLICIES: SeedPolicy[] = [
  {
    id: 'yx-stable-jobs-2026',
    title: '越秀区2026年失业保险稳岗返还实施办法',
    issuer: 'hrss',
    docNo: '越人社规〔2026〕2号',
    issuedOn: '2026-02-10',
    topics: ['employment'],
    text: long(
      '第一条　为落实援企稳岗政策，减轻企业负担，根据国家和省、市关于失业保险支持企业稳定就业岗位的有关规定，制定本办法。',
      '第二条　在本区依法参加失业保险并足额缴费、上年度未裁员或裁员率不高于全国城镇调查失业率控制目标的企业，按上年度参保职工人数给予稳岗返还。',
      '第三条　中小微企业按每名参保职工 300 元返还，大型企业按每名参保职工 150 元返还，单户企业最高不超过 50 万元。',
      '第四条　稳岗返还实行“免申即享”，由人力资源社会保障部门通过数据比对确定符合条件的企业，企业确认后直接拨付至企业对公账户。',
      '第五条　被列入严重失信主体名单的企业不予返还。本办法自发布之日起施行，有效期至2027年12月31日。',
    ),
    interpretation:
      '这项政策是什么：企业按时交失业保险、没有大规模裁员，区里按参保人数把一部分失业保险费退给企业。\n\n能拿多少：中小微企业每名参保职工 300 元，最高 50 万元。\n\n怎么拿：不用申请。区人社局用社保数据比对，符合条件的企业会在“免申即享”里收到待确认的款项，法定代表人或获授权的经办人确认收款账户后直接拨付。\n\n注意：信用等级为 D 级（严重失信）的企业不能享受。',
    items: [
      {
        title: '中小微企业稳岗返还',
        benefit: { type: 'subsidy', text: '按上年度参保职工每人 300 元返还，最高 50 万元', perUnit: { base: 'headcount', yuan: 300 }, capYuan: 500_000 },
        conditions: [
          { kind: 'size', classes: ['micro', 'small', 'medium'] },
          { kind: 'headcount', min: 1 },
          { kind: 'grade', grades: ['A', 'B', 'C'] },
          { kind: 'notReceived', itemIds: [], withinYears: 1 },
        ],
        validFrom: '2026-02-10',
        validTo: '2027-12-31',
        mode: 'auto',
      },
    ],
  },
  {
    id: 'yx-hnte-award-2026',
    title: '越秀区支持科技创新发展的若干措施',
    issuer: 'sci-tech',
    docNo: '越府办规〔2026〕3号',
    issuedOn: '2026-03-18',
    topics: ['innovation', 'talent'],
    text: long(
      '一、对首次认定的国家高新技术企业，给予一次性奖励 20 万元；重新认定的，给予 10 万元奖励。',
      '二、对新认定的省级专精特新中小企业给予 10 万元奖励，对新认定的国家级专精特新“小巨人”企业给予 50 万元奖励。',
      '三、对上年度研发投入较大的科技型中小企业，按其纳税额的一定比例给予研发后补助。',
      '四、上述奖励中，属于“免申即享”的由区科工信局根据认定名单直接兑现；其余由企业申报，经审核后兑现。同一企业同一年度同类奖励不重复享受。',
    ),
    interpretation:
      '这项政策是什么：区里奖励搞科技创新的企业。\n\n能拿多少：被认定为高新技术企业，一次性奖励 20 万元；被认定为省级专精特新中小企业，奖励 10 万元；科技型中小企业还可以申请研发后补助。\n\n怎么拿：高企奖励和专精特新奖励不用申请，区科工信局按认定名单比对，企业确认收款账户即可；研发后补助需要在线申请，上传研发费用的证明。',
    items: [
      {
        title: '高新技术企业认定奖励',
        benefit: { type: 'subsidy', text: '首次认定的高新技术企业一次性奖励 20 万元', amountYuan: 200_000 },
        conditions: [
          { kind: 'qualification', any: ['hnte'], evidence: '高新技术企业证书' },
          { kind: 'notReceived', itemIds: [], withinYears: 3 },
        ],
        validFrom: '2026-03-18',
        validTo: '2027-12-31',
        mode: 'auto',
      },
      {
        title: '专精特新中小企业奖励',
        benefit: { type: 'subsidy', text: '新认定的省级专精特新中小企业奖励 10 万元', amountYuan: 100_000 },
        conditions: [
          { kind: 'qualification', any: ['srdi'], evidence: '专精特新中小企业认定文件' },
          { kind: 'notReceived', itemIds: [], withinYears: 3 },
        ],
        validFrom: '2026-03-18',
        validTo: '2027-12-31',
        mode: 'auto',
      },
      {
        title: '科技型中小企业研发后补助',
        benefit: { type: 'subsidy', text: '按上年度纳税额每万元补助 500 元，最高 30 万元', perUnit: { base: 'taxPaid', yuan: 500 }, capYuan: 300_000 },
        conditions: [
          { kind: 'qualification', any: ['tech-sme', 'hnte'], evidence: '科技型中小企业入库登记编号' },
          { kind: 'age', min: 3 },
          { kind: 'taxPaid', min: 10, evidence: '上年度完税证明' },
          { kind: 'grade', grades: ['A', 'B'] },
        ],
        validFrom: '2026-03-18',
        validTo: '2027-06-30',
        mode: 'apply',
      },
    ],
  },
  {
    id: 'yx-small-shop-rent-2026',
    title: '越秀区支持小微商贸餐饮企业纾困发展的若干措施',
    issuer: 'commerce',
    docNo: '越商务〔2026〕15号',
    issuedOn: '2026-04-02',
    topics: ['consumption', 'startup'],
    text: long(
      '一、对在本区租用经营场所、从事批发零售和住宿餐饮业的小微企业，按上年度实际租金的 20% 给予房租补贴，单户最高 5 万元。',
      '二、对上年度营业收入首次达到 1,000 万元以上的批发零售、住宿餐饮企业，给予 5 万元升规奖励。',
      '三、申请企业应成立满 1 年，信用等级为 B 级以上，近 1 年未享受过同类补贴。',
      '四、企业通过“越秀掌上办”政策超市在线申报，区商务局 10 个工作日内完成审核。',
    ),
    interpretation:
      '这项政策是什么：帮北京路、惠福路一带的小店、小餐馆减轻房租，鼓励做大做强。\n\n能拿多少：房租补贴按去年实际租金的 20%，最高 5 万元；营业收入首次过 1,000 万元的，再奖 5 万元。\n\n谁能申请：批发零售、住宿餐饮行业的小微企业，成立满 1 年、信用 B 级以上。\n\n怎么申请：在政策超市点“申请兑现”，系统会带出企业信息，上传租赁合同和租金发票即可。',
    items: [
      {
        title: '小微商贸餐饮企业房租补贴',
        benefit: { type: 'cost', text: '按上年度实际租金的 20% 补贴，最高 5 万元', capYuan: 50_000 },
        conditions: [
          { kind: 'industry', codes: ['F', 'H'] },
          { kind: 'size', classes: ['micro', 'small'] },
          { kind: 'age', min: 1 },
          { kind: 'grade', grades: ['A', 'B'] },
          { kind: 'notReceived', itemIds: [], withinYears: 1 },
        ],
        validFrom: '2026-04-02',
        validTo: '2027-03-31',
        mode: 'apply',
      },
      {
        title: '商贸餐饮企业升规奖励',
        benefit: { type: 'subsidy', text: '营业收入首次达到 1,000 万元的奖励 5 万元', amountYuan: 50_000 },
        conditions: [
          { kind: 'industry', codes: ['F', 'H'] },
          { kind: 'revenue', min: 1000, evidence: '上年度财务报表' },
          { kind: 'notReceived', itemIds: [], withinYears: 5 },
        ],
        validFrom: '2026-04-02',
        validTo: '2026-12-20',
        mode: 'apply',
      },
    ],
  },
  {
    id: 'yx-culture-loans-2026',
    title: '越秀区文化产业高质量发展扶持办法',
    issuer: 'commerce',
    docNo: '越府办规〔2026〕7号',
    issuedOn: '2026-05-20',
    topics: ['culture', 'finance'],
    text: long(
      '第一条　为推动历史文化街区和文化创意产业发展，设立区文化产业发展专项资金。',
      '第二条　对文化、体育和娱乐业及商务服务业中的文化创意企业，上年度营业收入 500 万元以上、成立满 3 年的，按其上年度银行贷款实际支付利息的 50% 给予贴息，单户每年最高 30 万元。',
      '第三条　对在北京街、人民街历史文化街区内新开设的文化体验空间，给予一次性开办补贴 3 万元。',
      '第四条　本办法自印发之日起施行，有效期三年。',
    ),
    interpretation:
      '这项政策是什么：区里帮文化企业降低贷款成本、鼓励在老城区开文化体验店。\n\n能拿多少：贷款利息补一半，每年最高 30 万元；在北京街、人民街新开文化体验空间的，一次性补 3 万元。\n\n谁能申请：文化、体育、娱乐业和文化创意类商务服务企业。贷款贴息要求去年营业收入 500 万元以上、成立满 3 年。\n\n怎么申请：在政策超市在线申请，上传贷款合同和付息凭证。',
    items: [
      {
        title: '文化企业贷款贴息',
        benefit: { type: 'finance', text: '按实际支付利息的 50% 贴息，每年最高 30 万元', capYuan: 300_000 },
        conditions: [
          { kind: 'industry', codes: ['R', 'L72'] },
          { kind: 'revenue', min: 500, evidence: '上年度财务报表' },
          { kind: 'age', min: 3 },
        ],
        validFrom: '2026-05-20',
        validTo: '2029-05-19',
        mode: 'apply',
      },
      {
        title: '历史文化街区文化体验空间开办补贴',
        benefit: { type: 'subsidy', text: '新开设的文化体验空间一次性补贴 3 万元', amountYuan: 30_000 },
        conditions: [
          { kind: 'industry', codes: ['R'] },
          { kind: 'street', streets: ['beijing', 'renmin'] },
          { kind: 'age', max: 2 },
        ],
        validFrom: '2027-03-01',
        validTo: '2029-05-19',
        mode: 'apply',
      },
    ],
  },
  {
    id: 'yx-tax-relief-2026',
    title: '关于落实小型微利企业所得税优惠政策的公告',
    issuer: 'tax',
    docNo: '越税公告〔2026〕1号',
    issuedOn: '2026-01-15',
    topics: ['startup'],
    text: long(
      '一、对小型微利企业年应纳税所得额不超过 300 万元的部分，减按 25% 计入应纳税所得额，按 20% 的税率缴纳企业所得税。',
      '二、小型微利企业是指从事国家非限制和禁止行业，且同时符合年度应纳税所得额不超过 300 万元、从业人数不超过 300 人、资产总额不超过 5,000 万元等三个条件的企业。',
      '三、符合条件的企业在预缴和汇算清缴时自行享受，无需备案。',
    ),
    interpretation:
      '这项政策是什么：小微企业交企业所得税可以少交。\n\n能省多少：应纳税所得额 300 万元以内的部分，实际税负为 5%。\n\n怎么享受：不用申请也不用备案，报税时系统自动计算。这里帮您看看企业是否符合“小型微利企业”的人数条件。',
    items: [
      {
        title: '小型微利企业所得税减免',
        benefit: { type: 'tax', text: '应纳税所得额 300 万元以内部分实际税负 5%' },
        conditions: [
          { kind: 'size', classes: ['micro', 'small'] },
          { kind: 'headcount', max: 300 },
        ],
        validFrom: '2026-01-01',
        validTo: '2027-12-31',
        mode: 'apply',
        serviceItemId: 'policy-claim',
      },
    ],
  },
];
