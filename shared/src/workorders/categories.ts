/**
 * Work-order categories: what an appeal (诉求, 接诉即办) or a community issue (越秀先锋 “一键呼叫”)
 * is about, who handles it, and how fast.
 *
 * A two-level tree: eight top-level groups, each with a few leaves. People file under a leaf;
 * `CategoryId` (the zod enum) accepts leaf ids only. A top-level node still carries a route and
 * deadlines: they are the defaults its leaves inherit, and where a dispatcher sends an item that
 * could only be placed in the group (e.g. after a 退单 with “不属于本部门” but the right leaf unclear).
 *
 * Deadlines, counted on the Chinese working calendar (see ../calendar):
 * - `claimWorkingHours` — the handler must sign for (签收 / 认领) the item within this many working
 *   hours (a working day counts as 8 working hours). 8 = “一个工作日内签收”; 2 for safety and
 *   time-sensitive items (night-time noise, a trapped lift); 4 for community issues, which the
 *   grid's own people should pick up the same half-day (“有呼同应”).
 * - `replyWorkingDays` — the handler must answer the filer (答复 / 办结) within this many working
 *   days: 5 normally, 3 for urgent or quick fixes, 10 for mediation, 15 for policy questions that
 *   may need research across offices.
 * Real emergencies (fire, gas leak, crime in progress, someone trapped) belong with 119 / 110 /
 * 96333, not a working-hours queue; the filing page should say so for the 公共安全 group.
 *
 * Department ids refer to DEPARTMENTS in ../guide/catalogue (checked by the tests, not at runtime,
 * so that this module stays small for the mini-program bundle).
 */
import * as z from 'zod';
import { lazy } from '../api/lazy';

export type CategoryKind = 'appeal' | 'community' | 'both';
export type CategoryRoute = { type: 'department'; departmentId: string } | { type: 'grid' };

export interface Category {
  id: string;
  /** Chinese name shown to people, e.g. 占道经营. */
  name: string;
  parentId: string | null;
  /** appeal: filed by residents/enterprises; community: logged by grid officials; both: either. */
  kind: CategoryKind;
  /** The handler: a district department, or the community grid where the place lies. */
  routeTo: CategoryRoute;
  /** Whether the filer must give a place (map point + address). */
  placeRequired: boolean;
  /** Sign for / claim (签收 / 认领) within this many working hours (8 per working day). */
  claimWorkingHours: number;
  /** Reply to the filer / close within this many working days. */
  replyWorkingDays: number;
  /** Words that suggest this category in a filer's text (for suggestions, not for routing). */
  keywords: string[];
}

// ---------------------------------------------------------------------------------------------
// Seed tree
// ---------------------------------------------------------------------------------------------

const dept = (departmentId: string): CategoryRoute => ({ type: 'department', departmentId });
const GRID: CategoryRoute = { type: 'grid' };

interface LeafSeed {
  readonly id: string;
  readonly name: string;
  readonly keywords: readonly string[];
  /** Defaults to the group's values. */
  readonly route?: CategoryRoute;
  readonly kind?: CategoryKind;
  readonly place?: boolean;
  readonly claim?: number;
  readonly reply?: number;
}
interface GroupSeed {
  readonly id: string;
  readonly name: string;
  readonly keywords: readonly string[];
  readonly route: CategoryRoute;
  readonly kind: CategoryKind;
  readonly place: boolean;
  readonly claim: number;
  readonly reply: number;
  readonly children: readonly LeafSeed[];
}

