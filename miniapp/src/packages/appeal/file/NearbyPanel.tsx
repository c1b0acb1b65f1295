import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LatLng } from '@yx/shared';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../api/client';
import { woApi, type WoNearbyItem } from '../../../api/workorders';
import { openWorkOrder } from '../pages';
import type { Errors } from './validate';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/**
 * 附近已有相同问题: open orders of the same category within 100 m of a real location; a resident
 * may follow one (我也遇到) instead of filing it again. Nothing is shown when there are none.
 */
export function NearbyPanel({ categoryId, locSource, point, grid }: { categoryId?: string; locSource?: string; point?: LatLng; grid: boolean }) {
  const [nearby, setNearby] = useState<WoNearbyItem[]>([]);
  const [joining, setJoining] = useState<string>();
  const [nearbyError, setNearbyError] = useState<Errors>({});

  // 附近已有相同问题: only around a real location (a street centre is not where the problem is)
  const lookLat = locSource === 'gps' ? point?.lat : undefined;
  const lookLng = locSource === 'gps' ? point?.lng : undefined;
  useEffect(() => {
    setNearby([]);
    setNearbyError({});
    if (!categoryId || lookLat === undefined || lookLng === undefined) return undefined;
    let live = true;
    woApi.nearby(categoryId, lookLat, lookLng).then(
      (r) => {
        if (live) setNearby(r.items);
      },
      () => undefined, // only a hint: filing works without it
    );
    return () => {
      live = false;
    };
  }, [categoryId, lookLat, lookLng]);

  const meToo = async (item: WoNearbyItem) => {
    setJoining(item.no);
    setNearbyError({});
    try {
      await woApi.meToo(item.no, item.followToken);
      Taro.showToast({ title: '已加入关注', icon: 'success' });
      openWorkOrder(item.no);
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 409) {
        // already following it: say so and show it anyway
        Taro.showToast({ title: err.message, icon: 'none' });
        openWorkOrder(item.no);
      } else {
        setNearbyError({ [item.no]: err.message });
      }
    } finally {
      setJoining(undefined);
    }
  };

  if (!nearby.length) return null;
  return (
    <View className="section wf-nearby" data-testid="nearby">
      <View className="section-title">附近已有相同问题</View>
      <View className="muted">
        {grid
          ? '附近 100 米内已有同类问题在办理，请确认是否重复上报。'
          : '附近 100 米内已有人反映过同类问题。如是同一问题，点“我也遇到”即可关注进展，不必重复提交。'}
      </View>
      {nearby.map((n) => (
        <View key={n.no} className="wf-near-card" data-testid="nearby-item">
          <View className="card-head">
            <Text className="wf-near-cat">{n.category}</Text>
            <Text className="tag tag-blue">{n.stateName}</Text>
          </View>
          <View className="wf-near-desc">{n.description}</View>
          <View className="muted">
            {n.address} · 约 {n.distance} 米 · {n.affected} 人反映
          </View>
          <ErrorLine error={nearbyError[n.no]} />
          {!grid && (
            <Button
              className="btn wf-metoo"
              disabled={Boolean(joining) || undefined}
              loading={joining === n.no || undefined}
              onClick={() => meToo(n)}
              aria-label={`我也遇到 ${n.no}`}
            >
              我也遇到
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
