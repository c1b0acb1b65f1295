import { Text, View } from '@tarojs/components';
import type { VoteResultView, VoteView } from '../../../api/deliberation';
import { formatDateTime } from '../../../components/Timeline';

/** Traffic-light colours: 赞成 green, 反对 red, 弃权 amber; a choice vote's chosen option green, the others blue. */
function tone(vote: VoteView, id: string, winner: boolean): string {
  if (vote.kind === 'yesno') return id === 'yes' ? 'green' : id === 'no' ? 'red' : 'amber';
  return winner ? 'green' : 'blue';
}
const OUTCOME_TONES: Record<string, string> = {
  passed: 'green',
  chosen: 'green',
  not_passed: 'red',
  tie: 'orange',
  quorum_not_met: 'orange',
  no_votes: 'gray',
};

/**
 * The result as bars (one per option, its share of the voters) and, beside them, the same in words: the chart is an
 * image named by those words for screen readers. Running counts say they are running.
 */
export function ResultChart({ vote, result }: { vote: VoteView; result: VoteResultView }) {
  return (
    <View className="section ct-result" data-testid="vote-result">
      <View className="section-title">{result.final ? '投票结果' : '实时票数'}</View>
      {result.outcomeName && (
        <View className={`tag tag-${OUTCOME_TONES[result.outcome ?? 'no_votes']} ct-outcome`} data-testid="vote-outcome">
          {result.outcomeName}
        </View>
      )}
      <View className="ct-bars" role="img" aria-label={result.text}>
        {result.options.map((o) => (
          <View key={o.id} className="ct-bar-row" data-testid={`vote-bar-${o.id}`}>
            <View className="ct-bar-label">
              <Text>{o.label}</Text>
              <Text className="ct-bar-count">
                {o.count} 票 · {o.percent}%
              </Text>
            </View>
            <View className="ct-bar-track">
              <View className={`ct-bar ct-bar-${tone(vote, o.id, o.winner)}`} style={{ width: `${Math.min(100, o.percent)}%` }} />
            </View>
          </View>
        ))}
      </View>
      <View className="ct-result-text" data-testid="vote-result-text">
        {result.text}
      </View>
      {result.countedAt && <View className="cm-meta">计票时间：{formatDateTime(result.countedAt)}</View>}
    </View>
  );
}
