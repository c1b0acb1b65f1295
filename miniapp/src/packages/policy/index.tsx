import { View } from '@tarojs/components';
import { Page } from '../../components/Page';

/** 政策超市 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">政策超市</View>
    </Page>
  );
}
