import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../../../../api/client';
import { staffPublicationsApi, type PublicationDetail } from '../../../../api/publications';
import { confirmStep } from '../../../../components/confirmStep';
import { SendButton } from '../../../../components/SendButton';
import { TextBox } from '../../../../components/TextBox';
import { useAsync } from '../../../../hooks/useAsync';
import { useSubmit } from '../../../../hooks/useSubmit';

/** 撤回 with a reason, after a confirmation: the item leaves the lists and the search; the history keeps it. */
export function Withdraw({ view, onDone }: { view: PublicationDetail; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);
  const withdraw = () =>
    send(async () => {
      if (reason.trim().length < 4) {
        setError('请写明撤回原因（至少 4 个字）');
        return;
      }
      setError(undefined);
      const ok = await confirmStep(
        '撤回这条信息',
        '撤回后居民不能再查看和搜索到它，订阅者已收到的消息不会收回。撤回不能恢复，如需重新公开请重新发布。',
        '撤回',
      );
      if (!ok) return;
      await staffPublicationsApi.withdraw(view.id, reason.trim(), view.version);
      Taro.showToast({ title: '已撤回', icon: 'success' });
      onDone();
    });
  return (
    <View className="section" data-testid="pe-withdraw">
      <View className="section-title">撤回</View>
      <TextBox label="撤回原因" value={reason} onInput={setReason} max={200} placeholder="如：内容有误，核实后重新发布" />
      <SendButton className="btn btn-plain" busy={busy} error={error} errorTestId="pe-withdraw-error" onClick={withdraw} testId="pe-withdraw-go">
        撤回
      </SendButton>
    </View>
  );
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 历史记录: each save (发布, 修改, 撤回), who and when, and why. */
export function History({ id, version }: { id: string; version: number }) {
  const h = useAsync(() => staffPublicationsApi.history(id), [id, version]);
  if (!h.data?.items.length) return null;
  return (
    <View className="section" data-testid="pe-history">
      <View className="section-title">历史记录</View>
      {h.data.items.map((v) => (
        <View key={v.version} className="pe-version">
          <View>
            第 {v.version} 版 · {v.status === 'withdrawn' ? '撤回' : v.version === 1 ? '发布' : '修改'} · {v.savedBy}
          </View>
          <View className="muted">
            {beijing(v.savedAt)}
            {v.note ? ` · ${v.note}` : ''}
            {v.withdrawnReason ? ` · 原因：${v.withdrawnReason}` : ''}
          </View>
        </View>
      ))}
    </View>
  );
}
