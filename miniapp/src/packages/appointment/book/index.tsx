import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { APPOINTMENT_PURPOSE_NAMES, APPOINTMENT_PURPOSES, type AppointmentPurpose } from '@yx/shared';
import { useRef, useState } from 'react';
import { appointmentsApi, type AppointmentView, type PointDetail } from '../../../api/appointments';
import { asApiError, newIdempotencyKey } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { SendButton } from '../../../components/SendButton';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { useSubmit } from '../../../hooks/useSubmit';
import { CUTOFF_TEXT, dayText, goAppointment, keyFor, StandingBanner } from '../common';
import { firstOpenDay, SlotPicker, slotLight } from '../SlotPicker';
import { Done } from './Done';
import { ItemChoice, itemName } from './ItemChoice';
import './index.css';

/**
 * 预约时段 (issue 18): at a point, choose the item, the day and a slot, confirm, book. `itemId` chooses the item first;
 * `applicationId` and `purpose` come from an application (to bring originals or collect the result).
 */
export default function Book() {
  const { params } = useRouter();
  const pointId = params.pointId ?? '';
  return (
    <Page className="apb">
      {pointId ? (
        <BookBody key={pointId} pointId={pointId} params={params} />
      ) : (
        <StateView
          empty
          emptyText={
            <View>
              <View>请先选择办事地点</View>
              <Button className="btn btn-plain apb-empty-btn" onClick={() => goAppointment('index')}>
                选择办事地点
              </Button>
            </View>
          }
        />
      )}
    </Page>
  );
}

function BookBody({ pointId, params }: { pointId: string; params: Partial<Record<string, string>> }) {
  const point = useAsync(() => appointmentsApi.point(pointId), [pointId]);
  return (
    <StateView loading={point.loading && !point.data} error={point.data ? undefined : point.error} onRetry={point.reload}>
      {point.data && <Booking point={point.data} params={params} />}
    </StateView>
  );
}

const purposeOf = (p?: string) => ((APPOINTMENT_PURPOSES as readonly string[]).includes(p ?? '') ? (p as AppointmentPurpose) : undefined);

function Booking({ point, params }: { point: PointDetail; params: Partial<Record<string, string>> }) {
  const session = useSession();
  const applicationId = params.applicationId || undefined;
  const purpose = purposeOf(params.purpose);
  const [itemId, setItemId] = useState(params.itemId || undefined);
  const slots = useAsync(() => (itemId ? appointmentsApi.slots(point.id, itemId, undefined, 15) : Promise.resolve(undefined)), [point.id, itemId]);
  const [chosenDate, setDate] = useState<string>();
  const [start, setStart] = useState<string>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<AppointmentView>();
  // the attempt's Idempotency-Key: kept while the same booking is retried, so a double tap or a retry books once
  const attempt = useRef<{ body: string; key: string }>();
  const asking = useRef(false);
  const { busy, send } = useSubmit((e) => {
    const err = asApiError(e);
    if (err.status === 409) slots.reload(); // taken meanwhile: the grid shows what is left now
    return err.message;
  }, setError);

  const days = slots.data?.days ?? [];
  const date = chosenDate ?? firstOpenDay(days);
  const chosen = days.find((d) => d.date === date)?.slots.find((s) => s.start === start);
  const standing = slots.data?.standing;
  const suspended = !!standing?.suspendedUntil;
  const name = itemName(point.areas, itemId) ?? slots.data?.itemName;

  const chooseItem = (id: string) => {
    if (id === itemId) return;
    setItemId(id);
    setDate(undefined);
    setStart(undefined);
    setError(undefined);
  };
  const chooseDate = (d: string) => {
    setDate(d);
    if (d !== date) setStart(undefined);
    setError(undefined);
  };
  const chooseStart = (s: string) => {
    setDate(date);
    setStart(s);
    setError(undefined);
  };

  const book = async () => {
    if (asking.current || busy || suspended) return;
    if (!session) {
      Taro.navigateTo({ url: '/pages/login/index' });
      return;
    }
    if (!itemId || !name) return setError('请选择办理事项');
    if (!date || !chosen) return setError('请选择预约时段');
    if (!slotLight(chosen).open) return setError('该时段已约满或已截止，请选择其他时段');
    const body = { pointId: point.id, itemId, date, start: chosen.start, ...(applicationId ? { applicationId } : {}), ...(purpose ? { purpose } : {}) };
    asking.current = true;
    let sure = false;
    try {
      sure = await confirmStep(
        '确认预约',
        `地点：${point.name}\n事项：${name}\n时间：${dayText(date)} ${chosen.start}–${chosen.end}\n请按时到场签到取号。${CUTOFF_TEXT}，预约后未到场记爽约。`,
        '确认预约',
        '再看看',
      );
    } finally {
      asking.current = false;
    }
    if (!sure) return;
    attempt.current = keyFor(attempt.current, body, () => newIdempotencyKey('ap'));
    const key = attempt.current.key;
    setError(undefined);
    await send(async () => {
      const a = await appointmentsApi.book(key, body);
      attempt.current = undefined;
      setDone(a);
    });
  };

  if (done) return <Done a={done} />;

  return (
    <>
      <View className="apb-head">
        <View className="apb-point">{point.name}</View>
        <View className="apb-head-line">{point.address}</View>
        <View className="apb-head-line">{point.hoursText}</View>
        <View className="apb-head-tags">
          {point.weekend && <Text className="tag apb-tag">5+2 周末可办</Text>}
          {point.evening && <Text className="tag apb-tag">白加黑 延时服务</Text>}
        </View>
      </View>
      {applicationId && (
        <View className="notice apb-application" data-testid="application">
          关联办件 {applicationId}（{purpose ? APPOINTMENT_PURPOSE_NAMES[purpose] : '核验原件/领取结果'}）
        </View>
      )}

      <View className="section">
        <View className="section-title">选择办理事项</View>
        <ItemChoice areas={point.areas} value={itemId} onChange={chooseItem} />
      </View>

      {itemId && (
        <View className="section">
          <View className="section-title">选择日期和时段</View>
          <StateView loading={slots.loading && !slots.data} error={slots.data ? undefined : slots.error} onRetry={slots.reload}>
            <StandingBanner standing={standing} />
            <SlotPicker days={days} date={date} start={start} onDate={chooseDate} onStart={chooseStart} />
          </StateView>
        </View>
      )}

      <View className="section apb-bar">
        {chosen && date && (
          <View className="apb-chosen" data-testid="chosen">
            已选：{dayText(date)} {chosen.start}–{chosen.end}
            {chosen.kind === 'evening' ? '（白加黑延时）' : ''}
          </View>
        )}
        <View className="muted apb-rule">{CUTOFF_TEXT}；到场后扫描大厅的签到二维码取号，预约号优先叫号。</View>
        <SendButton
          className="btn apb-book"
          testId="book"
          error={error}
          errorTestId="book-error"
          busy={busy}
          disabled={suspended || !chosen || undefined}
          onClick={book}
        >
          {suspended ? '网上预约已暂停' : session ? '预约' : '登录后预约'}
        </SendButton>
      </View>
    </>
  );
}
