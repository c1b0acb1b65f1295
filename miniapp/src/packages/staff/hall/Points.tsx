import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { hallApi, type DeskView, type StaffPointList } from '../../../api/appointments';
import { asApiError } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';

type Window = StaffPointList['items'][number]['windows'][number];

/**
 * Not at a window: the points and windows I may staff; 到此窗口 signs in and opens the desk. A window another officer
 * is at cannot be taken (the server refuses it too): they sign out first.
 */
export function Points({ apply }: { apply: (fn: () => Promise<DeskView>) => Promise<DeskView> }) {
  const points = useAsync(() => hallApi.points(), []);
  const [error, setError] = useState<string>();
  const [going, setGoing] = useState<string>();
  // refused (someone sat down there first): say why, and show who is where now
  const sending = useSubmit((e) => {
    points.reload();
    return asApiError(e).message;
  }, setError);
  const items = points.data?.items ?? [];

  const go = (pointId: string, w: Window) =>
    sending.send(async () => {
      setError(undefined);
      setGoing(`${pointId}-${w.no}`);
      try {
        await apply(() => hallApi.signIn(pointId, w.no));
      } finally {
        setGoing(undefined);
      }
    });

  return (
    <StateView
      loading={points.loading && !points.data}
      error={points.data ? undefined : points.error}
      onRetry={points.reload}
      empty={items.length === 0}
      emptyText="您所在的部门或街道没有可以值守的窗口，请联系管理员"
    >
      <View className="hd-intro">
        <View className="hd-intro-title">请选择您今天所在的窗口</View>
        <View className="muted">到窗口后即可开始叫号；离开时请点“离开窗口”。</View>
      </View>
      <ErrorLine error={error} className="hd-error" testId="points-error" />
      {items.map((p) => (
        <View key={p.id} className="section" data-testid={`point-${p.id}`}>
          <View className="section-title">{p.name}</View>
          {[...p.windows]
            .sort((a, b) => a.no - b.no)
            .map((w) => (
              <View key={w.no} className="hd-win-row" data-testid={`window-${p.id}-${w.no}`}>
                <View className="hd-win-text">
                  <View className="hd-win-name">
                    <Text>{w.no} 号窗口</Text>
                    {w.mine && <Text className="tag tag-blue hd-win-tag">您在此窗口</Text>}
                  </View>
                  <View className="muted">
                    {w.areaName}（{w.prefix} 字头）
                  </View>
                  {w.officer && <View className="hd-win-busy">他人在岗：{w.officer}</View>}
                </View>
                <Button
                  className="btn hd-win-go"
                  disabled={sending.busy || Boolean(w.officer) || undefined}
                  loading={going === `${p.id}-${w.no}` || undefined}
                  onClick={() => go(p.id, w)}
                >
                  到此窗口
                </Button>
              </View>
            ))}
        </View>
      ))}
    </StateView>
  );
}
