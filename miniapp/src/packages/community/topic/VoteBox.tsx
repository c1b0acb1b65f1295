import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { communityApi, type TopicDetail, type VoteView } from '../../../api/deliberation';
import { Chips } from '../../../components/Chips';
import { MultiChips } from '../../../components/MultiChips';
import { SendButton } from '../../../components/SendButton';
import { formatDateTime } from '../../../components/Timeline';

/** Who may see the numbers, in words. */
const visibility = (v: VoteView) => (v.resultsVisibility === 'live' ? '投票期间实时公布票数' : '投票结束后公布结果');

/**
 * The vote: its question, window, quorum and when results show; the ballot (one option, or up to `maxPicks`) while it
 * is open, with 改票 until it closes; my choice once cast.
 */
export function VoteBox({ d, vote, onVoted }: { d: TopicDetail; vote: VoteView; onVoted: () => void }) {
  const [choices, setChoices] = useState<string[]>(vote.myChoices ?? []);
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const labelOf = (id: string) => vote.options.find((o) => o.id === id)?.label ?? id;
  const cast = async () => {
    if (!choices.length) {
      setFailed('请先选择');
      return;
    }
    setBusy(true);
    setFailed(undefined);
    try {
      const r = await communityApi.vote(d.id, choices);
      Taro.showToast({ title: r.changed ? '已改票' : '已投票', icon: 'success' });
      onVoted();
    } catch (e) {
      setFailed(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const same = vote.myChoices && vote.myChoices.length === choices.length && vote.myChoices.every((c) => choices.includes(c));
  return (
    <View className="section ct-vote" data-testid="vote-box">
      <View className="section-title">投票</View>
      <View className="ct-question">{vote.question}</View>
      <View className="cm-meta">
        {vote.kindName}
        {vote.kind === 'multiple' ? `（最多选 ${vote.maxPicks} 项）` : ''} · {formatDateTime(vote.opensAt)} 至 {formatDateTime(vote.closesAt)}
      </View>
      <View className="cm-meta">
        {vote.quorumPercent ? `参与人数需达到本社区已确认居民的 ${vote.quorumPercent}%，结果才有效` : '不设参与人数要求'} · {visibility(vote)}
      </View>
      {vote.phase === 'before' && (
        <View className="ct-vote-note" data-testid="vote-before">
          投票将于 {formatDateTime(vote.opensAt)} 开始。
        </View>
      )}
      {vote.myChoices && (
        <View className="ct-vote-note" data-testid="my-choice">
          我的选择：{vote.myChoices.map(labelOf).join('、')}
          {vote.phase === 'open' ? '（截止前可以改票）' : ''}
        </View>
      )}
      {vote.canVote && (
        <View className="ct-ballot">
          {vote.kind === 'multiple' ? (
            <MultiChips label={vote.question} options={vote.options.map((o) => [o.id, o.label] as const)} value={choices} onChange={setChoices} />
          ) : (
            <Chips
              label={vote.question}
              options={vote.options.map((o) => ({ value: o.id, label: o.label }))}
              value={choices[0]}
              onChange={(v) => setChoices([v])}
            />
          )}
          <SendButton className="btn ct-vote-btn" testId="vote-submit" error={failed} busy={busy} disabled={same || undefined} onClick={cast}>
            {vote.myChoices ? '改票' : '投票'}
          </SendButton>
        </View>
      )}
      {vote.phase === 'open' && !vote.canVote && (
        <View className="muted ct-vote-note">{d.official ? '网格员不参与投票。' : '本社区已确认、人脸核验实名的居民可以投票。'}</View>
      )}
      {vote.phase === 'closed' && <View className="muted ct-vote-note">投票已结束。</View>}
    </View>
  );
}
