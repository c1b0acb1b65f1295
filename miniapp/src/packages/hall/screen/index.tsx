import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { beijingTime } from '@yx/shared';
import { useEffect, useState } from 'react';
import type { ScreenView } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useScreen } from './useScreen';
import './index.css';

const WEEKDAYS = '日一二三四五六';
const clockOf = (iso: string) => beijingTime(iso).slice(11, 16);
/** 「2026年3月2日 星期一」 */
export function dayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日 星期${WEEKDAYS[wd]}`;
}

/** The wall clock, Beijing time, to the minute. */
function useClock(): string {
  const [now, setNow] = useState(() => clockOf(new Date().toISOString()));
  useEffect(() => {
    const timer = setInterval(() => setNow(clockOf(new Date().toISOString())), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

type Call = ScreenView['calls'][number];
/** A list for screen readers only when it has items (an empty role=list is an ARIA error). */
const listRole = (items: unknown[], label: string) => (items.length > 0 ? { role: 'list', 'aria-label': label } : {});

function Latest({ call, flash }: { call?: Call; flash: boolean }) {
  return (
    <View className={`hs-latest ${flash ? 'hs-flash' : ''}`} data-testid="screen-latest" role="status" aria-live="assertive">
      {call ? (
        <View className="hs-latest-line">
          请 <Text className="hs-latest-no">{call.no}</Text> 号到 <Text className="hs-latest-win">{call.windowNo}</Text> 号窗口
        </View>
      ) : (
        <View className="hs-latest-idle">暂无叫号，请留意屏幕和广播</View>
      )}
    </View>
  );
}

function Board({ v, flash }: { v: ScreenView; flash?: number }) {
  const calls = [...v.calls].sort((a, b) => b.seq - a.seq);
  const latest = calls[0];
  const prev = calls.slice(1, 7);
  const lit = flash !== undefined && latest?.seq === flash;
  return (
    <View className="hs-main">
      <View className="hs-left">
        <Latest call={latest} flash={lit} />
        <View className="hs-panel hs-prev">
          <View className="hs-panel-title">刚才叫号</View>
          <View className="hs-calls" data-testid="screen-calls" {...listRole(prev, '刚才叫号')}>
            {prev.map((c) => (
              <View key={c.seq} className="hs-call" role="listitem">
                <Text className="hs-call-no">{c.no}</Text>
                <Text className="hs-call-win">{c.windowNo} 号窗口</Text>
                <Text className="hs-call-at">{clockOf(c.at)}</Text>
              </View>
            ))}
            {prev.length === 0 && <View className="hs-none">—</View>}
          </View>
        </View>
      </View>
      <View className="hs-right">
        <View className="hs-panel">
          <View className="hs-panel-title">各窗口正在办理</View>
          <View className="hs-windows" data-testid="screen-windows" {...listRole(v.windows, '各窗口正在办理')}>
            {v.windows.map((w) => (
              <View
                key={w.no}
                className={`hs-window ${w.open ? '' : 'closed'} ${lit && latest.windowNo === w.no ? 'hs-flash' : ''}`}
                role="listitem"
                data-testid={`screen-window-${w.no}`}
              >
                <View className="hs-window-no">{w.no} 号窗口</View>
                <View className="hs-window-cur">{w.open ? (w.current ?? '—') : '暂停服务'}</View>
              </View>
            ))}
          </View>
        </View>
        <View className="hs-panel">
          <View className="hs-panel-title">等候人数</View>
          <View className="hs-waiting" data-testid="screen-waiting" {...listRole(v.waiting, '各业务区等候人数')}>
            {v.waiting.map((a) => (
              <View key={a.prefix} className="hs-area" role="listitem" data-testid={`screen-waiting-${a.prefix}`}>
                <Text className="hs-area-name">
                  {a.prefix} {a.name}
                </Text>
                <Text className="hs-area-count">{a.count} 人</Text>
              </View>
            ))}
          </View>
        </View>
      </View>
    </View>
  );
}

function HallScreen({ pointId }: { pointId: string }) {
  const s = useScreen(pointId);
  const clock = useClock();
  return (
    <StateView loading={!s.view && !s.error} error={s.view ? undefined : s.error} onRetry={s.retry}>
      {s.view && (
        <View className="hs-frame">
          <View className="hs-top">
            <View className="hs-name" data-testid="screen-point">
              {s.view.pointName}
            </View>
            <View className="hs-time">
              <Text className="hs-date">{dayText(s.view.date)}</Text>
              <Text className="hs-clock" data-testid="screen-clock">
                {clock}
              </Text>
            </View>
          </View>
          {s.error && (
            <View className="hs-offline" role="status" data-testid="screen-offline">
              网络连接中断，正在重新连接…
            </View>
          )}
          {s.voice === 'blocked' && (
            <Button className="btn hs-voice" data-testid="screen-voice" onClick={s.enableVoice}>
              点此开启语音播报
            </Button>
          )}
          <Board v={s.view} flash={s.flash} />
        </View>
      )}
    </StateView>
  );
}

/**
 * 叫号屏 (issue 18): a TV in the hall, opened as /packages/hall/screen/index?pointId=district-hall, with no login. The
 * newest call very large (said aloud where the browser can speak), the calls before it, each window's number and the
 * waiting per area; it asks again every 1.5 s without reloading. Portrait (a phone) stacks the panels; landscape (a
 * 1280 × 720 TV) sets them side by side within one screen.
 */
export default function HallScreenPage() {
  const { params } = useRouter();
  const pointId = params.pointId ? decodeURIComponent(params.pointId) : '';
  return (
    <Page className="hs">
      {pointId ? (
        <HallScreen pointId={pointId} />
      ) : (
        <View className="state state-empty">没有指定办事地点：请在地址后加上 ?pointId=办事地点编号，如 ?pointId=district-hall</View>
      )}
    </Page>
  );
}
