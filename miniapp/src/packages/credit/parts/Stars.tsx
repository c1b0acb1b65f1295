import { View } from '@tarojs/components';
import './parts.css';

/**
 * Five stars, `value` of them lit (an average lights part of one): a picture named by its number. The stars are drawn
 * by the stylesheet, so nothing but the name is read out.
 */
export function Stars({ value, big, label }: { value: number; big?: boolean; label?: string }) {
  const lit = Math.max(0, Math.min(5, value));
  return (
    <View className={`cr-stars ${big ? 'big' : ''}`} role="img" aria-label={label ?? `${value} 星`} data-testid="stars">
      <View className="cr-stars-on" style={{ width: `${(lit / 5) * 100}%` }} />
    </View>
  );
}
