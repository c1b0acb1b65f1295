import { Input, View } from '@tarojs/components';
import { NOT_ACCEPT_REASONS, STAFF_TEXT_MAX, TRACKING_NO_MAX, type StaffAction } from '@yx/shared';
import { useState, type ReactNode } from 'react';
import type { StaffApplicationView } from '../../../api/staff';
import { Chips } from '../../../components/Chips';
import { TextBox } from '../../../components/TextBox';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/** The forms behind the actions that need more than a tap: each hands its fields to `send`, which checks them with the shared schema. */

export type Errors = Record<string, string>;

/** Send one action: check it with the shared schema, confirm where needed, post with the version shown. */
export type Send = (action: StaffAction, fields: Record<string, unknown>) => Promise<Errors | undefined>;

export const DELIVERY_METHODS = [
  { value: 'pickup' as const, label: '窗口领取' },
  { value: 'post' as const, label: '邮寄' },
  { value: 'electronic' as const, label: '电子证照' },
];
type Method = (typeof DELIVERY_METHODS)[number]['value'];

export interface FormProps {
  d: StaffApplicationView;
  send: Send;
  busy: boolean;
}

export function FormBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="sd-form" data-testid="action-form">
      <View className="sd-form-title">{title}</View>
      {children}
    </View>
  );
}

export function SubmitButton({ busy, onClick, text }: { busy: boolean; onClick: () => void; text: string }) {
  return (
    <Button className="btn sd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={onClick}>
      {text}
    </Button>
  );
}

export function NotAcceptForm({ send, busy }: FormProps) {
  const [reason, setReason] = useState<(typeof NOT_ACCEPT_REASONS)[number]>();
  const [detail, setDetail] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    const e = await send('notAccept', { reason, detail });
    setErrors(e ? { ...e, ...(reason ? {} : { reason: '请选择不予受理的原因' }), ...(detail.trim() ? {} : { detail: '请写明不予受理的具体理由' }) } : {});
  };
  return (
    <FormBox title="不予受理">
      <View className="field-label">原因</View>
      <Chips
        label="不予受理原因"
        options={NOT_ACCEPT_REASONS.map((r) => ({ value: r, label: r }))}
        value={reason}
        onChange={(v) => {
          setReason(v);
          setErrors((x) => ({ ...x, reason: '' }));
        }}
      />
      <ErrorLine error={errors.reason} />
      <TextBox label="具体说明" value={detail} onInput={setDetail} max={STAFF_TEXT_MAX} placeholder="写明理由和依据，将告知申请人" error={errors.detail} />
      <SubmitButton busy={busy} onClick={submit} text="不予受理" />
    </FormBox>
  );
}

export function ApproveForm({ d, send, busy }: FormProps) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => setErrors((await send('approve', note.trim() ? { note } : {})) ?? {});
  const waiting = (d.opinions ?? []).filter((o) => o.status === 'open');
  return (
    <FormBox title="准予许可">
      {waiting.length > 0 && (
        <View className="sd-warn" role="note">
          尚有 {waiting.length} 个部门未回复并联审批意见（{waiting.map((o) => o.departmentName).join('、')}），请确认后再作决定。
        </View>
      )}
      <TextBox label="审查意见（选填）" value={note} onInput={setNote} max={STAFF_TEXT_MAX} placeholder="如：材料齐全，符合法定条件" error={errors.note} />
      <SubmitButton busy={busy} onClick={submit} text="确认准予许可" />
    </FormBox>
  );
}

export function DenyForm({ send, busy }: FormProps) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    const e = await send('deny', { reason });
    setErrors(e ? { ...e, ...(reason.trim() ? {} : { reason: '请填写不予许可的理由' }) } : {});
  };
  return (
    <FormBox title="不予许可">
      <TextBox
        label="不予许可理由（必填）"
        value={reason}
        onInput={setReason}
        max={STAFF_TEXT_MAX}
        placeholder="写明事实、理由和法律依据，将告知申请人"
        error={errors.reason}
      />
      <SubmitButton busy={busy} onClick={submit} text="不予许可" />
    </FormBox>
  );
}

export function DeliverForm({ d, send, busy }: FormProps) {
  // the way the applicant chose is the way it goes: pre-selected and fixed (the server says 409 to another)
  const chosen = d.delivery?.chosen ? d.delivery.method : undefined;
  const [method, setMethod] = useState<Method | undefined>(chosen);
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    if (!method) {
      setErrors({ method: '请选择送达方式' });
      return;
    }
    setErrors((await send('deliver', { method, ...(method === 'post' && trackingNo.trim() ? { trackingNo } : {}) })) ?? {});
  };
  return (
    <FormBox title="送达">
      <View className="field-label">送达方式</View>
      {chosen ? (
        <View className="sd-chosen" data-testid="chosen-delivery">
          申请人选择：{DELIVERY_METHODS.find((m) => m.value === chosen)?.label}
          {d.delivery?.postTo && (
            <View className="muted">
              收件人 {d.delivery.postTo.recipient}，{d.delivery.postTo.phone}，{d.delivery.postTo.address}
            </View>
          )}
        </View>
      ) : (
        <Chips
          label="送达方式"
          options={DELIVERY_METHODS}
          value={method}
          onChange={(v) => {
            setMethod(v);
            setErrors({});
          }}
        />
      )}
      <ErrorLine error={errors.method} />
      {method === 'post' && (
        <View className="field">
          <View className="field-label">邮件单号</View>
          <Input
            className={`input ${errors.trackingNo ? 'input-error' : ''}`}
            value={trackingNo}
            maxlength={TRACKING_NO_MAX}
            placeholder={`8–${TRACKING_NO_MAX} 位字母或数字`}
            onInput={(e) => setTrackingNo(e.detail.value.replace(/\s/g, '').toUpperCase())}
            aria-label="邮件单号"
            nativeProps={{ 'aria-label': '邮件单号' }}
          />
          <ErrorLine error={errors.trackingNo} />
        </View>
      )}
      {method === 'pickup' && <View className="muted">送达后系统生成取件码发给申请人，凭码到窗口领取。</View>}
      {method === 'electronic' && <View className="muted">电子证照将发放到申请人的证照夹。</View>}
      <SubmitButton busy={busy} onClick={submit} text="确认送达" />
    </FormBox>
  );
}
