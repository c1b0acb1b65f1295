import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_TEXT_MAX, STAFF_TEXT_MIN } from '@yx/shared';
import { useState } from 'react';
import { staffApi, type OpinionAnswer, type OpinionTask } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { ListView } from '../../../components/ListView';
import { formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { OpinionTag } from '../../../components/OpinionTag';
import { RoleGate } from '../../../components/RoleGate';
import { TextBox } from '../../../components/TextBox';
import { ErrorLine } from '../../../components/ErrorLine';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';
import './index.css';

const DECISIONS = [
  { value: 'agree' as const, label: '同意' },
  { value: 'disagree' as const, label: '不同意' },
];

/** Open tasks first, soonest reply date first. */
const byUrgency = (a: OpinionTask, b: OpinionTask) => Number(b.status === 'open') - Number(a.status === 'open') || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

/** Checks an answer before it is sent: the reason is required for 不同意. */
export function checkOpinion(
  decision: OpinionAnswer['decision'] | undefined,
  reason: string,
): { ok: true; body: OpinionAnswer } | { ok: false; errors: Record<string, string> } {
  if (!decision) return { ok: false, errors: { decision: '请选择同意或不同意' } };
  const r = reason.trim();
  if (decision === 'disagree' && r.length < STAFF_TEXT_MIN) return { ok: false, errors: { reason: `不同意时请写明理由（至少 ${STAFF_TEXT_MIN} 个字）` } };
  if (r.length > STAFF_TEXT_MAX) return { ok: false, errors: { reason: `不能超过 ${STAFF_TEXT_MAX} 个字` } };
  return { ok: true, body: { decision, ...(r ? { reason: r } : {}) } };
}

/** 并联审批: opinions other departments asked of mine; each open one can be answered once. */
export default function Opinions() {
  return (
    <Page className="so">
      <RoleGate roles={['staff']} what="并联审批意见">
        <OpinionsBody />
      </RoleGate>
    </Page>
  );
}

function OpinionsBody() {
  const list = usePagedList(() => staffApi.opinions(), [], { sort: byUrgency });
  const [openNo, setOpenNo] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const items = list.items;
  const waiting = items.filter((i) => i.status === 'open').length;

  const done = (msg?: string) => {
    setOpenNo(undefined);
    setNotice(msg);
    void list.refresh();
  };

  return (
    <View>
      <View className="muted so-intro">牵头部门征求本部门意见的办件。逾期未回复的，视为无意见。{list.last ? `待回复 ${waiting} 件。` : ''}</View>
      {notice && (
        <View className="notice" role="alert">
          {notice}
        </View>
      )}
      <ListView list={list} emptyText="暂无征求意见">
        {items.map((t) => (
          <View key={t.appNo} className="card" data-testid="opinion-task">
            <View
              onClick={() => t.status === 'open' && setOpenNo((n) => (n === t.appNo ? undefined : t.appNo))}
              role={t.status === 'open' ? 'button' : undefined}
              aria-expanded={t.status === 'open' ? openNo === t.appNo : undefined}
            >
              <View className="card-head">
                <View className="card-name">{t.itemName}</View>
                <OpinionTag status={t.status} />
              </View>
              <View className="muted">
                办件编号 {t.appNo} · 牵头部门 {t.fromDepartmentName}
              </View>
              <View className="card-foot">
                <View className="muted">答复期限 {formatDay(t.due)}</View>
                {t.status === 'open' && <TrafficLight small light={t.light} remainingDays={null} />}
              </View>
              {t.status === 'open' && openNo !== t.appNo && <View className="so-hint">填写意见 ›</View>}
            </View>
            {t.status === 'open' && openNo === t.appNo && <OpinionForm task={t} onDone={done} />}
          </View>
        ))}
      </ListView>
    </View>
  );
}

function OpinionForm({ task, onDone }: { task: OpinionTask; onDone: (notice?: string) => void }) {
  const [decision, setDecision] = useState<OpinionAnswer['decision']>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => {
      const err = asApiError(e);
      // already answered or deemed meanwhile: say so and show the current list
      if (err.status !== 409) return err.message;
      onDone(err.message);
    },
    (form) => setErrors({ form }),
  );

  const submit = async () => {
    const v = checkOpinion(decision, reason);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    await send(async () => {
      await staffApi.answerOpinion(task.appNo, v.body);
      Taro.showToast({ title: '意见已提交', icon: 'success' });
      onDone();
    });
  };

  return (
    <View className="card-panel" data-testid="opinion-form">
      <Chips
        label="意见"
        options={DECISIONS}
        value={decision}
        onChange={(v) => {
          setDecision(v);
          setErrors({});
        }}
      />
      <ErrorLine error={errors.decision} />
      <TextBox
        label={decision === 'disagree' ? '不同意的理由（必填）' : '意见说明（选填）'}
        value={reason}
        onInput={setReason}
        max={STAFF_TEXT_MAX}
        placeholder={decision === 'disagree' ? '写明理由和依据，牵头部门将据此处理' : '可补充说明'}
        error={errors.reason}
      />
      <SendButton className="btn card-btn" error={errors.form} busy={busy} onClick={submit}>
        提交意见
      </SendButton>
    </View>
  );
}
