import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { communityStaffApi, type CommentView } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';

/** The grid official's hand on one comment: 暂缓显示 a shown one, 恢复显示 a held one, 移除 either with a reason. */
export function ModerateRow({ topicId, c, onDone }: { topicId: string; c: CommentView; onDone: () => void }) {
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const act = async (action: 'hold' | 'remove' | 'release') => {
    if (action === 'remove' && reason.trim().length < 2) {
      setError('请写明移除的原因（至少 2 个字），评论人会收到通知');
      return;
    }
    setBusy(true);
    try {
      await communityStaffApi.moderate(topicId, c.id, { action, ...(action === 'remove' ? { reason: reason.trim() } : {}) });
      Taro.showToast({ title: action === 'remove' ? '已移除' : action === 'hold' ? '已暂缓显示' : '已恢复显示', icon: 'success' });
      setRemoving(false);
      onDone();
    } catch (e) {
      Taro.showToast({ title: asApiError(e).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="ct-moderate" data-testid={`moderate-${c.id}`}>
      <View className="row ct-moderate-btns">
        {c.status === 'visible' && (
          <Button className="btn btn-plain ct-small" disabled={busy || undefined} onClick={() => void act('hold')}>
            暂缓显示
          </Button>
        )}
        {c.status === 'held' && (
          <Button className="btn btn-plain ct-small" disabled={busy || undefined} onClick={() => void act('release')}>
            恢复显示
          </Button>
        )}
        {!removing && (
          <Button className="btn btn-plain ct-small" onClick={() => setRemoving(true)}>
            移除
          </Button>
        )}
      </View>
      {removing && (
        <View>
          <Field label="移除原因" name="reason" value={reason} maxlength={100} placeholder="如：与议题无关、含人身攻击" error={error} onInput={setReason} />
          <View className="row ct-moderate-btns">
            <Button className="btn ct-small" disabled={busy || undefined} loading={busy || undefined} onClick={() => void act('remove')}>
              确认移除
            </Button>
            <Button className="btn btn-plain ct-small" onClick={() => setRemoving(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
