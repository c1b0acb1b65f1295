import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_TEXT_MAX, STAFF_TEXT_MIN } from '@yx/shared';
import { useState } from 'react';
import { staffApi, type SupervisionItem } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { ListView } from '../../../components/ListView';
import { formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { asApiError } from '../../../api/client';
import { RoleGate } from '../../../components/RoleGate';
import { TextBox } from '../../../components/TextBox';
import './index.css';
import { Button } from '../../../components/Button';

/** 督办: every red-light application in the district, most overdue first; a note goes to the department. */
export default function Supervision() {
  return (
    <Page className="sv">
      <RoleGate roles={['dispatcher', 'admin']} what="督办">
        <SupervisionBody />
      </RoleGate>
    </Page>
  );
}

function SupervisionBody() {
  const list = usePagedList(() => staffApi.supervision(), [], { sort: (a, b) => b.overdueDays - a.overdueDays });
  const [openNo, setOpenNo] = useState<string>();
  const [sent, setSent] = useState<Record<string, true>>({});
  const items = list.items;

  return (
    <View>
      <View className="muted sv-intro">超过办理时限的办件（红灯）。{list.last ? `共 ${items.length} 件。` : ''}督办意见将发给承办部门并记入办理记录。</View>
      <ListView list={list} emptyText="暂无超时办件">
        {items.map((s) => (
          <View key={s.appNo} className="card" data-testid="supervision-item">
            <View onClick={() => setOpenNo((n) => (n === s.appNo ? undefined : s.appNo))} role="button" aria-expanded={openNo === s.appNo}>
              <View className="card-head">
                <View className="card-name">{s.itemName}</View>
                {sent[s.appNo] && <View className="tag tag-blue">已督办</View>}
              </View>
              <View className="muted">
                {s.departmentName} · {s.appNo}
              </View>
              <View className="card-foot">
                <View className="muted">办结期限 {formatDay(s.deadline)}</View>
                <TrafficLight small light="red" remainingDays={-Math.abs(s.overdueDays)} />
              </View>
              {openNo !== s.appNo && <View className="sv-hint">督办 ›</View>}
            </View>
            {openNo === s.appNo && (
              <SuperviseForm
                item={s}
                onDone={() => {
                  setSent((x) => ({ ...x, [s.appNo]: true }));
                  setOpenNo(undefined);
                }}
              />
            )}
          </View>
        ))}
      </ListView>
    </View>
  );
}

function SuperviseForm({ item, onDone }: { item: SupervisionItem; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const t = note.trim();
    if (t.length < STAFF_TEXT_MIN) {
      setError(`请填写督办意见（至少 ${STAFF_TEXT_MIN} 个字）`);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await staffApi.supervise(item.appNo, t);
      Taro.showToast({ title: '督办已发送', icon: 'success' });
      onDone();
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card-panel" data-testid="supervise-form">
      <TextBox label="督办意见" value={note} onInput={setNote} max={STAFF_TEXT_MAX} placeholder="如：请于 2 个工作日内办结并说明超时原因" error={error} />
      <Button className="btn" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
        发送督办
      </Button>
    </View>
  );
}
