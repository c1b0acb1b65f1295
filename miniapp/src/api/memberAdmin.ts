import type { Benefit, MemberRules } from '@yx/shared';
import { request } from './client';

/** 会员管理 (admin): rules, member-day benefits, figures, members and points adjustments. */

/** A benefit as the admin list shows it: the set-up plus what has happened to its stock. */
export interface AdminBenefit extends Benefit { stockLeft: number; claimed: number; redeemed: number; updatedAt: string }

export interface MemberStatsTotals { members: number; checkIns: number; pointsIssued: number; pointsSpent: number; claims: number; redemptions: number }
export interface MemberStatsDay { date: string; newMembers: number; checkIns: number; pointsIssued: number; pointsSpent: number; claims: number; redemptions: number }
export interface MemberStatsBenefit { id: string; title: string; partner: string; stock: number; stockLeft: number; claimed: number; redeemed: number }

/** GET /v1/admin/member/stats: all-time totals, one row per day (oldest first) and each benefit's stock. */
export interface MemberStats { totals: MemberStatsTotals; days: MemberStatsDay[]; benefits: MemberStatsBenefit[] }

/** One card holder; `name` arrives masked, `level` is the level's name. */
export interface AdminMemberRow {
  userId: string; name: string; memberNo: string; level: string; balance: number; growth: number; streak: number;
  lastCheckIn?: string; claimedAt?: string;
}

export interface AdjustPointsBody { userId: string; points: number; reason: string }

const id = (benefitId: string) => encodeURIComponent(benefitId);

export const memberAdminApi = {
  rules: () => request<MemberRules>('GET', '/v1/admin/member/rules'),
  saveRules: (rules: MemberRules) => request<MemberRules>('PUT', '/v1/admin/member/rules', { body: rules }),

  benefits: () => request<{ items: AdminBenefit[] }>('GET', '/v1/admin/member/benefits'),
  createBenefit: (b: Benefit) => request<AdminBenefit>('POST', '/v1/admin/member/benefits', { body: b }),
  updateBenefit: (b: Benefit) => request<AdminBenefit>('PUT', `/v1/admin/member/benefits/${id(b.id)}`, { body: b }),

  stats: (days = 14) => request<MemberStats>('GET', '/v1/admin/member/stats', { query: { days } }),
  members: (cursor?: string, limit = 20) =>
    request<{ items: AdminMemberRow[]; nextCursor: string | null }>('GET', '/v1/admin/member/members', { query: { limit, cursor } }),
  /** Points either way (never 0); refused with 422 when the balance would go below zero. */
  /** 积分调整, once per key: a retry after a lost answer does not adjust twice. */
  adjustPoints: (body: AdjustPointsBody, idempotencyKey: string) =>
    request<{ awarded: boolean; repeated?: boolean; balance?: number }>('POST', '/v1/admin/member/points', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
};
