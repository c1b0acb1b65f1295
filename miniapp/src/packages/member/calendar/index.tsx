import { Text, View } from '@tarojs/components';
import { monthGrid } from '@yx/shared';
import { useState } from 'react';
import { memberApi } from '../../../api/member';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { goMember, MemberGate, monthTitle, shiftMonth } from '../common';
import './index.css';
import { Button } from '../../../components/Button';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** 签到日历: the month's check-ins, Monday first, with the streak and the rules. */
export default function CheckInCalendar() {
  return (
    <Page className="mb-cal">
      <MemberGate>
        <CalendarBody />
      </MemberGate>
    </Page>
  );
}

function CalendarBody() {
  /** Undefined: the current month (the server's today decides which that is). */
  const [month, setMonth] = useState<string>();
  const cal = useAsync(() => memberApi.checkIns(month), [month]);
  const rules = useAsync(() => memberApi.home(), []);
  const d = cal.data;
  const thisMonth = d?.today.slice(0, 7);
  const atCurrent = !d || d.month >= thisMonth!;
  const weeks = d ? monthGrid(d.month, d.dates, d.today) : [];
  const inMonth = d ? d.dates.filter((x) => x.startsWith(d.month)).length : 0;
  const noCard = cal.error?.status === 404;

  return (
    <>
      <StateView loading={cal.loading && !d} error={noCard ? undefined : cal.error} onRetry={cal.reload}>
        {noCard && (
          <View className="state state-empty" data-testid="no-card">
            <View>{cal.error!.message}，领卡后即可每日签到</View>
            <Button className="btn mb-gate-btn" onClick={() => goMember('home')}>
              去领卡
            </Button>
          </View>
        )}
        {d && (
          <>
            <View className="card mb-cal-summary">
              <View>
                <View className="mb-cal-streak" data-testid="streak">
                  已连续签到 <Text className="mb-cal-n">{d.streak}</Text> 天
                </View>
                <View className="muted">{d.checkedToday ? '今日已签到' : '今日还未签到'}</View>
              </View>
              <View className="mb-cal-count">
                <View className="mb-cal-n">{inMonth}</View>
                <View className="muted">本月签到（天）</View>
              </View>
            </View>

            <View className="card">
              <View className="mb-cal-nav">
                <Button className="mb-cal-arrow" disabled={cal.loading || undefined} onClick={() => setMonth(shiftMonth(d.month, -1))} aria-label="上个月">
                  ‹ 上月
                </Button>
                <Text className="mb-cal-title" data-testid="month">
                  {monthTitle(d.month)}
                </Text>
                <Button
                  className="mb-cal-arrow"
                  disabled={atCurrent || cal.loading || undefined}
                  onClick={() => setMonth(shiftMonth(d.month, 1))}
                  aria-label="下个月"
                >
                  下月 ›
                </Button>
              </View>
              <View className="mb-cal-grid" role="grid" aria-label={`${monthTitle(d.month)}签到日历`}>
                <View className="mb-cal-row mb-cal-head" role="row">
                  {WEEKDAYS.map((w) => (
                    <View key={w} className="mb-cal-weekday" role="columnheader">
                      {w}
                    </View>
                  ))}
                </View>
                {weeks.map((week, i) => (
                  <View key={i} className="mb-cal-row" role="row">
                    {week.map((c, j) => (
                      <View
                        key={c.date ?? `pad-${i}-${j}`}
                        role="gridcell"
                        data-date={c.date}
                        className={`mb-cal-cell ${c.date ? '' : 'blank'} ${c.checked ? 'checked' : ''} ${c.isToday ? 'today' : ''} ${c.future ? 'future' : ''}`}
                        aria-label={c.date ? `${c.day} 日${c.checked ? '，已签到' : ''}${c.isToday ? '，今天' : ''}` : undefined}
                      >
                        {c.day !== undefined && <Text className="mb-cal-day">{c.day}</Text>}
                        {c.checked && <Text className="mb-cal-mark">✓</Text>}
                      </View>
                    ))}
                  </View>
                ))}
              </View>
              <View className="mb-cal-legend">
                <View className="mb-cal-key">
                  <View className="mb-cal-swatch checked" />
                  已签到
                </View>
                <View className="mb-cal-key">
                  <View className="mb-cal-swatch today" />
                  今天
                </View>
                <View className="mb-cal-key">
                  <View className="mb-cal-swatch future" />
                  未到
                </View>
              </View>
            </View>
          </>
        )}
      </StateView>

      {rules.data && !noCard && (
        <View className="section mb-cal-rules" data-testid="rules">
          <View className="section-title">签到规则</View>
          <View>
            每天签到得 <Text className="mb-cal-strong">{rules.data.checkIn.basePoints}</Text> 积分
          </View>
          {[...rules.data.checkIn.streakBonuses]
            .sort((a, b) => a.day - b.day)
            .map((b) => (
              <View key={b.day}>
                连续签到 {b.day} 天，额外奖励 <Text className="mb-cal-strong">+{b.points}</Text> 积分
              </View>
            ))}
          <View className="muted">中断一天，连续天数从 1 重新计算。</View>
        </View>
      )}
    </>
  );
}
