import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { hallAdminApi, type PointStats } from '../../../api/appointments';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';

export const STATS_DAYS = 14;
type Day = PointStats['days'][number];

/** A non-negative count, 0 for anything else (so nothing ever shows NaN). */
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const round1 = (x: number) => Math.round(x * 10) / 10;
/** "2026-12-05" → "12/5", the axis label. */
export const axisDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
/** "2026-12-05" → "12月5日", in words for a screen reader. */
const spokenDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A value's share of `max`, as a CSS percentage (0% when everything is zero). */
export function pct(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return '0%';
  return `${Math.round((Math.min(value, max) / max) * 1000) / 10}%`;
}

/** The days' totals: bookings, 爽约率 of those not cancelled, numbers, and the averages weighted by the people behind them. */
export function totals(days: Day[]) {
  const sum = (f: (d: Day) => number) => days.reduce((n, d) => n + f(d), 0);
  const booked = sum((d) => count(d.booked));
  const cancelled = sum((d) => count(d.cancelled));
  const noShows = sum((d) => count(d.noShows));
  const kept = booked - cancelled;
  const weighted = (value: (d: Day) => number | undefined, weight: (d: Day) => number) => {
    let w = 0;
    let total = 0;
    for (const d of days) {
      const v = value(d);
      if (!known(v)) continue;
      const n = Math.max(1, weight(d));
      w += n;
      total += v * n;
    }
    return w ? round1(total / w) : undefined;
  };
  return {
    booked,
    cancelled,
    noShows,
    noShowRate: kept > 0 ? round1((noShows / kept) * 100) : undefined,
    taken: sum((d) => count(d.taken)),
    served: sum((d) => count(d.served)),
    absent: sum((d) => count(d.absent)),
    avgWait: weighted(
      (d) => d.avgWaitMinutes,
      (d) => count(d.served) + count(d.absent),
    ),
    avgService: weighted(
      (d) => d.avgServiceMinutes,
      (d) => count(d.served),
    ),
  };
}

/** 「近 14 天预约 120 人次，爽约率 4.2%，平均等候 12 分钟」 */
export function summaryText(days: Day[]): string {
  const t = totals(days);
  const parts = [`近 ${days.length} 天预约 ${t.booked} 人次`];
  parts.push(t.noShowRate === undefined ? '暂无爽约率' : `爽约率 ${t.noShowRate}%`);
  parts.push(`取号 ${t.taken} 人，办结 ${t.served} 人`);
  if (t.avgWait !== undefined) parts.push(`平均等候 ${t.avgWait} 分钟`);
  if (t.avgService !== undefined) parts.push(`平均办理 ${t.avgService} 分钟`);
  return parts.join('，');
}

const hasFigures = (days: Day[]) =>
  days.some((d) => count(d.booked) + count(d.cancelled) + count(d.noShows) + count(d.taken) + count(d.served) + count(d.absent) > 0);

/** 数据: the point's last 14 days. Coming back to the tab (after a save, say) shows fresh figures. */
export function StatsTab({ pointId, active }: { pointId: string; active: boolean }) {
  const stats = useAsync(() => hallAdminApi.stats(pointId, STATS_DAYS), [pointId]);
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) stats.reload();
    wasActive.current = active;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the tab becomes active, not when `stats` changes
  }, [active]);
  const days = stats.data?.days ?? [];
  return (
    <StateView
      loading={stats.loading && !stats.data}
      error={stats.data ? undefined : stats.error}
      onRetry={stats.reload}
      empty={Boolean(stats.data) && !hasFigures(days)}
      emptyText={`近 ${STATS_DAYS} 天还没有预约和取号记录`}
    >
      {stats.data && <Charts days={days} />}
    </StateView>
  );
}

interface Series {
  key: string;
  name: string;
  /** the bar's colour class */
  tone: string;
  value: (d: Day) => number | undefined;
}

