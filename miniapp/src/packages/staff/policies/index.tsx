import { View } from '@tarojs/components';
import { Page } from '../../../components/Page';

/** 政策发布 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">政策发布</View>
    </Page>
  );
}
