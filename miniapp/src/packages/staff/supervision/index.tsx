import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_TEXT_MAX, STAFF_TEXT_MIN } from '@yx/shared';
import { useState } from 'react';
import { staffApi, type SupervisionItem, type SupervisionTask } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { ListView } from '../../../components/ListView';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { asApiError } from '../../../api/client';
import { RoleGate } from '../../../components/RoleGate';
import { TextBox } from '../../../components/TextBox';
import { confirmStep } from '../../../components/confirmStep';
import { SupervisionTags } from './tags';
import './index.css';
import { Button } from '../../../components/Button';

/**
 * 督办: for dispatchers and the admin, every red-light application (most overdue first) with its 督办 and the
 * department's reply, and what escalated because nobody replied; for a department's staff, the 督办 it received, to
 * reply to once.
 */
export default function Supervision() {
  return (
    <Page className="sv">
      <RoleGate roles={['staff', 'dispatcher', 'admin']} what="督办">
        {(user) => (user.role === 'staff' ? <DepartmentBody /> : <SupervisionBody />)}
      </RoleGate>
    </Page>
  );
}

function SupervisionBody() {
  const list = usePagedList(() => staffApi.supervision(), [], { sort: (a, b) => b.overdueDays - a.overdueDays });
  const [openNo, setOpenNo] = useState<string>();
  const [sent, setSent] = useState<Record<string, true>>({});
  const items = list.items;
  const escalated = list.last?.escalated ?? [];

  return (
    <View>
      <View className="muted sv-intro">
        超过办理时限的办件（红灯）。{list.last ? `共 ${items.length} 件。` : ''}督办将通知承办部门，并要求其在 3
        个工作日内回复；无人督办的超时办件由系统每日自动督办。
      </View>
      {escalated.length > 0 && (
        <View className="section sv-escalated" data-testid="escalated">
          <View className="section-title">逾期未回复，已升级区级（{escalated.length} 件）</View>
          {escalated.map((t) => (
            <View key={t.appNo} className="sv-esc-row">
              <View className="card-name">{t.itemName}</View>
              <View className="muted">
                {t.departmentName} · 应于 {formatDay(t.replyBy)} 前回复
              </View>
            </View>
          ))}
        </View>
      )}
      <ListView list={list} emptyText="暂无超时办件">
        {items.map((s) => (
          <View key={s.appNo} className="card" data-testid="supervision-item">
            <View className="tap" onClick={() => setOpenNo((n) => (n === s.appNo ? undefined : s.appNo))} role="button" aria-expanded={openNo === s.appNo}>
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
              {s.supervision && <SupervisionTags s={s.supervision} />}
              {s.supervision?.reply && (
                <View className="sv-record" data-testid="supervision-reply">
                  部门回复（{formatDateTime(s.supervision.reply.at)}）：{s.supervision.reply.note}
                </View>
              )}
              {openNo !== s.appNo && <View className="sv-hint">{s.supervision || sent[s.appNo] ? '再次督办 ›' : '督办 ›'}</View>}
            </View>
            {openNo === s.appNo && (
              <SuperviseForm
                item={s}
                onDone={() => {
                  setSent((x) => ({ ...x, [s.appNo]: true }));
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

/** Open ones first (soonest reply date first), then the answered. */
const byReplyDate = (a: SupervisionTask, b: SupervisionTask) =>
  Number(b.status === 'open') - Number(a.status === 'open') || (a.status === 'open' ? a.replyBy.localeCompare(b.replyBy) : b.at.localeCompare(a.at));

/** A department's 督办: what was asked, by when, and the reply box. */
function DepartmentBody() {
  const list = usePagedList(() => staffApi.departmentSupervision(), [], { sort: byReplyDate });
  const [openNo, setOpenNo] = useState<string>();
  const waiting = list.items.filter((t) => t.status === 'open').length;
  return (
    <View>
      <View className="muted sv-intro">上级督办的本部门办件，请在回复期限内说明办理情况。{list.last ? `待回复 ${waiting} 件。` : ''}</View>
      <ListView list={list} emptyText="暂无督办">
        {list.items.map((t) => (
          <View key={t.appNo} className="card" data-testid="dept-supervision">
            <View
              className={t.status === 'open' ? 'tap' : undefined}
              onClick={() => t.status === 'open' && setOpenNo((n) => (n === t.appNo ? undefined : t.appNo))}
              role={t.status === 'open' ? 'button' : undefined}
              aria-expanded={t.status === 'open' ? openNo === t.appNo : undefined}
            >
              <View className="card-head">
                <View className="card-name">{t.itemName}</View>
              </View>
              <View className="muted">办件编号 {t.appNo}</View>
              <SupervisionTags s={t} />
              <View className="sv-record" data-testid="supervision-note">
                <Text className="sv-who">{t.by}</Text>（{formatDateTime(t.at)}）：{t.note}
              </View>
              {t.reply && (
                <View className="sv-record" data-testid="supervision-reply">
                  {t.reply.late ? '逾期回复' : '回复'}（{formatDateTime(t.reply.at)}，{t.reply.by}）：{t.reply.note}
                </View>
              )}
              {t.status === 'open' && openNo !== t.appNo && <View className="sv-hint">回复督办 ›</View>}
            </View>
            {t.status === 'open' && openNo === t.appNo && (
              <ReplyForm
                task={t}
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

function ReplyForm({ task, onDone }: { task: SupervisionTask; onDone: () => void }) {
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const t = reply.trim();
    if (t.length < STAFF_TEXT_MIN) {
      setError(`请填写回复内容（至少 ${STAFF_TEXT_MIN} 个字）`);
      return;
    }
    setError(undefined);
    if (!(await confirmStep('回复督办', '回复发送后不能修改，将记入办理记录并告知督办人。确定发送吗？', '发送', '再想想'))) return;
    setBusy(true);
    try {
      await staffApi.replySupervision(task.appNo, t, task.round);
      Taro.showToast({ title: '回复已发送', icon: 'success' });
      onDone();
    } catch (e) {
      const err = asApiError(e);
      setError(err.message);
      // answered by a colleague meanwhile, or supervised again: the list shows what is there now
      if (err.status === 409) onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card-panel" data-testid="reply-form">
      <TextBox label="回复内容" value={reply} onInput={setReply} max={STAFF_TEXT_MAX} placeholder="办理进展、超时原因和办结时间" error={error} />
      <Button className="btn" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
        发送回复
      </Button>
    </View>
  );
}
