import { badRequest } from './errors';

/** A page's LastEvaluatedKey as an opaque string for the client. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null);

/**
 * Back to a start key, only if it is one this query could have made: the table's keys (and the index's),
 * nothing else, in the partition being read (and the sort range, when given). Anything else is the client's
 * mistake (400), never a store error (500).
 */
export function decodeCursor(
  cursor: string | undefined,
  expect: { partition: string; index?: 'gsi1' | 'gsi2' | 'gsi3'; sortPrefix?: string },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const bad = () => badRequest('翻页位置不正确，请从第一页重新查看');
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw bad();
  const k = key as Record<string, unknown>;
  const names = ['pk', 'sk', ...(expect.index ? [`${expect.index}pk`, `${expect.index}sk`] : [])];
  if (Object.keys(k).length !== names.length || !names.every((n) => typeof k[n] === 'string')) throw bad();
  if (k[expect.index ? `${expect.index}pk` : 'pk'] !== expect.partition) throw bad();
  if (expect.sortPrefix && !String(k[expect.index ? `${expect.index}sk` : 'sk']).startsWith(expect.sortPrefix)) throw bad();
  return k as Record<string, string>;
}
