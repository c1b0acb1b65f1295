import { BUNDLES } from '../guide/catalogue';
import { Bundle } from '../guide/schema';
import type { ApplicationState } from '../applications/states';
import { bundleChanges, bundleStatus, dependencyProblems, waitsAtSubmission, type BundleMember } from './bundles';

const birth = BUNDLES.find((b) => b.id === 'birth')!;
const member = (itemId: string, state: ApplicationState, n: number): BundleMember => ({
  itemId,
  itemName:
    { 'birth-medical-certificate': '出生医学证明首次签发', 'newborn-hukou': '新生儿入户登记', 'resident-medical-insurance': '城乡居民医保参保登记' }[itemId] ??
    itemId,
  appNo: `YX20261001${String(n).padStart(6, '0')}`,
  state,
  result: `${itemId} 的结果`,
});
const birthMembers = (cert: ApplicationState, hukou: ApplicationState, insurance: ApplicationState) => [
  member('birth-medical-certificate', cert, 1),
  member('newborn-hukou', hukou, 2),
  member('resident-medical-insurance', insurance, 3),
];

describe('bundle dependencies in the catalogue', () => {
  it('name only items of their own bundle, without cycles, and parse', () => {
    for (const b of BUNDLES) {
      expect([b.id, dependencyProblems(b)]).toEqual([b.id, []]);
      expect(Bundle.parse(b).dependsOn).toEqual(b.dependsOn);
    }
  });

  it('出生一件事: 户口登记 and 医保参保 wait for the 出生医学证明', () => {
    expect(birth.dependsOn).toEqual({ 'newborn-hukou': ['birth-medical-certificate'], 'resident-medical-insurance': ['birth-medical-certificate'] });
    expect(birth.itemIds.filter((id) => waitsAtSubmission(birth.dependsOn, id, birth.itemIds))).toEqual(['newborn-hukou', 'resident-medical-insurance']);
    // applied for without its prerequisite in the same submission, an item does not wait
    expect(waitsAtSubmission(birth.dependsOn, 'newborn-hukou', ['newborn-hukou'])).toBe(false);
    expect(waitsAtSubmission(undefined, 'newborn-hukou', birth.itemIds)).toBe(false);
  });

  it('finds cycles, unknown items and a bundle where nothing can start', () => {
    expect(dependencyProblems({ itemIds: ['a', 'b'], dependsOn: { a: ['b'], b: ['a'] } })).toEqual(
      expect.arrayContaining(['the dependencies have a cycle', 'no item can start']),
    );
    expect(dependencyProblems({ itemIds: ['a', 'b', 'c'], dependsOn: { a: ['b'], b: ['c'], c: ['a'] } })).toContain('the dependencies have a cycle');
    expect(dependencyProblems({ itemIds: ['a', 'b'], dependsOn: { a: ['x'] } })).toEqual(['a waits for x, which is not in the bundle']);
    expect(dependencyProblems({ itemIds: ['a', 'b'], dependsOn: { a: ['a'] } })).toContain('a waits for a, which is itself');
    expect(dependencyProblems({ itemIds: ['a', 'b'], dependsOn: { z: ['a'] } })).toEqual(['z is not in the bundle']);
    expect(dependencyProblems({ itemIds: ['a', 'b', 'c'], dependsOn: { b: ['a'], c: ['a', 'b'] } })).toEqual([]);
  });
});

