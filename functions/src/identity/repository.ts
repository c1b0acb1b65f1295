import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PRIVACY_VERSION } from '@yx/shared';
import { db, readAll, table, transact, type Lookup } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import {
  Enterprise,
  FaceAttempt,
  FirmAgent,
  GridList,
  IdNumberGuard,
  Invitation,
  KinGrant,
  staffIndexAttrs,
  keys,
  OpenidLink,
  TeamMember,
  teamOf,
  User,
  type EnterpriseRecord,
  type FaceAttemptRecord,
  type FirmAgentRecord,
  type IdNumberGuardRecord,
  type InvitationRecord,
  type KinGrantRecord,
  type UserRecord,
} from '../lib/entities/identity';
import { noticeItems, type Notice } from '../messages/repository';
import { getUser } from '../lib/repository';
import { hashSecret } from '../lib/ids';
import { keys as applicationKeys } from '../lib/entities/applications';
import { keys as residenceKeys } from '../lib/entities/deliberation';
import { keys as publicationKeys } from '../lib/entities/publications';

const draftKey = applicationKeys.draft;

export type { EnterpriseRecord, FaceAttemptRecord, FirmAgentRecord, IdNumberGuardRecord, InvitationRecord, KinGrantRecord, UserRecord };
export { getUser, teamOf };

/** Several users at once (at most 100), for lists that show names. */
export async function getUsers(userIds: string[]): Promise<UserRecord[]> {
  if (!userIds.length) return [];
  const r = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: [...new Set(userIds)].slice(0, 100).map(keys.user) } } }));
  return (r.Responses?.[table()] ?? []).map(User.fromItem);
}

export async function getUserIdByOpenid(openid: string): Promise<string | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid) }));
  return r.Item ? OpenidLink.fromItem(r.Item).userId : undefined;
}

/**
 * Creates a user and its openid mapping together; fails (TransactionCanceledException) when
 * another request created the mapping first, so one WeChat account never gets two users.
 */
export async function createUserWithOpenid(user: UserRecord): Promise<void> {
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: OpenidLink.toItem(user.openid!, user.id), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: table(), Item: User.toItem(user), ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }),
  );
}

/**
 * Binds a real name. The guard row makes one ID number belong to one account; the user update
 * refuses to overwrite a different, already bound ID.
 */
export async function bindRealName(userId: string, realName: string, idNumber: string, idHash: string, now: string): Promise<void> {
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: IdNumberGuard.toItem(idHash, userId, now),
            ConditionExpression: 'attribute_not_exists(pk) OR userId = :me',
            ExpressionAttributeValues: { ':me': userId },
          },
        },
        {
          Update: {
            TableName: table(),
            Key: keys.user(userId),
            UpdateExpression: 'SET realName = :n, idNumber = :id, idNumberHash = :h, realNameConsent = :c, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(idNumber) OR idNumberHash = :h)',
            ExpressionAttributeValues: {
              ':n': User.sealed(userId, 'realName', realName),
              ':id': User.sealed(userId, 'idNumber', idNumber),
              ':h': idHash,
              ':c': { version: PRIVACY_VERSION, at: now },
              ':now': now,
            },
          },
        },
      ],
    }),
  );
}

/** The account's phone number, as WeChat gave it. */
export async function setPhone(userId: string, phone: string, now: string): Promise<UserRecord> {
  const r = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.user(userId),
      UpdateExpression: 'SET phone = :p, phoneConsent = :c, updatedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':p': User.sealed(userId, 'phone', phone), ':c': { version: PRIVACY_VERSION, at: now }, ':now': now },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return User.fromItem(r.Attributes!);
}

/** Who holds a resident ID number (by its keyed hash), and how firmly. */
export async function getIdGuard(idHash: string): Promise<IdNumberGuardRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.idNumberGuard(idHash), ConsistentRead: true }));
  return r.Item ? IdNumberGuard.fromItem(r.Item) : undefined;
}

export async function putFaceAttempt(userId: string, a: FaceAttemptRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: FaceAttempt.toItem(userId, a), ConditionExpression: 'attribute_not_exists(pk)' }));
}

/** The person's own attempt only: another person's verify_id is simply not found under this person. */
export async function getFaceAttempt(userId: string, verifyId: string): Promise<FaceAttemptRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.faceAttempt(userId, verifyId), ConsistentRead: true }));
  return r.Item ? FaceAttempt.fromItem(r.Item) : undefined;
}

