import type { Benefit } from '@yx/shared';
import type { PointsRow } from './repository';

/** 会员日 benefits from district partners (the admin changes them in 会员管理). */
export const SEED_BENEFITS: Benefit[] = [
  {
    id: 'gd-museum-ticket',
    title: '广东省博物馆特展门票',
    description: '会员日凭兑换码到博物馆一楼服务台换取特展门票一张，当日有效场次以现场为准。',
    partner: '广东省博物馆',
    partnerId: 'gd-museum',
    stock: 50,
    perMemberLimit: 1,
    minLevel: 'standard',
    pointsPrice: 0,
    validDays: 30,
  },
  {
    id: 'yuewei-coupon-50',
    title: '粤味餐饮 50 元代金券',
    description: '北京路粤味餐饮堂食满 200 元可用，每桌限用一张。',
    partner: '粤味餐饮',
    partnerId: 'yuewei',
    stock: 200,
    perMemberLimit: 2,
    minLevel: 'silver',
    pointsPrice: 100,
    validDays: 30,
  },
  {
    id: 'yuexiu-park-boat',
    title: '越秀公园北秀湖游船券',
    description: '金卡及以上会员专享，凭码到北秀湖码头换取 30 分钟游船一次。',
    partner: '越秀公园',
    partnerId: 'yuexiu-park',
    stock: 30,
    perMemberLimit: 1,
    minLevel: 'gold',
    pointsPrice: 300,
    validDays: 60,
  },
];

/** 黄美玲 earned points before she had a card (ratings, volunteering); claiming the card shows them. */
export const SEED_POINTS: { userId: string; entries: PointsRow[] }[] = [
  {
    userId: 'u-resident-huang',
    entries: [
      { at: '2026-10-12T03:20:00.000Z', kind: 'earned', points: 10, reason: '评价办件', source: 'rating:YX20261012000101' },
      { at: '2026-10-20T01:00:00.000Z', kind: 'earned', points: 100, reason: '志愿服务：社区清洁日', source: 'volunteer:2026-10-20-dongshan' },
      { at: '2026-11-03T06:40:00.000Z', kind: 'earned', points: 5, reason: '评价诉求办理', source: 'worating:SQ20261103000012' },
      { at: '2026-11-10T02:10:00.000Z', kind: 'earned', points: 30, reason: '参与政务服务满意度调查', source: 'survey:2026-11' },
      { at: '2026-11-15T01:30:00.000Z', kind: 'earned', points: 50, reason: '志愿服务：长者助餐', source: 'volunteer:2026-11-15-dongshan' },
    ],
  },
];
