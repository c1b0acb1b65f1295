import { badRequest } from './errors';

/** A page's LastEvaluatedKey as an opaque string for the client. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

/** Back to a start key; anything that is not one we made is the client's mistake (400), not ours (500). */
export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every((v) => typeof v === 'string')) return key as Record<string, string>;
  } catch { /* fall through */ }
  throw badRequest('翻页位置不正确，请从第一页重新查看');
}
