import * as z from 'zod';
import { Role } from '@yx/shared';
import { parseRow, ttlAfter, type Item } from './entity';
import { fieldContext, openFields, seal, sealFields } from '../pii';
import { hashSecret } from '../ids';
import { keys as policyKeys } from './policies';

/**
 * People and firms. Rows are tagged with `type` (not `entity`), as they always were.
 * | user profile    | USER#<userId>       | PROFILE  | (also holds the inbox's `unread` counter) |
 * | openid → user   | OPENID#<openid>     | USER     | |
 * | ID number guard | IDNO#<hmac(id)>     | USER     | one resident ID, one account; `level` 2 once proven by face |
 * | face attempt    | USER#<userId>       | FACE#<verifyId> | ttl 1 day: one WeChat face verification, used once |
 * | firm agent      | FIRMAGENT#<creditCode> | <agentUserId> | a legal representative's grant to an agent (经办人) |
 * | agent's copy    | USER#<agentUserId>  | FIRMAUTH#<creditCode> | the same grant, for the agent's own list |
 * | kin grant       | KIN#<principalId>   | <relativeId> | 亲友代办: a resident's grant to a relative |
 * | staff invitation | INVITES            | <hmac(code)> | ttl 30 days after it expires: a one-time code for a role and posting |
 * | a street's grids | ORG                | GRIDS#<street> | the communities (网格) grid officials are posted to |
 * Staff users (roles staff, grid, dispatcher, partner, admin) are also on index gsi1 under `STAFF` (the admin's list).
 * | relative's copy | USER#<relativeId>   | KINAUTH#<principalId> | the same grant, for the relative's own list |
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
  faceAttempt: (userId: string, verifyId: string) => ({ pk: `USER#${userId}`, sk: `FACE#${verifyId}` }),
  firmAgent: (creditCode: string, agentId: string) => ({ pk: `FIRMAGENT#${creditCode}`, sk: agentId }),
  firmAgentPk: (creditCode: string) => `FIRMAGENT#${creditCode}`,
  agentCopy: (agentId: string, creditCode: string) => ({ pk: `USER#${agentId}`, sk: `FIRMAUTH#${creditCode}` }),
  agentCopyPrefix: 'FIRMAUTH#',
  kin: (principalId: string, agentId: string) => ({ pk: `KIN#${principalId}`, sk: agentId }),
  kinPk: (principalId: string) => `KIN#${principalId}`,
  kinCopy: (agentId: string, principalId: string) => ({ pk: `USER#${agentId}`, sk: `KINAUTH#${principalId}` }),
  kinCopyPrefix: 'KINAUTH#',
  invitation: (codeHash: string) => ({ pk: 'INVITES', sk: codeHash }),
  invitationsPk: 'INVITES',
  grids: (street: string) => ({ pk: 'ORG', sk: `GRIDS#${street}` }),
  orgPk: 'ORG',
  gridsPrefix: 'GRIDS#',
  /** gsi1 partition of every staff account */
  staffIndex: 'STAFF',
};

const STAFF_ROLE_SET = new Set(['staff', 'grid', 'dispatcher', 'partner', 'admin']);
/** The index attributes a user row carries: staff accounts are listed for the admin on gsi1. */
export const staffIndexAttrs = (u: Pick<UserRecord, 'id' | 'role'>) =>
  STAFF_ROLE_SET.has(u.role) ? { gsi1pk: keys.staffIndex, gsi1sk: `${u.role}#${u.id}` } : undefined;

/** Levels of assurance: 1 a name the person typed (asserted), 2 a name proven by WeChat face verification. */
export const IdLevel = z.union([z.literal(1), z.literal(2)]);
export type IdLevel = z.output<typeof IdLevel>;

