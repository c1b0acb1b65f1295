import type * as S from '@yx/shared';
import { PAGE_SIZE } from '@yx/shared';
import type * as z from 'zod';
import { call, type RouteBody } from './client';

/** 会员管理 (admin): rules, member-day benefits, figures, members and points adjustments. */

/** A benefit as the admin list shows it: the set-up plus what has happened to its stock. */
export type AdminBenefit = z.output<typeof S.AdminBenefit>;
export type MemberStatsTotals = z.output<typeof S.MemberStatsTotals>;
export type MemberStatsDay = z.output<typeof S.MemberStatsDay>;
export type MemberStatsBenefit = z.output<typeof S.MemberStatsBenefit>;
/** GET /v1/admin/member/stats: all-time totals, one row per day (oldest first) and each benefit's stock. */
export type MemberStats = z.output<typeof S.MemberStats>;
/** One card holder; `name` arrives masked, `level` is the level's name. */
export type AdminMemberRow = z.output<typeof S.AdminMemberRow>;
export type AdjustPointsBody = RouteBody<'POST /v1/admin/member/points'>;

export const memberAdminApi = {
  rules: () => call('GET /v1/admin/member/rules'),
  saveRules: (rules: S.MemberRules) => call('PUT /v1/admin/member/rules', { body: rules }),

  benefits: () => call('GET /v1/admin/member/benefits'),
  createBenefit: (b: S.Benefit) => call('POST /v1/admin/member/benefits', { body: b }),
  updateBenefit: (b: S.Benefit) => call('PUT /v1/admin/member/benefits/{benefitId}', { params: { benefitId: b.id }, body: b }),

  stats: (days = 14) => call('GET /v1/admin/member/stats', { query: { days } }),
  members: (cursor?: string, limit = PAGE_SIZE) => call('GET /v1/admin/member/members', { query: { limit, cursor } }),
  /** Points either way (never 0); refused with 422 when the balance would go below zero. Once per key: a retry after a lost answer does not adjust twice. */
  adjustPoints: (body: AdjustPointsBody, idempotencyKey: string) =>
    call('POST /v1/admin/member/points', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
};
