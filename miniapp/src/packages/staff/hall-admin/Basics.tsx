import { View } from '@tarojs/components';
import { Chips } from '../../../components/Chips';
import { ErrorLine } from '../../../components/ErrorLine';
import { Field } from '../../../components/Field';
import { SLOT_LENGTHS, type PointDraft, type SlotLength } from './draft';

type Put = (x: Partial<PointDraft>) => void;

/** 基本信息 (name, address, phone, map location and 签到范围) and 预约容量 (slot length, people per window per slot). */
export function Basics({ d, put, errors }: { d: PointDraft; put: Put; errors: Record<string, string> }) {
  return (
    <>
      <View className="section" data-testid="ha-basics">
        <View className="section-title">基本信息</View>
        <View className="muted ha-hint">类型：{d.kind === 'hall' ? '区政务服务中心' : '街道便民服务中心'}</View>
        <Field name="name" label="地点名称" value={d.name} onInput={(name) => put({ name })} error={errors.name} maxlength={40} />
        <Field name="address" label="地址" value={d.address} onInput={(address) => put({ address })} error={errors.address} maxlength={80} />
        <Field
          name="phone"
          label="咨询电话（可不填）"
          value={d.phone}
          onInput={(phone) => put({ phone })}
          error={errors.phone}
          maxlength={20}
          placeholder="如 020-83000000"
        />
        <View className="ha-grid">
          <Field name="lat" label="纬度" value={d.lat} onInput={(lat) => put({ lat })} error={errors.lat} maxlength={12} placeholder="如 23.1322" />
          <Field name="lng" label="经度" value={d.lng} onInput={(lng) => put({ lng })} error={errors.lng} maxlength={12} placeholder="如 113.2646" />
        </View>
        <Field
          name="geofenceMeters"
          label="签到范围（米，50–1000）"
          type="number"
          value={d.geofenceMeters}
          onInput={(geofenceMeters) => put({ geofenceMeters })}
          error={errors.geofenceMeters}
          maxlength={4}
        />
        <View className="muted ha-hint-after">办事人在这个距离以内可以用定位签到取号（坐标按微信定位的 GCJ-02）。</View>
      </View>
      <View className="section" data-testid="ha-capacity">
        <View className="section-title">预约时段与容量</View>
        <View className="field-label">每个预约时段的长度</View>
        <Chips<string>
          label="每个预约时段的长度"
          options={SLOT_LENGTHS.map((m) => ({ value: String(m), label: `${m} 分钟` }))}
          value={String(d.slotMinutes)}
          onChange={(v) => put({ slotMinutes: Number(v) as SlotLength })}
        />
        <ErrorLine error={errors.slotMinutes} />
        <Field
          name="capacityPerWindow"
          label="每窗口每时段可约人数（1–20）"
          type="number"
          value={d.capacityPerWindow}
          onInput={(capacityPerWindow) => put({ capacityPerWindow })}
          error={errors.capacityPerWindow}
          maxlength={2}
        />
        <View className="muted ha-hint-after">一个时段可约人数 = 每窗口人数 × 办理该事项并在该时段开放的窗口数。</View>
      </View>
    </>
  );
}
