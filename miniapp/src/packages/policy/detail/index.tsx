import { View } from '@tarojs/components';
import { Page } from '../../../components/Page';

/** 政策详情 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">政策详情</View>
    </Page>
  );
}
