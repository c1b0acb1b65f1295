import { addWorkingDays, businessDate, DEFERRAL_REMINDER_DAYS, OPEN_STATES, workingDaysBetween, type CalendarData } from '@yx/shared';
import { log } from '../lib/log';
import { now } from '../lib/clock';
import * as repo from '../applications/repository';
import { getCalendar } from '../calendar/repository';
import { coldStart } from '../lib/secrets';

/** A run missed for up to this many days is caught up by the next one (the due rows of those days are read again). */
export const CATCH_UP_DAYS = 14;

/** 2026-12-15 → 2026年12月15日, as a resident reads a date. */
const chineseDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Calendar days from `from` to `to`, both included. */
function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const daysBefore = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * 容缺 follow-up, run daily (and locally by the stack's timer or `npm run jobs`):
 * - a deferred material still missing after its due date sends the application to supplement (补正), with a one-time
 *   notice listing what is missing; the clock stops until the firm answers. Each material does so once (`late`).
 * - 3 and 1 working days before the due date the firm is reminded, once each (marked on the due row).
 * Both read the due rows of several days, so a run that did not happen is caught up by the next.
 */
export async function sweepDeferrals(date = businessDate(now())): Promise<{ checked: number; toSupplement: string[]; abandoned: string[]; reminded: number }> {
  const cal = await getCalendar();
  const out = { checked: 0, toSupplement: [] as string[], abandoned: [] as string[], reminded: 0 };
  const late = new Set<string>();
  for (const day of daysFrom(daysBefore(date, CATCH_UP_DAYS), daysBefore(date, 1))) for (const row of await repo.dueOn(day)) late.add(row.appNo);
  for (const appNo of late) {
    out.checked++;
    const { app, events } = await repo.getApplicationWithEvents(appNo);
    if (app?.disclosure) {
      if (await abandon(app, events.length, date)) out.abandoned.push(appNo);
    } else if (await toSupplement(appNo, date)) out.toSupplement.push(appNo);
  }
  out.reminded = await remind(date, cal);
  return out;
}

async function toSupplement(appNo: string, date: string): Promise<boolean> {
  const { app, events } = await repo.getApplicationWithEvents(appNo);
  if (!app || !OPEN_STATES.includes(app.state)) return false; // ended, or already waiting for a supplement: a later run looks again
  const missing = app.deferred.filter((d) => !d.handedIn && !d.late && d.dueDate < date);
  if (!missing.length) return false;
  const names = missing.map((d) => d.name);
  try {
    await repo.changeApplication({
      app,
      expectState: OPEN_STATES,
      eventIndex: events.length,
      set: {
        state: 'supplement',
        pausedSince: date,
        deferred: app.deferred.map((d) => (names.includes(d.name) && !d.handedIn ? { ...d, late: true } : d)),
        supplementNotice: {
          items: missing.map((d) => ({ material: d.name, reason: `容缺材料逾期未补交（应于 ${chineseDate(d.dueDate)}前补交）` })),
          fromState: app.state, // answered, it goes back where it was
        },
      },
      event: {
        at: now().toISOString(),
        actor: app.departmentName,
        action: '容缺材料逾期，转为补正',
        note: names.join('、'),
        state: 'supplement',
        fromState: app.state,
      },
      message: {
        userId: app.applicantId,
        appNo,
        template: 'application_supplement',
        title: `${app.itemName} 需要补正`,
        body: `容缺材料逾期未补交：${names.join('、')}。请尽快补正。`,
      },
    });
    return true;
  } catch (e) {
    // someone changed it meanwhile: the next run looks again (the due row stays)
    log.error('deferral sweep skipped', { appNo, err: (e as Error).name });
    return false;
  }
}

/**
 * 依申请公开 (issue 19): a 补正 not answered by its date ends the request — 「视为放弃申请，行政机关不再处理」 (政府信息公开条例
 * art. 30). Once: the state is checked in the change.
 */
async function abandon(app: repo.ApplicationRecord, eventIndex: number, date: string): Promise<boolean> {
  const due = app.supplementNotice?.dueDate;
  if (app.state !== 'supplement' || !due || due >= date) return false;
  try {
    await repo.changeApplication({
      app,
      expectState: ['supplement'],
      eventIndex,
      set: { state: 'withdrawn', disclosure: { ...app.disclosure!, abandonedOn: date } },
      remove: ['pausedSince', ...(app.taskFor ? (['taskFor'] as const) : [])],
      alsoWrite: app.taskFor ? [repo.officerTaskDelete(app.taskFor, app.appNo)] : [],
      event: {
        at: now().toISOString(),
        actor: app.departmentName,
        action: '视为放弃申请',
        note: `补正期限（${due}）届满未补正，依据《政府信息公开条例》第三十条视为放弃申请，本机关不再处理`,
        state: 'withdrawn',
        fromState: 'supplement',
      },
      message: {
        userId: app.applicantId,
        appNo: app.appNo,
        template: 'application_withdrawn',
        title: `${app.itemName} 视为放弃申请`,
        body: `您的政府信息公开申请（${app.appNo}）未在 ${due} 前补正，依法视为放弃申请。如仍需要该信息，可以重新提出申请。`,
      },
    });
    return true;
  } catch (e) {
    log.error('disclosure abandon skipped', { appNo: app.appNo, err: (e as Error).name });
    return false;
  }
}

/** Reminders for materials due from today up to the furthest reminder day; the nearest reminder not yet sent goes out. */
async function remind(date: string, cal: CalendarData): Promise<number> {
  const furthest = Math.max(...DEFERRAL_REMINDER_DAYS);
  let sent = 0;
  const at = now().toISOString();
  for (const day of daysFrom(date, addWorkingDays(date, furthest, cal))) {
    for (const row of await repo.dueOn(day)) {
      const left = workingDaysBetween(date, row.date, cal); // 0 on the due date itself
      const step = Math.min(...DEFERRAL_REMINDER_DAYS.filter((k) => left <= k));
      if (row.reminded.includes(step)) continue;
      const app = await repo.getApplication(row.appNo);
      const material = app?.deferred.find((d) => d.name === row.material);
      // a row of a date the material no longer has (its due date moved) reminds of nothing
      if (!app || !material || material.handedIn || material.dueDate !== row.date || !OPEN_STATES.concat('supplement').includes(app.state)) continue;
      const when = left === 0 ? '今天截止' : `还剩 ${left} 个工作日`;
      const ok = await repo.remindDue(
        row,
        step,
        {
          userId: app.applicantId,
          appNo: app.appNo,
          template: 'deferral_reminder',
          title: `${app.itemName} 容缺材料待补交`,
          body: `请于 ${chineseDate(row.date)}前补交容缺材料“${row.material}”（${when}），逾期将转为补正。`,
        },
        at,
      );
      if (ok) sent++;
    }
  }
  return sent;
}

export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await sweepDeferrals();
  log.info('deferral sweep', { checked: r.checked, toSupplement: r.toSupplement.length, abandoned: r.abandoned.length, reminded: r.reminded });
  return r;
};