/** A user as stored. Personal fields are present only once the person gave them. */
const UserSchema = z.object({
  id: z.string(),
  role: Role,
  nickname: z.string(),
  openid: z.string().optional(),
  realName: z.string().optional(),
  idNumber: z.string().optional(),
  /** keyed hash of `idNumber` (the guard row's key): what conditions compare, since the stored ID is sealed */
  idNumberHash: z.string().optional(),
  /** how the real name was established: absent or 1 typed (asserted), 2 proven by face verification */
  idLevel: IdLevel.optional(),
  phone: z.string().optional(),
  enterpriseCode: z.string().optional(),
  /** how the account acts for `enterpriseCode`: as its 法定代表人 (proven ID matched the registry) or an authorised 经办人 */
  firmRole: z.enum(['legal', 'agent']).optional(),
  departmentId: z.string().optional(),
  area: z.string().optional(),
  street: z.string().optional(),
  partnerId: z.string().optional(), // 会员日 partner staff: whose redeem codes they check
  /** bumped when the account's powers change (role, disabling): sessions issued under an older version end */
  sessionVersion: z.number().int().nonnegative().optional(),
  /** set when the admin disabled the account (停用): it can no longer sign in or act */
  disabledAt: z.string().optional(),
  /** 注销: the person closed the account; their name, ID, phone and WeChat binding are gone */
  closedAt: z.string().optional(),
  /** consent to collecting the real name / the phone, with the version of the notice shown (PIPL) */
  realNameConsent: z.object({ version: z.string(), at: z.string() }).optional(),
  phoneConsent: z.object({ version: z.string(), at: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserRecord = z.output<typeof UserSchema>;

/** Personal fields sealed at rest (lib/pii), each bound to its row. */
const USER_SEALED = ['realName', 'idNumber', 'phone'] as const;

export const User = {
  Schema: UserSchema,
  toItem: (u: UserRecord): Item => ({
    ...keys.user(u.id),
    type: 'User',
    ...sealFields(u, USER_SEALED, keys.user(u.id)),
    ...(u.idNumber ? { idNumberHash: hashSecret(u.idNumber) } : {}),
    ...staffIndexAttrs(u),
  }),
  fromItem: (item: Item): UserRecord => parseRow(UserSchema, openFields(item, USER_SEALED), 'type'),
  /** A personal field's stored value, for an update that sets only it. */
  sealed: (userId: string, field: (typeof USER_SEALED)[number], value: string) => seal(value, fieldContext(keys.user(userId), field)),
};

export const OpenidLink = {
  Schema: z.object({ userId: z.string() }),
  toItem: (openid: string, userId: string): Item => ({ ...keys.openid(openid), type: 'OpenidLink', userId }),
  fromItem: (item: Item) => parseRow(OpenidLink.Schema, item, 'type'),
};

const IdNumberGuardSchema = z.object({ userId: z.string(), createdAt: z.string(), level: IdLevel.optional() });
export type IdNumberGuardRecord = z.output<typeof IdNumberGuardSchema>;

export const IdNumberGuard = {
  Schema: IdNumberGuardSchema,
  toItem: (hash: string, userId: string, createdAt: string, level: IdLevel = 1): Item => ({
    ...keys.idNumberGuard(hash),
    type: 'IdNumberGuard',
    userId,
    createdAt,
    level,
  }),
  fromItem: (item: Item): IdNumberGuardRecord => parseRow(IdNumberGuardSchema, item, 'type'),
};

/**
 * One face verification the person started: the ids WeChat must see again at query time, and a keyed hash of the name
 * and ID number typed (never the plain values), so the finish step proves the same certificate was verified.
 */
const FaceAttemptSchema = z.object({
  verifyId: z.string(),
  outSeqNo: z.string(),
  certCheck: z.string(),
  openid: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
});
export type FaceAttemptRecord = z.output<typeof FaceAttemptSchema>;

export const FaceAttempt = {
  Schema: FaceAttemptSchema,
  toItem: (userId: string, a: FaceAttemptRecord): Item => ({
    ...keys.faceAttempt(userId, a.verifyId),
    type: 'FaceAttempt',
    ...a,
    ttl: ttlAfter(a.startedAt, 1),
  }),
  fromItem: (item: Item): FaceAttemptRecord => parseRow(FaceAttemptSchema, item, 'type'),
};

const EnterpriseSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  grade: z.enum(['A', 'B', 'C', 'D']),
  legalRepresentative: z.string(),
  address: z.string(),
  street: z.string().optional(),
  /** the legal representative's resident ID as a keyed hash (registry data): who may bind the firm */
  legalRepIdHash: z.string().optional(),
  /** the account bound as the legal representative: who hears of the firm's 免申即享 offers */
  legalUserId: z.string().optional(),
  // registry facts the policy matcher reads (issue 17); any may be missing (the verdict is then 信息不足)
  registeredOn: z.string().optional(),
  /** GB/T 4754 class, e.g. H6210 */
  industry: z.string().optional(),
  size: z.enum(['micro', 'small', 'medium', 'large']).optional(),
  headcount: z.number().optional(),
  /** 万元, last year */
  revenue: z.number().optional(),
  /** 万元, last year */
  taxPaid: z.number().optional(),
  qualifications: z.array(z.string()).optional(),
  /** policy items paid to the firm (拨付到账) */
  received: z.array(z.object({ itemId: z.string(), on: z.string() })).optional(),
  /** 信用码 (issue 20): the printed poster's version; its code proves a visit only while it is the current one */
  posterVersion: z.number().optional(),
  /** 免申即享 items the firm was offered (the batch skips them) */
  offered: z.array(z.string()).optional(),
});
export type EnterpriseRecord = z.output<typeof EnterpriseSchema>;

export const Enterprise = {
  Schema: EnterpriseSchema,
  /** on gsi2 by shard: the matching batch reads the firms a shard at a time */
  toItem: (e: EnterpriseRecord): Item => ({ ...keys.enterprise(e.creditCode), ...policyKeys.firmShard(e.creditCode), type: 'Enterprise', ...e }),
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

const FirmAgentSchema = z.object({
  creditCode: z.string(),
  firmName: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  agentIdNumberMasked: z.string(),
  allItems: z.boolean(),
  itemIds: z.array(z.string()),
  commitments: z.boolean(),
  /** 政策兑现 (issue 17); grants made before it have none */
  benefits: z.boolean().default(false),
  expiresOn: z.string(),
  status: z.enum(['offered', 'accepted', 'revoked']),
  offeredBy: z.string(),
  offeredByName: z.string(),
  offeredAt: z.string(),
  acceptedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type FirmAgentRecord = z.output<typeof FirmAgentSchema>;

/** A grant is kept twice, under the firm and under the agent; both rows change together. */
export const FirmAgent = {
  Schema: FirmAgentSchema,
  toItem: (a: FirmAgentRecord): Item => ({ ...keys.firmAgent(a.creditCode, a.agentId), type: 'FirmAgent', ...a }),
  copyItem: (a: FirmAgentRecord): Item => ({ ...keys.agentCopy(a.agentId, a.creditCode), type: 'FirmAgentCopy', ...a }),
  fromItem: (item: Item): FirmAgentRecord => parseRow(FirmAgentSchema, item, 'type'),
};

const KinGrantSchema = z.object({
  principalId: z.string(),
  principalName: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  relation: z.enum(['child', 'spouse', 'parent', 'sibling', 'other']),
  allItems: z.boolean(),
  itemIds: z.array(z.string()),
  expiresOn: z.string(),
  status: z.enum(['offered', 'accepted', 'revoked']),
  offeredAt: z.string(),
  acceptedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type KinGrantRecord = z.output<typeof KinGrantSchema>;

/** 亲友代办: kept under the person and under the relative; both rows change together. */
export const KinGrant = {
  Schema: KinGrantSchema,
  toItem: (g: KinGrantRecord): Item => ({ ...keys.kin(g.principalId, g.agentId), type: 'KinGrant', ...g }),
  copyItem: (g: KinGrantRecord): Item => ({ ...keys.kinCopy(g.agentId, g.principalId), type: 'KinGrantCopy', ...g }),
  fromItem: (item: Item): KinGrantRecord => parseRow(KinGrantSchema, item, 'type'),
};

const InvitationSchema = z.object({
  codeHash: z.string(),
  displayName: z.string(),
  role: Role,
  departmentId: z.string().optional(),
  street: z.string().optional(),
  area: z.string().optional(),
  partnerId: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedBy: z.string().optional(),
  usedAt: z.string().optional(),
});
export type InvitationRecord = z.output<typeof InvitationSchema>;

export const Invitation = {
  Schema: InvitationSchema,
  toItem: (i: InvitationRecord): Item => ({ ...keys.invitation(i.codeHash), type: 'Invitation', ...i, ttl: ttlAfter(i.expiresAt, 30) }),
  fromItem: (item: Item): InvitationRecord => parseRow(InvitationSchema, item, 'type'),
};

export const GridList = {
  Schema: z.object({ street: z.string(), grids: z.array(z.string()), updatedAt: z.string() }),
  toItem: (g: { street: string; grids: string[]; updatedAt: string }): Item => ({ ...keys.grids(g.street), type: 'GridList', ...g }),
  fromItem: (item: Item) => parseRow(GridList.Schema, item, 'type'),
};
