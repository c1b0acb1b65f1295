import { STATE_NAMES, type ApplicationState } from '../applications/states';

/**
 * 一件事 bundles whose items wait on another's result (issue 16), as pure rules: which waiting items may now proceed
 * (every item they depend on approved or delivered), which end because one they depend on ended without a result, and
 * the combined status the applicant sees (办理中 2/3 · 已办结 1/3) with the list of results.
 */

/** item id → the item ids it waits for (a bundle's `dependsOn`) */
export type BundleDependencies = Partial<Record<string, string[]>>;

/** A bundle member as the rules need it: its item, its application and that application's state. */
export interface BundleMember {
  itemId: string;
  itemName: string;
  appNo: string;
  state: ApplicationState;
  /** what the item gives (办事指南 `result`), for the results list */
  result?: string;
}

/** States in which an item's result exists: what waits for it may proceed. */
export const RESULT_STATES: readonly ApplicationState[] = ['approved', 'delivered'];
/** States in which an item ended without a result: what waits for it cannot proceed. */
export const NO_RESULT_STATES: readonly ApplicationState[] = ['denied', 'not_accepted', 'withdrawn', 'terminated'];

export type BundlePhase = 'waiting' | 'in_progress' | 'done' | 'ended';
export const BUNDLE_PHASE_NAMES: Record<BundlePhase, string> = { waiting: '等待', in_progress: '办理中', done: '已办结', ended: '未办成' };

export const phaseOf = (state: ApplicationState): BundlePhase =>
  state === 'waiting' ? 'waiting' : RESULT_STATES.includes(state) ? 'done' : NO_RESULT_STATES.includes(state) ? 'ended' : 'in_progress';

/** The members' prerequisites among the members (an item not applied for in this bundle is no prerequisite). */
const prerequisitesOf = (deps: BundleDependencies, member: BundleMember, members: BundleMember[]) =>
  (deps[member.itemId] ?? []).map((id) => members.find((m) => m.itemId === id)).filter((m): m is BundleMember => Boolean(m));

/** Whether an item must wait when the bundle is submitted (it depends on another item of the same submission). */
export const waitsAtSubmission = (deps: BundleDependencies | undefined, itemId: string, itemIds: readonly string[]) =>
  (deps?.[itemId] ?? []).some((id) => itemIds.includes(id) && id !== itemId);

export interface BundleChanges {
  /** waiting members whose prerequisites all have their result: they go to their departments now */
  release: BundleMember[];
  /** waiting members that cannot proceed, each with the member that ended without a result (directly or down a chain) */
  terminate: { member: BundleMember; because: BundleMember }[];
}

/**
 * What follows from the members' states (after a change): releases and terminations. A chain is followed: an item that
 * waits for a terminated one ends too. Pure; the caller writes the changes, each conditional on the member still waiting.
 */
export function bundleChanges(deps: BundleDependencies | undefined, members: BundleMember[]): BundleChanges {
  const states = new Map(members.map((m) => [m.appNo, m.state]));
  const because = new Map<string, BundleMember>();
  for (let changed = true; changed;) {
    changed = false;
    for (const m of members) {
      if (states.get(m.appNo) !== 'waiting') continue;
      const failed = prerequisitesOf(deps ?? {}, m, members).find((p) => NO_RESULT_STATES.includes(states.get(p.appNo)!));
      if (failed) {
        states.set(m.appNo, 'terminated');
        because.set(m.appNo, because.get(failed.appNo) ?? failed);
        changed = true;
      }
    }
  }
  const release = members.filter((m) => {
    if (states.get(m.appNo) !== 'waiting') return false;
    const pre = prerequisitesOf(deps ?? {}, m, members);
    return pre.every((p) => RESULT_STATES.includes(states.get(p.appNo)!));
  });
  const terminate = members.filter((m) => because.has(m.appNo)).map((m) => ({ member: m, because: because.get(m.appNo)! }));
  return { release, terminate };
}

