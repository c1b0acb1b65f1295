import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ADJUST_POINTS_MAX, ADJUST_REASON_MAX, AdjustPointsRequest } from '@yx/shared';
import { useRef, useState } from 'react';
import { asApiError, newIdempotencyKey } from '../../../api/client';
import { memberAdminApi, type AdminMemberRow } from '../../../api/memberAdmin';
import { Field, fieldErrors } from '../../../components/Field';
import { ListView } from '../../../components/ListView';
import { Chips } from '../../../components/Chips';
import { confirmStep } from '../../../components/confirmStep';
import { usePagedList } from '../../../hooks/usePagedList';
import { count, digits, FormError, num } from './parts';
import { Button } from '../../../components/Button';

/** 会员: card holders, newest first, with 积分调整 on each. */
export function MembersTab() {
  const list = usePagedList((cursor) => memberAdminApi.members(cursor), [], { key: (m) => m.userId });
  const [openId, setOpenId] = useState<string>();

  const adjusted = (userId: string, balance?: number) => {
    setOpenId(undefined);
    if (typeof balance === 'number') list.setItems((items) => items.map((m) => (m.userId === userId ? { ...m, balance } : m)));
  };

  return (
    <View>
      <ListView list={list} emptyText="还没有会员">
        {list.items.map((m) => (
          <View key={m.userId} className="card ma-member" data-testid="member">
            <View className="card-head">
              <View className="card-name">{m.name || '（未留姓名）'}</View>
              <Text className="tag tag-blue">{m.level}</Text>
            </View>
            <View className="muted">会员号 {m.memberNo}</View>
            <View className="ma-member-nums">
              <View className="ma-num">
                <View className="ma-num-value" data-testid="member-balance">
                  {count(m.balance)}
                </View>
                <View className="muted">积分</View>
              </View>
              <View className="ma-num">
                <View className="ma-num-value">{count(m.growth)}</View>
                <View className="muted">成长值</View>
              </View>
              <View className="ma-num">
                <View className="ma-num-value">{count(m.streak)}</View>
                <View className="muted">连续签到</View>
              </View>
            </View>
            <View className="muted">最近签到 {m.lastCheckIn || '从未签到'}</View>
            {openId === m.userId ? (
              <AdjustForm m={m} onCancel={() => setOpenId(undefined)} onDone={(b) => adjusted(m.userId, b)} />
            ) : (
              <Button className="btn btn-plain card-btn ma-adjust" onClick={() => setOpenId(m.userId)}>
                积分调整
              </Button>
            )}
          </View>
        ))}
      </ListView>
    </View>
  );
}

type Sign = 'add' | 'deduct';

function AdjustForm({ m, onCancel, onDone }: { m: AdminMemberRow; onCancel: () => void; onDone: (balance?: number) => void }) {
  const [sign, setSign] = useState<Sign>('add');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // one key for what this form is about to do; a retry after a lost answer sends the same one
  const [key, setKey] = useState(() => newIdempotencyKey('adj'));
  const opening = useRef(false);

  const submit = async () => {
    if (busy || opening.current) return;
    const n = num(amount);
    const found: Record<string, string> = {};
    if (n === undefined) found.points = '请填写调整的积分';
    else if (n <= 0 || !Number.isInteger(n)) found.points = '请填写正整数，增加或扣减在上方选择';
    const r = AdjustPointsRequest.safeParse({ userId: m.userId, points: n === undefined ? undefined : sign === 'deduct' ? -n : n, reason });
    if (!r.success) for (const [k, v] of Object.entries(fieldErrors(r.error))) found[k] ??= v;
    setErrors(found);
    if (!r.success || Object.keys(found).length) return;
    const body = r.data;
    opening.current = true;
    const ok = await confirmStep(
      '积分调整',
      `给 ${m.name || m.memberNo} ${body.points > 0 ? '增加' : '扣减'} ${Math.abs(body.points)} 积分，原因：${body.reason}。会员会在积分明细中看到。确定吗？`,
      '确定',
      '再看看',
    );
    opening.current = false;
    if (!ok) return;
    setFormError(undefined);
    setBusy(true);
    try {
      const res = await memberAdminApi.adjustPoints(body, key);
      setKey(newIdempotencyKey('adj'));
      Taro.showToast({ title: '积分已调整', icon: 'success' });
      onDone(res.balance);
    } catch (e) {
      setFormError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card-panel ma-adjust-form" data-testid="adjust-form">
      <Chips<Sign>
        label="增加或扣减"
        value={sign}
        onChange={setSign}
        options={[
          { value: 'add', label: '增加' },
          { value: 'deduct', label: '扣减' },
        ]}
      />
      <Field
        name="points"
        label="积分数量"
        type="number"
        value={amount}
        onInput={setAmount}
        error={errors.points}
        maxlength={digits(ADJUST_POINTS_MAX)}
        placeholder={`1–${ADJUST_POINTS_MAX}`}
      />
      <Field
        name="reason"
        label="调整原因"
        value={reason}
        onInput={setReason}
        error={errors.reason}
        maxlength={ADJUST_REASON_MAX}
        placeholder="如：线下活动奖励（会员可见）"
      />
      <FormError message={formError} />
      <View className="ma-form-btns">
        <Button className="btn btn-plain ma-cancel" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className="btn ma-save" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
          确认调整
        </Button>
      </View>
    </View>
  );
}
