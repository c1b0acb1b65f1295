import { View } from '@tarojs/components';
import type { CreditProfile, Rating } from '../../../api/credit';
import { RatingRow } from '../parts/RatingRow';
import { StarBars } from '../parts/StarBars';
import { Stars } from '../parts/Stars';
import { openCredit } from '../parts/links';

/**
 * 消费者评价: the average with its stars and count, the 5→1 distribution as bars, the newest ratings, a way to all. The
 * person's own rating (read fresh, never from a cache) comes first, so who has just rated sees it at once.
 */
export function Ratings({ p, mine }: { p: CreditProfile; mine?: Rating | null }) {
  const { average, count, stars } = p.rating;
  const recent = mine ? [mine, ...p.recentRatings.filter((r) => r.id !== mine.id)] : p.recentRatings;
  return (
    <View className="section" data-testid="section-ratings">
      <View className="section-title">消费者评价</View>
      {count > 0 && average !== null ? (
        <View className="crm-rating-summary">
          <View className="crm-average" data-testid="rating-average">
            <View className="crm-average-num">{average.toFixed(1)}</View>
            <Stars value={average} big label={`平均 ${average.toFixed(1)} 星`} />
            <View className="muted">{count} 条评价</View>
          </View>
          <StarBars stars={stars} count={count} />
        </View>
      ) : recent.length ? null : (
        <View className="muted" data-testid="no-ratings">
          暂无评价。在店内扫描信用码即可评价。
        </View>
      )}
      {recent.length > 0 && (
        <View className="crm-recent">
          {recent.map((r) => (
            <RatingRow key={r.id} r={r} />
          ))}
        </View>
      )}
      {count > 0 && (
        <View
          className="cr-more tap"
          role="button"
          data-testid="all-ratings"
          onClick={() => openCredit('records', { code: p.firm.creditCode, kind: 'ratings', name: p.firm.name })}
        >
          查看全部评价（{count} 条）›
        </View>
      )}
    </View>
  );
}
