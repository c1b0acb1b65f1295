import {
  addWorkingDays,
  bundleChanges,
  bundleStatus,
  businessDate,
  NO_RESULT_STATES,
  RESULT_STATES,
  STATE_NAMES,
  type ApplicationState,
  type Bundle,
  type BundleMember,
  type BundleStatusView,
} from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { getServiceItemAt, loadCatalog } from '../guide/repository';
import { teamMembers } from '../identity/repository';
import { uniqueRecipients, type Notice } from '../messages/repository';
import * as repo from './repository';

/**
 * 一件事 bundles whose items wait on another's result (issue 16). An item that needs another item of the same submission
 * starts `waiting`: in no department's queue, its clock not running. The change that gives its prerequisite a result
 * (准予许可, 送达) releases it to `submitted` in the same transaction — its clock starts that day, its department's staff
 * and the applicant are told; a change that ends the prerequisite without one (不予许可, 不予受理, 撤回) ends it
 * (`terminated`), with the reason in its trail. The rules are shared/src/apply/bundles.ts.
 */

/** The bundle of an application and every member's record, in the bundle's order (one BatchGetItem). */
async function bundleOf(app: repo.ApplicationRecord, o: { consistent: boolean }): Promise<{ bundle: Bundle; records: repo.ApplicationRecord[] } | undefined> {
  if (!app.bundleId || !app.linked.length) return undefined;
  const bundle = (await loadCatalog()).bundles.find((b) => b.id === app.bundleId);
  if (!bundle) return undefined;
  const others = (
    await repo.getApplications(
      app.linked.map((l) => l.appNo),
      o,
    )
  ).filter((a): a is repo.ApplicationRecord => Boolean(a));
  const rank = (a: repo.ApplicationRecord) => {
    const i = bundle.itemIds.indexOf(a.itemId);
    return i < 0 ? bundle.itemIds.length : i;
  };
  const records = [app, ...others].sort((a, b) => rank(a) - rank(b) || (a.appNo < b.appNo ? -1 : 1));
  return { bundle, records };
}

const memberOf = (a: repo.ApplicationRecord, state = a.state, result?: string): BundleMember => ({
  itemId: a.itemId,
  itemName: a.itemName,
  appNo: a.appNo,
  state,
  ...(result ? { result } : {}),
});

/** Items in one transaction besides the follow-up's (the change, its event, the applicant's message, a task, a licence…). */
const BASE_ITEMS = 10;
const MAX_ITEMS = 100;

export interface BundleFollowUp {
  /** more writes of the change's own transaction */
  writes: Record<string, unknown>[];
  /** what to add to the applicant's message about the change (one notice per person and transaction) */
  applicantNote: string;
}

/**
 * What a change of one member to `to` means for the members waiting on it, as writes of that change's transaction.
 * Released or ended once: each write holds only while the member still waits at the version read. A prerequisite of a
 * member that still waits after this change is checked unchanged, so two prerequisites approved at the same moment
 * cannot both see the other undecided and leave the member waiting (one of them is refused and tried again).
 */
