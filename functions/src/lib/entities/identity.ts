import * as z from 'zod';
import { Role } from '@yx/shared';
import { parseRow, type Item } from './entity';

/**
 * People and firms. Rows are tagged with `type` (not `entity`), as they always were.
 * | user profile    | USER#<userId>       | PROFILE  | (also holds the inbox's `unread` counter) |
 * | openid → user   | OPENID#<openid>     | USER     | |
 * | ID number guard | IDNO#<hmac(id)>     | USER     | one resident ID, one account |
 * | enterprise      | ENT#<creditCode>    | PROFILE  | |
 * | team member     | TEAMMEMBER#<teamId> | <userId> | who to notify when an order arrives |
 */
export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** every row a person owns (drafts, messages, licences, points) shares this partition */
  userPk: (userId: string) => `USER#${userId}`,
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' }),
  idNumberGuard: (hash: string) => ({ pk: `IDNO#${hash}`, sk: 'USER' }),
  enterprise: (creditCode: string) => ({ pk: `ENT#${creditCode}`, sk: 'PROFILE' }),
  teamMember: (teamId: string, userId: string) => ({ pk: `TEAMMEMBER#${teamId}`, sk: userId }),
  teamMemberPk: (teamId: string) => `TEAMMEMBER#${teamId}`,
};

/** A user as stored. Personal fields are present only once the person gave them. */
const UserSchema = z.object({
  id: z.string(),
  role: Role,
  nickname: z.string(),
  openid: z.string().optional(),
  realName: z.string().optional(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  enterpriseCode: z.string().optional(),
  departmentId: z.string().optional(),
  area: z.string().optional(),
  street: z.string().optional(),
  partnerId: z.string().optional(), // 会员日 partner staff: whose redeem codes they check
  /** bumped when the account's powers change (role, disabling): sessions issued under an older version end */
  sessionVersion: z.number().int().nonnegative().optional(),
  /** set when the admin disabled the account (停用): it can no longer sign in or act */
  disabledAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserRecord = z.output<typeof UserSchema>;

export const User = {
  Schema: UserSchema,
  toItem: (u: UserRecord): Item => ({ ...keys.user(u.id), type: 'User', ...u }),
  fromItem: (item: Item): UserRecord => parseRow(UserSchema, item, 'type'),
};

export const OpenidLink = {
  Schema: z.object({ userId: z.string() }),
  toItem: (openid: string, userId: string): Item => ({ ...keys.openid(openid), type: 'OpenidLink', userId }),
  fromItem: (item: Item) => parseRow(OpenidLink.Schema, item, 'type'),
};

export const IdNumberGuard = {
  Schema: z.object({ userId: z.string(), createdAt: z.string() }),
  toItem: (hash: string, userId: string, createdAt: string): Item => ({ ...keys.idNumberGuard(hash), type: 'IdNumberGuard', userId, createdAt }),
};

const EnterpriseSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  grade: z.enum(['A', 'B', 'C', 'D']),
  legalRepresentative: z.string(),
  address: z.string(),
  street: z.string().optional(),
});
export type EnterpriseRecord = z.output<typeof EnterpriseSchema>;

export const Enterprise = {
  Schema: EnterpriseSchema,
  toItem: (e: EnterpriseRecord): Item => ({ ...keys.enterprise(e.creditCode), type: 'Enterprise', ...e }),
  fromItem: (item: Item): EnterpriseRecord => parseRow(EnterpriseSchema, item, 'type'),
};

/** The work-order team a person answers for: a department's staff, or a street's grid officials. */
export const teamOf = (u: Pick<UserRecord, 'role' | 'departmentId' | 'street'>): string | undefined =>
  u.role === 'staff' && u.departmentId ? `dept:${u.departmentId}` : u.role === 'grid' && u.street ? `grid:${u.street}` : undefined;

export const TeamMember = {
  Schema: z.object({ userId: z.string(), name: z.string().optional() }),
  toItem: (teamId: string, u: Pick<UserRecord, 'id' | 'nickname'>): Item => ({
    ...keys.teamMember(teamId, u.id),
    type: 'TeamMember',
    userId: u.id,
    name: u.nickname,
  }),
  fromItem: (item: Item) => parseRow(TeamMember.Schema, item, 'type'),
};
