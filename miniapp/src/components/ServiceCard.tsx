import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ServiceSummary } from '@yx/shared';
import './ServiceCard.css';

export const visitsLabel = (v: number) => (v === 0 ? '零跑动' : v === 1 ? '最多跑一次' : `跑动 ${v} 次`);
export const daysLabel = (d: number) => (d === 0 ? '即办' : `${d} 个工作日`);

export const openService = (id: string) => Taro.navigateTo({ url: `/packages/guide/detail/index?id=${encodeURIComponent(id)}` });

export function ServiceCard({ item }: { item: ServiceSummary }) {
  return (
    <View className="service-card" onClick={() => openService(item.id)} data-testid="service-card">
      <View className="service-card-name">{item.name}</View>
      <View className="muted">{item.departmentName}</View>
      <View className="service-card-tags">
        <Text className="tag tag-green">{visitsLabel(item.visits)}</Text>
        <Text className="tag tag-blue">承诺 {daysLabel(item.promisedDays)}</Text>
        {item.online && <Text className="tag tag-orange">全程网办</Text>}
        {item.audience.includes('enterprise') && <Text className="tag tag-gray">企业</Text>}
      </View>
    </View>
  );
}