/** What finishing a face verification reads, in one call: the person's attempt and who holds the ID now. */
export async function readFaceFinish(userId: string, verifyId: string, idHash: string) {
  const r = await readAll(
    {
      attempt: [{ key: keys.faceAttempt(userId, verifyId), parse: FaceAttempt.fromItem }],
      guard: [{ key: keys.idNumberGuard(idHash), parse: IdNumberGuard.fromItem }],
    },
    { consistent: true },
  );
  return { attempt: r.attempt[0], guard: r.guard[0] };
}

/**
 * Records a real name proven by face (level 2) in one transaction:
 * - the attempt is marked used;
 * - the ID's guard row now names this account at level 2, on condition that it is free, already this account's, or
 *   held by the `displaced` account at level 1 only (it asserted the ID; a proven claim takes it back);
 * - this account's earlier, different asserted ID (`released`) is let go;
 * - the displaced account loses the name, the ID and the firm binding that rested on it, its sessions end (session
 *   version), and it is told why (`notice`; its unread counter rides on the same update).
 */
export async function proveRealName(p: {
  userId: string;
  verifyId: string;
  realName: string;
  idNumber: string;
  idHash: string;
  now: string;
  released?: string;
  displaced?: { userId: string; role: UserRecord['role']; notice: Notice };
}): Promise<void> {
  const items: Record<string, unknown>[] = [
    {
      // the attempt is used once: a replayed or double-tapped finish fails here
      Update: {
        TableName: table(),
        Key: keys.faceAttempt(p.userId, p.verifyId),
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':now': p.now },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: IdNumberGuard.toItem(p.idHash, p.userId, p.now, 2),
        ...(p.displaced
          ? {
              ConditionExpression: 'userId = :them AND (attribute_not_exists(#level) OR #level = :one)',
              ExpressionAttributeNames: { '#level': 'level' },
              ExpressionAttributeValues: { ':them': p.displaced.userId, ':one': 1 },
            }
          : { ConditionExpression: 'attribute_not_exists(pk) OR userId = :me', ExpressionAttributeValues: { ':me': p.userId } }),
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.user(p.userId),
        UpdateExpression: 'SET realName = :n, idNumber = :id, idNumberHash = :h, idLevel = :two, realNameConsent = :c, updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(idLevel) OR idLevel <> :two OR idNumberHash = :h)',
        ExpressionAttributeValues: {
          ':n': User.sealed(p.userId, 'realName', p.realName),
          ':id': User.sealed(p.userId, 'idNumber', p.idNumber),
          ':h': p.idHash,
          ':two': 2,
          ':c': { version: PRIVACY_VERSION, at: p.now },
          ':now': p.now,
        },
      },
    },
  ];
  if (p.released) {
    items.push({
      Delete: { TableName: table(), Key: keys.idNumberGuard(p.released), ConditionExpression: 'userId = :me', ExpressionAttributeValues: { ':me': p.userId } },
    });
  }
  if (p.displaced) {
    items.push(
      {
        Update: {
          TableName: table(),
          Key: keys.user(p.displaced.userId),
          // an enterprise account was bound on the strength of that ID: it is a resident again
          UpdateExpression:
            'SET #role = :role, updatedAt = :now REMOVE realName, idNumber, idNumberHash, idLevel, enterpriseCode ADD sessionVersion :one, unread :one',
          ConditionExpression: 'idNumberHash = :h AND #role = :was',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: {
            ':role': p.displaced.role === 'enterprise' ? 'resident' : p.displaced.role,
            ':was': p.displaced.role,
            ':now': p.now,
            ':one': 1,
            ':h': p.idHash,
          },
        },
      },
      ...noticeItems(p.displaced.notice, p.now, { counter: false }),
    );
  }
  await transact(items);
}

export const enterpriseLookup = (creditCode: string): Lookup<EnterpriseRecord> => ({ key: keys.enterprise(creditCode), parse: Enterprise.fromItem });

export async function getEnterprise(creditCode: string): Promise<EnterpriseRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.enterprise(creditCode) }));
  return r.Item ? Enterprise.fromItem(r.Item) : undefined;
}

