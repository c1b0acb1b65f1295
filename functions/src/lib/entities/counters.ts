import * as z from 'zod';
import { parseRow, ttlAfter, type Item } from './entity';

/**
 * Dashboard counters, number sequences, and the aggregator's own rows.
 * | counters of a scope | COUNT#DEPT#<id>, COUNT#STREET#<id>, COUNT#DISTRICT | ALL, W#<yyyy-Www> | numbers by attribute (s_<state>, done, wo_*…) |
 * | application numbers | SEQ#APP                                           | <yyyymmdd> (applications), WO<yyyymmdd> (work orders) | `n` (taken in blocks) |
 * | window counted      | AGG#<shard>#<first sequence number>#<part>        | AGG               | ttl 2 days: a stream window's sums already added to the counters |
 * | stream probe        | PROBE#<id>                                        | PROBE             | ttl 1 day: local tooling waits until the aggregator has read it |
 */
export type Scope = { kind: 'dept'; id: string } | { kind: 'street'; id: string } | { kind: 'district' };

export const keys = {
  counter: (scope: Scope, period = 'ALL') => ({
    pk: scope.kind === 'dept' ? `COUNT#DEPT#${scope.id}` : scope.kind === 'street' ? `COUNT#STREET#${scope.id}` : 'COUNT#DISTRICT',
    sk: period === 'ALL' ? 'ALL' : `W#${period}`,
  }),
  /** the ISO week of a week row's sort key */
  weekOf: (sk: string) => sk.slice(2),
  sequence: (day: string) => ({ pk: 'SEQ#APP', sk: day }),
  counted: (windowPart: string) => ({ pk: `AGG#${windowPart}`, sk: 'AGG' }),
  probe: (id: string) => ({ pk: `PROBE#${id}`, sk: 'PROBE' }),
  isProbe: (pk: string) => pk.startsWith('PROBE#'),
  /** every dashboard row's partition starts so (the reconciliation job reads them all) */
  isCounter: (pk: string) => pk.startsWith('COUNT#'),
};

/** The mark that one stream record's deltas are in: written in the same transaction as the ADDs, so a retry never counts twice. */
export const Counted = {
  toItem: (windowPart: string, at: string): Item => ({ ...keys.counted(windowPart), entity: 'Counted', at, ttl: ttlAfter(at, 2) }),
};

export const Probe = {
  toItem: (id: string, at: string): Item => ({ ...keys.probe(id), entity: 'StreamProbe', at, ttl: ttlAfter(at, 1) }),
};

/** A counter row: every numeric attribute is a count. */
export const Counter = {
  Schema: z.record(z.string(), z.unknown()),
  fromItem: (item: Item): Record<string, number> =>
    Object.fromEntries(Object.entries(parseRow(Counter.Schema, item)).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
};
