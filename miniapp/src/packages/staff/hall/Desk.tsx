import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { beijingTime, TICKET_STATUS_NAMES } from '@yx/shared';
import { useState } from 'react';
import { hallApi, type DeskView } from '../../../api/appointments';
import { asApiError } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { confirmStep } from '../../../components/confirmStep';
import { useSubmit } from '../../../hooks/useSubmit';
import { CheckInQr } from './CheckInQr';
import { Figures, Waiting } from './Queue';
import { Transfer } from './Transfer';

type Action = 'next' | 'recall' | 'served' | 'absent' | 'transfer' | 'sign-out';
type Apply = (fn: () => Promise<DeskView>) => Promise<DeskView>;

const clock = (iso?: string) => (iso ? beijingTime(iso).slice(11, 16) : '');
/** A number called and not yet finished: the officer marks it 办结 or 过号 before calling the next. */
export const isLive = (d: DeskView) => d.current?.status === 'called' || d.current?.status === 'serving';

function Current({ desk }: { desk: DeskView }) {
  const cur = desk.current;
  if (!cur)
    return (
      <View className="hd-current" data-testid="desk-current" aria-live="polite">
        <View className="hd-current-none">暂无正在办理的号</View>
      </View>
    );
  return (
    <View className={`hd-current ${isLive(desk) ? 'on' : ''}`} data-testid="desk-current" aria-live="polite">
      <View className="hd-current-no" data-testid="desk-current-no">
        {cur.no}
      </View>
      <View className="hd-current-tags">
        {cur.booked && (
          <Text className="tag tag-orange" data-testid="desk-current-booked">
            预约
          </Text>
        )}
        <Text className="tag tag-blue">{TICKET_STATUS_NAMES[cur.status]}</Text>
      </View>
      <View className="hd-current-item">{cur.itemName}</View>
      <View className="muted">
        {cur.calledAt ? `${clock(cur.calledAt)} 叫号` : ''}
        {cur.recalls > 0 ? `，已重呼 ${cur.recalls} 次` : ''}
      </View>
    </View>
  );
}

/** At a window: the current number and what the officer does with it, the queue, today's figures, the check-in QR. */
export function AtWindow({ desk, apply, refresh, stale }: { desk: DeskView; apply: Apply; refresh: () => Promise<void>; stale: boolean }) {
  const w = desk.window!;
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [doing, setDoing] = useState<Action>();
  const [transferring, setTransferring] = useState(false);
  // a refused action (another window was quicker, the number moved on): say why and show the desk as it is now
  const sending = useSubmit((e) => {
    void refresh();
    return asApiError(e).message;
  }, setError);
  const live = isLive(desk);
  const no = desk.current?.no ?? '';

  const act = (action: Action, fn: () => Promise<DeskView>, done?: (d: DeskView) => void, ask?: [string, string, string]) =>
    sending.send(async () => {
      setError(undefined);
      if (ask && !(await confirmStep(...ask))) return;
      setNotice(undefined);
      setDoing(action);
      try {
        // two steps: `done?.(await apply(fn))` would not even call apply when there is no done
        const d = await apply(fn);
        done?.(d);
      } finally {
        setDoing(undefined);
      }
    });
  // icon none: WeChat cuts a success toast's title at 7 characters
  const toast = (title: string) => () => Taro.showToast({ title, icon: 'none' });

  const next = () => act('next', hallApi.next, (d) => !d.current && setNotice('当前没有等候的号'));
  const recall = () => act('recall', hallApi.recall, toast(`已重呼 ${no}`));
  const served = () => act('served', hallApi.served, toast(`${no} 已办结`));
  const absent = () => act('absent', hallApi.absent, toast(`${no} 已过号`), ['过号', `${no} 号未到窗口，标记过号后不再叫这个号。确定过号吗？`, '确认过号']);
  const transfer = (toWindow: number) =>
    act(
      'transfer',
      () => hallApi.transfer(toWindow),
      () => {
        setTransferring(false);
        toast(`已转到 ${toWindow} 号窗口`)();
      },
      ['转窗口', `把 ${no} 号转到 ${toWindow} 号窗口，由该窗口优先叫号。确定转出吗？`, '确认转出'],
    );
  const signOut = () =>
    act('sign-out', hallApi.signOut, undefined, [
      '离开窗口',
      live ? `${no} 号还没有办结或过号。离开后本窗口不再叫号，确定离开吗？` : `离开后 ${w.no} 号窗口不再叫号，确定离开吗？`,
      '确认离开',
    ]);

  const busy = sending.busy;
  return (
    <View>
      <View className="hd-head" data-testid="desk-window">
        <View className="hd-head-title">{`${w.pointName} · ${w.no} 号窗口 · ${w.areaName}`}</View>
        <View className="hd-head-sub">{clock(w.since)} 起在岗</View>
      </View>
      {stale && (
        <View className="hd-stale" role="status">
          网络不稳定，以下可能不是最新情况，正在重试…
        </View>
      )}
      <View className="section hd-desk">
        <Current desk={desk} />
        {notice && !desk.current && (
          <View className="hd-notice" role="status" data-testid="desk-notice">
            {notice}
          </View>
        )}
        <ErrorLine error={error} className="hd-error" testId="desk-error" />
        <Button className="btn hd-next" data-testid="desk-next" disabled={busy || live || undefined} loading={doing === 'next' || undefined} onClick={next}>
          叫下一位
        </Button>
        {live && <View className="muted hd-hint">请先办结或过号，再叫下一位</View>}
        <View className="hd-ops">
          <Button
            className="btn btn-plain hd-op"
            data-testid="desk-recall"
            disabled={busy || !live || undefined}
            loading={doing === 'recall' || undefined}
            onClick={recall}
          >
            重呼
          </Button>
          <Button
            className="btn hd-op hd-op-served"
            data-testid="desk-served"
            disabled={busy || !live || undefined}
            loading={doing === 'served' || undefined}
            onClick={served}
          >
            办结
          </Button>
          <Button
            className="btn btn-plain hd-op"
            data-testid="desk-absent"
            disabled={busy || !live || undefined}
            loading={doing === 'absent' || undefined}
            onClick={absent}
          >
            过号
          </Button>
          <Button
            className="btn btn-plain hd-op"
            data-testid="desk-transfer"
            disabled={busy || !live || undefined}
            onClick={() => setTransferring(!transferring)}
          >
            转窗口
          </Button>
        </View>
        {transferring && live && <Transfer desk={desk} busy={busy} onTransfer={transfer} onCancel={() => setTransferring(false)} />}
      </View>
      <Waiting desk={desk} />
      <Figures desk={desk} />
      <CheckInQr pointId={w.pointId} pointName={w.pointName} />
      <View className="hd-leave">
        <Button
          className="btn btn-plain"
          data-testid="desk-sign-out"
          disabled={busy || undefined}
          loading={doing === 'sign-out' || undefined}
          onClick={signOut}
        >
          离开窗口
        </Button>
      </View>
    </View>
  );
}