export function Charts({ days }: { days: Day[] }) {
  const t = totals(days);
  return (
    <View>
      <View className="section ha-summary" data-testid="ha-summary">
        <View className="section-title">
          近 {days.length} 天（{axisDate(days[0]!.date)}–{axisDate(days[days.length - 1]!.date)}）
        </View>
        <View className="ha-summary-text">{summaryText(days)}。</View>
      </View>
      <Chart
        id="bookings"
        title="每日预约"
        unit="人次"
        days={days}
        series={[
          { key: 'booked', name: '预约', tone: 'booked', value: (d) => count(d.booked) },
          { key: 'cancelled', name: '取消', tone: 'cancelled', value: (d) => count(d.cancelled) },
          { key: 'noShows', name: '爽约', tone: 'noshow', value: (d) => count(d.noShows) },
        ]}
        summary={`近 ${days.length} 天预约 ${t.booked} 人次，取消 ${t.cancelled} 人次，爽约 ${t.noShows} 人次。`}
      />
      <Chart
        id="rate"
        title="每日爽约率"
        unit="%"
        days={days}
        series={[{ key: 'rate', name: '爽约率', tone: 'noshow', value: (d) => d.noShowRate }]}
        summary={
          t.noShowRate === undefined
            ? `近 ${days.length} 天没有未取消的预约，暂无爽约率。`
            : `近 ${days.length} 天爽约率 ${t.noShowRate}%（爽约 ${t.noShows} 人次，未取消的预约 ${t.booked - t.cancelled} 人次）。`
        }
      />
      <Chart
        id="numbers"
        title="每日取号与办结"
        unit="人"
        days={days}
        series={[
          { key: 'taken', name: '取号', tone: 'taken', value: (d) => count(d.taken) },
          { key: 'served', name: '办结', tone: 'served', value: (d) => count(d.served) },
        ]}
        summary={`近 ${days.length} 天取号 ${t.taken} 人，办结 ${t.served} 人，过号 ${t.absent} 人。`}
      />
      <Chart
        id="minutes"
        title="平均等候与办理时间"
        unit="分钟"
        days={days}
        series={[
          { key: 'wait', name: '平均等候', tone: 'wait', value: (d) => d.avgWaitMinutes },
          { key: 'service', name: '平均办理', tone: 'service', value: (d) => d.avgServiceMinutes },
        ]}
        summary={`近 ${days.length} 天平均等候 ${t.avgWait ?? '—'} 分钟，平均办理 ${t.avgService ?? '—'} 分钟。`}
      />
    </View>
  );
}

/** The dates under narrow columns: every other one (every third in 长辈版's larger text), counted back from the last day. */
const labelSkips = (fromEnd: number) => `${fromEnd % 2 ? 'skip2' : ''} ${fromEnd % 3 ? 'skip3' : ''}`;
const shown = (v: number | undefined) => (known(v) ? String(round1(v)) : '—');

/**
 * Bars side by side per day on one scale, drawn with plain Views (WeChat and H5 alike): a title, the legend, the
 * y axis (its unit and top value), the dates as 12/5 under the columns, each column read out in words, and a
 * plain-text summary under the chart.
 */
function Chart({ id, title, unit, days, series, summary }: { id: string; title: string; unit: string; days: Day[]; series: Series[]; summary: string }) {
  const max = Math.max(0, ...days.flatMap((d) => series.map((s) => s.value(d) ?? 0)).filter(Number.isFinite));
  const top = unit === '%' ? Math.max(max, 1) : max;
  const withUnit = (v: number | undefined) => (known(v) ? `${shown(v)}${unit === '%' ? '%' : ` ${unit}`}` : '无数据');
  const spoken = (d: Day) => `${spokenDate(d.date)}：${series.map((s) => `${s.name} ${withUnit(s.value(d))}`).join('，')}`;
  return (
    <View className="section" data-testid={`ha-chart-${id}`}>
      <View className="section-title">{title}</View>
      {series.length > 1 && (
        <View className="ha-legend">
          {series.map((s) => (
            <View key={s.key} className="ha-key">
              <View className={`ha-swatch ${s.tone}`} />
              {s.name}
            </View>
          ))}
        </View>
      )}
      <View className="ha-axis-y muted">
        <Text>纵轴：{unit === '%' ? '百分比（%）' : unit}</Text>
        <Text>
          最高 {round1(top)}
          {unit}
        </Text>
      </View>
      <View className="ha-chart" role="list" aria-label={`${title}，每天一列`}>
        {days.map((d, i) => (
          <View key={d.date} className="ha-col" role="listitem" aria-label={spoken(d)} data-testid={`ha-${id}-day`}>
            <View className="ha-track">
              {series.map((s) => {
                const v = s.value(d);
                return (
                  <View
                    key={s.key}
                    className={`ha-bar ha-bar-${series.length} ${s.tone} ${known(v) && v > 0 ? 'nz' : ''}`}
                    style={{ height: pct(known(v) ? v : 0, top) }}
                    data-testid={`ha-${id}-${s.key}-${d.date}`}
                    data-value={known(v) ? String(v) : ''}
                  />
                );
              })}
            </View>
            <View className={`ha-col-label ${labelSkips(days.length - 1 - i)}`}>{axisDate(d.date)}</View>
          </View>
        ))}
      </View>
      <View className="ha-axis-x muted">横轴：日期（月/日）</View>
      <View className="ha-chart-summary" data-testid={`ha-${id}-summary`}>
        {summary}
      </View>
    </View>
  );
}
