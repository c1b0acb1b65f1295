import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { RATING_NAMES, RECTIFICATION_CLOSE_MAX, STAFF_TEXT_MAX, STAFF_TEXT_MIN } from '@yx/shared';
import { useState } from 'react';
import { staffApi, type Rectification, type RectificationUpdate } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { confirmStep } from '../../../components/confirmStep';
import { ListView } from '../../../components/ListView';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { asApiError } from '../../../api/client';
import { RoleGate } from '../../../components/RoleGate';
import { TextBox } from '../../../components/TextBox';
import './index.css';
import { Button } from '../../../components/Button';

/** Open ones first, soonest due first. */
const byUrgency = (a: Rectification, b: Rectification) =>
  Number(b.status === 'open') - Number(a.status === 'open') || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

/** 差评整改: each poor rating of my department is called back (回访) and closed with what was changed. */
export default function Rectifications() {
  return (
    <Page className="sr">
      <RoleGate roles={['staff']} what="差评整改">
        <RectificationsBody />
      </RoleGate>
    </Page>
  );
}

function RectificationsBody() {
  const list = usePagedList(() => staffApi.rectifications(), [], { sort: byUrgency });
  const [openNo, setOpenNo] = useState<string>();
  const items = list.items;
  const waiting = items.filter((i) => i.status === 'open').length;

  return (
    <View>
      <View className="muted sr-intro">收到“不满意”“非常不满意”评价的办件，须在期限内回访申请人并完成整改。{list.last ? `待整改 ${waiting} 件。` : ''}</View>
      <ListView list={list} emptyText="暂无差评整改任务">
        {items.map((r) => (
          <View key={r.appNo} className="card" data-testid="rectification">
            <View
              onClick={() => r.status === 'open' && setOpenNo((n) => (n === r.appNo ? undefined : r.appNo))}
              role={r.status === 'open' ? 'button' : undefined}
            >
              <View className="card-head">
                <View className="card-name">{r.itemName}</View>
                <Text className={`tag ${r.status === 'open' ? 'tag-orange' : 'tag-green'}`} data-testid="rectification-status">
                  {r.status === 'open' ? '整改中' : '已办结'}
                </Text>
              </View>
              <View className="muted">办件编号 {r.appNo}</View>
              {r.status === 'open' && (r.overdue || r.escalatedAt) && (
                <View className="sr-flags" data-testid="rectification-overdue">
                  <Text className="tag tag-red">已逾期</Text>
                  {r.escalatedAt && <Text className="tag tag-red">已报区级督办</Text>}
                </View>
              )}
              <View className="sr-rating">
                <Text className="tag tag-red">{r.ratingName ?? RATING_NAMES[r.rating] ?? r.rating}</Text>
                {r.comment && <Text className="sr-comment">“{r.comment}”</Text>}
              </View>
              <View className="card-foot">
                <View className="muted">整改期限 {formatDay(r.due)}</View>
                {r.status === 'open' && <TrafficLight small light={r.light} remainingDays={null} />}
              </View>
              {r.callback && (
                <View className="sr-record" data-testid="callback">
                  回访（{formatDateTime(r.callback.at)}）：{r.callback.note}
                </View>
              )}
              {r.closingNote && (
                <View className="sr-record" data-testid="closing-note">
                  整改说明：{r.closingNote}
                </View>
              )}
              {r.status === 'open' && openNo !== r.appNo && <View className="sr-hint">{r.callback ? '办结整改 ›' : '记录回访 ›'}</View>}
            </View>
            {r.status === 'open' && openNo === r.appNo && (
              <RectificationForm
                r={r}
                onDone={() => {
                  setOpenNo(undefined);
                  void list.refresh();
                }}
              />
            )}
          </View>
        ))}
      </ListView>
    </View>
  );
}

function RectificationForm({ r, onDone }: { r: Rectification; onDone: () => void }) {
  const [callback, setCallback] = useState('');
  const [close, setClose] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'callback' | 'close'>();

  const send = async (what: 'callback' | 'close', text: string) => {
    const t = text.trim();
    if (t.length < STAFF_TEXT_MIN) {
      setErrors({ [what]: what === 'callback' ? `请填写回访情况（至少 ${STAFF_TEXT_MIN} 个字）` : `请填写整改说明（至少 ${STAFF_TEXT_MIN} 个字）` });
      return;
    }
    if (what === 'close') {
      if (!(await confirmStep('办结整改', '办结后不能再修改，整改说明将发给评价人。确定办结吗？', '确定', '再想想'))) return;
    }
    setErrors({});
    setBusy(what);
    try {
      const body: RectificationUpdate = what === 'callback' ? { callback: t } : { close: t };
      await staffApi.updateRectification(r.appNo, body);
      Taro.showToast({ title: what === 'callback' ? '回访已记录' : '整改已办结', icon: 'success' });
      onDone();
    } catch (e) {
      setErrors({ [what]: asApiError(e).message });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <View className="card-panel" data-testid="rectification-form">
      <TextBox
        label="回访记录"
        value={callback}
        onInput={setCallback}
        max={STAFF_TEXT_MAX}
        placeholder="回访时间、方式、申请人的意见"
        error={errors.callback}
      />
      <Button
        className="btn btn-plain"
        disabled={Boolean(busy) || undefined}
        loading={busy === 'callback' || undefined}
        onClick={() => send('callback', callback)}
      >
        保存回访
      </Button>
      <View className="sr-gap" />
      {!r.callback && <View className="muted">办结整改前须先记录回访情况（可与整改说明一并填写）。</View>}
      <TextBox label="整改说明" value={close} onInput={setClose} max={RECTIFICATION_CLOSE_MAX} placeholder="查明的问题和整改措施" error={errors.close} />
      <Button className="btn" disabled={Boolean(busy) || undefined} loading={busy === 'close' || undefined} onClick={() => send('close', close)}>
        办结整改
      </Button>
    </View>
  );
}
