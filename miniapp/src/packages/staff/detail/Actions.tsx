import { View } from '@tarojs/components';
import { addWorkingDays, REPLY_KINDS, STAFF_ACTIONS, StaffActionBodies, type ReplyKind, type StaffAction } from '@yx/shared';
import { useState } from 'react';
import type * as z from 'zod';
import { staffApi } from '../../../api/staff';
import { Button } from '../../../components/Button';
import { confirmStep } from '../../../components/confirmStep';
import { ErrorLine } from '../../../components/ErrorLine';
import { fieldErrors } from '../../../components/Field';
import { EndExcludedForm, StartExcludedForm } from './ExcludedForms';
import { ApproveForm, DELIVERY_METHODS, DeliverForm, DenyForm, NotAcceptForm, type Send } from './forms';
import { SupplementEditor } from './SupplementEditor';
import { ExtendForm } from './disclosure/ExtendForm';
import { ReplyForm } from './disclosure/ReplyForm';
import { DISCLOSURE_ACTION_NAMES } from './disclosure/words';
import { formatDay } from '../../../components/Timeline';
import type { StaffApplicationView } from '../../../api/staff';
import type { ActionProps } from './index';

/** Short enough for a WeChat success toast (7 characters). */
const TOASTS: Record<StaffAction, string> = {
  accept: '已受理',
  notAccept: '已不予受理',
  requestSupplement: '已发补正告知',
  startReview: '已开始审查',
  approve: '已准予许可',
  deny: '已不予许可',
  deliver: '已送达',
  startExcluded: '已暂停计时',
  endExcluded: '已恢复计时',
  extend: '已延长期限',
  reply: '已答复',
};

/** Actions done with one tap (after a confirmation where needed); the others open a form. */
const ONE_TAP: StaffAction[] = ['accept', 'startReview'];
// drawn plain: the refusals, a special procedure and an extension (a pause, not a step forward)
const NEGATIVE: StaffAction[] = ['notAccept', 'requestSupplement', 'deny', 'startExcluded', 'extend'];

/** The confirmation asked before an action, or none. */
function confirmation(action: StaffAction, body: Record<string, unknown>, d: StaffApplicationView): { title: string; content: string } | undefined {
  switch (action) {
    case 'accept':
      if (d.disclosure) return { title: '确认登记', content: `答复期限仍自收到申请之日起计算，至 ${formatDay(d.disclosure.deadline)}。申请人将收到通知。` };
      return { title: '确认受理', content: '受理后开始计算承诺办结时限，并通知申请人。' };
    case 'extend': {
      const days = Number(body.days);
      const to = d.disclosure
        ? `由 ${formatDay(d.disclosure.deadline)} 延至 ${formatDay(addWorkingDays(d.disclosure.deadline, days))}（按工作日计算）`
        : `延长 ${days} 个工作日`;
      return {
        title: '确认延长答复期限',
        content: `依据条例${body.basis === 'art35' ? '第三十五条' : '第三十三条'}，经${body.approvedBy}批准，答复期限${to}。新的答复期限将告知申请人；延长只能一次。`,
      };
    }
    case 'reply': {
      const kind = REPLY_KINDS[body.kind as ReplyKind];
      return {
        title: '确认发出答复',
        content: `答复类型：${kind.name}（条例${kind.article}）。答复书将加盖电子印章送达申请人，发出后不能更改。`,
      };
    }
    case 'notAccept':
      return { title: '确认不予受理', content: `不予受理后本件办理结束，申请人将收到通知。原因：${body.reason}` };
    case 'deny':
      return { title: '确认不予许可', content: '不予许可决定作出后不能撤销，申请人将收到理由。' };
    case 'deliver': {
      const m = DELIVERY_METHODS.find((x) => x.value === body.method)?.label ?? '';
      return { title: '确认送达', content: `送达方式：${m}${body.trackingNo ? `，邮件单号 ${body.trackingNo}` : ''}。送达后本件办结。` };
    }
    default:
      return undefined;
  }
}

/** Why there is nothing to do now. */
function idleText(d: StaffApplicationView): string {
  if (d.state !== 'supplement') return '当前状态没有需要您办理的操作';
  if (d.disclosure) return '等待申请人补正申请内容，补正后答复期限重新计算';
  return '等待申请人补正材料，补正后可继续办理（补正期间暂停计时）';
}

// ---- actions ---------------------------------------------------------------------------------

export function ActionPanel({ d, onDone, onError }: ActionProps) {
  const [open, setOpen] = useState<StaffAction>();
  const [busy, setBusy] = useState<StaffAction>();
  const [error, setError] = useState<string>();

  const send: Send = async (action, fields) => {
    const schema = StaffActionBodies[action] as unknown as z.ZodType<Record<string, unknown>>;
    const r = schema.safeParse({ version: d.version, ...fields });
    if (!r.success) return fieldErrors(r.error);
    const ask = confirmation(action, r.data, d);
    if (ask) {
      if (!(await confirmStep(ask.title, ask.content, '确定', '再想想'))) return undefined;
    }
    setBusy(action);
    setError(undefined);
    try {
      onDone(await staffApi.act(d.appNo, action, r.data as never), TOASTS[action]);
    } catch (e) {
      const m = onError(e);
      if (m) setError(m);
    } finally {
      setBusy(undefined);
    }
    return undefined;
  };

  if (!d.actions.length) {
    return (
      <View className="section" data-testid="actions">
        <View className="section-title">办理</View>
        <View className="muted">{idleText(d)}</View>
      </View>
    );
  }

  const tap = (a: StaffAction) => {
    setError(undefined);
    if (ONE_TAP.includes(a)) void send(a, {});
    else setOpen((o) => (o === a ? undefined : a));
  };
  const formProps = { d, send, busy: Boolean(busy) };

  return (
    <View className="section" data-testid="actions">
      <View className="section-title">办理</View>
      <View className="sd-actions">
        {d.actions.map((a) => (
          <Button
            key={a}
            className={`btn ${NEGATIVE.includes(a) ? 'btn-plain' : ''} sd-action ${open === a ? 'on' : ''}`}
            data-testid={`action-${a}`}
            disabled={Boolean(busy) || undefined}
            loading={busy === a || undefined}
            onClick={() => tap(a)}
          >
            {(d.disclosure && DISCLOSURE_ACTION_NAMES[a]) || STAFF_ACTIONS[a].name}
          </Button>
        ))}
      </View>
      <ErrorLine error={error} />
      {open === 'notAccept' && <NotAcceptForm {...formProps} />}
      {open === 'requestSupplement' && <SupplementEditor {...formProps} />}
      {open === 'approve' && <ApproveForm {...formProps} />}
      {open === 'deny' && <DenyForm {...formProps} />}
      {open === 'deliver' && <DeliverForm {...formProps} />}
      {open === 'startExcluded' && <StartExcludedForm {...formProps} />}
      {open === 'endExcluded' && <EndExcludedForm {...formProps} />}
      {open === 'extend' && <ExtendForm {...formProps} />}
      {open === 'reply' && <ReplyForm {...formProps} />}
    </View>
  );
}
