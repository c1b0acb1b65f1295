import { Text, View } from '@tarojs/components';
import { beijingTime, type CatalogueItemView } from '@yx/shared';

/** 版本记录: every saved version, newest first; applications keep the version they were filed under. */
export function History({ view }: { view: CatalogueItemView }) {
  return (
    <View className="section" data-testid="cat-history">
      <View className="section-title">版本记录</View>
      <View className="muted cat-hint">已提交的办件始终按其提交时的版本办理；新的申请使用当前版本。</View>
      {view.versions.map((v) => (
        <View key={v.version} className="cat-version" data-testid={`cat-version-${v.version}`}>
          <View>
            <Text className="cat-row-name">第 {v.version} 版</Text>
            {v.version === view.version && <Text className="cat-tag">当前</Text>}
          </View>
          <View className="muted">
            {v.savedAt ? `${beijingTime(v.savedAt)} · ${v.savedBy ?? ''}` : '初始版本（目录导入）'} · {v.fieldCount} 个表单字段
          </View>
          {v.note && <View className="muted">{v.note}</View>}
        </View>
      ))}
      {view.bundles.length > 0 && (
        <View className="cat-bundles" data-testid="cat-bundles">
          包含本事项的“一件事”：{view.bundles.map((b) => b.name).join('、')}
        </View>
      )}
    </View>
  );
}
