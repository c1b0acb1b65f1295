import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { WithdrawPolicyRequest, type PolicyDetail } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../../api/client';
import { staffPoliciesApi } from '../../../../api/staffPolicies';
import { SendButton } from '../../../../components/SendButton';
import { TextBox } from '../../../../components/TextBox';
import { confirmStep } from '../../../../components/confirmStep';
import { useSubmit } from '../../../../hooks/useSubmit';

/**
 * 撤回政策: with a reason, after a confirmation, conditional on the version on screen (another save since: 409, said
 * here, and the latest version offered). The policy stays readable, marked 已撤回; unconfirmed 免申即享 offers lapse.
 */
export function Withdraw({ view, onDone, onConflict }: { view: PolicyDetail; onDone: (p: PolicyDetail) => void; onConflict: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const sending = useSubmit((e) => {
    const err = asApiError(e);
    if (err.status === 409) onConflict();
    return err.message;
  }, setError);
  const withdraw = () =>
    sending.send(async () => {
      const body = { reason: reason.trim(), expectedVersion: view.version };
      const checked = WithdrawPolicyRequest.safeParse(body);
      if (!checked.success) return setError(checked.error.issues[0].message);
      setError(undefined);
      const ok = await confirmStep('撤回政策', `撤回后“${view.title}”不再出现在政策超市，也不再兑现；尚未确认的免申即享随之失效。确定撤回吗？`, '撤回');
      if (!ok) return;
      const done = await staffPoliciesApi.withdraw(view.id, body);
      setReason('');
      onDone(done);
      Taro.showToast({ title: '已撤回', icon: 'success' });
    });
  return (
    <View className="section" data-testid="pe-withdraw">
      <View className="section-title">撤回政策</View>
      <TextBox label="撤回原因" value={reason} onInput={setReason} max={200} placeholder="如：政策已被新文件替代" />
      <SendButton className="btn btn-plain" busy={sending.busy} error={error} errorTestId="pe-withdraw-error" onClick={withdraw} testId="pe-withdraw-go">
        撤回政策
      </SendButton>
    </View>
  );
}
