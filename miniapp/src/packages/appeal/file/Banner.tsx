import { View } from '@tarojs/components';

/** The form's heading: 一键呼叫 for grid officials, 我要投诉 when opened for a firm, else 我要反映. */
export function Banner({ grid, complaint }: { grid: boolean; complaint: boolean }) {
  if (grid)
    return (
      <View className="wf-banner" data-testid="grid-banner">
        <View className="wf-banner-title">越秀先锋 · 一键呼叫</View>
        <View className="wf-banner-text">巡查发现的问题，拍照一键上报，按分类派至网格或职能部门处理。</View>
      </View>
    );
  if (complaint)
    return (
      <View className="wf-banner">
        <View className="wf-banner-title">我要投诉</View>
        <View className="wf-banner-text">消费中遇到的问题说给我们听，派至承办单位处理，办理全程可查。</View>
      </View>
    );
  return (
    <View className="wf-banner">
      <View className="wf-banner-title">我要反映</View>
      <View className="wf-banner-text">身边的问题说给我们听，按分类直接派至承办单位，办理全程可查。</View>
    </View>
  );
}
