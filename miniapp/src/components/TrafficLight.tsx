import { Text, View } from '@tarojs/components';
import { type ApplicationState, type Light, LIGHT_NAMES, ENDED_STATES } from '@yx/shared';
import './TrafficLight.css';

const LAMPS: Light[] = ['red', 'yellow', 'green'];

/** "剩余 3 个工作日" / "今日到期" / "已超时 2 个工作日"; undefined when the clock does not run. */
export function daysText(light: Light | null, remainingDays: number | null): string | undefined {
  if (light === null || remainingDays === null) return undefined;
  if (remainingDays < 0) return `已超时 ${-remainingDays} 个工作日`;
  if (remainingDays === 0) return '今日到期';
  return `剩余 ${remainingDays} 个工作日`;
}

/** What a grey light means: paused while the applicant supplements, otherwise over (short for list rows). */
export function idleText(state?: ApplicationState, short = false): string {
  if (state === 'supplement') return short ? '计时暂停' : '计时暂停（待补正）';
  if (state === 'waiting') return short ? '未开始计时' : '前置事项办结后开始计时';
  if (state && (ENDED_STATES.includes(state) || state === 'withdrawn' || state === 'terminated')) return short ? '已结束' : '已结束，不再计时';
  return '计时暂停/已结束';
}

/**
 * 红黄绿灯 of an application against its time limit: three lamps with the current one lit, or in
 * `small` form one coloured dot with a short text for list rows. `light === null` is grey.
 */
export function TrafficLight({
  light,
  remainingDays,
  state,
  small,
}: {
  light: Light | null;
  remainingDays: number | null;
  state?: ApplicationState;
  small?: boolean;
}) {
  const days = daysText(light, remainingDays);
  const name = light ? LIGHT_NAMES[light] : idleText(state, small);
  const label = light ? `办理时限：${name}${days ? `，${days}` : ''}` : `办理时限：${name}`;
  const tone = light ?? 'off';

  if (small) {
    return (
      <View className={`tl-small tl-${tone}`} role="img" aria-label={label} data-testid="traffic-light" data-light={tone}>
        <View className="tl-dot" />
        <Text className="tl-small-text">{light ? (days ?? name) : name}</Text>
      </View>
    );
  }
  return (
    <View className={`tl tl-${tone}`} role="img" aria-label={label} data-testid="traffic-light" data-light={tone}>
      <View className="tl-housing">
        {LAMPS.map((l) => (
          <View key={l} className={`tl-lamp tl-lamp-${l} ${l === light ? 'on' : ''}`} data-testid={`lamp-${l}`} data-on={l === light ? 'true' : 'false'} />
        ))}
      </View>
      <View className="tl-text">
        <View className="tl-name">{name}</View>
        {days && <View className="tl-days">{days}</View>}
      </View>
    </View>
  );
}

/** The state as a coloured tag: blue while in progress, orange when it needs the applicant, green/red when ended. */
const STATE_TONES: Record<ApplicationState, string> = {
  submitted: 'blue',
  supplement: 'orange',
  accepted: 'blue',
  in_review: 'blue',
  approved: 'green',
  delivered: 'green',
  denied: 'red',
  not_accepted: 'red',
  withdrawn: 'gray',
  waiting: 'gray',
  terminated: 'gray',
  replied: 'green',
};

export function StateTag({ state, name }: { state: ApplicationState; name: string }) {
  return (
    <Text className={`tag tag-${STATE_TONES[state]}`} data-testid="state-tag">
      {name}
    </Text>
  );
}