/** Binds the account to a firm as its 法定代表人; the role changes, so older sessions end (the caller gets a new one). */
export async function bindAsLegalRep(userId: string, creditCode: string, now: string): Promise<UserRecord> {
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.user(userId),
        UpdateExpression: 'SET enterpriseCode = :c, #role = :role, firmRole = :legal, updatedAt = :now ADD sessionVersion :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':c': creditCode, ':role': 'enterprise', ':legal': 'legal', ':now': now, ':one': 1 },
      },
    },
    // the firm's row names its bound legal representative: who hears of its 免申即享 offers (issue 17)
    {
      Update: {
        TableName: table(),
        Key: keys.enterprise(creditCode),
        UpdateExpression: 'SET legalUserId = :u',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':u': userId },
      },
    },
  ]);
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.user(userId), ConsistentRead: true }));
  return User.fromItem(r.Item!);
}

// ---- 企业经办人 (firm agents) ---------------------------------------------------------------------

export const firmAgentLookup = (creditCode: string, agentId: string): Lookup<FirmAgentRecord> => ({
  key: keys.firmAgent(creditCode, agentId),
  parse: FirmAgent.fromItem,
});

export async function getFirmAgent(creditCode: string, agentId: string): Promise<FirmAgentRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.firmAgent(creditCode, agentId), ConsistentRead: true }));
  return r.Item ? FirmAgent.fromItem(r.Item) : undefined;
}

/** A firm's agents (one Query; a firm has a handful, bounded at 200). */
export async function listFirmAgents(creditCode: string): Promise<FirmAgentRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.firmAgentPk(creditCode) },
      Limit: 200,
    }),
  );
  return (r.Items ?? []).map(FirmAgent.fromItem);
}

/** The grants offered to one person, from their own partition. */
export async function listAgentCopies(agentId: string): Promise<FirmAgentRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.userPk(agentId), ':p': keys.agentCopyPrefix },
      Limit: 50,
    }),
  );
  return (r.Items ?? []).map(FirmAgent.fromItem);
}

/** Offers a grant (both rows), unless one is in force; the agent is told. */
export async function offerFirmAgent(a: FirmAgentRecord, notice: Notice): Promise<void> {
  const cond = {
    ConditionExpression: 'attribute_not_exists(pk) OR #status <> :accepted',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':accepted': 'accepted' },
  };
  await transact([
    { Put: { TableName: table(), Item: FirmAgent.toItem(a), ...cond } },
    { Put: { TableName: table(), Item: FirmAgent.copyItem(a), ...cond } },
    ...noticeItems(notice, a.offeredAt),
  ]);
}

