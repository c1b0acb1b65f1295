/**
 * 对账: rebuilds every counter from the records themselves (the sum of `countsOf` over all rows) and compares it
 * with what the aggregator has added up. Reports drift; with `fix`, adds the difference. Also finds benefit units
 * reserved by claims that never completed (a crash between the reserve and the claim's transaction) and, with
 * `fix`, gives them back. A job, not a request: it reads the whole table.
 */
import { CounterDeltas } from '../../lib/counters';
import type { Key } from '../../lib/entities/entity';
import { keys as counterKeys } from '../../lib/entities/counters';
import { BenefitItem, Claim, keys as memberKeys } from '../../lib/entities/member';
import { keys as appKeys } from '../../lib/entities/applications';
import { releaseUnit } from '../../member/repository';
import { countsOf } from '../../aggregate/contributions';
import { addToRows, scanRows } from './repository';

export interface Drift {
  pk: string;
  sk: string;
  attr: string;
  counted: number;
  rebuilt: number;
}

const id = (k: Key) => `${k.pk}|${k.sk}`;

export async function reconcile(o: { fix?: boolean } = {}) {
  const rebuilt = new CounterDeltas();
  const stored = new Map<string, { key: Key; counts: Record<string, number> }>();
  const claimsPerBenefit = new Map<string, number>();
  const reserved = new Map<string, number>();
  const unreadable: Key[] = [];
  const rows = await scanRows((row) => {
    const key = { pk: String(row.pk), sk: String(row.sk) };
    try {
      rebuilt.merge(countsOf(row));
    } catch {
      unreadable.push(key); // a row that does not fit its schema: reported, and left out of the rebuild
      return;
    }
    if (counterKeys.isCounter(key.pk) || memberKeys.isStat(key.pk) || appKeys.isDisclosureYear(key.pk)) {
      const counts: Record<string, number> = {};
      for (const [a, v] of Object.entries(row)) if (typeof v === 'number') counts[a] = v;
      stored.set(id(key), { key, counts });
    } else if (row.entity === 'Benefit') {
      const b = BenefitItem.fromItem(row);
      stored.set(id(key), { key, counts: { redeemed: b.redeemed } }); // the aggregator's count on the benefit row
      reserved.set(b.id, b.claimed);
    } else if (row.entity === 'BenefitClaim') {
      const c = Claim.fromItem(row);
      claimsPerBenefit.set(c.benefitId, (claimsPerBenefit.get(c.benefitId) ?? 0) + 1);
    }
  });

  const drift: Drift[] = [];
  const fixes = new CounterDeltas();
  const expected = new Map(rebuilt.rows().map((r) => [id(r.key), r]));
  for (const k of new Set([...expected.keys(), ...stored.keys()])) {
    const key = expected.get(k)?.key ?? stored.get(k)!.key;
    const want = expected.get(k)?.add ?? {};
    const have = stored.get(k)?.counts ?? {};
    const isBenefit = !counterKeys.isCounter(key.pk) && !memberKeys.isStat(key.pk) && !appKeys.isDisclosureYear(key.pk);
    for (const attr of isBenefit ? ['redeemed'] : new Set([...Object.keys(want), ...Object.keys(have)])) {
      const counted = have[attr] ?? 0;
      const should = want[attr] ?? 0;
      if (counted !== should) {
        drift.push({ pk: key.pk, sk: key.sk, attr, counted, rebuilt: should });
        fixes.addTo(key, { [attr]: should - counted });
      }
    }
  }
  const lostUnits = [...reserved]
    .map(([benefitId, claimed]) => ({ benefitId, lost: claimed - (claimsPerBenefit.get(benefitId) ?? 0) }))
    .filter((u) => u.lost > 0);
  if (o.fix) {
    await addToRows(fixes);
    for (const u of lostUnits) await releaseUnit(u.benefitId, u.lost);
  }
  // in key order, not the scan's: two reports of the same drift read (and compare) the same
  drift.sort((a, b) => `${a.pk}|${a.sk}|${a.attr}`.localeCompare(`${b.pk}|${b.sk}|${b.attr}`));
  return { rows, counters: expected.size, drift, lostUnits, unreadable, fixed: Boolean(o.fix) };
}
