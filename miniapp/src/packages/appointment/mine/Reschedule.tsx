import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { appointmentsApi, type AppointmentView } from '../../../api/appointments';
import { asApiError } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';
import { CUTOFF_TEXT, dayText } from '../common';
import { SlotPicker, slotLight } from '../SlotPicker';

/** 改约: another slot for the same point and item, asked once more before it is moved. */
export function Reschedule({ a, onDone, onClose }: { a: AppointmentView; onDone: () => void; onClose: () => void }) {
  const slots = useAsync(() => appointmentsApi.slots(a.pointId, a.itemId, undefined, 15), [a.pointId, a.itemId]);
  const [date, setDate] = useState(a.date);
  const [start, setStart] = useState<string>();
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => {
    const err = asApiError(e);
    if (err.status === 409) slots.reload();
    return err.message;
  }, setError);
  const asking = useRef(false);
  const days = slots.data?.days ?? [];
  const chosen = days.find((d) => d.date === date)?.slots.find((s) => s.start === start);

  const submit = async () => {
    if (busy || asking.current) return;
    if (!chosen || !slotLight(chosen).open) return setError('请选择新的时段');
    if (date === a.date && chosen.start === a.start) return setError('这是原来的时段，请选择新的时段');
    asking.current = true;
    const sure = await confirmStep(
      '确认改约',
      `${a.itemName}\n原时间：${dayText(a.date)} ${a.start}–${a.end}\n改为：${dayText(date)} ${chosen.start}–${chosen.end}\n${CUTOFF_TEXT}。`,
      '确认改约',
      '再看看',
    ).finally(() => (asking.current = false));
    if (!sure) return;
    setError(undefined);
    await send(async () => {
      await appointmentsApi.reschedule(a.id, { date, start: chosen.start });
      onDone();
    });
  };

  return (
    <View className="card-panel apm-reschedule" data-testid={`reschedule-panel-${a.id}`}>
      <View className="apm-panel-title">选择新的时段（原时段：{`${dayText(a.date)} ${a.start}`}）</View>
      <StateView loading={slots.loading && !slots.data} error={slots.data ? undefined : slots.error} onRetry={slots.reload}>
        <SlotPicker
          days={days}
          date={date}
          start={start}
          onDate={(d) => {
            setDate(d);
            setStart(undefined);
            setError(undefined);
          }}
          onStart={(s) => {
            setStart(s);
            setError(undefined);
          }}
        />
      </StateView>
      <ErrorLine error={error} testId="reschedule-error" />
      <View className="ap-actions">
        <Button className="btn btn-plain" onClick={onClose}>
          不改了
        </Button>
        <Button className="btn" data-testid={`reschedule-confirm-${a.id}`} disabled={busy || !chosen || undefined} loading={busy || undefined} onClick={submit}>
          确认改约
        </Button>
      </View>
    </View>
  );
}