const TREE = [
  {
    id: 'business',
    name: '营商环境',
    kind: 'appeal',
    route: dept('data'),
    place: false,
    claim: 8,
    reply: 5,
    keywords: ['营商环境', '企业', '商家', '涉企'],
    children: [
      { id: 'business-approval', name: '审批服务', route: dept('data'), keywords: ['审批', '办事难', '窗口', '材料', '办理时限', '一网通办', '跑腿'] },
      { id: 'business-inspection', name: '执法检查', route: dept('market'), keywords: ['检查', '执法', '罚款', '多头检查', '重复检查', '处罚'] },
      { id: 'business-utilities', name: '水电气报装', route: dept('water'), place: true, keywords: ['报装', '供水', '用水', '用电', '用气', '接驳', '水表'] },
      { id: 'business-finance', name: '融资政策', route: dept('market'), keywords: ['融资', '贷款', '担保', '扶持资金', '补贴', '贴息'] },
      // 消费投诉 (issue 20, 我要投诉 on a merchant's credit page): a consumer's complaint about a firm, handled by market
      // regulation (12315); 10 working days, as it may need mediation between the consumer and the merchant.
      {
        id: 'business-consumer',
        name: '消费投诉',
        route: dept('market'),
        reply: 10,
        keywords: ['消费', '投诉商家', '商户', '退款', '退货', '缺斤少两', '价格欺诈', '虚假宣传', '服务质量'],
      },
    ],
  },
  {
    id: 'cityscape',
    name: '市容环境',
    kind: 'both',
    route: dept('urban'),
    place: true,
    claim: 8,
    reply: 5,
    keywords: ['市容', '环境', '城管'],
    children: [
      { id: 'cityscape-street-vending', name: '占道经营', keywords: ['占道', '摆卖', '摆摊', '流动摊贩', '走鬼', '占用人行道'] },
      { id: 'cityscape-garbage', name: '垃圾清运', reply: 3, keywords: ['垃圾', '清运', '垃圾桶', '堆放', '异味', '垃圾分类'] },
      { id: 'cityscape-illegal-building', name: '违章搭建', keywords: ['违建', '违章', '搭建', '加建', '铁皮房', '天台'] },
      { id: 'cityscape-streetlight', name: '路灯损坏', reply: 3, keywords: ['路灯', '不亮', '灯杆', '照明'] },
    ],
  },
  {
    id: 'property',
    name: '物业管理',
    kind: 'appeal',
    route: dept('housing'),
    place: true,
    claim: 8,
    reply: 5,
    keywords: ['物业', '小区', '楼宇'],
    children: [
      { id: 'property-service', name: '物业服务', route: dept('housing'), keywords: ['物业', '物业费', '保安', '保洁', '业委会', '小区管理'] },
      // 电梯 is 特种设备, supervised by market regulation.
      { id: 'property-elevator', name: '电梯故障', route: dept('market'), claim: 2, reply: 3, keywords: ['电梯', '困人', '停运', '年检', '特种设备', '异响'] },
      { id: 'property-maintenance-fund', name: '维修资金', route: dept('housing'), keywords: ['维修资金', '专项维修', '大修', '公共部位', '外墙'] },
    ],
  },
  {
    // Noise happens now: claim within 2 working hours, answer within 3 days.
    id: 'noise',
    name: '噪音扰民',
    kind: 'appeal',
    route: dept('urban'),
    place: true,
    claim: 2,
    reply: 3,
    keywords: ['噪音', '噪声', '吵', '扰民'],
    children: [
      { id: 'noise-construction', name: '施工噪音', route: dept('urban'), keywords: ['施工', '工地', '夜间施工', '打桩', '机械', '通宵'] },
      { id: 'noise-residential', name: '社会生活噪音', route: dept('police'), keywords: ['装修', '邻居', '广场舞', '喧哗', '音响', '宠物'] },
      { id: 'noise-commercial', name: '商业噪音', route: dept('urban'), claim: 8, reply: 5, keywords: ['商铺', '店铺', '喇叭', '叫卖', '促销', '酒吧'] },
    ],
  },
  {
    id: 'traffic',
    name: '交通出行',
    kind: 'appeal',
    route: dept('police'),
    place: true,
    claim: 8,
    reply: 5,
    keywords: ['交通', '出行', '道路'],
    children: [
      { id: 'traffic-parking', name: '停车管理', route: dept('police'), keywords: ['停车', '乱停', '违停', '车位', '堵路', '占道停车'] },
      { id: 'traffic-road-damage', name: '道路破损', route: dept('urban'), claim: 4, reply: 3, keywords: ['路面', '坑洼', '破损', '塌陷', '人行道砖', '井盖'] },
      { id: 'traffic-signals', name: '交通信号', route: dept('police'), keywords: ['红绿灯', '信号灯', '标线', '交通标志', '斑马线'] },
    ],
  },
  {
    id: 'policy',
    name: '政策咨询',
    kind: 'appeal',
    route: dept('data'),
    place: false,
    claim: 8,
    reply: 15,
    keywords: ['政策', '咨询', '怎么办', '条件'],
    children: [
      { id: 'policy-social-security', name: '社保政策', route: dept('hrss'), keywords: ['社保', '养老保险', '失业', '工伤', '退休', '缴费'] },
      { id: 'policy-hukou', name: '户籍政策', route: dept('police'), keywords: ['户口', '户籍', '入户', '迁入', '落户', '身份证'] },
      { id: 'policy-tax', name: '税务政策', route: dept('tax'), keywords: ['税', '发票', '退税', '减税', '个税', '申报'] },
    ],
  },
  {
    // 越秀先锋: issues found on patrol, handled by the community's own grid.
    id: 'community',
    name: '社区治理',
    kind: 'community',
    route: GRID,
    place: true,
    claim: 4,
    reply: 5,
    keywords: ['社区', '网格', '巡查'],
    children: [
      { id: 'community-safety-hazard', name: '安全隐患', claim: 2, reply: 3, keywords: ['隐患', '危险', '电动车', '飞线充电', '高空', '危房'] },
      { id: 'community-sanitation', name: '环境卫生', reply: 3, keywords: ['卫生', '垃圾', '积水', '蚊虫', '老鼠', '清洁'] },
      { id: 'community-dispute', name: '邻里纠纷', reply: 10, keywords: ['纠纷', '矛盾', '吵架', '调解', '漏水'] },
      { id: 'community-facility', name: '设施损坏', keywords: ['设施', '损坏', '健身器材', '座椅', '门禁', '围栏'] },
    ],
  },
  {
    id: 'safety',
    name: '公共安全',
    kind: 'both',
    route: dept('police'),
    place: true,
    claim: 2,
    reply: 3,
    keywords: ['安全', '隐患', '危险'],
    children: [
      { id: 'safety-fire', name: '消防隐患', route: dept('fire'), keywords: ['消防', '通道堵塞', '灭火器', '消防栓', '火灾', '安全出口'] },
      // Gas supply and bottled gas are regulated by 城管 in Guangzhou.
      { id: 'safety-gas', name: '燃气安全', route: dept('urban'), keywords: ['燃气', '煤气', '气味', '泄漏', '液化气', '瓶装气'] },
      { id: 'safety-food', name: '食品安全', route: dept('market'), reply: 5, keywords: ['食品', '过期', '变质', '无证', '餐饮', '食物中毒'] },
    ],
  },
] as const satisfies readonly GroupSeed[];

