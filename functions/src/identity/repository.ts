import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@yx/shared';
import { db, table } from '../lib/db';
import { keys } from '../lib/keys';

/** A user as stored. Personal fields are present only once the person gave them. */
export interface UserRecord {
  id: string;
  role: Role;
  nickname: string;
  openid?: string;
  realName?: string;
  idNumber?: string;
  phone?: string;
  enterpriseCode?: string;
  departmentId?: string;
  area?: string;
  street?: string;
  partnerId?: string; // 会员日 partner staff: whose redeem codes they check
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseRecord {
  creditCode: string;
  name: string;
  grade: 'A' | 'B' | 'C' | 'D';
  legalRepresentative: string;
  address: string;
  street?: string;
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, ...rest } = item;
  return rest as T;
};

export async function getUser(userId: string): Promise<UserRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.user(userId) }));
  return strip<UserRecord>(r.Item);
}

/** Several users at once (at most 100), for lists that show names. */
export async function getUsers(userIds: string[]): Promise<UserRecord[]> {
  if (!userIds.length) return [];
  const r = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: [...new Set(userIds)].slice(0, 100).map(keys.user) } } }));
  return (r.Responses?.[table()] ?? []).map((i) => strip<UserRecord>(i)!);
}

export async function getUserIdByOpenid(openid: string): Promise<string | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid) }));
  return r.Item?.userId as string | undefined;
}

/**
 * Creates a user and its openid mapping together; fails (TransactionCanceledException) when
 * another request created the mapping first, so one WeChat account never gets two users.
 */
export async function createUserWithOpenid(user: UserRecord): Promise<void> {
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: { ...keys.openid(user.openid!), type: 'OpenidLink', userId: user.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: table(), Item: { ...keys.user(user.id), type: 'User', ...user }, ConditionExpression: 'attribute_not_exists(pk)' } },
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
            Item: { ...keys.idNumberGuard(idHash), type: 'IdNumberGuard', userId, createdAt: now },
            ConditionExpression: 'attribute_not_exists(pk) OR userId = :me',
            ExpressionAttributeValues: { ':me': userId },
          },
        },
        {
          Update: {
            TableName: table(),
            Key: keys.user(userId),
            UpdateExpression: 'SET realName = :n, idNumber = :id, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(idNumber) OR idNumber = :id)',
            ExpressionAttributeValues: { ':n': realName, ':id': idNumber, ':now': now },
          },
        },
      ],
    }),
  );
}

export async function getEnterprise(creditCode: string): Promise<EnterpriseRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.enterprise(creditCode) }));
  return strip<EnterpriseRecord>(r.Item);
}

export async function bindEnterprise(userId: string, creditCode: string, now: string): Promise<UserRecord> {
  const r = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.user(userId),
      UpdateExpression: 'SET enterpriseCode = :c, #role = :role, updatedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':c': creditCode, ':role': 'enterprise', ':now': now },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return strip<UserRecord>(r.Attributes)!;
}

/** The work-order team a person answers for: a department's staff, or a street's grid officials. */
export const teamOf = (u: Pick<UserRecord, 'role' | 'departmentId' | 'street'>): string | undefined =>
  u.role === 'staff' && u.departmentId ? `dept:${u.departmentId}` : u.role === 'grid' && u.street ? `grid:${u.street}` : undefined;

/** Everyone in a handling team (a bounded list: one Query). */
export async function teamMembers(teamId: string): Promise<string[]> {
  const r = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.teamMemberPk(teamId) }, Limit: 200 }));
  return (r.Items ?? []).map((i) => String(i.userId));
}

/** Seeding only: writes a user (and its guard rows) as given. */
export function seedUserItems(u: UserRecord, idHash?: string): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [{ ...keys.user(u.id), type: 'User', ...u }];
  if (idHash) items.push({ ...keys.idNumberGuard(idHash), type: 'IdNumberGuard', userId: u.id, createdAt: u.createdAt });
  if (u.openid) items.push({ ...keys.openid(u.openid), type: 'OpenidLink', userId: u.id });
  const team = teamOf(u);
  if (team) items.push({ ...keys.teamMember(team, u.id), type: 'TeamMember', userId: u.id, name: u.nickname });
  return items;
}

export function seedEnterpriseItem(e: EnterpriseRecord): Record<string, unknown> {
  return { ...keys.enterprise(e.creditCode), type: 'Enterprise', ...e };
}
