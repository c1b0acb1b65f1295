import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import type { ReactNode } from 'react';
import { newIdempotencyKey as newKey } from '../../api/client';
import type { ClaimView } from '../../api/member';
import { RoleGate } from '../../components/RoleGate';
import './common.css';

/** Pieces the 会员专区 pages share: addresses, the member gate, number and date wording. */

export const MEMBER_PAGES = {
  home: '/packages/member/home/index',
  calendar: '/packages/member/calendar/index',
  points: '/packages/member/points/index',
  benefits: '/packages/member/benefits/index',
  claims: '/packages/member/claims/index',
  redeem: '/packages/member/redeem/index',
} as const;

/** Everyone who signs in has a member zone, except partner cashiers (who only redeem) and admins. */
export const MEMBER_ROLES: Role[] = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher'];

export const goMember = (page: keyof typeof MEMBER_PAGES) => Taro.navigateTo({ url: MEMBER_PAGES[page] });

/** The member pages' gate: a visitor is asked to log in, anyone else (a partner cashier, an admin) is told the zone is not for them. */
export function MemberGate({ children }: { children: ReactNode }) {
  return (
    <RoleGate
      roles={MEMBER_ROLES}
      what="会员专区"
      loginText="登录后即可领取会员卡，每日签到领积分，会员日领取专属福利"
      deniedNote={(name) => `您当前的身份是“${name}”。`}
    >
      {children}
    </RoleGate>
  );
}

/** 'YX0000000018' → 'YX00 0000 0018', easier to read out. */
export const spacedMemberNo = (no: string) => no.replace(/(.{4})(?=.)/g, '$1 ');

/** '2026-12-18' → '12 月 18 日'. */
export function monthDay(date: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[1])} 月 ${Number(m[2])} 日` : date;
}

/** '2026-11' shifted by n months, e.g. shiftMonth('2026-01', -1) = '2025-12'. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** '+5' for what came in, '−50' (a true minus sign) for what went out. */
export const pointsText = (n: number) => (n > 0 ? `+${n}` : `−${Math.abs(n)}`);

/** '2026-11' → '2026 年 11 月'. */
export const monthTitle = (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;

export const newIdempotencyKey = () => newKey('mb');

const CLAIM_TONES: Record<string, string> = { 待使用: 'tag-green', 已核销: 'tag-gray', 已过期: 'tag-orange' };

export function ClaimStatusTag({ claim }: { claim: Pick<ClaimView, 'statusName'> }) {
  return (
    <Text className={`tag mb-status ${CLAIM_TONES[claim.statusName] ?? 'tag-gray'}`} data-testid="claim-status">
      {claim.statusName}
    </Text>
  );
}

export const claimUsable = (c: Pick<ClaimView, 'statusName'>) => c.statusName === '待使用';
