import { Switch, View } from '@tarojs/components';
import type { WoDraft } from './draft';

/**
 * Who sees the appeal besides the people handling it: 匿名反映 hides the filer from the public; 公开 lets it appear, without
 * names, notes or photos and with the place rounded, in the district's open data feed (off unless the person says so).
 */
export function PrivacySection({ draft, update, resident }: { draft: WoDraft; update: (p: Partial<WoDraft>) => void; resident: boolean }) {
  return (
    <View className="section">
      {resident && (
        <View className="wf-switch-row">
          <View>
            <View className="wf-switch-label">匿名反映</View>
            <View className="muted">工作人员仍可联系您，对外不显示您的信息</View>
          </View>
          <Switch
            checked={draft.anonymous}
            color="#c8161d"
            aria-label="匿名反映"
            nativeProps={{ 'aria-label': '匿名反映' }}
            onChange={(e) => update({ anonymous: Boolean(e.detail.value) })}
          />
        </View>
      )}
      <View className="wf-switch-row">
        <View>
          <View className="wf-switch-label">公开到政务开放数据</View>
          <View className="muted">只公开问题类别、描述和大致位置（约 100 米），不含姓名、电话和照片</View>
        </View>
        <Switch
          checked={Boolean(draft.public)}
          color="#c8161d"
          aria-label="公开到政务开放数据"
          nativeProps={{ 'aria-label': '公开到政务开放数据' }}
          onChange={(e) => update({ public: Boolean(e.detail.value) })}
        />
      </View>
    </View>
  );
}
