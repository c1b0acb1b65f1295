import { Input, Text, View } from '@tarojs/components';
import {
  NOT_ACCEPT_REASONS,
  STAFF_TEXT_MAX,
  SUPPLEMENT_ITEMS_MAX,
  SUPPLEMENT_MATERIAL_MAX,
  SUPPLEMENT_REASON_MAX,
  TRACKING_NO_MAX,
  type StaffAction,
} from '@yx/shared';
import { useState, type ReactNode } from 'react';
import type { StaffActionBody, StaffApplicationView } from '../../../api/staff';
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

/** One row of 一次性告知, as the action's body carries it. */
type SupplementRow = StaffActionBody<'requestSupplement'>['items'][number];

/** 一次性告知: every missing or faulty material with its reason, in one list, at least one row. */
export function SupplementEditor({ d, send, busy }: FormProps) {
  const [rows, setRows] = useState<SupplementRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const listed = new Set(rows.map((r) => r.material.trim()));
  const set = (i: number, patch: Partial<SupplementRow>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const add = (material = '') => {
    setRows((rs) => [...rs, { material, reason: '' }]);
    setErrors({});
  };
  const remove = (i: number) => {
    setRows((rs) => rs.filter((_, n) => n !== i));
    setErrors({});
  };

  const submit = async () => {
    // rows left completely blank are dropped rather than reported
    const items = rows.map((r) => ({ material: r.material, reason: r.reason })).filter((r) => r.material.trim() || r.reason.trim());
    const e = await send('requestSupplement', { items });
    setErrors(e ?? {});
  };

  return (
    <FormBox title="一次性告知补正">
      <View className="muted">列出需要补正的全部材料和原因，申请人将一次收到完整清单；补正期间暂停计时。</View>
      {d.materials.length > 0 && (
        <View className="sd-picks">
          <View className="field-label">从申请材料中选择</View>
          <View className="chips" role="group" aria-label="申请材料">
            {d.materials.map((m) => (
              <View
                key={m.name}
                className={`chip ${listed.has(m.name) ? 'on' : ''}`}
                role="button"
                aria-label={`添加${m.name}`}
                onClick={() => {
                  if (!listed.has(m.name)) add(m.name);
                }}
              >
                {listed.has(m.name) ? '✓ ' : '+ '}
                {m.name}
              </View>
            ))}
          </View>
        </View>
      )}
      {rows.map((r, i) => (
        <View key={i} className="sd-supp-row" data-testid="supplement-row">
          <View className="sd-supp-head">
            <Text className="sd-row-name">第 {i + 1} 项</Text>
            <View className="sd-remove" role="button" onClick={() => remove(i)} aria-label={`删除第 ${i + 1} 项`}>
              删除
            </View>
          </View>
          <Input
            className={`input ${errors[`items.${i}.material`] ? 'input-error' : ''}`}
            value={r.material}
            maxlength={SUPPLEMENT_MATERIAL_MAX}
            placeholder="材料名称"
            onInput={(e) => set(i, { material: e.detail.value })}
            aria-label={`第 ${i + 1} 项材料`}
            nativeProps={{ 'aria-label': `第 ${i + 1} 项材料` }}
          />
          <ErrorLine error={errors[`items.${i}.material`] && `材料名称${errors[`items.${i}.material`]}`} />
          <Input
            className={`input sd-supp-reason ${errors[`items.${i}.reason`] ? 'input-error' : ''}`}
            value={r.reason}
            maxlength={SUPPLEMENT_REASON_MAX}
            placeholder="需补正的原因，如：缺少负责人签字"
            onInput={(e) => set(i, { reason: e.detail.value })}
            aria-label={`第 ${i + 1} 项原因`}
            nativeProps={{ 'aria-label': `第 ${i + 1} 项原因` }}
          />
          <ErrorLine error={errors[`items.${i}.reason`] && `原因${errors[`items.${i}.reason`]}`} />
        </View>
      ))}
      <Button className="btn btn-plain sd-add" onClick={() => add()} disabled={rows.length >= SUPPLEMENT_ITEMS_MAX || undefined}>
        + 添加一项
      </Button>
      <ErrorLine error={errors.items} />
      <SubmitButton busy={busy} onClick={submit} text="发送一次性告知" />
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
