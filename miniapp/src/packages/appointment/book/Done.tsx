import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPOINTMENT_PURPOSE_NAMES } from '@yx/shared';
import type { AppointmentView } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../components/Timeline';
import { CUTOFF_TEXT, dayText, pageUrl } from '../common';

/** 预约成功: what was booked, when check-in opens, and the way to 我的预约. */
export function Done({ a }: { a: AppointmentView }) {
  return (
    <View className="section apb-done" role="status" data-testid="booked">
      <View className="apb-done-mark" aria-hidden>
        ✓
      </View>
      <View className="apb-done-title">预约成功</View>
      <View className="apb-done-rows">
        <View className="apb-done-row">地点：{a.pointName}</View>
        <View className="apb-done-row">地址：{a.address}</View>
        <View className="apb-done-row">事项：{a.itemName}</View>
        <View className="apb-done-row">
          时间：{dayText(a.date)} {a.start}–{a.end}
        </View>
        {a.applicationId && (
          <View className="apb-done-row">
            关联办件：{a.applicationId}（{APPOINTMENT_PURPOSE_NAMES[a.purpose]}）
          </View>
        )}
      </View>
      <View className="muted apb-done-note">
        {formatDateTime(a.checkInFrom)} 起可到场扫描大厅的签到二维码取号，预约号优先叫号。{CUTOFF_TEXT}；预约后未到场记爽约。
      </View>
      <Button className="btn apb-done-btn" onClick={() => Taro.redirectTo({ url: pageUrl('mine') })} data-testid="go-mine">
        查看我的预约
      </Button>
    </View>
  );
}
