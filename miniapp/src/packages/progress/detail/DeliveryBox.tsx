import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DELIVERY_NAMES, PostAddress, type ApplicationDetail, type DeliveryMethod } from '@yx/shared';
import { useState } from 'react';
import { appointmentsApi } from '../../../api/appointments';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';

type Delivery = NonNullable<ApplicationDetail['delivery']>;
/** A word in a round badge, not an emoji: a browser without an emoji font shows boxes. */
const ICONS: Record<DeliveryMethod, string> = { pickup: '窗口', post: '邮寄', electronic: '电子' };
const ENDED = ['delivered', 'denied', 'not_accepted', 'withdrawn'];

/**
 * 领取方式: how the result reaches the applicant — at the window (where, when), by post (to the address given; the
 * tracking number once sent) or into the wallet — and a change of mind until it has been sent.
 */
export function DeliveryBox({ d, onDone, onError }: ActionProps) {
  const delivery = d.delivery!;
  const [editing, setEditing] = useState(false);
  const canChange = !delivery.done && !ENDED.includes(d.state) && delivery.options.length > 1;
  return (
    <View className="section" data-testid="delivery">
      <View className="section-title">领取方式</View>
      {!editing && <DeliveryNow delivery={delivery} />}
      {!editing && delivery.method === 'pickup' && delivery.pickupCode && !delivery.done && <BookPickup itemId={d.itemId} appNo={d.appNo} />}
      {!editing && canChange && (
        <Button className="btn btn-plain dt-delivery-change" onClick={() => setEditing(true)} aria-label="更改领取方式">
          {delivery.chosen ? '更改领取方式' : '选择领取方式'}
        </Button>
      )}
      {editing && (
        <DeliveryChooser
          d={d}
          delivery={delivery}
          onCancel={() => setEditing(false)}
          onDone={(next, m) => (setEditing(false), onDone(next, m))}
          onError={onError}
        />
      )}
    </View>
  );
}

const HALL = 'district-hall';

/** 预约领取 (issue 18): a slot at the hall to collect a result that is ready, linked to the application — when the hall handles the item. */
function BookPickup({ itemId, appNo }: { itemId: string; appNo: string }) {
  const hall = useAsync(() => appointmentsApi.point(HALL), []);
  if (!hall.data?.areas.some((a) => a.items.some((i) => i.id === itemId))) return null;
  const url = `/packages/appointment/book/index?pointId=${HALL}&itemId=${encodeURIComponent(itemId)}&applicationId=${appNo}&purpose=collect`;
  return (
    <Button className="btn btn-plain dt-delivery-book" onClick={() => Taro.navigateTo({ url })}>
      预约到大厅领取
    </Button>
  );
}

function DeliveryNow({ delivery }: { delivery: Delivery }) {
  const { method } = delivery;
  return (
    <View className="dt-delivery" data-testid="delivery-now">
      <Text className="dt-delivery-icon" aria-hidden>
        {ICONS[method]}
      </Text>
      <View className="dt-delivery-body">
        <View className="dt-row-name">
          {DELIVERY_NAMES[method]}
          {!delivery.chosen && !delivery.done && <Text className="muted">（默认）</Text>}
        </View>
        {method === 'pickup' && delivery.hall && (
          <View className="muted">
            {delivery.hall}
            {delivery.hours ? `，${delivery.hours}` : ''}
          </View>
        )}
        {method === 'pickup' && delivery.pickupCode && <View className="dt-delivery-code">取件码 {delivery.pickupCode}</View>}
        {method === 'post' && delivery.postTo && (
          <View className="muted">
            {delivery.postTo.recipient}，{delivery.postTo.phone}，{delivery.postTo.address}
          </View>
        )}
        {method === 'post' && delivery.trackingNo && (
          <View className="dt-delivery-code dt-tracking" data-testid="tracking">
            <Text>已寄出 · 邮件单号 {delivery.trackingNo}</Text>
            <View className="dt-copy tap" role="button" aria-label="复制邮件单号" onClick={() => Taro.setClipboardData({ data: delivery.trackingNo! })}>
              复制
            </View>
          </View>
        )}
        {method === 'electronic' && <View className="muted">{delivery.done ? '已发放到您的证照夹' : '办结后发放到您的证照夹，可在“我的证照”查看'}</View>}
      </View>
    </View>
  );
}

type ChooserProps = ActionProps & { delivery: Delivery; onCancel: () => void };

function DeliveryChooser({ d, delivery, onCancel, onDone, onError }: ChooserProps) {
  const [method, setMethod] = useState<DeliveryMethod>(delivery.method);
  const [postTo, setPostTo] = useState({ recipient: '', phone: '', address: '', ...delivery.postTo });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(onError, (m) => setErrors({ form: m }));
  const set = (k: keyof typeof postTo) => (v: string) => {
    setPostTo((p) => ({ ...p, [k]: v }));
    setErrors((e) => ({ ...e, [k]: '', form: '' }));
  };
  const save = async () => {
    let body: Parameters<typeof api.chooseDelivery>[1] = { method: method as 'pickup' | 'electronic' };
    if (method === 'post') {
      const r = PostAddress.safeParse(postTo);
      if (!r.success) {
        setErrors(fieldErrors(r.error));
        return;
      }
      body = { method: 'post', postTo: r.data };
    }
    await send(async () => onDone(await api.chooseDelivery(d.appNo, body), `领取方式已改为${DELIVERY_NAMES[method]}`));
  };
  return (
    <View className="dt-delivery-edit" data-testid="delivery-chooser">
      <Chips
        label="领取方式"
        options={delivery.options.map((m) => ({ value: m, label: DELIVERY_NAMES[m] }))}
        value={method}
        onChange={(v) => {
          setMethod(v);
          setErrors({});
        }}
      />
      {method === 'post' && (
        <View>
          <Field name="recipient" label="收件人" value={postTo.recipient} onInput={set('recipient')} error={errors.recipient} maxlength={20} />
          <Field name="phone" label="手机号码" value={postTo.phone} onInput={set('phone')} error={errors.phone} maxlength={11} type="number" />
          <Field
            name="address"
            label="收件地址"
            value={postTo.address}
            onInput={set('address')}
            error={errors.address}
            maxlength={120}
            placeholder="区、街道、门牌号"
          />
          <View className="muted">地址仅用于寄送办理结果，只有您和办理部门能看到。</View>
        </View>
      )}
      <View className="dt-delivery-actions">
        <Button className="btn btn-plain" onClick={onCancel} disabled={busy || undefined}>
          取消
        </Button>
        <SendButton className="btn" error={errors.form} busy={busy} disabled={busy} onClick={save}>
          保存
        </SendButton>
      </View>
    </View>
  );
}