export async function bundleFollowUp(app: repo.ApplicationRecord, to: ApplicationState, at: string): Promise<BundleFollowUp> {
  const none = { writes: [], applicantNote: '' };
  if (!app.bundleId || !(RESULT_STATES.includes(to) || NO_RESULT_STATES.includes(to))) return none;
  const found = await bundleOf(app, { consistent: true });
  if (!found?.bundle.dependsOn || !found.records.some((r) => r.state === 'waiting')) return none;
  const { bundle, records } = found;
  const deps = bundle.dependsOn ?? {};
  const byNo = new Map(records.map((r) => [r.appNo, r]));
  const members = records.map((r) => memberOf(r, r.appNo === app.appNo ? to : r.state));
  const { release, terminate } = bundleChanges(deps, members);
  const moving = new Set([...release, ...terminate.map((t) => t.member)].map((m) => m.appNo));

  // members still waiting on this one: their other prerequisites, not yet decided, must stay as read
  const checks = members
    .filter((m) => m.state === 'waiting' && !moving.has(m.appNo) && (deps[m.itemId] ?? []).includes(app.itemId))
    .flatMap((m) => deps[m.itemId] ?? [])
    .map((itemId) => members.find((x) => x.itemId === itemId))
    .filter(
      (p): p is BundleMember =>
        Boolean(p) && p!.appNo !== app.appNo && !moving.has(p!.appNo) && !RESULT_STATES.includes(p!.state) && !NO_RESULT_STATES.includes(p!.state),
    );
  const writes: Record<string, unknown>[] = [...new Map(checks.map((p) => [p.appNo, repo.applicationUnchanged(byNo.get(p.appNo)!)])).values()];

  const today = businessDate(new Date(at));
  const cal = release.length ? await getCalendar() : undefined;
  // the staff of each released member's department are told, as many as the transaction holds (all see it in the queue)
  const room = Math.max(0, Math.floor((MAX_ITEMS - BASE_ITEMS - writes.length - 2 * moving.size) / 3));
  const departments = [...new Set(release.map((m) => byNo.get(m.appNo)!.departmentId))];
  const staff = new Map(await Promise.all(departments.map(async (d) => [d, await teamMembers(`dept:${d}`)] as const)));
  const told = new Set<string>([app.applicantId]);
  let left = room;
  for (const m of release) {
    const r = byNo.get(m.appNo)!;
    const deadline = addWorkingDays(today, r.promisedDays, cal!);
    const notices: Notice[] = [];
    for (const userId of staff.get(r.departmentId) ?? []) {
      if (left <= 0 || told.has(userId)) continue;
      told.add(userId);
      left--;
      notices.push({
        userId,
        appNo: r.appNo,
        template: 'staff_task',
        title: `${r.itemName} 待受理`,
        body: `“${bundle.name}”办件 ${r.appNo} 的前置事项“${app.itemName}”已办结，本件转入本部门待受理，承诺 ${r.promisedDays} 个工作日内（${deadline} 前）办结。`,
      });
    }
    writes.push(
      ...repo.waitingMemberWrites({
        app: r,
        set: { state: 'submitted', startDate: today },
        queueDeadline: deadline,
        event: {
          at,
          actor: '系统（一件事联办）',
          action: '前置事项已办结，转部门办理',
          note: `“${app.itemName}”${STATE_NAMES[to]}，本事项今日起计时，承诺 ${r.promisedDays} 个工作日`,
          state: 'submitted',
          fromState: 'waiting',
        },
        notices: uniqueRecipients(notices),
      }),
    );
  }
  for (const t of terminate) {
    const r = byNo.get(t.member.appNo)!;
    const cause = `“${t.because.itemName}”${STATE_NAMES[t.because.appNo === app.appNo ? to : t.because.state]}`;
    writes.push(
      ...repo.waitingMemberWrites({
        app: r,
        set: { state: 'terminated' },
        event: {
          at,
          actor: '系统（一件事联办）',
          action: '终止办理',
          note: `${cause}，本事项需要它的结果，无法继续办理`,
          state: 'terminated',
          fromState: 'waiting',
        },
        notices: [],
      }),
    );
  }
  const names = (ms: BundleMember[]) => ms.map((m) => `“${m.itemName}”`).join('、');
  const applicantNote = [
    release.length ? `“${bundle.name}”中的${names(release)}已转交部门办理，今日起计时。` : '',
    terminate.length ? `“${bundle.name}”中的${names(terminate.map((t) => t.member))}需要本事项的结果，已终止办理。` : '',
  ].join('');
  return { writes, applicantNote };
}

/** The one combined status of the 一件事 an application belongs to (its page), with each item's result. */
export async function bundleView(app: repo.ApplicationRecord): Promise<BundleStatusView | undefined> {
  const found = await bundleOf(app, { consistent: false });
  if (!found) return undefined;
  const items = await Promise.all(found.records.map((r) => getServiceItemAt(r.itemId, r.itemVersion)));
  const status = bundleStatus(
    found.bundle.dependsOn,
    found.records.map((r, i) => memberOf(r, r.state, items[i]?.result)),
  );
  return { bundleId: found.bundle.id, name: found.bundle.name, ...status };
}
