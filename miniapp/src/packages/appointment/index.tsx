import { Text, View } from '@tarojs/components';
import { appointmentsApi, type PointSummary } from '../../api/appointments';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { goAppointment } from './common';
import './index.css';

/** The district hall first, then the streets' centres (each kind in the server's order). */
const hallFirst = (points: PointSummary[]) => [...points.filter((p) => p.kind === 'hall'), ...points.filter((p) => p.kind !== 'hall')];

/** 预约办事 (issue 18): the service points, each with its hours in words and 5+2 / 白加黑 badges; a tap books there. */
export default function AppointmentHome() {
  const points = useAsync(() => appointmentsApi.points(), []);
  const items = hallFirst(points.data?.items ?? []);

  return (
    <Page className="ap">
      <View className="ap-head">
        <View className="ap-title">预约办事</View>
        <View className="ap-sub">网上预约时段 · 到场扫码取号 · 预约优先叫号</View>
      </View>
      <View className="ap-links">
        <View className="ap-link tap" role="button" aria-label="我的预约，改约 · 取消 · 到场签到" onClick={() => goAppointment('mine')} data-testid="link-mine">
          <View className="ap-link-name">我的预约</View>
          <View className="muted">改约 · 取消 · 到场签到</View>
        </View>
        <View className="ap-link tap" role="button" aria-label="我的排队号，前面还有几人" onClick={() => goAppointment('mine')} data-testid="link-tickets">
          <View className="ap-link-name">我的排队号</View>
          <View className="muted">前面还有几人</View>
        </View>
      </View>
      <View className="ap-arrive tap" role="button" onClick={() => goAppointment('arrive')} data-testid="link-arrive">
        已在大厅？扫描大厅的签到二维码取号 ›
      </View>

      <StateView
        loading={points.loading && !points.data}
        error={points.data ? undefined : points.error}
        onRetry={points.reload}
        empty={!items.length}
        emptyText="暂时没有可预约的办事地点"
      >
        <View className="ap-group">选择办事地点</View>
        {items.map((p) => (
          <View key={p.id} className="card ap-point tap" role="button" onClick={() => goAppointment('book', { pointId: p.id })} data-testid={`point-${p.id}`}>
            <View className="card-head">
              <View className="ap-point-name">{p.name}</View>
              <Text className={`tag ${p.kind === 'hall' ? 'tag-red' : 'tag-blue'}`}>{p.kind === 'hall' ? '区政务服务中心' : '街道便民服务中心'}</Text>
            </View>
            <View className="ap-point-line">地址：{p.address}</View>
            <View className="ap-point-line" data-testid="hours">
              时间：{p.hoursText}
            </View>
            {p.phone && <View className="ap-point-line">电话：{p.phone}</View>}
            <View className="ap-point-foot">
              {p.weekend && (
                <Text className="tag tag-blue" data-testid="badge-weekend">
                  5+2 周末可办
                </Text>
              )}
              {p.evening && (
                <Text className="tag ap-evening" data-testid="badge-evening">
                  白加黑 延时服务
                </Text>
              )}
              <Text className="muted ap-point-count">可预约 {p.itemCount} 个事项 ›</Text>
            </View>
          </View>
        ))}
      </StateView>
    </Page>
  );
}
