// 会员专区 rules: check-in points, card levels and member day. Admin-editable data, not code, so
// operations can tune rewards without a release; the schema keeps an edit from breaking members.
import * as z from 'zod';
import { lazy } from '../api/lazy';

/** Lower-case id used in URLs and stored records (level ids, benefit ids). */
export const MEMBER_SLUG_MAX = 40;
export const MemberSlug = lazy(() =>
  z.string().regex(new RegExp(`^[a-z0-9-]{2,${MEMBER_SLUG_MAX}}$`), { message: `编号只能用小写字母、数字和短横线，2–${MEMBER_SLUG_MAX} 位` }),
);

const HexColour = lazy(() => z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: '颜色应写成 #RRGGBB，例如 #C62828' }));

/** How many streak bonuses and card levels the rules may have (the admin's editor offers no more). */
export const STREAK_BONUSES_MAX = 10;
export const MEMBER_LEVELS_MAX = 8;
/** A level's name, its perks (one line each) and how long a perk may be. */
export const LEVEL_NAME_MAX = 10;
export const LEVEL_PERKS_MAX = 6;
export const LEVEL_PERK_MAX = 40;

export const StreakBonus = lazy(() =>
  z.strictObject({
    day: z
      .number({ message: '连续天数应为整数' })
      .int({ message: '连续天数应为整数' })
      .min(2, { message: '连续天数至少为 2' })
      .max(366, { message: '连续天数不能超过 366' }),
    points: z
      .number({ message: '奖励积分应为整数' })
      .int({ message: '奖励积分应为整数' })
      .min(1, { message: '奖励积分至少为 1' })
      .max(1000, { message: '奖励积分不能超过 1000' }),
  }),
);
export type StreakBonus = z.infer<typeof StreakBonus>;

export const CheckInRules = lazy(() =>
  z.strictObject({
    basePoints: z
      .number({ message: '每次签到积分应为整数' })
      .int({ message: '每次签到积分应为整数' })
      .min(1, { message: '每次签到积分至少为 1' })
      .max(100, { message: '每次签到积分不能超过 100' }),
    streakBonuses: z
      .array(StreakBonus)
      .max(STREAK_BONUSES_MAX, { message: `连续签到奖励最多 ${STREAK_BONUSES_MAX} 条` })
      .refine((bs) => new Set(bs.map((b) => b.day)).size === bs.length, { message: '连续签到奖励的天数不能重复' }),
  }),
);
export type CheckInRules = z.infer<typeof CheckInRules>;

/** A card level (普通卡/银卡/…): reached when growth (lifetime points earned) ≥ threshold. */
export const MemberLevel = lazy(() =>
  z.strictObject({
    id: MemberSlug,
    name: z
      .string()
      .trim()
      .min(1, { message: '请填写等级名称' })
      .max(LEVEL_NAME_MAX, { message: `等级名称不能超过 ${LEVEL_NAME_MAX} 个字` }),
    threshold: z.number({ message: '成长值门槛应为整数' }).int({ message: '成长值门槛应为整数' }).min(0, { message: '成长值门槛不能小于 0' }),
    face: z.strictObject({ from: HexColour, to: HexColour, text: HexColour }),
    perks: z
      .array(
        z
          .string()
          .trim()
          .min(1, { message: '权益说明不能为空' })
          .max(LEVEL_PERK_MAX, { message: `每条权益不能超过 ${LEVEL_PERK_MAX} 个字` }),
      )
      .max(LEVEL_PERKS_MAX, { message: `每个等级最多 ${LEVEL_PERKS_MAX} 条权益` }),
  }),
);
export type MemberLevel = z.infer<typeof MemberLevel>;

export const MemberRules = lazy(() =>
  z.strictObject({
    checkIn: CheckInRules,
    levels: z
      .array(MemberLevel)
      .min(1, { message: '至少要有一个会员等级' })
      .max(MEMBER_LEVELS_MAX, { message: `会员等级最多 ${MEMBER_LEVELS_MAX} 个` })
      .refine((ls) => ls.length === 0 || ls[0].threshold === 0, { message: '第一个等级的成长值门槛必须为 0（人人可领）' })
      .refine((ls) => ls.every((l, i) => i === 0 || l.threshold > ls[i - 1].threshold), { message: '等级的成长值门槛必须逐级升高' })
      .refine((ls) => new Set(ls.map((l) => l.id)).size === ls.length, { message: '等级编号不能重复' }),
    memberDay: z.strictObject({
      // ≤ 28 so every month has the day.
      dayOfMonth: z
        .number({ message: '会员日应为整数' })
        .int({ message: '会员日应为整数' })
        .min(1, { message: '会员日应在每月 1–28 日之间' })
        .max(28, { message: '会员日应在每月 1–28 日之间' }),
    }),
  }),
);
export type MemberRules = z.infer<typeof MemberRules>;

/** What a fresh deployment starts with; admins change it through MemberRulesUpdate. */
export const DEFAULT_MEMBER_RULES: MemberRules = {
  checkIn: {
    basePoints: 5,
    streakBonuses: [
      { day: 7, points: 20 },
      { day: 14, points: 50 },
      { day: 28, points: 100 },
    ],
  },
  levels: [
    {
      id: 'standard',
      name: '普通卡',
      threshold: 0,
      face: { from: '#E53935', to: '#B71C1C', text: '#FFFFFF' },
      perks: ['每日签到领积分', '会员日领取专属福利'],
    },
    {
      id: 'silver',
      name: '银卡',
      threshold: 200,
      face: { from: '#ECEFF1', to: '#90A4AE', text: '#263238' },
      perks: ['每日签到领积分', '会员日领取专属福利', '银卡及以上商户优惠券'],
    },
    {
      id: 'gold',
      name: '金卡',
      threshold: 1000,
      face: { from: '#FFE082', to: '#C79100', text: '#3E2723' },
      perks: ['每日签到领积分', '会员日领取专属福利', '银卡及以上商户优惠券', '金卡及以上文化场馆门票'],
    },
    {
      id: 'diamond',
      name: '钻石卡',
      threshold: 5000,
      face: { from: '#37474F', to: '#0D1117', text: '#FFD54F' },
      perks: ['每日签到领积分', '会员日领取专属福利', '银卡及以上商户优惠券', '金卡及以上文化场馆门票', '钻石卡专属活动邀请'],
    },
  ],
  memberDay: { dayOfMonth: 18 },
};