/**
 * 消费投诉: the category of a complaint about a firm (我要投诉 from a merchant's credit page), routed to the market
 * regulator; the filing form preselects it when it is opened for a firm.
 */
export const CONSUMER_COMPLAINT_CATEGORY = 'business-consumer' satisfies CategoryId;

/** A leaf category id, e.g. 'cityscape-street-vending'. */
export type CategoryId = (typeof TREE)[number]['children'][number]['id'];

function flatten(tree: readonly GroupSeed[]): Category[] {
  const out: Category[] = [];
  for (const g of tree) {
    out.push({
      id: g.id,
      name: g.name,
      parentId: null,
      kind: g.kind,
      routeTo: g.route,
      placeRequired: g.place,
      claimWorkingHours: g.claim,
      replyWorkingDays: g.reply,
      keywords: [...g.keywords],
    });
    for (const c of g.children) {
      out.push({
        id: c.id,
        name: c.name,
        parentId: g.id,
        kind: c.kind ?? g.kind,
        routeTo: c.route ?? g.route,
        placeRequired: c.place ?? g.place,
        claimWorkingHours: c.claim ?? g.claim,
        replyWorkingDays: c.reply ?? g.reply,
        keywords: [...c.keywords],
      });
    }
  }
  return out;
}

/** Every node, each group followed by its leaves. */
export const CATEGORIES: Category[] = flatten(TREE);

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: string): Category | undefined {
  return byId.get(id);
}

/** The direct children of a node, in seed order; `null` gives the top-level groups. */
export function childrenOf(id: string | null): Category[] {
  return CATEGORIES.filter((c) => c.parentId === id);
}

/** Names from the root down, e.g. '市容环境 / 占道经营'; undefined for an unknown id. */
export function pathOf(id: string): string | undefined {
  const names: string[] = [];
  let node = byId.get(id);
  if (!node) return undefined;
  // Bounded by the node count so a malformed tree cannot loop forever.
  for (let hops = 0; node && hops <= CATEGORIES.length; hops++) {
    names.unshift(node.name);
    node = node.parentId === null ? undefined : byId.get(node.parentId);
  }
  return names.join(' / ');
}

export function isLeaf(id: string): boolean {
  return byId.has(id) && !CATEGORIES.some((c) => c.parentId === id);
}

/**
 * Leaves a person can file under. With a kind, the leaves of that kind plus those of kind 'both'
 * (so 'appeal' gives what residents and firms may choose, 'community' what grid officials may);
 * without one, every leaf.
 */
export function leafCategories(kind?: CategoryKind): Category[] {
  return CATEGORIES.filter((c) => isLeaf(c.id) && (!kind || c.kind === kind || c.kind === 'both'));
}

const LEAF_IDS = TREE.flatMap((g) => g.children.map((c) => c.id)) as [CategoryId, ...CategoryId[]];

/** A leaf category id (what an appeal or issue is filed under). */
export const CategoryId = lazy(() => z.enum(LEAF_IDS, { error: '请选择诉求分类' }));