export interface BundleStatusItem {
  appNo: string;
  itemId: string;
  itemName: string;
  state: ApplicationState;
  stateName: string;
  phase: BundlePhase;
  /** the names of the items it waits for (its arrows in the step picture) */
  after: string[];
}

export interface BundleStatus {
  /** the combined state of the 一件事: 办理中 while anything is in progress or waiting; 已全部办结; or 已结束 with some not done */
  state: 'in_progress' | 'done' | 'ended';
  stateName: string;
  /** 办理中 2/3 · 已办结 1/3 */
  summary: string;
  counts: Record<BundlePhase, number> & { total: number };
  items: BundleStatusItem[];
  /** each item's result: ready once approved (delivered or to be delivered), otherwise why not yet */
  results: { appNo: string; itemName: string; result: string; ready: boolean; note: string }[];
}

const COMBINED_NAMES: Record<BundleStatus['state'], string> = { in_progress: '办理中', done: '已全部办结', ended: '已结束' };

/** The one combined status of a bundle's applications, in the bundle's order. */
export function bundleStatus(deps: BundleDependencies | undefined, members: BundleMember[]): BundleStatus {
  const counts = { waiting: 0, in_progress: 0, done: 0, ended: 0, total: members.length };
  for (const m of members) counts[phaseOf(m.state)]++;
  const state: BundleStatus['state'] = counts.done === counts.total ? 'done' : counts.waiting + counts.in_progress > 0 ? 'in_progress' : 'ended';
  const order: BundlePhase[] = ['in_progress', 'waiting', 'done', 'ended'];
  const summary = order
    .filter((p) => counts[p] > 0)
    .map((p) => `${BUNDLE_PHASE_NAMES[p]} ${counts[p]}/${counts.total}`)
    .join(' · ');
  return {
    state,
    stateName: COMBINED_NAMES[state],
    summary,
    counts,
    items: members.map((m) => ({
      appNo: m.appNo,
      itemId: m.itemId,
      itemName: m.itemName,
      state: m.state,
      stateName: STATE_NAMES[m.state],
      phase: phaseOf(m.state),
      after: prerequisitesOf(deps ?? {}, m, members).map((p) => p.itemName),
    })),
    results: members.map((m) => ({
      appNo: m.appNo,
      itemName: m.itemName,
      result: m.result ?? m.itemName,
      ready: RESULT_STATES.includes(m.state),
      note: resultNote(m.state),
    })),
  };
}

function resultNote(state: ApplicationState): string {
  if (state === 'delivered') return '已送达';
  if (state === 'approved') return '已办结，等待送达';
  if (state === 'waiting') return '等待前置事项办结';
  if (NO_RESULT_STATES.includes(state)) return STATE_NAMES[state];
  return '办理中';
}

/** Problems of a bundle's dependencies: unknown items, an item waiting for itself, a cycle (catalogue integrity). */
export function dependencyProblems(b: { itemIds: string[]; dependsOn?: BundleDependencies }): string[] {
  const deps = b.dependsOn ?? {};
  const out: string[] = [];
  for (const [id, pre] of Object.entries(deps)) {
    if (!b.itemIds.includes(id)) out.push(`${id} is not in the bundle`);
    for (const p of pre ?? []) if (!b.itemIds.includes(p) || p === id) out.push(`${id} waits for ${p}, which is ${p === id ? 'itself' : 'not in the bundle'}`);
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string): boolean => {
    if (done.has(id)) return false;
    if (visiting.has(id)) return true;
    visiting.add(id);
    const cyclic = (deps[id] ?? []).some(visit);
    visiting.delete(id);
    done.add(id);
    return cyclic;
  };
  if (b.itemIds.some(visit)) out.push('the dependencies have a cycle');
  // at least one item must start at once
  if (b.itemIds.every((id) => (deps[id] ?? []).length > 0)) out.push('no item can start');
  return out;
}
