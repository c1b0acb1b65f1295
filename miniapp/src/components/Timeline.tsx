import { Text, View } from '@tarojs/components';
import type { TimelineEntry } from '@yx/shared';
import './Timeline.css';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parts of an instant in Asia/Shanghai (UTC+8, no daylight saving), computed by hand so that
 * no Intl time-zone support is needed (older WeChat base libraries lack it).
 */
function shanghai(iso: string) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes() };
}

/** "11月26日 14:05" (with the year in front when it is not this year). */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const p = shanghai(iso);
  if (!p) return iso;
  const year = p.y !== shanghai(now.toISOString())!.y ? `${p.y}年` : '';
  return `${year}${p.m}月${p.d}日 ${pad(p.hh)}:${pad(p.mm)}`;
}

/** "2026年11月26日" for an instant. */
export function formatDate(iso: string): string {
  const p = shanghai(iso);
  return p ? `${p.y}年${p.m}月${p.d}日` : iso;
}

/** "2026年12月3日" for a business date ("2026-12-03"), which already is a Shanghai date. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** Newest first (ties keep the server's order, later events above). */
export function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((e, i) => ({ e, i, t: Date.parse(e.at) || 0 }))
    .sort((a, b) => b.t - a.t || b.i - a.i)
    .map((x) => x.e);
}

/**
 * What happened to an application (or to a document: its 使用记录), newest at the top and highlighted. `label` names
 * the list for screen readers, `empty` is said when there is nothing yet, `testId` marks each entry.
 */
export function Timeline({
  entries,
  label = '办理进度',
  empty = '暂无办理记录',
  testId = 'timeline-entry',
}: {
  entries: TimelineEntry[];
  label?: string;
  empty?: string;
  testId?: string;
}) {
  if (!entries.length) return <View className="muted">{empty}</View>;
  const list = newestFirst(entries);
  return (
    <View className="timeline" role="list" aria-label={label}>
      {list.map((e, i) => (
        <View key={`${e.at}-${i}`} className={`tml-entry ${i === 0 ? 'latest' : ''}`} role="listitem" data-testid={testId}>
          <View className="tml-rail">
            <View className="tml-node" />
            {i < list.length - 1 && <View className="tml-line" />}
          </View>
          <View className="tml-body">
            <View className="tml-head">
              <Text className="tml-time">{formatDateTime(e.at)}</Text>
              <Text className={`tag ${e.actor === '申请人' ? 'tag-orange' : 'tag-blue'} tml-actor`}>{e.actor}</Text>
            </View>
            <View className="tml-action">{e.action}</View>
            {e.note && <View className="muted tml-note">{e.note}</View>}
          </View>
        </View>
      ))}
    </View>
  );
}
