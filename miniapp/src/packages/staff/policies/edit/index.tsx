import { View } from '@tarojs/components';
import { Page } from '../../../../components/Page';

/** 编辑政策 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">编辑政策</View>
    </Page>
  );
}
