import { Text, View } from '@tarojs/components';
import './parts.css';

/** How many ratings gave 5, 4, … 1 stars, in words (the bars' name for a screen reader). */
export const starBarsText = (stars: readonly number[]) => [5, 4, 3, 2, 1].map((s) => `${s} 星 ${stars[s - 1] ?? 0} 条`).join('，');

/**
 * The star distribution as horizontal bars, 5 stars at the top: each bar's length is its share of the ratings, its
 * count beside it. A picture named by the same figures in words.
 */
export function StarBars({ stars, count }: { stars: readonly number[]; count: number }) {
  return (
    <View className="cr-bars" role="img" aria-label={starBarsText(stars)} data-testid="star-bars">
      {[5, 4, 3, 2, 1].map((s) => {
        const n = stars[s - 1] ?? 0;
        const pct = count > 0 ? Math.round((n / count) * 100) : 0;
        return (
          <View key={s} className="cr-bar-row" data-testid={`star-bar-${s}`} data-percent={pct}>
            <Text className="cr-bar-label">{s} 星</Text>
            <View className="cr-bar-track">
              <View className="cr-bar" style={{ width: `${pct}%` }} />
            </View>
            <Text className="cr-bar-count">{n}</Text>
          </View>
        );
      })}
    </View>
  );
}
