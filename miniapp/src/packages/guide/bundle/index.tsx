import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { Page } from '../../../components/Page';
import { ServiceCard } from '../../../components/ServiceCard';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import './index.css';
import { Button } from '../../../components/Button';

export default function BundlePage() {
  const { params } = useRouter();
  const s = useAsync(() => api.bundle(params.id ?? ''), [params.id]);
  const b = s.data?.bundle;
  return (
    <Page>
      <StateView loading={s.loading} error={s.error} onRetry={s.reload}>
        {b && (
          <View>
            <View className="bundle-head">
              <View className="bundle-name">{b.name}</View>
              <View className="bundle-slogan">{b.slogan}</View>
            </View>
            <View className="bundle-compare" aria-label="改革前后对比">
              <View className="bundle-col">
                <View className="muted">以前</View>
                <View className="bundle-num old">
                  {s.data!.items.length} 张表 · 跑 {b.visitsBefore} 次
                </View>
                <View className="muted">材料 {b.materialsBefore} 份</View>
              </View>
              <Text className="bundle-arrow">→</Text>
              <View className="bundle-col">
                <View className="muted">现在</View>
                <View className="bundle-num">1 张表 · 最多跑 1 次</View>
                <View className="muted">承诺 {b.promisedDays === 0 ? '即办' : `${b.promisedDays} 个工作日`}</View>
              </View>
            </View>
            <View className="section">
              <View className="section-title">说明</View>
              <View>{b.summary}</View>
            </View>
            <View className="section bundle-items-title">
              <View className="section-title">包含的事项</View>
            </View>
            {s.data!.items.map((i) => (
              <ServiceCard key={i.id} item={i} />
            ))}
            <View className="bundle-apply">
              <Button className="btn" onClick={() => Taro.navigateTo({ url: `/packages/apply/form/index?formId=bundle-${b.id}` })}>
                一表申请，一次办好
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </Page>
  );
}
