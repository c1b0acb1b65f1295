import { View } from '@tarojs/components';
import { Page } from '../../../components/Page';

/** 企业画像 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">企业画像</View>
    </Page>
  );
}
