import { Text, View } from '@tarojs/components';
import { DISCLOSURE_RULES } from '@yx/shared';
import { formatDay } from '../../../components/Timeline';
import type { ActionProps } from './parts';
import './disclosure.css';

type Detail = ActionProps['d'];

/** The working days a request has, as parts of the picture: the 20 of the 条例, the extension, the days not counted. */
export function clockParts(d: Detail) {
  const x = d.disclosure!;
  const ext = x.extension?.days ?? 0;
  const base = DISCLOSURE_RULES.replyDays;
  const paused = x.pausedDays;
  const total = base + ext + paused;
  const remaining = d.statutory?.remainingDays ?? null;
  const used = remaining === null ? null : Math.max(0, d.statutoryDays - remaining);
  return { base, ext, paused, total, used, remaining };
}

/** What the picture shows, in words (read out, and printed under it). */
export function clockWords(d: Detail): string[] {
  const x = d.disclosure!;
  const { base, ext, paused, used, remaining } = clockParts(d);
  const lines = [
    x.restartedOn ? `${formatDay(x.restartedOn)}收到您的补正，答复期限重新计算` : `${formatDay(x.receivedOn)}收到您的申请`,
    `依法应在 ${base} 个工作日内答复`,
  ];
  if (x.extension) lines.push(`经批准延长 ${ext} 个工作日（${x.extension.reason}）`);
  if (paused > 0) lines.push(`征求第三方或其他机关意见用去 ${paused} 个工作日，不计入答复期限`);
  if (x.consulting) lines.push(`正在${x.consulting.name}（${formatDay(x.consulting.since)}起），这段时间不计入答复期限`);
  if (x.reply) lines.push(`${formatDay(x.reply.on)}已答复${x.reply.onTime ? '，在答复期限内' : ''}`);
  else if (d.state === 'supplement') lines.push(`等您补正申请内容；收到补正之日起重新计算 ${base} 个工作日`);
  else {
    lines.push(`答复期限：${formatDay(x.deadline)}`);
    if (used !== null && remaining !== null)
      lines.push(remaining >= 0 ? `已用 ${used} 个工作日，还剩 ${remaining} 个工作日` : `已超过答复期限 ${-remaining} 个工作日`);
  }
  return lines;
}

const pct = (n: number, total: number) => `${Math.round((Math.min(n, total) / total) * 1000) / 10}%`;

/**
 * 依申请公开: the clock as a picture — a bar from receipt to the reply deadline, made of the 条例's 20 working days, the
 * extension and the days not counted (asking a third party), with the days used filled in — and the same in words.
 */
export function DisclosureClock({ d }: { d: Detail }) {
  const x = d.disclosure!;
  const { base, ext, paused, total, used } = clockParts(d);
  const words = clockWords(d);
  const filled = x.reply ? total : (used ?? 0);
  return (
    <View className="dt-clock" data-testid="disclosure-clock">
      <View className="dq-pic" role="img" aria-label={`答复期限：${words.join('；')}`}>
        <View className="dq-bar">
          <View className="dq-seg dq-base" style={{ width: pct(base, total) }} />
          {ext > 0 && <View className="dq-seg dq-ext" style={{ width: pct(ext, total) }} data-testid="dq-ext" />}
          {paused > 0 && <View className="dq-seg dq-paused" style={{ width: pct(paused, total) }} data-testid="dq-paused" />}
          <View className={`dq-fill ${x.reply ? 'done' : ''}`} style={{ width: pct(filled, total) }} data-testid="dq-fill" />
        </View>
        <View className="dq-ends">
          <Text>{formatDay(x.restartedOn ?? x.receivedOn)}</Text>
          <Text className="dq-end">{formatDay(x.deadline)}</Text>
        </View>
        <View className="dq-legend">
          <Text className="dq-key">
            <Text className="dq-swatch dq-base" />
            {base} 个工作日
          </Text>
          {ext > 0 && (
            <Text className="dq-key">
              <Text className="dq-swatch dq-ext" />
              延长 {ext} 个工作日
            </Text>
          )}
          {paused > 0 && (
            <Text className="dq-key">
              <Text className="dq-swatch dq-paused" />
              不计入 {paused} 个工作日
            </Text>
          )}
        </View>
      </View>
      <View className="dq-words" data-testid="dq-words">
        {words.map((w) => (
          <View key={w} className="dq-word">
            {w}
          </View>
        ))}
      </View>
    </View>
  );
}
