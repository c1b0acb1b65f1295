import { ScrollView, Text, View } from '@tarojs/components';
import type { SlotDays, SlotView } from '../../api/appointments';
import { nearDay, todayBeijing, weekdayName } from './common';
import './SlotPicker.css';

type Day = SlotDays['days'][number];

/** A slot's light: green while there is room, amber when 2 or fewer are left, grey when full or past the cut-off. */
export function slotLight(s: SlotView): { tone: 'green' | 'amber' | 'grey'; text: string; open: boolean } {
  if (!s.open || s.left <= 0) return { tone: 'grey', text: s.left <= 0 ? '约满' : '已截止', open: false };
  return { tone: s.left <= 2 ? 'amber' : 'green', text: `余 ${s.left}/${s.capacity}`, open: true };
}

const hasOpen = (d: Day) => d.slots.some((s) => slotLight(s).open);

/** The day to show first: the first with a slot still open, else the first. */
export const firstOpenDay = (days: Day[]) => (days.find(hasOpen) ?? days[0])?.date;

/** What a day is, in the strip's third line: 休 (closed; 元旦休 on a holiday), 满 (full), 5+2 (weekend service), or nothing. */
function dayMark(d: Day): { dot?: 'weekend' | 'closed'; text?: string } {
  if (!d.slots.length) return { dot: 'closed', text: d.kind === 'holiday' ? `${d.holidayName ?? ''}休` : '休' };
  const weekend = d.kind !== 'workday';
  if (!hasOpen(d)) return { dot: weekend ? 'weekend' : undefined, text: '满' };
  return weekend ? { dot: 'weekend', text: '5+2' } : {};
}

/** Why there is nothing to choose on a day. */
function closedText(d: Day): string {
  if (d.kind === 'holiday') return `${d.holidayName ?? '节假日'}休息，不开放预约，请选择其他日期`;
  if (d.kind === 'weekend') return '该地点周末不开放，请选择其他日期';
  return '当天不开放预约，请选择其他日期';
}

/**
 * The 15 days as a horizontal strip (周X, 今天/明天, a dot for 5+2 weekends and closed days), then the chosen day's
 * slots as a grid, each with its light and `left/capacity`; 白加黑 evening slots marked. Full and past slots cannot be
 * chosen.
 */
export function SlotPicker({
  days,
  date,
  start,
  onDate,
  onStart,
  today = todayBeijing(),
}: {
  days: Day[];
  date?: string;
  start?: string;
  onDate: (date: string) => void;
  onStart: (start: string) => void;
  today?: string;
}) {
  const day = days.find((d) => d.date === date);
  return (
    <View className="aps">
      <ScrollView scrollX className="aps-strip" enhanced showScrollbar={false}>
        <View className="aps-days" role="radiogroup" aria-label="选择日期">
          {days.map((d) => {
            const mark = dayMark(d);
            const near = nearDay(d.date, today);
            const on = d.date === date;
            return (
              <View
                key={d.date}
                className={`aps-day tap ${on ? 'on' : ''} ${mark.dot === 'closed' ? 'closed' : ''}`}
                role="radio"
                aria-checked={on}
                data-testid={`date-${d.date}`}
                onClick={() => onDate(d.date)}
              >
                <Text className="aps-day-week">{near ?? weekdayName(d.date)}</Text>
                <Text className="aps-day-date">
                  {Number(d.date.slice(5, 7))}/{Number(d.date.slice(8, 10))}
                </Text>
                <View className="aps-day-mark">
                  {mark.dot && <View className={`aps-dot ${mark.dot}`} data-testid={`dot-${mark.dot}`} />}
                  {mark.text && <Text>{mark.text}</Text>}
                </View>
              </View>
            );
          })}
        </View>
      </ScrollView>
      <View className="aps-legend muted" aria-hidden>
        <View className="aps-dot weekend" /> 周末 5+2 预约服务
        <View className="aps-dot closed" /> 休息不开放
      </View>

      {day && !day.slots.length && (
        <View className="aps-closed" data-testid="day-closed">
          {closedText(day)}
        </View>
      )}
      {day && day.slots.length > 0 && (
        <>
          {!hasOpen(day) && <View className="aps-closed">当天已约满或已截止，请选择其他日期</View>}
          <View className="aps-grid" role="radiogroup" aria-label="选择时段">
            {day.slots.map((s) => {
              const light = slotLight(s);
              const on = s.start === start;
              const evening = s.kind === 'evening';
              return (
                <View
                  key={s.start}
                  className={`aps-slot tap ${light.tone} ${on ? 'on' : ''}`}
                  role="radio"
                  aria-checked={on}
                  aria-disabled={!light.open || undefined}
                  data-testid={`slot-${s.start}`}
                  data-light={light.tone}
                  onClick={() => light.open && onStart(s.start)}
                >
                  <View className="aps-slot-time">
                    {s.start}–{s.end}
                  </View>
                  <View className="aps-slot-left">
                    <View className="aps-lamp" />
                    <Text>{light.text}</Text>
                  </View>
                  {evening && <Text className="aps-evening">白加黑</Text>}
                </View>
              );
            })}
          </View>
          <View className="aps-legend muted" aria-hidden>
            <View className="aps-lamp-key green" /> 充足
            <View className="aps-lamp-key amber" /> 紧张（剩 2 个及以下）
            <View className="aps-lamp-key grey" /> 约满 / 已截止
          </View>
        </>
      )}
    </View>
  );
}
