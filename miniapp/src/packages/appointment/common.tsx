import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPOINTMENT_STATUS_NAMES, BOOKING_RULES, noShowRuleText, WEEKDAY_NAMES, type AppointmentStatus } from '@yx/shared';
import type { Standing } from '../../api/appointments';
import './common.css';

/** Pieces the 预约 / 取号 pages share: addresses, Beijing dates in words, the 爽约 banner and the status tag. */

export const APPOINTMENT_PAGES = {
  index: '/packages/appointment/index',
  book: '/packages/appointment/book/index',
  mine: '/packages/appointment/mine/index',
  arrive: '/packages/appointment/arrive/index',
  ticket: '/packages/appointment/ticket/index',
} as const;
export type AppointmentPage = keyof typeof APPOINTMENT_PAGES;

export function pageUrl(page: AppointmentPage, query: Record<string, string | undefined> = {}): string {
  const qs = Object.entries(query)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${APPOINTMENT_PAGES[page]}?${qs}` : APPOINTMENT_PAGES[page];
}

export const goAppointment = (page: AppointmentPage, query: Record<string, string | undefined> = {}) => Taro.navigateTo({ url: pageUrl(page, query) });

const DAY_MS = 86_400_000;
/** Today on the Beijing wall clock, 'YYYY-MM-DD' (the phone's own time zone does not matter). */
export const todayBeijing = (now: number = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, n: number) => new Date(dayMs(date) + n * DAY_MS).toISOString().slice(0, 10);

/** 周一 … 周日 of a date. */
export function weekdayName(date: string): string {
  const w = new Date(dayMs(date)).getUTCDay();
  return WEEKDAY_NAMES[w === 0 ? 7 : w]!;
}

/** 今天 / 明天 / 后天, or undefined for later days. */
export function nearDay(date: string, today: string = todayBeijing()): string | undefined {
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  if (date === addDays(today, 2)) return '后天';
  return undefined;
}

/** '11月26日' */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** '11月26日（周四）' or '今天 11月26日（周四）' */
export function dayText(date: string, today: string = todayBeijing()): string {
  const near = nearDay(date, today);
  return `${near ? `${near} ` : ''}${monthDay(date)}（${weekdayName(date)}）`;
}

/** '1 小时' / '30 分钟': the cut-off in words. */
export function minutesText(m: number): string {
  return m % 60 === 0 ? `${m / 60} 小时` : `${m} 分钟`;
}

/** The rule said before booking, rescheduling or cancelling: 开始前 1 小时内不能改约或取消. */
export const CUTOFF_TEXT = `开始前 ${minutesText(BOOKING_RULES.cutoffMinutes)}内不能改约或取消`;

/** 爽约: the red banner when online booking is suspended; the dates not kept (on 我的预约) when there are some. */
export function StandingBanner({ standing, showDates }: { standing?: Standing; showDates?: boolean }) {
  if (!standing) return null;
  const { count, withinDays } = BOOKING_RULES.noShow;
  const dates = standing.noShows;
  if (!standing.suspendedUntil && !(showDates && dates.length)) return null;
  return (
    <View className={`ap-standing ${standing.suspendedUntil ? 'suspended' : ''}`} role={standing.suspendedUntil ? 'alert' : undefined} data-testid="standing">
      {standing.suspendedUntil && (
        <View className="ap-standing-title" data-testid="suspended">
          因 {withinDays} 天内爽约 {count} 次，网上预约暂停至 {standing.suspendedUntil}
        </View>
      )}
      {showDates && dates.length > 0 && <View className="ap-standing-dates">爽约记录：{dates.join('、')}</View>}
      <View className="ap-standing-rule">规则：{noShowRuleText(BOOKING_RULES.noShow)}。</View>
      {standing.suspendedUntil && <View className="ap-standing-rule">暂停期间仍可到大厅现场取号办理。</View>}
    </View>
  );
}

const STATUS_TONES: Record<AppointmentStatus, string> = {
  booked: 'tag-blue',
  'checked-in': 'tag-green',
  served: 'tag-gray',
  cancelled: 'tag-gray',
  'no-show': 'tag-red',
};

export function StatusTag({ status }: { status: AppointmentStatus }) {
  return (
    <Text className={`tag ${STATUS_TONES[status]}`} data-testid="status-tag">
      {APPOINTMENT_STATUS_NAMES[status]}
    </Text>
  );
}

/**
 * The person's key for one attempt (Idempotency-Key): the same while what is sent stays the same (a retry after a
 * network failure, a double tap), a new one once it changes or after it went through.
 */
export function keyFor(current: { body: string; key: string } | undefined, body: unknown, fresh: () => string): { body: string; key: string } {
  const b = JSON.stringify(body);
  return current && current.body === b ? current : { body: b, key: fresh() };
}
