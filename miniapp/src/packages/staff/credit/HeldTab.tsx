import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { creditStaffApi, type HeldRatingPage } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { ListView } from '../../../components/ListView';
import { formatDateTime } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRowAction } from '../../../hooks/useRowAction';
import { asPage } from './common';

type Row = HeldRatingPage['items'][number];

/** Why a rating waits: the words that held it, or a storm of new accounts (疑似刷评). */
export const heldWhy = (r: Row) =>
  r.heldFor === 'storm' ? '疑似刷评（新注册账号短时间内集中评价）' : r.heldWords.length ? `含有：${r.heldWords.join('、')}` : '待审核';

/** 商户评价审核: held ratings, oldest first; 恢复显示, or 移除 with a reason the rater is told. */
export function HeldTab() {
  const list = usePagedList((cursor) => creditStaffApi.held(cursor).then(asPage), [], { key: (r: Row) => r.id });
  const [removing, setRemoving] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  // a failure usually means another moderator decided it meanwhile: the queue is read again
  const { busy, run } = useRowAction(() => undefined, { onError: () => void list.refresh() });

  const act = (r: Row, action: 'release' | 'remove') => {
    if (action === 'remove' && reason.trim().length < 2) {
      setError('请写明移除的原因（至少 2 个字），评价人会收到通知');
      return;
    }
    void run(
      r.id,
      async () => {
        await creditStaffApi.moderate(r.creditCode, r.id, { action, ...(action === 'remove' ? { reason: reason.trim() } : {}) });
        setRemoving(undefined);
        setReason('');
        list.setItems((items) => items.filter((x) => x.id !== r.id));
      },
      action === 'remove' ? '已移除' : '已恢复显示',
    );
  };

  return (
    <ListView list={list} emptyText="没有待审核的商户评价。">
      {list.items.map((r) => (
        <View key={r.id} className="card scr-held" data-testid={`held-${r.id}`}>
          <View className="card-head">
            <View className="card-name">{r.firmName}</View>
            <Text className={`tag ${r.heldFor === 'storm' ? 'tag-orange' : 'tag-red'}`}>{r.heldFor === 'storm' ? '疑似刷评' : '敏感词'}</Text>
          </View>
          <View className="muted">
            {r.rater} · {r.stars} 星 · {formatDateTime(r.at)}
          </View>
          {r.tags.length > 0 && <View className="muted">标签：{r.tags.join('、')}</View>}
          {r.comment && <View className="scr-text">{r.comment}</View>}
          <View className="scr-why" data-testid="held-why">
            {heldWhy(r)}
          </View>
          {removing === r.id ? (
            <View>
              <Field label="移除原因" name="reason" value={reason} maxlength={100} placeholder="如：含侮辱性用语" error={error} onInput={setReason} />
              <View className="row scr-btns">
                <Button className="btn scr-small" disabled={busy === r.id || undefined} loading={busy === r.id || undefined} onClick={() => act(r, 'remove')}>
                  确认移除
                </Button>
                <Button className="btn btn-plain scr-small" onClick={() => setRemoving(undefined)}>
                  取消
                </Button>
              </View>
            </View>
          ) : (
            <View className="row scr-btns">
              <Button className="btn scr-small" disabled={busy === r.id || undefined} loading={busy === r.id || undefined} onClick={() => act(r, 'release')}>
                恢复显示
              </Button>
              <Button
                className="btn btn-plain scr-small"
                onClick={() => {
                  setRemoving(r.id);
                  setError(undefined);
                }}
              >
                移除
              </Button>
            </View>
          )}
        </View>
      ))}
    </ListView>
  );
}
