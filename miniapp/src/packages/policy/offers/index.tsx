import { View } from '@tarojs/components';
import { Page } from '../../../components/Page';

/** 免申即享 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">免申即享</View>
    </Page>
  );
}