const setGrant = (a: FirmAgentRecord, set: string, cond: string, values: Record<string, unknown>) =>
  [keys.firmAgent(a.creditCode, a.agentId), keys.agentCopy(a.agentId, a.creditCode)].map((Key) => ({
    Update: {
      TableName: table(),
      Key,
      UpdateExpression: set,
      ConditionExpression: cond,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  }));

/** The agent accepts: the grant is in force and the account acts for the firm as its 经办人 (a new session follows). */
export async function acceptFirmAgent(a: FirmAgentRecord, now: string): Promise<void> {
  await transact([
    ...setGrant(a, 'SET #status = :accepted, acceptedAt = :now', '#status = :offered', { ':accepted': 'accepted', ':offered': 'offered', ':now': now }),
    {
      Update: {
        TableName: table(),
        Key: keys.user(a.agentId),
        UpdateExpression: 'SET enterpriseCode = :c, #role = :enterprise, firmRole = :agent, updatedAt = :now ADD sessionVersion :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':c': a.creditCode, ':enterprise': 'enterprise', ':agent': 'agent', ':now': now, ':one': 1 },
      },
    },
  ]);
}

/**
 * Revokes a grant. When the agent acts for this firm now (`unbind`), the account stops at once: the firm binding goes,
 * and the session version moves so the agent's next request is refused. The agent is told either way.
 */
export async function revokeFirmAgent(a: FirmAgentRecord, now: string, unbind: boolean, notice: Notice): Promise<void> {
  await transact([
    ...setGrant(a, 'SET #status = :revoked, revokedAt = :now', '#status <> :revoked', { ':revoked': 'revoked', ':now': now }),
    ...(unbind
      ? [
          {
            Update: {
              TableName: table(),
              Key: keys.user(a.agentId),
              UpdateExpression: 'SET #role = :resident, updatedAt = :now REMOVE enterpriseCode, firmRole ADD sessionVersion :one, unread :one',
              ConditionExpression: 'enterpriseCode = :c AND firmRole = :agent',
              ExpressionAttributeNames: { '#role': 'role' },
              ExpressionAttributeValues: { ':resident': 'resident', ':now': now, ':one': 1, ':c': a.creditCode, ':agent': 'agent' },
            },
          },
          ...noticeItems(notice, now, { counter: false }),
        ]
      : noticeItems(notice, now)),
  ]);
}

/**
 * Changes what an account may do (its role and posting, or 停用) and bumps its session version in the same write, so
 * every session issued before ends on its next request (lib/http checks the version).
 */
export async function changeStanding(userId: string, change: { role?: UserRecord['role']; disabled?: boolean }, now: string): Promise<UserRecord> {
  const set = ['updatedAt = :now'];
  const remove: string[] = [];
  const values: Record<string, unknown> = { ':now': now, ':one': 1 };
  const names: Record<string, string> = {};
  if (change.role) {
    set.push('#role = :role');
    names['#role'] = 'role';
    values[':role'] = change.role;
  }
  if (change.disabled === true) {
    set.push('disabledAt = if_not_exists(disabledAt, :now)');
  } else if (change.disabled === false) remove.push('disabledAt');
  const r = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.user(userId),
      UpdateExpression: `SET ${set.join(', ')} ADD sessionVersion :one${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return User.fromItem(r.Attributes!);
}

/** Everyone in a handling team (a bounded list: one Query). */
export async function teamMembers(teamId: string): Promise<string[]> {
  const r = await db().send(
    new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.teamMemberPk(teamId) }, Limit: 200 }),
  );
  return (r.Items ?? []).map((i) => TeamMember.fromItem(i).userId);
}

/** Seeding only: a user (and its guard rows) as given. */
export function seedUserItems(u: UserRecord, idHash?: string): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [User.toItem(u)];
  if (idHash) items.push(IdNumberGuard.toItem(idHash, u.id, u.createdAt, u.idLevel ?? 1));
  if (u.openid) items.push(OpenidLink.toItem(u.openid, u.id));
  const team = teamOf(u);
  if (team) items.push(TeamMember.toItem(team, u));
  return items;
}

export const seedEnterpriseItem = (e: EnterpriseRecord): Record<string, unknown> => Enterprise.toItem(e);
/** A grant in force, both its rows (the seed's agents at work). */
export const seedFirmAgentItems = (a: FirmAgentRecord): Record<string, unknown>[] => [FirmAgent.toItem(a), FirmAgent.copyItem(a)];

// ---- 亲友代办 (kin grants) -------------------------------------------------------------------------

/** What acting for someone reads, in one call: the grant and the person acted for. */
export async function readActingFor(principalId: string, agentId: string) {
  const r = await readAll({
    grant: [{ key: keys.kin(principalId, agentId), parse: KinGrant.fromItem }],
    principal: [{ key: keys.user(principalId), parse: User.fromItem }],
  });
  return { grant: r.grant[0], principal: r.principal[0] };
}

export async function getKinGrant(principalId: string, agentId: string): Promise<KinGrantRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.kin(principalId, agentId), ConsistentRead: true }));
  return r.Item ? KinGrant.fromItem(r.Item) : undefined;
}

/** Whom a person authorised (their partition) and who authorised them (copies in their own partition). */
export async function listKin(userId: string): Promise<{ given: KinGrantRecord[]; received: KinGrantRecord[] }> {
  const [given, received] = await Promise.all([
    db().send(
      new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.kinPk(userId) }, Limit: 50 }),
    ),
    db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': keys.userPk(userId), ':p': keys.kinCopyPrefix },
        Limit: 50,
      }),
    ),
  ]);
  return { given: (given.Items ?? []).map(KinGrant.fromItem), received: (received.Items ?? []).map(KinGrant.fromItem) };
}

/** Offers (both rows) unless a grant is in force; the relative is told. */
export async function offerKin(g: KinGrantRecord, notice: Notice): Promise<void> {
  const cond = {
    ConditionExpression: 'attribute_not_exists(pk) OR #status <> :accepted',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':accepted': 'accepted' },
  };
  await transact([
    { Put: { TableName: table(), Item: KinGrant.toItem(g), ...cond } },
    { Put: { TableName: table(), Item: KinGrant.copyItem(g), ...cond } },
    ...noticeItems(notice, g.offeredAt),
  ]);
}

/** Moves a grant (both rows) from one status to another; the other side is told. */
export async function setKinStatus(g: KinGrantRecord, to: 'accepted' | 'revoked', now: string, notice: Notice): Promise<void> {
  const stamp = to === 'accepted' ? 'acceptedAt' : 'revokedAt';
  const cond = to === 'accepted' ? '#status = :offered' : '#status <> :revoked';
  await transact([
    ...[keys.kin(g.principalId, g.agentId), keys.kinCopy(g.agentId, g.principalId)].map((Key) => ({
      Update: {
        TableName: table(),
        Key,
        UpdateExpression: `SET #status = :to, ${stamp} = :now`,
        ConditionExpression: cond,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': to, ':now': now, ...(to === 'accepted' ? { ':offered': 'offered' } : { ':revoked': 'revoked' }) },
      },
    })),
    ...noticeItems(notice, now),
  ]);
}

