import { Text, View } from '@tarojs/components';
import type { PointDetail } from '../../../api/appointments';
import './ItemChoice.css';

/** The point's items, grouped by business area (A 综合受理区 …); one is chosen. */
export function ItemChoice({ areas, value, onChange }: { areas: PointDetail['areas']; value?: string; onChange: (itemId: string) => void }) {
  if (!areas.some((a) => a.items.length)) return <View className="muted">该地点暂无可预约的事项</View>;
  return (
    <View>
      {areas
        .filter((a) => a.items.length)
        .map((a) => (
          <View key={a.prefix} className="apb-area">
            <View className="apb-area-name">
              <Text className="apb-area-prefix">{a.prefix}</Text>
              {a.name}
            </View>
            <View className="apb-items" role="radiogroup" aria-label={a.name}>
              {a.items.map((i) => (
                <View
                  key={i.id}
                  className={`apb-item tap ${value === i.id ? 'on' : ''}`}
                  role="radio"
                  aria-checked={value === i.id}
                  aria-label={i.name}
                  data-testid={`item-${i.id}`}
                  onClick={() => onChange(i.id)}
                >
                  {i.name}
                </View>
              ))}
            </View>
          </View>
        ))}
    </View>
  );
}

/** The item's name at the point, for the confirmation and the summary. */
export const itemName = (areas: PointDetail['areas'], itemId?: string) => areas.flatMap((a) => a.items).find((i) => i.id === itemId)?.name;
