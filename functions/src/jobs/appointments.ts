import { BOOKING_RULES, beijingInstant, businessDate, minutesUntil, standingOf } from '@yx/shared';
import { loadCatalog } from '../guide/repository';
import { nowIso } from '../lib/clock';
import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';
import * as repo from '../appointments/repository';
import type { AppointmentRecord } from '../lib/entities/appointments';

/**
 * 预约 follow-up, every 10 minutes (and locally by `npm run jobs`; the tests move the clock and call it):
 * - reminders: the day before from 18:00, and within the hour before the slot; each once (marked on the booking);
 * - 爽约: a booking still not checked in when its slot ended `lateMinutes` ago is marked no-show and counted on the
 *   person's standing; the third within 90 days suspends online booking for 30 days, and the person is told so.
 * It reads the open bookings of yesterday, today and tomorrow (a sparse index: only those still booked).
 */
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function sweepAppointments(at = nowIso()): Promise<{ remindedDay: number; remindedHour: number; noShows: number; suspended: number }> {
  const today = businessDate(new Date(at));
  const out = { remindedDay: 0, remindedHour: 0, noShows: 0, suspended: 0 };
  const [points, catalog] = await Promise.all([repo.listPoints(), loadCatalog()]);
  const where = (a: AppointmentRecord) => points.find((p) => p.id === a.pointId)?.name ?? a.pointId;
  const what = (a: AppointmentRecord) => catalog.items.find((i) => i.id === a.itemId)?.name ?? a.itemId;
  for (const day of [addDays(today, -1), today, addDays(today, 1)]) {
    for (const a of await repo.openBookingsOn(day)) {
      const untilStart = minutesUntil(at, a.date, a.start);
      if (-minutesUntil(at, a.date, a.end) > BOOKING_RULES.lateMinutes) {
        const r = await noShow(a, at, where(a));
        if (r) out.noShows++;
        if (r === 'suspended') out.suspended++;
        continue;
      }
      if (a.date === addDays(today, 1) && !a.remindedDay && at >= new Date(beijingInstant(today, BOOKING_RULES.remindDayBeforeAt)).toISOString()) {
        const told = await repo.markReminded(
          a,
          'remindedDay',
          {
            userId: a.userId,
            title: '明天有预约',
            body: `明天 ${a.start}–${a.end} 在${where(a)}办理「${what(a)}」。请带齐材料，到场后扫码签到取号。`,
            template: 'appointment_reminder',
          },
          at,
        );
        if (told) out.remindedDay++;
      }
      if (untilStart > 0 && untilStart <= BOOKING_RULES.remindMinutesBefore && !a.remindedHour) {
        const told = await repo.markReminded(
          a,
          'remindedHour',
          {
            userId: a.userId,
            title: `${untilStart} 分钟后有预约`,
            body: `今天 ${a.start} 在${where(a)}办理「${what(a)}」。到场后扫描大厅二维码签到，预约号优先叫号。`,
            template: 'appointment_reminder',
          },
          at,
        );
        if (told) out.remindedHour++;
      }
    }
  }
  return out;
}

/** Marks one booking not kept; 'suspended' when it is the one that suspends online booking. */
async function noShow(a: AppointmentRecord, at: string, pointName: string): Promise<false | 'marked' | 'suspended'> {
  if (!(await repo.markNoShow(a, at))) return false;
  await repo.addFigures(a.pointId, a.date, { noShows: 1 });
  const { noShows } = await repo.getStanding(a.userId);
  const s = standingOf(noShows, businessDate(new Date(at)));
  const lastTime = standingOf(
    noShows.filter((d, i) => i !== noShows.lastIndexOf(a.date)),
    businessDate(new Date(at)),
  );
  const newlySuspended = s.suspendedUntil && s.suspendedUntil !== lastTime.suspendedUntil;
  await repo.tell(
    [
      {
        userId: a.userId,
        title: newlySuspended ? '网上预约已暂停' : '预约未到场',
        body: newlySuspended
          ? `您 ${a.date} ${a.start} 在${pointName}的预约未到场，${BOOKING_RULES.noShow.withinDays} 天内已 ${s.recent.length} 次。网上预约暂停至 ${s.suspendedUntil}，期间可到现场取号办理。`
          : `您 ${a.date} ${a.start} 在${pointName}的预约未到场，已记爽约 1 次（${BOOKING_RULES.noShow.withinDays} 天内 ${BOOKING_RULES.noShow.count} 次将暂停网上预约 ${BOOKING_RULES.noShow.suspendDays} 天）。不能到场时请提前取消。`,
        template: 'appointment_no_show',
      },
    ],
    at,
  );
  return newlySuspended ? 'suspended' : 'marked';
}

export const handler = async () => {
  await coldStart();
  const r = await sweepAppointments();
  log.info('appointments sweep', r);
  return r;
};
