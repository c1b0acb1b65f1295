import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, newIdempotencyKey } from '../../../api/client';
import { communityApi, type CommentPage, type CommentView, type TopicDetail } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { ListView } from '../../../components/ListView';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { formatDateTime } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { ModerateRow } from './ModerateRow';

/** What is being written: the words, whom it answers, and the key that makes a retry one comment. */
interface Draft {
  text: string;
  replyTo?: CommentView;
  key: string;
}
const fresh = (replyTo?: CommentView): Draft => ({ text: '', replyTo, key: newIdempotencyKey('cm') });

/**
 * 讨论: comments with their replies under them, a page at a time; 点赞 (residents), 回复, and the box to write in while
 * the discussion is open. A held comment shows only to its author (待审核); a removed one says so without its words.
 */
export function Discussion({ d }: { d: TopicDetail }) {
  const list = usePagedList<CommentPage>((cursor) => communityApi.comments(d.id, cursor), [d.id], { key: (c) => c.id });
  const [draft, setDraft] = useState<Draft>(() => fresh());
  const [failed, setFailed] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const resident = !d.official;

  const send = async () => {
    const text = draft.text.trim();
    if (!text) {
      setError('请先写下您的意见');
      return;
    }
    setBusy(true);
    setFailed(undefined);
    setError(undefined);
    try {
      const c = await communityApi.comment(draft.key, d.id, { text, ...(draft.replyTo ? { replyTo: draft.replyTo.id } : {}) });
      setDraft(fresh());
      Taro.showToast({ title: c.status === 'held' ? '已提交，审核后显示' : '已发表', icon: c.status === 'held' ? 'none' : 'success' });
      void list.refresh();
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const support = async (c: CommentView) => {
    const on = !c.supportedByMe;
    list.setItems((items) => items.map((x) => (x.id === c.id ? { ...x, supportedByMe: on, supports: Math.max(0, x.supports + (on ? 1 : -1)) } : x)));
    try {
      await communityApi.support(d.id, c.id, on);
    } catch (e) {
      list.setItems((items) => items.map((x) => (x.id === c.id ? c : x)));
      Taro.showToast({ title: asApiError(e).message, icon: 'none' });
    }
  };

  return (
    <View className="section ct-discussion" data-testid="discussion">
      <View className="section-title">讨论（{d.comments}）</View>
      <ListView list={list} emptyText={d.can.comment ? '还没有人发表意见，来说说您的看法。' : '暂无讨论。'}>
        {list.items.map((c) => (
          <View key={c.id} className={`ct-comment ${c.parentId ? 'reply' : ''}`} data-testid={`comment-${c.id}`}>
            <View className="row ct-comment-head">
              <Text className="ct-author">{c.authorName}</Text>
              {c.official && <Text className="tag tag-blue">网格员</Text>}
              {c.replyToName && <Text className="muted">回复 {c.replyToName}</Text>}
              {c.status !== 'visible' && <Text className={`tag ${c.status === 'held' ? 'tag-orange' : 'tag-gray'}`}>{c.statusName}</Text>}
            </View>
            {c.text !== undefined ? <View className="ct-comment-text">{c.text}</View> : <View className="muted ct-comment-text">该评论已被移除</View>}
            {c.reason && <View className="muted">{c.reason}</View>}
            <View className="row ct-comment-foot">
              <Text className="muted">{formatDateTime(c.at)}</Text>
              {c.status === 'visible' && resident && (
                <View
                  className={`tap ct-support ${c.supportedByMe ? 'on' : ''}`}
                  role="button"
                  aria-pressed={c.supportedByMe}
                  data-testid={`support-${c.id}`}
                  onClick={() => void support(c)}
                >
                  点赞 {c.supports}
                </View>
              )}
              {c.status === 'visible' && !resident && <Text className="muted">{c.supports} 人支持</Text>}
              {c.status === 'visible' && d.can.comment && (
                <View className="tap ct-reply" role="button" aria-label={`回复 ${c.authorName}`} onClick={() => setDraft({ ...draft, replyTo: c })}>
                  回复
                </View>
              )}
            </View>
            {d.official && c.status !== 'removed' && <ModerateRow topicId={d.id} c={c} onDone={() => void list.refresh()} />}
          </View>
        ))}
      </ListView>
      {d.can.comment && (
        <View className="ct-composer" data-testid="comment-composer">
          {draft.replyTo && (
            <View className="row ct-replying">
              <Text className="muted">回复 {draft.replyTo.authorName}</Text>
              <Button className="btn btn-plain ct-cancel-reply" onClick={() => setDraft({ ...draft, replyTo: undefined })}>
                不回复了
              </Button>
            </View>
          )}
          <TextBox
            label={draft.replyTo ? `回复 ${draft.replyTo.authorName} 的评论` : '发表评论'}
            value={draft.text}
            max={500}
            error={error}
            placeholder="说说您的看法（请文明发言，勿填写个人信息）"
            onInput={(v) => setDraft({ ...draft, text: v })}
          />
          <SendButton className="btn" testId="comment-submit" error={failed} busy={busy} onClick={send}>
            发表
          </SendButton>
        </View>
      )}
      {!d.can.comment && d.state === 'open' && !d.official && <View className="muted">本社区已确认、人脸核验实名的居民可以发表意见。</View>}
    </View>
  );
}
