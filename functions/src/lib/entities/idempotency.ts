import * as z from 'zod';
import { parseRow, ttlAfter, type Item } from './entity';
import { openFields, sealFields } from '../pii';

/**
 * One intended action of a person (a submit, a filed order, a note, a claim), by the client's Idempotency-Key.
 * | idempotency record | IDEM#<userId>#<key> | IDEM | ttl 7 days; what the action made: appNos (+ requestHash, queryCode), woNo, code, or ref |
 */
export const keys = {
  idempotency: (userId: string, key: string) => ({ pk: `IDEM#${userId}#${key}`, sk: 'IDEM' }),
};

/** Days a record is kept: a retry within them answers with the first result. */
export const IDEMPOTENCY_DAYS = 7;

const IdempotencySchema = z.object({
  at: z.string().optional(),
  /** applications: the numbers written, the request's hash (a different body is a 409) and the receipt's query code */
  appNos: z.array(z.string()).optional(),
  requestHash: z.string().optional(),
  queryCode: z.string().optional(),
  /** work orders (filed, or a progress note on one) */
  woNo: z.string().optional(),
  /** member-day claims: the redeem code */
  code: z.string().optional(),
  /** appointments (issue 18): the booking or the queue ticket made */
  ref: z.string().optional(),
});
export type IdempotencyRecord = z.output<typeof IdempotencySchema>;

export const Idempotency = {
  Schema: IdempotencySchema,
  toItem: (userId: string, key: string, at: string, made: Omit<IdempotencyRecord, 'at'>): Item => ({
    ...keys.idempotency(userId, key),
    entity: 'Idempotency',
    ...sealFields(made, ['queryCode'], keys.idempotency(userId, key)), // the receipt's query code is a credential
    at,
    ttl: ttlAfter(at, IDEMPOTENCY_DAYS),
  }),
  fromItem: (item: Item): IdempotencyRecord => parseRow(IdempotencySchema, openFields(item, ['queryCode'])),
};
