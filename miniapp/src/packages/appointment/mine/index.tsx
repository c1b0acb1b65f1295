import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { appointmentsApi, type AppointmentView } from '../../../api/appointments';
import { asApiError } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useRowAction } from '../../../hooks/useRowAction';
import { CUTOFF_TEXT, dayText, goAppointment, StandingBanner } from '../common';
import { AppointmentCard } from './AppointmentCard';
import { Tickets } from './Tickets';
import './index.css';

/** 我的预约 and 我的排队号 (issue 18): for residents and firms. */
export default function MyAppointments() {
  return (
    <Page className="apm">
      <RoleGate
        roles={['resident', 'enterprise']}
        what="我的预约"
        loginText="登录后可查看您的预约和排队号"
        deniedText="我的预约仅供居民和企业使用"
        deniedNote={(name) => `您当前的身份是“${name}”，请用个人或企业账号预约办事。`}
      >
        <MineBody />
      </RoleGate>
    </Page>
  );
}

const ACTIVE = ['booked', 'checked-in'];
const at = (a: AppointmentView) => `${a.date} ${a.start}`;
/** Coming bookings first, soonest first; then the rest (cancelled, kept, not kept), newest first. */
export function upcomingFirst(items: AppointmentView[]): { coming: AppointmentView[]; past: AppointmentView[] } {
  return {
    coming: items.filter((a) => ACTIVE.includes(a.status)).sort((x, y) => at(x).localeCompare(at(y))),
    past: items.filter((a) => !ACTIVE.includes(a.status)).sort((x, y) => at(y).localeCompare(at(x))),
  };
}

function MineBody() {
  const list = useAsync(() => appointmentsApi.mine(), []);
  const tickets = useAsync(() => appointmentsApi.tickets(), []);
  const [rescheduling, setRescheduling] = useState<string>();
  const { busy, run } = useRowAction(list.reload);
  // back from 签到 or a number's page: what changed there shows here
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) {
      list.reload();
      tickets.reload();
    }
    shown.current = true;
  });

  const { coming, past } = upcomingFirst(list.data?.items ?? []);
  const empty = !coming.length && !past.length;
  const hasTickets = !!tickets.data?.items.length;

  const cancel = async (a: AppointmentView) => {
    const sure = await confirmStep(
      '取消预约',
      `取消 ${dayText(a.date)} ${a.start}–${a.end} 在${a.pointName}办理“${a.itemName}”的预约？取消后该时段会让给其他人。`,
      '确认取消',
      '不取消',
    );
    if (!sure) return;
    await run(
      a.id,
      () =>
        appointmentsApi.cancel(a.id).catch((e: unknown) => {
          // checked in or changed meanwhile: the list shows where it is now
          if (asApiError(e).status === 409) list.reload();
          throw e;
        }),
      '已取消预约',
    );
  };
  const changed = () => {
    setRescheduling(undefined);
    Taro.showToast({ title: '已改约', icon: 'success' });
    list.reload();
  };

  const card = (a: AppointmentView) => (
    <AppointmentCard
      key={a.id}
      a={a}
      rescheduling={rescheduling === a.id}
      busy={busy === a.id}
      onReschedule={(open) => setRescheduling(open ? a.id : undefined)}
      onCancel={() => cancel(a)}
      onChanged={changed}
    />
  );

  return (
    <>
      <StandingBanner standing={list.data?.standing} showDates />
      {/* today's numbers first when there are some (the person is in the hall); else below the bookings */}
      {hasTickets && <Tickets tickets={tickets} />}
      <View className="apm-group">我的预约</View>
      <StateView
        loading={list.loading && !list.data}
        error={list.data ? undefined : list.error}
        onRetry={list.reload}
        empty={empty}
        emptyText={
          <View>
            <View>您还没有预约。网上预约时段，到场后预约号优先叫号。</View>
            <Button className="btn apm-empty-btn" onClick={() => goAppointment('index')}>
              去预约
            </Button>
          </View>
        }
      >
        {coming.length > 0 && <View className="muted apm-rule">{CUTOFF_TEXT}；预约后未到场记爽约。</View>}
        {coming.map(card)}
        {past.length > 0 && <View className="apm-group sub">历史预约</View>}
        {past.map(card)}
        <View className="apm-more">
          <Button className="btn btn-plain" onClick={() => goAppointment('index')}>
            新的预约
          </Button>
        </View>
      </StateView>
      {!hasTickets && <Tickets tickets={tickets} />}
    </>
  );
}
