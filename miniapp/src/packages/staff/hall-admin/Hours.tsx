import { Input, Switch, Text, View } from '@tarojs/components';
import { WEEKDAY_NAMES } from '@yx/shared';
import { ErrorLine } from '../../../components/ErrorLine';
import { MultiChips } from '../../../components/MultiChips';
import { draftHoursText, errUnder, MAX_RANGES, newKey, type PointDraft, type RangeDraft, type RangeKind } from './draft';

type Put = (x: Partial<PointDraft>) => void;

const KIND_NAMES: Record<RangeKind, string> = { workday: '工作日', weekend: '周末', holiday: '节假日' };
const KIND_HINTS: Record<RangeKind, string> = {
  workday: '周一至周五（含调休上班的周六、周日）',
  weekend: '“5+2”周末预约服务：不填时段即周末休息',
  holiday: '法定节假日：不填时段即休息',
};
const WEEKEND_DAYS = [
  ['6', '周六'],
  ['7', '周日'],
] as const;
const EVENING_DAYS = [1, 2, 3, 4, 5].map((d) => [String(d), WEEKDAY_NAMES[d]!] as const);

/** One clock input (HH:MM), named for a screen reader. */
function ClockInput({ label, value, onInput, error }: { label: string; value: string; onInput: (v: string) => void; error?: boolean }) {
  return (
    <Input
      className={`input ha-clock ${error ? 'input-error' : ''}`}
      type="text"
      value={value}
      maxlength={5}
      placeholder="09:00"
      onInput={(e) => onInput(e.detail.value)}
      aria-label={label}
      nativeProps={{ 'aria-label': label }}
    />
  );
}

/** A time range as two HH:MM inputs and the error of either under them. */
function RangeRow({
  label,
  r,
  put,
  remove,
  errors,
  at,
}: {
  label: string;
  r: { start: string; end: string };
  put: (x: { start?: string; end?: string }) => void;
  remove?: () => void;
  errors: Record<string, string>;
  at: string;
}) {
  const startErr = errors[`${at}.start`];
  const endErr = errors[`${at}.end`];
  return (
    <View className="ha-range" data-testid="ha-range">
      <View className="ha-row">
        <ClockInput label={`${label}开始时间`} value={r.start} onInput={(start) => put({ start })} error={Boolean(startErr)} />
        <Text className="ha-row-text">至</Text>
        <ClockInput label={`${label}结束时间`} value={r.end} onInput={(end) => put({ end })} error={Boolean(endErr)} />
        {remove && (
          <View className="ha-remove tap" role="button" aria-label={`删除${label}`} onClick={remove}>
            删除
          </View>
        )}
      </View>
      <ErrorLine error={startErr ?? endErr ?? errors[at]} />
    </View>
  );
}

function Ranges({ kind, d, put, errors }: { kind: RangeKind; d: PointDraft; put: Put; errors: Record<string, string> }) {
  const list = d[kind];
  const set = (next: RangeDraft[]) => put({ [kind]: next } as Partial<PointDraft>);
  const name = KIND_NAMES[kind];
  return (
    <View className="ha-hours-kind" data-testid={`ha-hours-${kind}`}>
      <View className="ha-sub">{name}</View>
      <View className="muted ha-hint">{KIND_HINTS[kind]}</View>
      {list.map((r, i) => (
        <RangeRow
          key={r.key}
          label={`${name}第 ${i + 1} 段`}
          r={r}
          at={`hours.${kind}.${i}`}
          errors={errors}
          put={(x) => set(list.map((y, j) => (j === i ? { ...y, ...x } : y)))}
          remove={() => set(list.filter((_, j) => j !== i))}
        />
      ))}
      {!list.length && <View className="muted">{kind === 'workday' ? '工作日不开放' : `${name}休息`}</View>}
      <ErrorLine error={errors[`hours.${kind}`]} />
      {list.length < MAX_RANGES && (
        <View
          className="ha-add tap"
          role="button"
          aria-label={`＋ 添加${name}时段`}
          data-testid={`ha-add-${kind}`}
          onClick={() => set([...list, { key: newKey(), start: list.length ? list[list.length - 1]!.end : '09:00', end: '' }])}
        >
          ＋ 添加{name}时段
        </View>
      )}
    </View>
  );
}

/** 开放时间: 工作日, 周末 (5+2, which days), 节假日, 白加黑 evenings, and the whole read back in words as it is typed. */
export function Hours({ d, put, errors }: { d: PointDraft; put: Put; errors: Record<string, string> }) {
  const eveningLabel = '开放白加黑延时服务';
  return (
    <View className="section" data-testid="ha-hours">
      <View className="section-title">开放时间</View>
      <View className="ha-readback" aria-live="polite" data-testid="ha-hours-text">
        <Text className="ha-readback-label">居民看到的开放时间：</Text>
        {draftHoursText(d)}
      </View>
      <Ranges kind="workday" d={d} put={put} errors={errors} />
      <Ranges kind="weekend" d={d} put={put} errors={errors} />
      {d.weekend.length > 0 && (
        <View className="ha-days">
          <View className="field-label">周末开放哪几天</View>
          <MultiChips
            label="周末开放哪几天"
            options={WEEKEND_DAYS}
            value={d.weekendDays.map(String) as ('6' | '7')[]}
            onChange={(v) => put({ weekendDays: v.map(Number) })}
          />
          <ErrorLine error={errUnder(errors, 'hours.weekendDays')} />
        </View>
      )}
      <Ranges kind="holiday" d={d} put={put} errors={errors} />
      <View className="ha-hours-kind" data-testid="ha-hours-evening">
        <View className="ha-sub">白加黑（工作日晚间延时）</View>
        <View className="ha-switch">
          <Text>{eveningLabel}</Text>
          <Switch
            checked={d.eveningOn}
            color="#c8161d"
            onChange={(e) => put({ eveningOn: e.detail.value })}
            aria-label={eveningLabel}
            nativeProps={{ 'aria-label': eveningLabel }}
          />
        </View>
        {d.eveningOn && (
          <View>
            <View className="field-label">哪几天延时</View>
            <MultiChips label="哪几天延时" options={EVENING_DAYS} value={d.eveningDays.map(String)} onChange={(v) => put({ eveningDays: v.map(Number) })} />
            <ErrorLine error={errors['hours.evening.weekdays']} />
            <View className="field-label">延时时段（只有标“延时/周末”的窗口开放）</View>
            <RangeRow label="延时时段" r={d.evening} at="hours.evening.range" errors={errors} put={(x) => put({ evening: { ...d.evening, ...x } })} />
          </View>
        )}
      </View>
    </View>
  );
}
