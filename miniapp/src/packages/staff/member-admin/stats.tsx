import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { memberAdminApi, type MemberStats, type MemberStatsBenefit } from '../../../api/memberAdmin';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { count, dayOfMonth, monthDay, pct } from './parts';

const DAYS = 14;

/** 数据: totals, daily check-ins, points in and out per day, and where each benefit's stock went. */
export function StatsTab({ active }: { active: boolean }) {
  const stats = useAsync(() => memberAdminApi.stats(DAYS), []);
  // Coming back to this tab (after a save elsewhere, say) shows fresh figures.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) stats.reload();
    wasActive.current = active;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the tab becomes active, not when `stats` changes
  }, [active]);

  return (
    <StateView loading={stats.loading && !stats.data} error={stats.error} onRetry={stats.reload}>
      {stats.data && <Stats s={stats.data} />}
    </StateView>
  );
}

export function Stats({ s }: { s: MemberStats }) {
  const t = s.totals ?? ({} as MemberStats['totals']);
  const days = s.days ?? [];
  const newMembers = days.reduce((n, d) => n + count(d.newMembers), 0);
  return (
    <View>
      <View className="ma-kpis">
        <Kpi name="会员数" value={count(t.members)} unit="人" testId="kpi-members" />
        <Kpi name="累计签到" value={count(t.checkIns)} unit="次" testId="kpi-checkins" />
        <Kpi name="积分发放" value={count(t.pointsIssued)} testId="kpi-issued" />
        <Kpi name="积分使用" value={count(t.pointsSpent)} testId="kpi-spent" />
        <Kpi name="福利领取" value={count(t.claims)} unit="份" testId="kpi-claims" />
        <Kpi name="核销" value={count(t.redemptions)} unit="份" testId="kpi-redemptions" />
      </View>
      {days.length > 0 && (
        <View className="muted ma-range">
          近 {days.length} 天（{monthDay(days[0].date)}–{monthDay(days[days.length - 1].date)}）新增会员 {newMembers} 人
        </View>
      )}
      <CheckInChart days={days} />
      <PointsChart days={days} />
      <BenefitStock benefits={s.benefits ?? []} />
    </View>
  );
}

function Kpi({ name, value, unit, testId }: { name: string; value: number; unit?: string; testId: string }) {
  return (
    <View className="ma-kpi" data-testid={testId}>
      <View className="ma-kpi-value">
        {value}
        {unit && <Text className="ma-kpi-unit">{unit}</Text>}
      </View>
      <View className="muted">{name}</View>
    </View>
  );
}

function CheckInChart({ days }: { days: MemberStats['days'] }) {
  const max = Math.max(0, ...days.map((d) => count(d.checkIns)));
  return (
    <View className="section">
      <View className="section-title">每日签到</View>
      {!days.length ? (
        <View className="muted">暂无数据</View>
      ) : (
        <View className="ma-chart ma-chart-checkins" role="list" aria-label={`近 ${days.length} 天每日签到`}>
          {days.map((d) => (
            <View key={d.date} className="ma-col" role="listitem" aria-label={`${monthDay(d.date)} 签到 ${count(d.checkIns)} 次`} data-testid="checkin-day">
              <View className="ma-col-value">{count(d.checkIns)}</View>
              <View className="ma-track">
                <View
                  className={`ma-bar ma-bar-checkin ${count(d.checkIns) ? 'nz' : ''}`}
                  style={{ height: pct(count(d.checkIns), max) }}
                  data-testid={`checkin-${d.date}`}
                />
              </View>
              <View className="ma-col-label">{dayOfMonth(d.date)}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** Issued and spent share one scale, two bars a day. */
function PointsChart({ days }: { days: MemberStats['days'] }) {
  const max = Math.max(0, ...days.flatMap((d) => [count(d.pointsIssued), count(d.pointsSpent)]));
  const issued = days.reduce((n, d) => n + count(d.pointsIssued), 0);
  const spent = days.reduce((n, d) => n + count(d.pointsSpent), 0);
  return (
    <View className="section">
      <View className="section-title">积分发放与使用</View>
      <View className="ma-legend">
        <View className="ma-key">
          <View className="ma-swatch issued" />
          发放 {issued}
        </View>
        <View className="ma-key">
          <View className="ma-swatch spent" />
          使用 {spent}
        </View>
      </View>
      {!days.length ? (
        <View className="muted">暂无数据</View>
      ) : (
        <View className="ma-chart ma-chart-points" role="list" aria-label="每日积分发放与使用">
          {days.map((d) => (
            <View
              key={d.date}
              className="ma-col"
              role="listitem"
              aria-label={`${monthDay(d.date)} 发放 ${count(d.pointsIssued)} 积分，使用 ${count(d.pointsSpent)} 积分`}
              data-testid="points-day"
            >
              <View className="ma-track">
                <View
                  className={`ma-bar ma-bar-pair ma-bar-issued ${count(d.pointsIssued) ? 'nz' : ''}`}
                  style={{ height: pct(count(d.pointsIssued), max) }}
                  data-testid={`issued-${d.date}`}
                />
                <View
                  className={`ma-bar ma-bar-pair ma-bar-spent ${count(d.pointsSpent) ? 'nz' : ''}`}
                  style={{ height: pct(count(d.pointsSpent), max) }}
                  data-testid={`spent-${d.date}`}
                />
              </View>
              <View className="ma-col-label">{dayOfMonth(d.date)}</View>
            </View>
          ))}
        </View>
      )}
      {max > 0 && <View className="muted ma-scale">最高一天 {max} 积分</View>}
    </View>
  );
}

/** Each benefit's stock in three parts: redeemed, claimed but not yet redeemed, left. */
function BenefitStock({ benefits }: { benefits: MemberStatsBenefit[] }) {
  return (
    <View className="section">
      <View className="section-title">福利库存</View>
      <View className="ma-legend ma-legend-wrap">
        <View className="ma-key">
          <View className="ma-swatch redeemed" />
          已核销
        </View>
        <View className="ma-key">
          <View className="ma-swatch claimed" />
          已领未核销
        </View>
        <View className="ma-key">
          <View className="ma-swatch left" />
          剩余
        </View>
      </View>
      {!benefits.length ? (
        <View className="muted">还没有福利</View>
      ) : (
        benefits.map((b) => {
          const redeemed = count(b.redeemed);
          const waiting = Math.max(0, count(b.claimed) - redeemed);
          const left = count(b.stockLeft);
          const total = redeemed + waiting + left;
          return (
            <View key={b.id} className="ma-stock" data-testid={`stock-${b.id}`}>
              <View className="ma-stock-head">
                <Text className="ma-stock-title">{b.title}</Text>
                <Text className="muted">{b.partner}</Text>
              </View>
              <View className="ma-stack" role="img" aria-label={`${b.title}：已核销 ${redeemed} 份，已领未核销 ${waiting} 份，剩余 ${left} 份`}>
                <View className="ma-seg ma-seg-redeemed" style={{ width: pct(redeemed, total) }} data-testid={`seg-redeemed-${b.id}`} />
                <View className="ma-seg ma-seg-claimed" style={{ width: pct(waiting, total) }} data-testid={`seg-claimed-${b.id}`} />
                <View className="ma-seg ma-seg-left" style={{ width: pct(left, total) }} data-testid={`seg-left-${b.id}`} />
              </View>
              <View className="muted ma-stock-nums">
                已核销 {redeemed} · 已领未核销 {waiting} · 剩余 {left} / 共 {count(b.stock)} 份
              </View>
            </View>
          );
        })
      )}
    </View>
  );
}
