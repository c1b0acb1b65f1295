import { Text, View } from '@tarojs/components';
import { beijingTime } from '@yx/shared';
import { staffPoliciesApi } from '../../../../api/staffPolicies';
import { StateView } from '../../../../components/StateView';
import { useAsync } from '../../../../hooks/useAsync';

/** 版本记录: every saved version, newest first; judgements, offers and applications keep the version they were made under. */
export function History({ id, version }: { id: string; version: number }) {
  // asked again whenever a save makes a new version
  const h = useAsync(() => staffPoliciesApi.history(id), [id, version]);
  const rows = [...(h.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <View className="section" data-testid="pe-history">
      <View className="section-title">版本记录</View>
      <View className="muted pe-hint">已作出的比对、兑现和申请按其当时的版本办理；修改只对之后的比对和申请生效。</View>
      <StateView loading={h.loading && !h.data} error={h.data ? undefined : h.error} onRetry={h.reload} empty={!rows.length} emptyText="还没有版本记录">
        {rows.map((v) => (
          <View key={v.version} className="pe-version" data-testid={`pe-version-${v.version}`}>
            <View>
              <Text className="pe-strong">第 {v.version} 版</Text>
              {v.version === version && <Text className="tag tag-green pe-tag">当前</Text>}
              {v.status === 'withdrawn' && <Text className="tag tag-gray pe-tag">已撤回</Text>}
            </View>
            <View className="muted">
              {beijingTime(v.savedAt)} · {v.savedBy}
            </View>
            {v.note && <View className="muted">{v.note}</View>}
          </View>
        ))}
      </StateView>
    </View>
  );
}
