import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table, type Lookup } from '../lib/db';
import { Enterprise, IdNumberGuard, keys, OpenidLink, TeamMember, teamOf, User, type EnterpriseRecord, type UserRecord } from '../lib/entities/identity';
import { getUser } from '../lib/repository';

export type { EnterpriseRecord, UserRecord };
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
            UpdateExpression: 'SET realName = :n, idNumber = :id, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(idNumber) OR idNumber = :id)',
            ExpressionAttributeValues: { ':n': realName, ':id': idNumber, ':now': now },
          },
        },
      ],
    }),
  );
}

export const enterpriseLookup = (creditCode: string): Lookup<EnterpriseRecord> => ({ key: keys.enterprise(creditCode), parse: Enterprise.fromItem });

export async function getEnterprise(creditCode: string): Promise<EnterpriseRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.enterprise(creditCode) }));
  return r.Item ? Enterprise.fromItem(r.Item) : undefined;
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
  return User.fromItem(r.Attributes!);
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
  if (idHash) items.push(IdNumberGuard.toItem(idHash, u.id, u.createdAt));
  if (u.openid) items.push(OpenidLink.toItem(u.openid, u.id));
  const team = teamOf(u);
  if (team) items.push(TeamMember.toItem(team, u));
  return items;
}

export const seedEnterpriseItem = (e: EnterpriseRecord): Record<string, unknown> => Enterprise.toItem(e);
