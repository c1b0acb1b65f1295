import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { STAFF_ACTIONS, StaffActionBodies, type StaffAction } from '@yx/shared';
import { useState } from 'react';
import type * as z from 'zod';
import { ApiError } from '../../../api/client';
import { staffApi, type StaffApplicationView } from '../../../api/staff';
import { MaterialRow } from '../../../components/MaterialFiles';
import { Page } from '../../../components/Page';
import { confirmStep } from '../../../components/confirmStep';
import { DetailHead, DetailShell } from '../../../components/DetailShell';
import { formatDateTime, formatDay, Timeline } from '../../../components/Timeline';
import { StateTag, TrafficLight } from '../../../components/TrafficLight';
import { useActedDetail, type ActProps } from '../../../hooks/useActedDetail';
import { StaffDocuments } from './Documents';
import { ApproveForm, DELIVERY_METHODS, DeliverForm, DenyForm, NotAcceptForm, SupplementEditor, type Send } from './forms';
import { fieldErrors } from '../../../components/Field';
import { OpinionTag } from '../../../components/OpinionTag';
import { RoleGate } from '../../../components/RoleGate';
import { ErrorLine } from '../../../components/ErrorLine';
import './index.css';
import { Button } from '../../../components/Button';

/** Short enough for a WeChat success toast (7 characters). */
const TOASTS: Record<StaffAction, string> = {
  accept: '已受理',
  notAccept: '已不予受理',
  requestSupplement: '已发补正告知',
  startReview: '已开始审查',
  approve: '已准予许可',
  deny: '已不予许可',
  deliver: '已送达',
};

/** Actions done with one tap (after a confirmation where needed); the others open a form. */
const ONE_TAP: StaffAction[] = ['accept', 'startReview'];
const NEGATIVE: StaffAction[] = ['notAccept', 'requestSupplement', 'deny'];

/** The confirmation asked before an action, or none. */
function confirmation(action: StaffAction, body: Record<string, unknown>): { title: string; content: string } | undefined {
  switch (action) {
    case 'accept':
      return { title: '确认受理', content: '受理后开始计算承诺办结时限，并通知申请人。' };
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
  const detail = useActedDetail<StaffApplicationView>(
    () => (appNo ? staffApi.application(appNo) : Promise.reject(new ApiError(400, 'CLIENT', '缺少办件编号，请从工作台进入'))),
    [appNo],
  );
  return <DetailShell detail={detail}>{(d) => <DetailBody d={d} onDone={detail.onDone} onError={detail.onError} />}</DetailShell>;
}

type ActionProps = ActProps<StaffApplicationView>;

export function DetailBody({ d, onDone, onError }: ActionProps) {
  return (
    <View>
      <DetailHead title={d.itemName} lines={[d.departmentName, `办件编号 ${d.appNo}`]}>
        <StateTag state={d.state} name={d.stateName} />
      </DetailHead>

      <View className="sd-clock">
        <TrafficLight light={d.light} remainingDays={d.remainingDays} state={d.state} />
        <View className="sd-facts">
          <View className="sd-fact">
            <Text className="muted">办结期限</Text>
            <Text>{formatDay(d.deadline)}</Text>
          </View>
          <View className="sd-fact">
            <Text className="muted">承诺 / 法定时限</Text>
            <Text>
              {d.promisedDays} / {d.statutoryDays} 个工作日
            </Text>
          </View>
          <View className="sd-fact">
            <Text className="muted">申请人</Text>
            <Text data-testid="applicant">{d.applicant}</Text>
          </View>
          <View className="sd-fact">
            <Text className="muted">提交时间</Text>
            <Text>{formatDateTime(d.submittedAt)}</Text>
          </View>
        </View>
      </View>

      {/* keyed by version: a fresh application resets every open form */}
      <ActionPanel key={`${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />
      <StaffDocuments d={d} onDone={onDone} onError={onError} />

      {d.supplementNotice && d.supplementNotice.items.length > 0 && (
        <View className="section" data-testid="supplement-notice">
          <View className="section-title">一次性告知清单</View>
          {d.supplementNotice.dueDate && <View className="muted">补正期限：{formatDay(d.supplementNotice.dueDate)}</View>}
          {d.supplementNotice.askedBy && <View className="muted">发起人：{d.supplementNotice.askedBy}（补正后退回其继续办理）</View>}
          {d.supplementNotice.items.map((i, n) => (
            <View key={`${i.material}-${n}`} className="sd-row">
              <View>
                <View className="sd-row-name">
                  {n + 1}. {i.material}
                </View>
                <View className="muted">{i.reason}</View>
              </View>
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
              <View>
                <View className="sd-row-name">{m.name}</View>
                <View className="muted">承诺 {formatDay(m.dueDate)} 前补交</View>
              </View>
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
            key={a}
            className={`btn ${NEGATIVE.includes(a) ? 'btn-plain' : ''} sd-action ${open === a ? 'on' : ''}`}
            data-testid={`action-${a}`}
            disabled={Boolean(busy) || undefined}
            loading={busy === a || undefined}
            onClick={() => tap(a)}
          >
            {STAFF_ACTIONS[a].name}
          </Button>
        ))}
      </View>
      <ErrorLine error={error} />
      {open === 'notAccept' && <NotAcceptForm {...formProps} />}
      {open === 'requestSupplement' && <SupplementEditor {...formProps} />}
      {open === 'approve' && <ApproveForm {...formProps} />}
      {open === 'deny' && <DenyForm {...formProps} />}
      {open === 'deliver' && <DeliverForm {...formProps} />}
    </View>
  );
}
