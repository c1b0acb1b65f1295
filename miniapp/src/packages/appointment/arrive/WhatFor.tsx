import { Text, View } from '@tarojs/components';
import type { AppointmentView, PointDetail } from '../../../api/appointments';
import { ItemChoice } from '../book/ItemChoice';

export type Choice = { kind: 'booking'; id: string } | { kind: 'item'; id: string };

/** What the number is for: one of today's bookings at this point (called first within its slot), or an item (walk-in). */
export function WhatFor({
  bookings,
  areas,
  value,
  onChange,
}: {
  bookings: AppointmentView[];
  areas: PointDetail['areas'];
  value?: Choice;
  onChange: (c: Choice) => void;
}) {
  return (
    <>
      {bookings.length > 0 && (
        <View className="section">
          <View className="section-title">今天的预约</View>
          <View className="muted apa-hint">预约号在预约时段内优先叫号</View>
          <View role="radiogroup" aria-label="今天的预约">
            {bookings.map((a) => {
              const on = value?.kind === 'booking' && value.id === a.id;
              return (
                <View
                  key={a.id}
                  className={`apa-booking tap ${on ? 'on' : ''}`}
                  role="radio"
                  aria-checked={on}
                  onClick={() => onChange({ kind: 'booking', id: a.id })}
                  data-testid={`booking-${a.id}`}
                >
                  <View className="apa-booking-name">{a.itemName}</View>
                  <Text className="apa-booking-time">
                    {a.start}–{a.end}
                  </Text>
                  <Text className="tag tag-red">预约优先</Text>
                </View>
              );
            })}
          </View>
        </View>
      )}
      <View className="section">
        <View className="section-title">{bookings.length ? '没有预约的事项，现场取号' : '选择要办理的事项'}</View>
        <ItemChoice areas={areas} value={value?.kind === 'item' ? value.id : undefined} onChange={(id) => onChange({ kind: 'item', id })} />
      </View>
    </>
  );
}
