import { Text, View } from '@tarojs/components';
import { TICKET_STATUS_NAMES } from '@yx/shared';
import type { TicketView } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { StateView } from '../../../components/StateView';
import type { AsyncState } from '../../../hooks/useAsync';
import { goAppointment } from '../common';

const TONES: Record<TicketView['status'], string> = {
  waiting: 'tag-blue',
  called: 'tag-green',
  serving: 'tag-green',
  served: 'tag-gray',
  absent: 'tag-red',
};

/** What a number's row says under it: how many are ahead, or the window it was called to. */
function where(t: TicketView): string {
  if (t.status === 'waiting') return `前面还有 ${t.ahead} 人，预计等候约 ${t.waitMinutes} 分钟`;
  if (t.status === 'called' || t.status === 'serving') return t.windowNo ? `请到 ${t.windowNo} 号窗口` : '请留意叫号';
  return t.pointName;
}

/** 我的排队号: today's numbers, each opening its page. */
export function Tickets({ tickets }: { tickets: AsyncState<{ items: TicketView[] }> }) {
  const items = tickets.data?.items ?? [];
  return (
    <View className="section apm-tickets" data-testid="tickets">
      <View className="section-title">我的排队号（今天）</View>
      <StateView
        loading={tickets.loading && !tickets.data}
        error={tickets.data ? undefined : tickets.error}
        onRetry={tickets.reload}
        empty={!items.length}
        emptyText={
          <View>
            <View>今天还没有排队号。到大厅后扫描签到二维码即可取号。</View>
            <Button className="btn btn-plain apm-empty-btn" onClick={() => goAppointment('arrive')}>
              到场签到取号
            </Button>
          </View>
        }
      >
        {items.map((t) => (
          <View key={t.id} className="apm-ticket-row tap" role="button" onClick={() => goAppointment('ticket', { id: t.id })} data-testid={`ticket-${t.id}`}>
            <Text className="apm-ticket-big">{t.no}</Text>
            <View className="apm-ticket-text">
              <View>
                {t.areaName} · {t.itemName}
              </View>
              <View className="muted">{where(t)}</View>
            </View>
            <Text className={`tag ${TONES[t.status]}`}>{TICKET_STATUS_NAMES[t.status]}</Text>
          </View>
        ))}
      </StateView>
    </View>
  );
}
