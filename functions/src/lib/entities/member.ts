import * as z from 'zod';
import { Benefit, MemberRules, POINTS_KINDS } from '@yx/shared';
import { parseRow, type Item } from './entity';

/**
 * 会员专区 (member zone).
 * | member card   | USER#<userId>         | MEMBER             | gsi1 MEMBERS / <claimedAt>#<userId> once claimed |
 * | points entry  | USER#<userId>         | PTS#<at>#<source>  | append-only ledger |
 * | points source | USER#<userId>         | PTSSRC#<source>    | one award per source; check-ins are `checkin:<date>` |
 * | benefit count | USER#<userId>         | BCOUNT#<benefitId> | claims by this member, checked against the limit |
 * | rules         | CONFIG                | MEMBER_RULES       | |
 * | benefit       | BENEFITS              | <benefitId>        | stock left, claimed and redeemed counts |
 * | claim (券码)  | CLAIM#<code>          | CLAIM              | gsi1 USERCLAIM#<userId> / <at>#<code> |
 * | member number | SEQ#MEMBER            | SEQ                | |
 * | daily figures | MEMBERSTAT#<date|ALL> | STAT               | added by the aggregator from cards, ledger entries, claims |
 */

export const keys = {
  card: (userId: string) => ({ pk: `USER#${userId}`, sk: 'MEMBER' }),
  members: (claimedAt: string, userId: string) => ({ gsi1pk: 'MEMBERS', gsi1sk: `${claimedAt}#${userId}` }),
  membersPk: 'MEMBERS',
  entry: (userId: string, at: string, source: string) => ({ pk: `USER#${userId}`, sk: `PTS#${at}#${source}` }),
  entryPrefix: 'PTS#',
  source: (userId: string, source: string) => ({ pk: `USER#${userId}`, sk: `PTSSRC#${source}` }),
  /** the check-in sources of a month (or a day): `checkin:<yyyy-mm>` */
  checkInPrefix: (month: string) => `PTSSRC#checkin:${month}`,
  checkInDateOf: (sk: string) => sk.slice('PTSSRC#checkin:'.length),
  count: (userId: string, benefitId: string) => ({ pk: `USER#${userId}`, sk: `BCOUNT#${benefitId}` }),
  countBenefitOf: (sk: string) => sk.slice('BCOUNT#'.length),
  rules: { pk: 'CONFIG', sk: 'MEMBER_RULES' },
  benefit: (id: string) => ({ pk: 'BENEFITS', sk: id }),
  benefitsPk: 'BENEFITS',
  claim: (code: string) => ({ pk: `CLAIM#${code}`, sk: 'CLAIM' }),
  userClaims: (userId: string, at: string, code: string) => ({ gsi1pk: `USERCLAIM#${userId}`, gsi1sk: `${at}#${code}` }),
  userClaimsPk: (userId: string) => `USERCLAIM#${userId}`,
  memberSequence: { pk: 'SEQ#MEMBER', sk: 'SEQ' },
  stat: (day: string) => ({ pk: `MEMBERSTAT#${day}`, sk: 'STAT' }),
  statDayOf: (pk: string) => pk.slice('MEMBERSTAT#'.length),
  isStat: (pk: string) => pk.startsWith('MEMBERSTAT#'),
};

const CardSchema = z.object({
  userId: z.string(),
  memberNo: z.string().optional(), // absent until the card is claimed (points earned before it wait on the row)
  levelId: z.string().optional(),
  levelReachedAt: z.string().optional(),
  balance: z.number(),
  growth: z.number(),
  streak: z.number(),
  lastCheckIn: z.string().optional(),
  claimedAt: z.string().optional(),
});
export type MemberCard = z.output<typeof CardSchema>;

export const Card = {
  Schema: CardSchema,
  toItem: (c: MemberCard): Item => ({ ...keys.card(c.userId), entity: 'MemberCard', ...c }),
  // a row made by an award before the card exists may lack some counts: they are zero
  fromItem: (item: Item): MemberCard => parseRow(CardSchema, { balance: 0, growth: 0, streak: 0, ...item }),
};

const PointsSchema = z.object({
  at: z.string(),
  kind: z.enum(POINTS_KINDS),
  points: z.number(),
  reason: z.string(),
  source: z.string(),
  balanceAfter: z.number().optional(),
});
export type PointsRow = z.output<typeof PointsSchema>;

export const PointsEntryRow = {
  Schema: PointsSchema,
  toItem: (userId: string, e: PointsRow): Item => ({ ...keys.entry(userId, e.at, e.source), entity: 'PointsEntry', ...e }),
  fromItem: (item: Item): PointsRow => parseRow(PointsSchema, item),
};

export const PointsSource = {
  Schema: z.object({ at: z.string(), points: z.number() }),
  toItem: (userId: string, e: Pick<PointsRow, 'at' | 'points' | 'source'>): Item => ({
    ...keys.source(userId, e.source),
    entity: 'PointsSource',
    at: e.at,
    points: e.points,
  }),
};

export const Rules = {
  Schema: z.object({ rules: MemberRules }),
  toItem: (rules: MemberRules, by: string, at: string): Item => ({ ...keys.rules, entity: 'MemberRules', rules, updatedBy: by, updatedAt: at }),
  /** undefined when the row does not fit the rules' schema (the defaults apply then) */
  fromItem: (item: Item): MemberRules | undefined => {
    const r = Rules.Schema.safeParse(item);
    return r.success ? r.data.rules : undefined;
  },
};

const BenefitSchema = Benefit.extend({ stockLeft: z.number(), claimed: z.number(), redeemed: z.number(), updatedAt: z.string() }).strip();
export type BenefitRow = z.output<typeof BenefitSchema>;

export const BenefitItem = {
  Schema: BenefitSchema,
  /** a new benefit as given, nothing claimed yet (seeding) */
  toItem: (b: Benefit, at: string): Item => ({ ...keys.benefit(b.id), entity: 'Benefit', ...b, stockLeft: b.stock, claimed: 0, redeemed: 0, updatedAt: at }),
  fromItem: (item: Item): BenefitRow => parseRow(BenefitSchema, item),
};

const ClaimSchema = z.object({
  code: z.string(),
  userId: z.string(),
  memberNo: z.string(),
  benefitId: z.string(),
  title: z.string(),
  partner: z.string(),
  partnerId: z.string(),
  pointsPrice: z.number(),
  claimedAt: z.string(),
  expiresOn: z.string(),
  status: z.enum(['claimed', 'redeemed']),
  redeemedAt: z.string().optional(),
  redeemedBy: z.string().optional(),
});
export type ClaimRow = z.output<typeof ClaimSchema>;

export const Claim = {
  Schema: ClaimSchema,
  toItem: (c: ClaimRow): Item => ({ ...keys.claim(c.code), ...keys.userClaims(c.userId, c.claimedAt, c.code), entity: 'BenefitClaim', ...c }),
  fromItem: (item: Item): ClaimRow => parseRow(ClaimSchema, item),
};

/** Seeding only: points a person earned before claiming a card, with the card row that sums them. */
export function seedPointsItems(userId: string, entries: PointsRow[]): Item[] {
  const sum = entries.reduce((s, e) => s + e.points, 0);
  return [
    ...entries.flatMap((e) => [PointsSource.toItem(userId, e), PointsEntryRow.toItem(userId, e)]),
    Card.toItem({ userId, balance: sum, growth: sum, streak: 0 }),
  ];
}
