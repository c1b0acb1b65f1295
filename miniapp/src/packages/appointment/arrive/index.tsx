import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { appointmentsApi, type AppointmentView, type PointDetail } from '../../../api/appointments';
import { asApiError, newIdempotencyKey } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SendButton } from '../../../components/SendButton';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';
import { keyFor, pageUrl } from '../common';
import { CAN_SCAN, LOCATION_FAILED, locate, NOT_CHECK_IN_CODE, parseCheckIn } from './checkIn';
import { ChoosePoint } from './ChoosePoint';
import { WhatFor, type Choice } from './WhatFor';
import './index.css';

/**
 * 签到取号 (issue 18): the hall's QR code opens this page with `pointId` and the day's `code`; without it, 扫码签到 or
 * the phone's location inside the hall. The number is for one of today's bookings here or, walking in, for an item.
 */
export default function Arrive() {
  return (
    <Page className="apa">
      <RoleGate
        roles={['resident', 'enterprise']}
        what="签到取号"
        loginText="登录后签到取号：有预约的优先叫号，叫到时会提醒您"
        deniedText="签到取号仅供办事群众和企业使用"
        deniedNote={(name) => `您当前的身份是“${name}”，请用个人或企业账号取号。`}
      >
        <ArriveBody />
      </RoleGate>
    </Page>
  );
}

function ArriveBody() {
  const { params } = useRouter();
  // a link in `q` when WeChat opened the page from a plain QR code
  const fromLink = parseCheckIn(params.q ? decodeURIComponent(params.q) : undefined);
  const [pointId, setPointId] = useState(params.pointId || fromLink.pointId);
  const [code, setCode] = useState(params.code || fromLink.code);
  const [scanError, setScanError] = useState<string>();

  const scan = async () => {
    let r: { path?: string; result?: string };
    try {
      r = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    } catch {
      return; // cancelled
    }
    const found = parseCheckIn(r.path || r.result);
    if (!found.code) return setScanError(NOT_CHECK_IN_CODE);
    setScanError(undefined);
    setCode(found.code);
    if (found.pointId) setPointId(found.pointId);
  };

  return (
    <>
      <View className="ap-head">
        <View className="ap-title">签到取号</View>
        <View className="ap-sub">到了大厅，扫码或用位置签到，领取排队号</View>
      </View>
      {!pointId ? (
        <>
          {CAN_SCAN && (
            <View className="section">
              <SendButton className="btn apa-scan" testId="scan" error={scanError} busy={false} onClick={scan}>
                扫码签到
              </SendButton>
              <View className="muted apa-hint">扫描大厅入口或取号机旁的签到二维码</View>
            </View>
          )}
          <ChoosePoint onChoose={setPointId} />
        </>
      ) : (
        <PointArrival key={pointId} pointId={pointId} code={code} onScan={CAN_SCAN ? scan : undefined} scanError={scanError} />
      )}
    </>
  );
}

function PointArrival({ pointId, code, onScan, scanError }: { pointId: string; code?: string; onScan?: () => void; scanError?: string }) {
  const point = useAsync(() => appointmentsApi.point(pointId), [pointId]);
  const mine = useAsync(() => appointmentsApi.mine(), []);
  return (
    <StateView
      loading={(point.loading && !point.data) || (mine.loading && !mine.data)}
      error={point.data ? (mine.data ? undefined : mine.error) : point.error}
      onRetry={() => (point.data ? mine.reload() : point.reload())}
    >
      {point.data && mine.data && (
        <Arrival point={point.data} bookings={mine.data.items} today={mine.data.today} code={code} onScan={onScan} scanError={scanError} />
      )}
    </StateView>
  );
}

function Arrival({
  point,
  bookings,
  today,
  code,
  onScan,
  scanError,
}: {
  point: PointDetail;
  bookings: AppointmentView[];
  /** the server's date: the phone's clock may be off */
  today: string;
  code?: string;
  onScan?: () => void;
  scanError?: string;
}) {
  const { params } = useRouter();
  const todays = bookings.filter((a) => a.pointId === point.id && a.status === 'booked' && a.date === today);
  const taken = bookings.filter((a) => a.pointId === point.id && a.date === today && a.status === 'checked-in' && a.ticketId);
  const preset = todays.find((a) => a.id === params.appointmentId) ?? (todays.length === 1 ? todays[0] : undefined);
  const [chosen, setChoice] = useState<Choice>();
  const choice = chosen ?? (preset ? { kind: 'booking' as const, id: preset.id } : undefined);
  const [error, setError] = useState<string>();
  const attempt = useRef<{ body: string; key: string }>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);

  const arrive = () =>
    send(async () => {
      if (!choice) return setError('请选择要办理的事项');
      // one key per intent (this point, this choice): a retry with a fresh location is the same check-in
      attempt.current = keyFor(attempt.current, { pointId: point.id, choice, code }, () => newIdempotencyKey('ar'));
      const key = attempt.current.key;
      const what = choice.kind === 'booking' ? { appointmentId: choice.id } : { itemId: choice.id };
      let where: { code: string } | { location: { lat: number; lng: number } };
      if (code) where = { code };
      else {
        const location = await locate();
        if (!location) return setError(LOCATION_FAILED);
        where = { location };
      }
      setError(undefined);
      const t = await appointmentsApi.arrive(key, point.id, { ...where, ...what });
      attempt.current = undefined;
      Taro.redirectTo({ url: pageUrl('ticket', { id: t.id }) });
    });

  return (
    <>
      <View className="section apa-where">
        <View className="apa-point-name">{point.name}</View>
        <View className="muted">{point.address}</View>
        {code ? (
          <View className="apa-proof ok" data-testid="code-ok">
            ✓ 已识别大厅签到码
          </View>
        ) : (
          <View className="apa-proof" data-testid="code-none">
            请扫描大厅的签到二维码；或在大厅内（{point.geofenceMeters} 米范围）用当前位置签到
          </View>
        )}
      </View>
      {taken.map((a) => (
        <View
          key={a.id}
          className="notice apa-taken tap"
          role="button"
          onClick={() => Taro.navigateTo({ url: pageUrl('ticket', { id: a.ticketId }) })}
          data-testid={`taken-${a.id}`}
        >
          “{a.itemName}”今天已取号 {a.ticketNo}，查看排队进度 ›
        </View>
      ))}
      <WhatFor
        bookings={todays}
        areas={point.areas}
        value={choice}
        onChange={(c) => {
          setChoice(c);
          setError(undefined);
        }}
      />
      <View className="section apa-bar">
        <SendButton className="btn apa-go" testId="arrive" errorTestId="arrive-error" error={error ?? scanError} busy={busy} onClick={arrive}>
          {code ? '签到取号' : '用当前位置签到'}
        </SendButton>
        {!code && onScan && (
          <Button className="btn btn-plain apa-scan" onClick={onScan} data-testid="scan">
            扫码签到
          </Button>
        )}
      </View>
    </>
  );
}