// ---- staff accounts and invitations ------------------------------------------------------------

/** The posting fields a staff account may hold; a change sets the given ones and removes the rest. */
const POSTING_FIELDS = ['departmentId', 'street', 'area', 'partnerId'] as const;

/**
 * Gives an account a role and posting, or disables / enables it, in one transaction with its team row (who is told of new
 * work orders) and, for an invitation, the invitation marked used. The session version moves, so every session issued
 * before ends on its next request.
 */
export async function applyStaffChange(before: UserRecord, after: UserRecord, now: string, invitation?: { codeHash: string }): Promise<void> {
  const set: string[] = ['#role = :role', 'nickname = :nick', 'updatedAt = :now'];
  const remove: string[] = [];
  const values: Record<string, unknown> = { ':role': after.role, ':nick': after.nickname, ':now': now, ':one': 1 };
  for (const f of POSTING_FIELDS) {
    if (after[f]) {
      set.push(`${f} = :${f}`);
      values[`:${f}`] = after[f];
    } else remove.push(f);
  }
  if (after.disabledAt) {
    set.push('disabledAt = :disabledAt');
    values[':disabledAt'] = after.disabledAt;
  } else remove.push('disabledAt');
  const index = staffIndexAttrs(after);
  if (index) {
    set.push('gsi1pk = :gpk', 'gsi1sk = :gsk');
    values[':gpk'] = index.gsi1pk;
    values[':gsk'] = index.gsi1sk;
  } else remove.push('gsi1pk', 'gsi1sk');
  const items: Record<string, unknown>[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.user(after.id),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''} ADD sessionVersion :one`,
        // the account as it was read: a concurrent change makes this one retry from the start
        ConditionExpression: 'attribute_exists(pk) AND #role = :was AND (attribute_not_exists(sessionVersion) OR sessionVersion = :sv)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ...values, ':was': before.role, ':sv': before.sessionVersion ?? 0 },
      },
    },
  ];
  const oldTeam = teamOf(before);
  const newTeam = after.disabledAt ? undefined : teamOf(after);
  if (oldTeam && oldTeam !== newTeam) items.push({ Delete: { TableName: table(), Key: keys.teamMember(oldTeam, before.id) } });
  if (newTeam) items.push({ Put: { TableName: table(), Item: TeamMember.toItem(newTeam, after) } });
  if (invitation) {
    items.push({
      Update: {
        TableName: table(),
        Key: keys.invitation(invitation.codeHash),
        UpdateExpression: 'SET usedBy = :me, usedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
        ExpressionAttributeValues: { ':me': after.id, ':now': now },
      },
    });
  }
  await transact(items);
}

/** Staff accounts for the admin, a page at a time (gsi1 `STAFF`, ordered by role). */
export async function listStaff(limit: number, cursor?: string): Promise<{ items: UserRecord[]; nextCursor: string | null }> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.staffIndex },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: keys.staffIndex, index: 'gsi1' }),
    }),
  );
  return { items: (r.Items ?? []).map(User.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

export async function putInvitation(i: InvitationRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: Invitation.toItem(i), ConditionExpression: 'attribute_not_exists(pk)' }));
}

export async function getInvitation(codeHash: string): Promise<InvitationRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.invitation(codeHash), ConsistentRead: true }));
  return r.Item ? Invitation.fromItem(r.Item) : undefined;
}

/** Invitations (a district's few hundred at most; expired ones leave by TTL 30 days on). */
export async function listInvitations(): Promise<InvitationRecord[]> {
  const r = await db().send(
    new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.invitationsPk }, Limit: 300 }),
  );
  return (r.Items ?? []).map(Invitation.fromItem);
}

/** Every street's grids (one Query: 18 rows). */
export async function listGrids(): Promise<Map<string, string[]>> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.orgPk, ':p': keys.gridsPrefix },
    }),
  );
  return new Map((r.Items ?? []).map(GridList.fromItem).map((g) => [g.street, g.grids]));
}

export async function getGrids(street: string): Promise<string[]> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.grids(street) }));
  return r.Item ? GridList.fromItem(r.Item).grids : [];
}

export async function saveGrids(street: string, grids: string[], now: string): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: GridList.toItem({ street, grids, updatedAt: now }) }));
}

/** Seeding only. */
export const seedGridItem = (street: string, grids: string[], now: string) => GridList.toItem({ street, grids, updatedAt: now });

/** DynamoDB's limit on a transaction's items. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * 注销: in one transaction the account loses its name, ID, phone, consents, firm binding and WeChat binding (a new
 * login makes a new account), its ID number is free again, its drafts and its grants (亲友代办 either way, a firm's
 * grant to it as an agent) go, its 政务公开 subscriptions go (nobody is told of new items any more), and every session
 * ends. The user row stays, closed, because closed cases kept under the archive rules name it.
 */
export async function closeAccount(
  u: UserRecord,
  also: { draftFormIds: string[]; kin: { principalId: string; agentId: string }[]; firmsAsAgent: string[] },
  now: string,
): Promise<void> {
  const items: Record<string, unknown>[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.user(u.id),
        UpdateExpression:
          'SET nickname = :gone, closedAt = :now, updatedAt = :now REMOVE realName, idNumber, idNumberHash, idLevel, phone, openid, enterpriseCode, firmRole, realNameConsent, phoneConsent ADD sessionVersion :one',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
        ExpressionAttributeValues: { ':gone': '已注销用户', ':now': now, ':one': 1 },
      },
    },
    ...also.draftFormIds.map((formId) => ({ Delete: { TableName: table(), Key: draftKey(u.id, formId) } })),
    // 亲友代办 given or received: both rows of each grant go, so neither side lists it any more
    ...also.kin
      .flatMap((g) => [keys.kin(g.principalId, g.agentId), keys.kinCopy(g.agentId, g.principalId)])
      .map((Key) => ({ Delete: { TableName: table(), Key } })),
    // a firm's grant to this person as its agent (经办人) ends with the account
    ...also.firmsAsAgent.flatMap((code) => [keys.firmAgent(code, u.id), keys.agentCopy(u.id, code)]).map((Key) => ({ Delete: { TableName: table(), Key } })),
    // 居民议事 (issue 19): the declared community with the sealed name and address (the person is no longer its resident)
    { Delete: { TableName: table(), Key: residenceKeys.residence(u.id) } },
  ];
  if (u.openid)
    items.push({ Delete: { TableName: table(), Key: keys.openid(u.openid), ConditionExpression: 'userId = :me', ExpressionAttributeValues: { ':me': u.id } } });
  if (u.idNumber)
    items.push({
      Delete: {
        TableName: table(),
        Key: keys.idNumberGuard(hashSecret(u.idNumber)),
        ConditionExpression: 'attribute_not_exists(pk) OR userId = :me',
        ExpressionAttributeValues: { ':me': u.id },
      },
    });
  // 政务公开 (issue 19): the person's categories and the subscriber row of every category (a few; deleting one not there
  // does nothing), without reading them first, so a subscription made a moment before goes too
  const subscriptions = publicationKeys.allSubscriptionRows(u.id).map((Key) => ({ Delete: { TableName: table(), Key } }));
  // a transaction holds 100 items: only with dozens of drafts and grants would they not fit, and then go just before
  if (items.length + subscriptions.length > MAX_TRANSACTION_ITEMS) await transact(subscriptions);
  else items.push(...subscriptions);
  await transact(items);
}
