import { View } from '@tarojs/components';
import { Page } from '../../../../components/Page';

/** 兑现批次 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">兑现批次</View>
    </Page>
  );
}
