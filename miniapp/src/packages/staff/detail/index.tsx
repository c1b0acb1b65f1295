import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { NOT_ACCEPT_REASONS, STAFF_ACTIONS, StaffActionBodies, type StaffAction } from '@yx/shared';
import { useState, type ReactNode } from 'react';
import type * as z from 'zod';
import { ApiError } from '../../../api/client';
import { staffApi, type StaffApplicationView, type StaffMaterial } from '../../../api/staff';
import { MaterialRow } from '../../../components/MaterialFiles';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDateTime, formatDay, Timeline } from '../../../components/Timeline';
import { StateTag, TrafficLight } from '../../../components/TrafficLight';
import { useActedDetail } from '../../../hooks/useActedDetail';
import { Chips } from '../../../components/Chips';
import { fieldErrors } from '../../../components/Field';
import { OpinionTag } from '../../../components/OpinionTag';
import { RoleGate } from '../../../components/RoleGate';
import { TextBox } from '../../../components/TextBox';
import './index.css';

type Errors = Record<string, string>;

/** Short enough for a WeChat success toast (7 characters). */
const TOASTS: Record<StaffAction, string> = {
  accept: '已受理', notAccept: '已不予受理', requestSupplement: '已发补正告知', startReview: '已开始审查', approve: '已准予许可', deny: '已不予许可', deliver: '已送达',
};

/** Actions done with one tap (after a confirmation where needed); the others open a form. */
const ONE_TAP: StaffAction[] = ['accept', 'startReview'];
const NEGATIVE: StaffAction[] = ['notAccept', 'requestSupplement', 'deny'];

export const DELIVERY_METHODS = [
  { value: 'pickup' as const, label: '窗口领取' },
  { value: 'post' as const, label: '邮寄' },
  { value: 'electronic' as const, label: '电子证照' },
];
type Method = (typeof DELIVERY_METHODS)[number]['value'];

/** The confirmation asked before an action, or none. */
function confirmation(action: StaffAction, body: Record<string, unknown>): { title: string; content: string } | undefined {
  switch (action) {
    case 'accept': return { title: '确认受理', content: '受理后开始计算承诺办结时限，并通知申请人。' };
    case 'notAccept': return { title: '确认不予受理', content: `不予受理后本件办理结束，申请人将收到通知。原因：${body.reason}` };
    case 'deny': return { title: '确认不予许可', content: '不予许可决定作出后不能撤销，申请人将收到理由。' };
    case 'deliver': {
      const m = DELIVERY_METHODS.find((x) => x.value === body.method)?.label ?? '';
      return { title: '确认送达', content: `送达方式：${m}${body.trackingNo ? `，邮件单号 ${body.trackingNo}` : ''}。送达后本件办结。` };
    }
    default: return undefined;
  }
}

/** 办件办理: one application of my department, its trail, and the actions the server allows now. */
export default function StaffDetail() {
  return (
    <Page className="sd">
      <RoleGate roles={['staff']} what="办件办理">
        <DetailLoader />
      </RoleGate>
    </Page>
  );
}

function DetailLoader() {
  const { params } = useRouter();
  const appNo = (params?.appNo ?? '').toUpperCase();
  // 409: the state changed or another officer acted first: say so and show the current application
  const { d, state, notice, reload, onDone, onError } = useActedDetail<StaffApplicationView>(
    () => (appNo ? staffApi.application(appNo) : Promise.reject(new ApiError(400, 'CLIENT', '缺少办件编号，请从工作台进入'))),
    [appNo],
  );

  return (
    <View>
      {notice && <View className="notice" role="alert" data-testid="conflict">{notice}</View>}
      <StateView loading={state.loading && !d} error={d ? undefined : state.error} onRetry={reload}>
        {d && <DetailBody d={d} onDone={onDone} onError={onError} />}
      </StateView>
    </View>
  );
}

interface ActionProps { d: StaffApplicationView; onDone: (d: StaffApplicationView, toast: string) => void; onError: (e: unknown) => string | undefined }