describe('bundleChanges', () => {
  it('releases the waiting items once their prerequisite is approved, and only then', () => {
    expect(bundleChanges(birth.dependsOn, birthMembers('in_review', 'waiting', 'waiting'))).toEqual({ release: [], terminate: [] });
    const approved = bundleChanges(birth.dependsOn, birthMembers('approved', 'waiting', 'waiting'));
    expect(approved.release.map((m) => m.itemId)).toEqual(['newborn-hukou', 'resident-medical-insurance']);
    expect(bundleChanges(birth.dependsOn, birthMembers('delivered', 'waiting', 'waiting')).release).toHaveLength(2);
    // released already (or withdrawn by the applicant meanwhile): nothing to do again
    expect(bundleChanges(birth.dependsOn, birthMembers('delivered', 'submitted', 'withdrawn'))).toEqual({ release: [], terminate: [] });
  });

  it('waits for every prerequisite', () => {
    const deps = { c: ['a', 'b'] };
    const ms = (a: ApplicationState, b: ApplicationState): BundleMember[] => [
      { itemId: 'a', itemName: 'A', appNo: 'A', state: a },
      { itemId: 'b', itemName: 'B', appNo: 'B', state: b },
      { itemId: 'c', itemName: 'C', appNo: 'C', state: 'waiting' },
    ];
    expect(bundleChanges(deps, ms('approved', 'in_review')).release).toEqual([]);
    expect(bundleChanges(deps, ms('approved', 'delivered')).release.map((m) => m.appNo)).toEqual(['C']);
    expect(bundleChanges(deps, ms('approved', 'denied')).terminate.map((t) => [t.member.appNo, t.because.appNo])).toEqual([['C', 'B']]);
  });

  it('ends the waiting items when the prerequisite ends without a result, down a chain', () => {
    for (const end of ['denied', 'not_accepted', 'withdrawn'] as const) {
      const r = bundleChanges(birth.dependsOn, birthMembers(end, 'waiting', 'waiting'));
      expect(r.release).toEqual([]);
      expect(r.terminate.map((t) => [t.member.itemId, t.because.itemId])).toEqual([
        ['newborn-hukou', 'birth-medical-certificate'],
        ['resident-medical-insurance', 'birth-medical-certificate'],
      ]);
    }
    const chain: BundleMember[] = [
      { itemId: 'a', itemName: 'A', appNo: 'A', state: 'denied' },
      { itemId: 'c', itemName: 'C', appNo: 'C', state: 'waiting' },
      { itemId: 'b', itemName: 'B', appNo: 'B', state: 'waiting' },
    ];
    const r = bundleChanges({ b: ['a'], c: ['b'] }, chain);
    expect(r.terminate.map((t) => [t.member.appNo, t.because.appNo])).toEqual([
      ['C', 'A'],
      ['B', 'A'],
    ]);
  });
});

describe('bundleStatus', () => {
  it('gives one combined status, the step picture and the results', () => {
    const s = bundleStatus(birth.dependsOn, birthMembers('approved', 'submitted', 'accepted'));
    expect(s.state).toBe('in_progress');
    expect(s.stateName).toBe('办理中');
    expect(s.summary).toBe('办理中 2/3 · 已办结 1/3');
    expect(s.counts).toEqual({ waiting: 0, in_progress: 2, done: 1, ended: 0, total: 3 });
    expect(s.items.map((i) => [i.itemName, i.phase, i.after])).toEqual([
      ['出生医学证明首次签发', 'done', []],
      ['新生儿入户登记', 'in_progress', ['出生医学证明首次签发']],
      ['城乡居民医保参保登记', 'in_progress', ['出生医学证明首次签发']],
    ]);
    expect(s.results.map((r) => [r.ready, r.note])).toEqual([
      [true, '已办结，等待送达'],
      [false, '办理中'],
      [false, '办理中'],
    ]);
    expect(s.results[0].result).toBe('birth-medical-certificate 的结果');
  });

  it('says what waits, what is done, and what ended', () => {
    const waiting = bundleStatus(birth.dependsOn, birthMembers('submitted', 'waiting', 'waiting'));
    expect(waiting.summary).toBe('办理中 1/3 · 等待 2/3');
    expect(waiting.items[1].stateName).toBe('等待前置事项办结');
    expect(waiting.results[1].note).toBe('等待前置事项办结');
    const done = bundleStatus(birth.dependsOn, birthMembers('delivered', 'delivered', 'approved'));
    expect([done.state, done.stateName, done.summary]).toEqual(['done', '已全部办结', '已办结 3/3']);
    expect(done.results.every((r) => r.ready)).toBe(true);
    const ended = bundleStatus(birth.dependsOn, birthMembers('denied', 'terminated', 'terminated'));
    expect([ended.state, ended.summary]).toEqual(['ended', '未办成 3/3']);
    expect(ended.results[1].note).toBe('已终止（前置事项未办成）');
  });
});
