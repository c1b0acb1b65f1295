/** `npm run seed` against a deployed stage loads the catalogue and the policies only, never the demo people (issue 13). */
import { seedRows } from './seed';

describe('seed rows', () => {
  it('are the catalogue and the policies only outside the local stage, and add the demo people on it', () => {
    const now = '2026-11-30T00:00:00.000Z';
    const deployed = seedRows(false, now);
    const local = seedRows(true, now);
    const pks = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.pk));
    expect(pks(deployed).some((pk) => pk.startsWith('USER#') || pk.startsWith('ENT#') || pk.startsWith('IDNO#'))).toBe(false);
    expect(pks(deployed).every((pk) => /^(SVC|BUNDLE|DEPT|POLICY|PUB)#|^(CATALOG|POLIDX|POINTS)$/.test(pk))).toBe(true); // PUB#: 政务公开 (issue 19)
    expect(pks(local)).toEqual(expect.arrayContaining(['USER#u-resident-zhang', 'CATALOG']));
  });
});
