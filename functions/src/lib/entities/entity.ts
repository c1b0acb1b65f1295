import type * as z from 'zod';

/**
 * The shape every entity module follows (functions/src/lib/entities/<family>.ts): it alone declares its
 * keys (`keys`), and for each kind of row a zod `Schema`, `toItem(record)` (the row with its keys and tag)
 * and `fromItem(item)` (the record parsed from a stored row). Repositories send the commands.
 */
export type Item = Record<string, unknown>;
export interface Key {
  pk: string;
  sk: string;
}

/** Attributes of the table, not of the record: keys, index keys, the expiry. */
const TABLE_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'ttl']);

/** A stored row as its record: the table's own attributes and the tag dropped, the rest parsed (a row that does not fit is a 500, not a wrong answer). */
export function parseRow<S extends z.ZodType>(Schema: S, item: Item, tag: 'entity' | 'type' = 'entity'): z.output<S> {
  const rest: Item = {};
  for (const [k, v] of Object.entries(item)) if (!TABLE_ATTRS.has(k) && k !== tag) rest[k] = v;
  return Schema.parse(rest);
}

/** Seconds since the epoch, `days` after an ISO instant: the `ttl` attribute DynamoDB expires rows by. */
export const ttlAfter = (iso: string, days: number) => Math.floor(Date.parse(iso) / 1000) + days * 86_400;
