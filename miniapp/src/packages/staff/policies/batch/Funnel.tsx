import { Text, View } from '@tarojs/components';
import { beijingTime, yuan, type OfferStatus } from '@yx/shared';
import type { RouteResponse } from '../../../../api/client';

export type Batch = RouteResponse<'GET /v1/staff/policy-items/{itemId}/batch'>;
type Count = { firms: number; amountYuan: number };

const ZERO: Count = { firms: 0, amountYuan: 0 };
/** The firms (and money) that reached each step: every offer was 已比对; a rejected one had been 已确认. */
const STAGES: [string, OfferStatus[]][] = [
  ['已比对', ['offered', 'confirmed', 'approved', 'paid', 'declined', 'rejected', 'lapsed']],
  ['已确认', ['confirmed', 'approved', 'paid', 'rejected']],
  ['已审核', ['approved', 'paid']],
  ['已拨付', ['paid']],
];
const SIDE: [string, OfferStatus][] = [
  ['放弃', 'declined'],
  ['未通过', 'rejected'],
  ['过期', 'lapsed'],
];

export const countOf = (b: Batch, s: OfferStatus): Count => b.counts[s] ?? ZERO;
const sum = (b: Batch, ss: OfferStatus[]) =>
  ss.reduce((a, s) => ({ firms: a.firms + countOf(b, s).firms, amountYuan: a.amountYuan + countOf(b, s).amountYuan }), ZERO);

/**
 * The batch as a picture: a funnel of the firms that reached each step (已比对 → 已确认 → 已审核 → 已拨付), each bar as
 * long as its share of the first, with the money; the ones that left it (放弃, 未通过, 过期); the last matching run.
 */
export function Funnel({ b }: { b: Batch }) {
  const stages = STAGES.map(([name, ss]) => [name, sum(b, ss)] as const);
  const top = stages[0][1].firms;
  return (
    <View className="section" data-testid="pb-funnel">
      <View className="section-title">兑现进度</View>
      <View className="pb-stages" role="list" aria-label="兑现进度">
        {stages.map(([name, c], i) => (
          <View key={name} className="pb-stage" role="listitem" data-testid={`pb-stage-${i}`}>
            <View className="pb-stage-text">
              <Text className="pb-stage-name">{name}</Text>
              <Text>
                {c.firms} 家 · {yuan(c.amountYuan)}
              </Text>
            </View>
            <View className="pb-bar-track">
              <View className={`pb-bar pb-bar-${i}`} style={{ width: `${top ? Math.max(2, Math.round((c.firms / top) * 100)) : 0}%` }} />
            </View>
          </View>
        ))}
      </View>
      <View className="pb-side" data-testid="pb-side">
        {SIDE.map(([name, s]) => (
          <View key={s} className="pb-side-one">
            <Text className="muted">{name}</Text>
            <Text className="pb-side-num">{countOf(b, s).firms} 家</Text>
          </View>
        ))}
      </View>
      <View className="muted pb-run" data-testid="pb-run">
        {b.lastRun
          ? `最近一次数据比对：${beijingTime(b.lastRun.at)}，比对 ${b.lastRun.firms} 家企业，发出 ${b.lastRun.offers} 个兑现提示${b.lastRun.done ? '' : '（比对进行中）'}`
          : '还没有进行过数据比对'}
      </View>
    </View>
  );
}