export function DetailBody({ d, onDone, onError }: ActionProps) {
  return (
    <View>
      <View className="sd-head">
        <View className="sd-name">{d.itemName}</View>
        <View className="sd-sub">{d.departmentName}</View>
        <View className="sd-sub">办件编号 {d.appNo}</View>
        <View className="sd-state"><StateTag state={d.state} name={d.stateName} /></View>
      </View>

      <View className="sd-clock">
        <TrafficLight light={d.light} remainingDays={d.remainingDays} state={d.state} />
        <View className="sd-facts">
          <View className="sd-fact"><Text className="muted">办结期限</Text><Text>{formatDay(d.deadline)}</Text></View>
          <View className="sd-fact"><Text className="muted">承诺 / 法定时限</Text><Text>{d.promisedDays} / {d.statutoryDays} 个工作日</Text></View>
          <View className="sd-fact"><Text className="muted">申请人</Text><Text data-testid="applicant">{d.applicant}</Text></View>
          <View className="sd-fact"><Text className="muted">提交时间</Text><Text>{formatDateTime(d.submittedAt)}</Text></View>
        </View>
      </View>

      {/* keyed by version: a fresh application resets every open form */}
      <ActionPanel key={`${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />

      {d.supplementNotice && d.supplementNotice.items.length > 0 && (
        <View className="section" data-testid="supplement-notice">
          <View className="section-title">一次性告知清单</View>
          {d.supplementNotice.dueDate && <View className="muted">补正期限：{formatDay(d.supplementNotice.dueDate)}</View>}
          {d.supplementNotice.items.map((i, n) => (
            <View key={`${i.material}-${n}`} className="sd-row">
              <View><View className="sd-row-name">{n + 1}. {i.material}</View><View className="muted">{i.reason}</View></View>
            </View>
          ))}
        </View>
      )}

      <View className="section">
        <View className="section-title">申请材料</View>
        {!d.materials.length && <View className="muted">无申请材料</View>}
        {d.materials.map((m) => (
          <MaterialRow key={m.name} cls="sd" name={m.name} source={m.source} files={m.fileUrls} count={m.files} />
        ))}
      </View>

      {d.deferred.length > 0 && (
        <View className="section">
          <View className="section-title">容缺材料</View>
          {d.deferred.map((m) => (
            <View key={m.name} className="sd-row" data-testid="deferred">
              <View><View className="sd-row-name">{m.name}</View><View className="muted">承诺 {formatDay(m.dueDate)} 前补交</View></View>
              <Text className={`tag ${m.handedIn ? 'tag-green' : 'tag-orange'}`}>{m.handedIn ? '已补交' : '待补交'}</Text>
            </View>
          ))}
        </View>
      )}

      {d.opinions && d.opinions.length > 0 && (
        <View className="section">
          <View className="section-title">并联审批意见</View>
          {d.opinions.map((o) => (
            <View key={o.departmentId} className="sd-row" data-testid="opinion">
              <View>
                <View className="sd-row-name">{o.departmentName}</View>
                {o.reason && <View className="muted">理由：{o.reason}</View>}
                {o.status === 'open' && <View className="muted">答复期限 {formatDay(o.due)}</View>}
              </View>
              <OpinionTag status={o.status} />
            </View>
          ))}
        </View>
      )}

      <View className="section">
        <View className="section-title">办理记录</View>
        <Timeline entries={d.timeline} />
      </View>
    </View>
  );
}

// ---- actions ---------------------------------------------------------------------------------

/** Send one action: check it with the shared schema, confirm where needed, post with the version shown. */
type Send = (action: StaffAction, fields: Record<string, unknown>) => Promise<Errors | undefined>;

function ActionPanel({ d, onDone, onError }: ActionProps) {
  const [open, setOpen] = useState<StaffAction>();
  const [busy, setBusy] = useState<StaffAction>();
  const [error, setError] = useState<string>();

  const send: Send = async (action, fields) => {
    const schema = StaffActionBodies[action] as unknown as z.ZodType<Record<string, unknown>>;
    const r = schema.safeParse({ version: d.version, ...fields });
    if (!r.success) return fieldErrors(r.error);
    const ask = confirmation(action, r.data);
    if (ask) {
      const c = await Taro.showModal({ ...ask, confirmText: '确定', cancelText: '再想想', confirmColor: '#c8161d' });
      if (!c.confirm) return undefined;
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
        <View className="muted">{d.state === 'supplement' ? '等待申请人补正材料，补正后可继续办理（补正期间暂停计时）' : '当前状态没有需要您办理的操作'}</View>
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
            key={a} className={`btn ${NEGATIVE.includes(a) ? 'btn-plain' : ''} sd-action ${open === a ? 'on' : ''}`} data-testid={`action-${a}`}
            disabled={Boolean(busy) || undefined} loading={busy === a || undefined} onClick={() => tap(a)}
          >
            {STAFF_ACTIONS[a].name}
          </Button>
        ))}
      </View>
      {error && <View className="error-text" role="alert">{error}</View>}
      {open === 'notAccept' && <NotAcceptForm {...formProps} />}
      {open === 'requestSupplement' && <SupplementEditor {...formProps} />}
      {open === 'approve' && <ApproveForm {...formProps} />}
      {open === 'deny' && <DenyForm {...formProps} />}
      {open === 'deliver' && <DeliverForm {...formProps} />}
    </View>
  );
}

interface FormProps { d: StaffApplicationView; send: Send; busy: boolean }

function FormBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="sd-form" data-testid="action-form">
      <View className="sd-form-title">{title}</View>
      {children}
    </View>
  );
}

function SubmitButton({ busy, onClick, text }: { busy: boolean; onClick: () => void; text: string }) {
  return <Button className="btn sd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={onClick}>{text}</Button>;
}

function NotAcceptForm({ send, busy }: FormProps) {
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
      <Chips label="不予受理原因" options={NOT_ACCEPT_REASONS.map((r) => ({ value: r, label: r }))} value={reason} onChange={(v) => { setReason(v); setErrors((x) => ({ ...x, reason: '' })); }} />
      {errors.reason && <View className="error-text" role="alert">{errors.reason}</View>}
      <TextBox label="具体说明" value={detail} onInput={setDetail} max={300} placeholder="写明理由和依据，将告知申请人" error={errors.detail} />
      <SubmitButton busy={busy} onClick={submit} text="不予受理" />
    </FormBox>
  );
}

interface SupplementRow { material: string; reason: string }

/** 一次性告知: every missing or faulty material with its reason, in one list, at least one row. */
export function SupplementEditor({ d, send, busy }: FormProps) {
  const [rows, setRows] = useState<SupplementRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const listed = new Set(rows.map((r) => r.material.trim()));
  const set = (i: number, patch: Partial<SupplementRow>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const add = (material = '') => { setRows((rs) => [...rs, { material, reason: '' }]); setErrors({}); };
  const remove = (i: number) => { setRows((rs) => rs.filter((_, n) => n !== i)); setErrors({}); };

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
                key={m.name} className={`chip ${listed.has(m.name) ? 'on' : ''}`} role="button" aria-label={`添加${m.name}`}
                onClick={() => { if (!listed.has(m.name)) add(m.name); }}
              >
                {listed.has(m.name) ? '✓ ' : '+ '}{m.name}
              </View>
            ))}
          </View>
        </View>
      )}
      {rows.map((r, i) => (
        <View key={i} className="sd-supp-row" data-testid="supplement-row">
          <View className="sd-supp-head">
            <Text className="sd-row-name">第 {i + 1} 项</Text>
            <View className="sd-remove" role="button" onClick={() => remove(i)} aria-label={`删除第 ${i + 1} 项`}>删除</View>
          </View>
          <Input
            className={`input ${errors[`items.${i}.material`] ? 'input-error' : ''}`} value={r.material} maxlength={60} placeholder="材料名称"
            onInput={(e) => set(i, { material: e.detail.value })} aria-label={`第 ${i + 1} 项材料`}
          />
          {errors[`items.${i}.material`] && <View className="error-text" role="alert">材料名称{errors[`items.${i}.material`]}</View>}
          <Input
            className={`input sd-supp-reason ${errors[`items.${i}.reason`] ? 'input-error' : ''}`} value={r.reason} maxlength={120} placeholder="需补正的原因，如：缺少负责人签字"
            onInput={(e) => set(i, { reason: e.detail.value })} aria-label={`第 ${i + 1} 项原因`}
          />
          {errors[`items.${i}.reason`] && <View className="error-text" role="alert">原因{errors[`items.${i}.reason`]}</View>}
        </View>
      ))}
      <Button className="btn btn-plain sd-add" onClick={() => add()} disabled={rows.length >= 20 || undefined}>+ 添加一项</Button>
      {errors.items && <View className="error-text" role="alert">{errors.items}</View>}
      <SubmitButton busy={busy} onClick={submit} text="发送一次性告知" />
    </FormBox>
  );
}

function ApproveForm({ d, send, busy }: FormProps) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => setErrors((await send('approve', note.trim() ? { note } : {})) ?? {});
  const waiting = (d.opinions ?? []).filter((o) => o.status === 'open');
  return (
    <FormBox title="准予许可">
      {waiting.length > 0 && (
        <View className="sd-warn" role="note">尚有 {waiting.length} 个部门未回复并联审批意见（{waiting.map((o) => o.departmentName).join('、')}），请确认后再作决定。</View>
      )}
      <TextBox label="审查意见（选填）" value={note} onInput={setNote} max={300} placeholder="如：材料齐全，符合法定条件" error={errors.note} />
      <SubmitButton busy={busy} onClick={submit} text="确认准予许可" />
    </FormBox>
  );
}

function DenyForm({ send, busy }: FormProps) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    const e = await send('deny', { reason });
    setErrors(e ? { ...e, ...(reason.trim() ? {} : { reason: '请填写不予许可的理由' }) } : {});
  };
  return (
    <FormBox title="不予许可">
      <TextBox label="不予许可理由（必填）" value={reason} onInput={setReason} max={300} placeholder="写明事实、理由和法律依据，将告知申请人" error={errors.reason} />
      <SubmitButton busy={busy} onClick={submit} text="不予许可" />
    </FormBox>
  );
}

function DeliverForm({ send, busy }: FormProps) {
  const [method, setMethod] = useState<Method>();
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    if (!method) { setErrors({ method: '请选择送达方式' }); return; }
    setErrors((await send('deliver', { method, ...(method === 'post' && trackingNo.trim() ? { trackingNo } : {}) })) ?? {});
  };
  return (
    <FormBox title="送达">
      <View className="field-label">送达方式</View>
      <Chips label="送达方式" options={DELIVERY_METHODS} value={method} onChange={(v) => { setMethod(v); setErrors({}); }} />
      {errors.method && <View className="error-text" role="alert">{errors.method}</View>}
      {method === 'post' && (
        <View className="field">
          <View className="field-label">邮件单号</View>
          <Input
            className={`input ${errors.trackingNo ? 'input-error' : ''}`} value={trackingNo} maxlength={20} placeholder="8–20 位字母或数字"
            onInput={(e) => setTrackingNo(e.detail.value.replace(/\s/g, '').toUpperCase())} aria-label="邮件单号"
          />
          {errors.trackingNo && <View className="error-text" role="alert">{errors.trackingNo}</View>}
        </View>
      )}
      {method === 'pickup' && <View className="muted">送达后系统生成取件码发给申请人，凭码到窗口领取。</View>}
      {method === 'electronic' && <View className="muted">电子证照将发放到申请人的证照夹。</View>}
      <SubmitButton busy={busy} onClick={submit} text="确认送达" />
    </FormBox>
  );
}
