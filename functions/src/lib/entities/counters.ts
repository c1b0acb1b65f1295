import * as z from 'zod';
import { parseRow, type Item } from './entity';

/**
 * Dashboard counters and number sequences.
 * | counters of a scope | COUNT#DEPT#<id>, COUNT#STREET#<id>, COUNT#DISTRICT | ALL, W#<yyyy-Www> | numbers by attribute (s_<state>, done, wo_*…) |
 * | application numbers | SEQ#APP                                           | <yyyymmdd> (applications), WO<yyyymmdd> (work orders) | `n` |
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
};

/** A counter row: every numeric attribute is a count. */
export const Counter = {
  Schema: z.record(z.string(), z.unknown()),
  fromItem: (item: Item): Record<string, number> =>
    Object.fromEntries(Object.entries(parseRow(Counter.Schema, item)).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
};
