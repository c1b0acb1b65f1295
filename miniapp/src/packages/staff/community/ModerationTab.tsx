import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { COMMUNITY_PAGES, communityStaffApi, type ModerationQueue } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { ListView } from '../../../components/ListView';
import { formatDateTime } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRowAction } from '../../../hooks/useRowAction';

type Row = ModerationQueue['items'][number];

/** 评论审核: comments held by the word list or by an official, oldest first; 恢复显示, or 移除 with a reason the author is told. */
export function ModerationTab({ onChanged }: { onChanged: () => void }) {
  const list = usePagedList<ModerationQueue>((cursor) => communityStaffApi.moderation(cursor), [], { key: (c) => c.id });
  const [removing, setRemoving] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useRowAction(onChanged, { onError: () => void list.refresh() });

  const act = (c: Row, action: 'release' | 'remove') => {
    if (action === 'remove' && reason.trim().length < 2) {
      setError('请写明移除的原因（至少 2 个字），评论人会收到通知');
      return;
    }
    void run(
      c.id,
      async () => {
        await communityStaffApi.moderate(c.topicId, c.id, { action, ...(action === 'remove' ? { reason: reason.trim() } : {}) });
        setRemoving(undefined);
        setReason('');
        list.setItems((items) => items.filter((x) => x.id !== c.id));
      },
      action === 'remove' ? '已移除' : '已恢复显示',
    );
  };

  return (
    <ListView list={list} emptyText="没有待审核的评论。">
      {list.items.map((c) => (
        <View key={c.id} className="sc-card" data-testid={`held-${c.id}`}>
          <View className="sc-topic tap" role="button" onClick={() => Taro.navigateTo({ url: `${COMMUNITY_PAGES.topic}?id=${c.topicId}` })}>
            议题：{c.topicTitle} ›
          </View>
          <View className="sc-title">{c.authorName}</View>
          <View className="sc-text">{c.text}</View>
          <View className="muted">
            {formatDateTime(c.at)}
            {c.heldWords.length ? ` · 含有：${c.heldWords.join('、')}` : ' · 网格员暂缓显示'}
          </View>
          {removing === c.id ? (
            <View>
              <Field label="移除原因" name="reason" value={reason} maxlength={100} placeholder="如：含不文明用语" error={error} onInput={setReason} />
              <View className="row sc-btns">
                <Button className="btn sc-small" disabled={busy === c.id || undefined} loading={busy === c.id || undefined} onClick={() => act(c, 'remove')}>
                  确认移除
                </Button>
                <Button className="btn btn-plain sc-small" onClick={() => setRemoving(undefined)}>
                  取消
                </Button>
              </View>
            </View>
          ) : (
            <View className="row sc-btns">
              <Button className="btn sc-small" disabled={busy === c.id || undefined} loading={busy === c.id || undefined} onClick={() => act(c, 'release')}>
                恢复显示
              </Button>
              <Button
                className="btn btn-plain sc-small"
                onClick={() => {
                  setRemoving(c.id);
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
