import { View } from '@tarojs/components';
import { appointmentsApi } from '../../../api/appointments';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';

/** Without a scanned code: the point the person is at, for a check-in by location. */
export function ChoosePoint({ onChoose }: { onChoose: (pointId: string) => void }) {
  const points = useAsync(() => appointmentsApi.points(), []);
  const items = [...(points.data?.items ?? [])].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'hall' ? -1 : 1));
  return (
    <View className="section">
      <View className="section-title">您在哪个办事地点？</View>
      <StateView loading={points.loading && !points.data} error={points.data ? undefined : points.error} onRetry={points.reload} empty={!items.length}>
        {items.map((p) => (
          <View
            key={p.id}
            className="apa-point tap"
            role="button"

            onClick={() => onChoose(p.id)}
            data-testid={`point-${p.id}`}
          >
            <View className="apa-point-name">{p.name}</View>
            <View className="muted">{p.address}</View>
          </View>
        ))}
      </StateView>
    </View>
  );
}
