import { View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api/client';
import { confirmStep } from '../../../components/confirmStep';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';
import { SendButton } from '../../../components/SendButton';

/** 撤回: while the department has not accepted it yet, after asking. */
export function WithdrawButton({ d, onDone, onError }: ActionProps) {
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, setError);
  const withdraw = async () => {
    if (!(await confirmStep('撤回申请', '撤回后需要重新提交申请，确定撤回吗？', '确定撤回', '再想想'))) return;
    setError(undefined);
    await send(async () => onDone(await api.withdraw(d.appNo), '已撤回'));
  };
  return (
    <View className="dt-withdraw">
      <SendButton className="btn btn-plain" error={error} busy={busy} onClick={withdraw}>
        撤回申请
      </SendButton>
    </View>
  );
}
