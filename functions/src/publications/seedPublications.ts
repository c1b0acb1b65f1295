import { NewPublication, type PublicationCategory } from '@yx/shared';
import type { PublicationRecord } from './repository';

/**
 * 政务公开's demo items (every stage: public documents, written the way the district's departments write them; the
 * numbers, schools and places are illustrative). The seed checks each with the same schema a department's publish uses.
 */
interface SeedPublication {
  id: string;
  category: PublicationCategory;
  department: string;
  title: string;
  docNo?: string;
  publishedOn: string;
  content: string;
  interpretsId?: string;
  validity?: 'effective' | 'repealed';
}

export const SEED_PUBLICATIONS: SeedPublication[] = [
  {
    id: 'pb_seedCatchment26',
    category: 'catchment',
    department: 'education',
    title: '2026年越秀区义务教育阶段学校招生地段划分',
    docNo: '越教〔2026〕18号',
    publishedOn: '2026-05-12',
    content: `根据《中华人民共和国义务教育法》和广州市义务教育阶段学校招生工作有关规定，结合我区学位供给和适龄儿童分布情况，现将2026年越秀区公办小学、初中招生地段划分公布如下。

一、划分原则
坚持免试就近入学，以街道、社区和门牌号为单位划定地段，地段内适龄儿童少年按“户籍与实际居住地一致”的原则确定入读学校。同一地址只对应一所小学、一所初中。

二、公办小学招生地段（节选）
1. 越秀区东风东路小学：东风东路单号123号至451号，农林下路双号2号至80号，竹丝岗社区全部门牌。
2. 越秀区北京街中心小学：北京路双号100号至360号，西湖路全部门牌，府前社区、盐运西社区全部门牌。
3. 越秀区建设大马路小学：建设大马路、建设六马路全部门牌，华侨新村社区全部门牌。

三、公办初中招生地段（节选）
1. 越秀区第十七中学：对口东风东路小学、农林下路小学地段。
2. 越秀区第二十九中学：对口北京街中心小学、大南路小学地段。

四、有关说明
1. 地段以2026年4月30日的门牌号为准；新建楼盘由区教育局另行确定对口学校。
2. 完整的地段表在各公办学校门口和区教育局一楼大厅张贴，家长也可致电学校按门牌号查询。
3. 咨询电话：020-83186326（区教育局基础教育科，工作日9:00—12:00，14:00—17:30）。`,
  },
  {
    id: 'pb_seedEnrolPlan26',
    category: 'catchment',
    department: 'education',
    title: '关于做好2026年越秀区小学一年级新生入学报名工作的通知',
    docNo: '越教〔2026〕21号',
    publishedOn: '2026-06-02',
    content: `各公办小学、各位家长：

2026年小学一年级新生网上报名时间为6月10日9:00至6月16日17:00。报名对象为2019年9月1日至2020年8月31日出生、户籍或实际居住地在本区招生地段内的适龄儿童。

报名步骤：
1. 登录“越秀掌上办”，在“办事”中搜索“小学一年级入学报名”，按提示填写儿童及监护人信息；
2. 系统自动比对户籍、不动产登记等信息，比对不上的按提示上传房产证明或居住证明；
3. 6月30日前查询审核结果，7月10日前查询录取结果。

非本市户籍适龄儿童按积分入学办法申请，具体见区教育局另行发布的公告。请家长如实填报，提供虚假材料的取消入学资格。`,
  },
  {
    id: 'pb_seedLottery26a',
    category: 'lottery',
    department: 'education',
    title: '2026年越秀区民办小学一年级电脑随机录取（摇号）结果公示',
    publishedOn: '2026-07-08',
    content: `根据广州市民办义务教育学校招生工作有关规定，2026年7月7日上午，区教育局在区公证处公证员和家长代表、人大代表的现场监督下，对报名人数超过招生计划的民办小学进行了电脑随机录取。现将结果公示如下。

一、摇号学校及计划
越秀区育才实验学校（小学部）：招生计划180人，报名612人，摇中180人；
广州市越秀区培正小学（民办部）：招生计划90人，报名305人，摇中90人。

二、结果查询
摇中名单按报名号公布（不公布儿童姓名），在学校门口张贴。家长也可登录报名系统以报名号和儿童身份证号后六位查询。

三、后续安排
摇中的家长请于7月12日前到学校办理确认手续，逾期视为放弃；未摇中的儿童由户籍或居住地所在地段的公办学校按规定安排学位。

公示期：2026年7月8日至7月14日。对结果有异议的，请在公示期内以书面形式向区教育局反映，联系电话020-83186326。`,
  },
  {
    id: 'pb_seedHousingLot',
    category: 'lottery',
    department: 'housing',
    title: '越秀区2026年第一批公共租赁住房摇号配租结果公示',
    publishedOn: '2026-09-18',
    content: `2026年9月16日，区住房建设局在公证人员监督下，对经审核符合条件的第一批公共租赁住房申请家庭进行了公开摇号，共有房源120套，参加摇号家庭346户。

一、摇号结果
按摇号顺序号确定选房次序，第1至120号家庭取得选房资格，第121至180号家庭为候补。顺序号与申请编号对照表在区住房建设局一楼大厅张贴，申请人姓名按规定隐去中间字。

二、选房时间
2026年10月9日至10月11日，地点：越秀区越华路112号区住房建设局一楼大厅。请按通知的时段携带身份证件到场。

三、监督
公示期7天。对公示内容有异议的，请在公示期内向区住房建设局住房保障科反映，电话020-83105760。`,
  },
  {
    id: 'pb_seedFoodAlert3',
    category: 'food-safety',
    department: 'market',
    title: '2026年第3期食品安全风险预警：谨防误采误食野生毒蘑菇',
    publishedOn: '2026-04-20',
    content: `近期我市天气潮湿闷热，公园、绿化带和山地野生蘑菇大量生长。毒蘑菇与可食用蘑菇外观相似，民间“颜色鲜艳的才有毒”“与大蒜同煮变黑才有毒”等说法均没有科学依据，仅凭经验无法鉴别。

区市场监管局提醒广大市民：
1. 不采摘、不购买、不加工、不食用野生蘑菇；
2. 餐饮单位不得采购和加工野生蘑菇，集体食堂严禁加工野生菌类；
3. 食用蘑菇后如出现恶心、呕吐、腹痛、腹泻、头晕等症状，应立即到医院就诊，并保留剩余样品供医生鉴别。

发现销售野生蘑菇的，可拨打12315投诉举报。`,
  },
  {
    id: 'pb_seedFoodAlert9',
    category: 'food-safety',
    department: 'market',
    title: '2026年第9期食品安全风险预警：秋冬季谨防诺如病毒引起的食源性疾病',
    publishedOn: '2026-11-06',
    content: `秋冬季是诺如病毒感染的高发季节。诺如病毒传染性强，可通过被污染的食物、水和接触传播，生食贝类、凉拌菜和被污染的饮用水是常见原因。

提醒消费者：贝类海鲜要煮熟煮透，生熟分开；饭前便后用肥皂和流水洗手（含酒精的免洗洗手液对诺如病毒作用有限）；出现呕吐、腹泻症状的，应居家休息，不要为家人制作食物。

提醒学校、托幼机构食堂和餐饮单位：从业人员出现呕吐、腹泻症状的应立即离岗；呕吐物应使用含氯消毒剂处理；严格执行留样制度。本期共抽检餐饮食品120批次，发现不合格2批次，均已依法核查处置。`,
  },
  {
    id: 'pb_seedBldgPolicy',
    category: 'policy',
    department: 'commerce',
    title: '越秀区促进楼宇经济高质量发展若干措施',
    docNo: '越府办规〔2026〕2号',
    publishedOn: '2026-03-16',
    validity: 'effective',
    content: `各街道办事处，区政府各部门、各直属机构：

为进一步提升楼宇经济发展质量，打造高品质商务楼宇，经区人民政府同意，现印发本措施，请认真贯彻执行。

第一条 适用范围。本措施适用于在本区登记注册、具有独立法人资格、税收统计关系在本区的楼宇运营企业和入驻企业。

第二条 楼宇提升奖励。对按照甲级写字楼标准实施改造提升、投资额达到1000万元以上的楼宇，按实际投资额的5%给予一次性奖励，最高不超过300万元。

第三条 招商引资奖励。楼宇运营机构新引进年营业收入5000万元以上企业的，每引进一家给予10万元奖励。

第四条 入驻企业租金补贴。对新入驻重点楼宇的总部企业，按实际租金的30%给予最长三年的补贴，每年最高200万元。

第五条 本措施自2026年4月1日起施行，有效期三年。由区商务局负责解释。`,
  },
  {
    id: 'pb_seedBldgReader',
    category: 'interpretation',
    department: 'commerce',
    title: '《越秀区促进楼宇经济高质量发展若干措施》政策解读',
    publishedOn: '2026-03-18',
    interpretsId: 'pb_seedBldgPolicy',
    content: `一、为什么出台这份措施？
楼宇经济是我区经济的“顶梁柱”，全区重点商务楼宇贡献了大部分税收。但部分老旧楼宇设施落后、空置率偏高。措施的目的是推动老楼改造、吸引优质企业入驻。

二、哪些企业可以享受？
在越秀区登记注册、税收统计关系在越秀区的楼宇运营企业和入驻企业都可以享受，个体工商户不在范围内。

三、主要有哪些支持？
简单说有三项：老楼按甲级写字楼标准改造、投资1000万元以上的，按投资额的5%奖励，最高300万元；楼宇运营方新引进年营业收入5000万元以上的企业，每家奖励10万元；总部企业新入驻重点楼宇的，补贴三成租金，最多补三年。

四、怎么申请？
符合条件的企业可在“越秀掌上办—政策超市”中查看是否符合条件并在线申请，区商务局受理后20个工作日内审核完毕。

五、有效期多长？
自2026年4月1日起施行，有效期三年。咨询电话：020-83107235。`,
  },
  {
    id: 'pb_seedLiftPolicy',
    category: 'policy',
    department: 'housing',
    title: '越秀区既有住宅增设电梯财政补贴办法',
    docNo: '越建规〔2025〕1号',
    publishedOn: '2025-08-28',
    validity: 'effective',
    content: `第一条 为改善老旧住宅居民特别是老年人的出行条件，规范既有住宅增设电梯财政补贴工作，制定本办法。

第二条 本区范围内已建成投入使用、没有电梯的四层以上（含四层）住宅，经业主依法表决同意增设电梯并取得规划、建设审批手续的，可以申请补贴。

第三条 补贴标准。每台电梯补贴20万元；楼栋内有享受低保、特困供养或持残疾证业主的，每台增加补贴5万元。

第四条 申请人在电梯通过特种设备监督检验并办理使用登记后六个月内，通过“越秀掌上办”提交申请。

第五条 本办法自2025年9月1日起施行，有效期五年。《越秀区既有住宅增设电梯财政补贴暂行办法》同时废止。`,
  },
  {
    id: 'pb_seedLiftOld19',
    category: 'policy',
    department: 'housing',
    title: '越秀区既有住宅增设电梯财政补贴暂行办法',
    docNo: '越建〔2019〕6号',
    publishedOn: '2019-05-20',
    validity: 'repealed',
    content: `第一条 为推进既有住宅增设电梯工作，制定本暂行办法。

第二条 本区已建成投入使用、没有电梯的多层住宅，经业主表决同意增设电梯并完成验收的，每台电梯给予15万元补贴。

第三条 本暂行办法自2019年6月1日起施行。（本办法已被《越秀区既有住宅增设电梯财政补贴办法》（越建规〔2025〕1号）废止。）`,
  },
  {
    id: 'pb_seedWaterStop',
    category: 'notice',
    department: 'water',
    title: '关于北京街部分路段临时停水的通知',
    publishedOn: '2026-11-24',
    content: `因北京路供水管网改造施工，定于2026年12月3日（星期四）9:00至18:00对以下区域临时停水：

北京路双号100号至360号、西湖路全部门牌、惠福东路单号1号至159号。

停水期间请居民提前储水，关好水龙头，防止恢复供水时跑水。如遇施工延期，恢复供水时间顺延，我们将另行通知。由此带来的不便，敬请谅解。

供水服务热线：020-96968（24小时）。`,
  },
  {
    id: 'pb_seedOpinionAsk',
    category: 'notice',
    department: 'data',
    title: '关于公开征求《越秀区政务服务“一网通办”工作规范（征求意见稿）》意见的公告',
    publishedOn: '2026-10-15',
    content: `为进一步提升政务服务便利度，区政务服务数据管理局起草了《越秀区政务服务“一网通办”工作规范（征求意见稿）》，现向社会公开征求意见。

征求意见时间：2026年10月15日至11月14日。

意见可通过以下方式提出：
1. 电子邮件发送至 yxzsj@yuexiu.gov.cn，邮件主题注明“一网通办工作规范意见”；
2. 信函寄至越秀区东风中路318号越秀区政务服务中心五楼，信封注明“征求意见”。

请注明姓名和联系方式，以便进一步沟通。征求意见稿全文可在区政务服务中心五楼查阅。`,
  },
];

/** The seed's items as version 1, checked by the schema a department's publish uses. */
export function seedPublications(now: string): PublicationRecord[] {
  return SEED_PUBLICATIONS.map(({ id, department, ...input }) => {
    const p = NewPublication.parse(input);
    return {
      id,
      version: 1,
      status: 'published' as const,
      category: p.category,
      title: p.title,
      content: p.content,
      ...(p.docNo ? { docNo: p.docNo } : {}),
      publishedOn: input.publishedOn,
      publishedAt: `${input.publishedOn}T01:00:00.000Z`,
      department,
      attachments: [],
      ...(p.interpretsId ? { interpretsId: p.interpretsId } : {}),
      ...(p.category === 'policy' ? { validity: p.validity ?? 'effective' } : {}),
      updatedAt: now,
      savedBy: '系统导入',
      savedById: 'seed',
    };
  });
}
