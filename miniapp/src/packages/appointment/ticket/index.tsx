import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { TICKET_STATUS_NAMES } from '@yx/shared';
import { useEffect, useRef, useState } from 'react';
import { appointmentsApi, type TicketView } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { formatDateTime } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { dayText, goAppointment } from '../common';
import { QueueDots } from './QueueDots';
import './index.css';

/** How often a waiting number asks where it stands. */
export const POLL_MS = 5000;

/**
 * 我的排队号 (issue 18): the number, big; how many are ahead and the wait; the window when it is called. It asks again
 * every 5 s while waiting or called, and stops when the page is hidden or closed.
 */
export default function TicketPage() {
  const { params } = useRouter();
  return (
    <Page className="apt">
      <RoleGate
        roles={['resident', 'enterprise']}
        what="我的排队号"
        loginText="登录后查看您的排队号"
        deniedText="排队号仅供办事群众和企业查看"
        deniedNote={(name) => `您当前的身份是“${name}”。`}
      >
        <TicketBody id={params.id ?? ''} />
      </RoleGate>
    </Page>
  );
}

const TONES: Record<TicketView['status'], string> = { waiting: 'blue', called: 'green', serving: 'green', served: 'gray', absent: 'red' };

function TicketBody({ id }: { id: string }) {
  const ticket = useAsync(() => appointmentsApi.ticket(id), [id]);
  const { reload } = ticket;
  const [visible, setVisible] = useState(true);
  const hidden = useRef(false);
  // back on the page: where the number stands now, then every 5 s again
  useDidShow(() => {
    if (hidden.current) reload();
    hidden.current = false;
    setVisible(true);
  });
  useDidHide(() => {
    hidden.current = true;
    setVisible(false);
  });
  const status = ticket.data?.status;
  const live = visible && (status === 'waiting' || status === 'called');
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  const t = ticket.data;
  return (
    <StateView loading={ticket.loading && !t} error={t ? undefined : ticket.error} onRetry={reload}>
      {t && (
        <>
          <View className={`apt-card ${TONES[t.status]}`}>
            <View className="apt-point">
              {t.pointName} · {dayText(t.date)}
            </View>
            <View className="apt-no" data-testid="ticket-no">
              {t.no}
            </View>
            <View className="apt-what">
              {t.areaName} · {t.itemName}
            </View>
            <View className="apt-tags">
              <Text className={`tag tag-${TONES[t.status]}`} data-testid="ticket-status">
                {TICKET_STATUS_NAMES[t.status]}
              </Text>
              {t.booked && (
                <Text className="tag tag-red" data-testid="ticket-booked">
                  预约优先{t.slot ? ` ${t.slot.start}–${t.slot.end}` : ''}
                </Text>
              )}
            </View>
          </View>

          {t.status === 'waiting' && (
            <View className="section apt-wait" role="status">
              <View className="apt-ahead" data-testid="ticket-ahead">
                {t.ahead > 0 ? (
                  <>
                    前面还有 <Text className="apt-ahead-n">{t.ahead}</Text> 人
                  </>
                ) : (
                  '下一位就是您，请留意叫号'
                )}
              </View>
              {t.ahead > 0 && <View className="apt-minutes">预计等候约 {t.waitMinutes} 分钟</View>}
              <QueueDots ahead={t.ahead} />
              {t.booked && <View className="muted apt-note">您是预约号：预约时段开始后优先叫号。</View>}
            </View>
          )}

          {(t.status === 'called' || t.status === 'serving') && (
            <View className="apt-called" role="alert" data-testid="ticket-window">
              <View className="apt-called-big">{t.windowNo ? `请到 ${t.windowNo} 号窗口` : '请留意大厅叫号'}</View>
              <View className="apt-called-sub">
                {t.status === 'serving' ? '正在办理中' : `${t.calledAt ? `${formatDateTime(t.calledAt)} ` : ''}已叫到您的号，请尽快前往；未到窗口将过号`}
              </View>
            </View>
          )}

          {t.status === 'served' && (
            <View className="section apt-final" data-testid="ticket-final">
              <View className="apt-final-big">已办结</View>
              <View className="muted">
                {t.windowNo ? `${t.windowNo} 号窗口 · ` : ''}
                {t.doneAt ? formatDateTime(t.doneAt) : ''} 感谢您的耐心等候。
              </View>
            </View>
          )}
          {t.status === 'absent' && (
            <View className="section apt-final absent" data-testid="ticket-final">
              <View className="apt-final-big">已过号</View>
              <View className="muted">叫号后未到窗口。如仍需办理，请重新签到取号。</View>
              <Button className="btn apt-again" onClick={() => goAppointment('arrive', { pointId: t.pointId })}>
                重新取号
              </Button>
            </View>
          )}

          <View className="apt-foot muted">
            {live ? '每 5 秒自动刷新' : `取号时间 ${formatDateTime(t.takenAt)}`}
            {ticket.error && ' · 网络不稳，正在重试'}
          </View>
          <View className="apt-more">
            <Button className="btn btn-plain" onClick={() => goAppointment('mine')}>
              我的预约和排队号
            </Button>
          </View>
        </>
      )}
    </StateView>
  );
}
