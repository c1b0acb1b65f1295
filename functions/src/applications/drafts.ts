import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../lib/db';
import { keys } from '../lib/keys';
import { now } from '../lib/clock';

/** 草稿: what a person typed, saved as they go, kept 30 days. Not validated: it is unfinished. */
export interface Draft { answers: Record<string, unknown>; deferred: string[]; step: number; savedAt: string }

export async function getDraft(userId: string, formId: string): Promise<Draft | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.draft(userId, formId) }));
  if (!r.Item) return undefined;
  const { answers, deferred, step, savedAt } = r.Item as Draft;
  return { answers, deferred, step, savedAt };
}

export async function saveDraft(userId: string, formId: string, d: Omit<Draft, 'savedAt'>): Promise<Draft> {
  const savedAt = now().toISOString();
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.draft(userId, formId), entity: 'Draft', ...d, savedAt, ttl: Math.floor(now().getTime() / 1000) + 30 * 86_400 },
  }));
  return { ...d, savedAt };
}

export async function deleteDraft(userId: string, formId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: table(), Key: keys.draft(userId, formId) }));
}
