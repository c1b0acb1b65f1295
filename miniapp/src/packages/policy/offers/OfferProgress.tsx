import { Text, View } from '@tarojs/components';
import type { OfferView } from '../../../api/policies';
import { formatDate, formatDay } from '../../../components/Timeline';

const STEPS = ['数据比对', '意愿确认', '拨付到账'] as const;
const NOW: Partial<Record<OfferView['status'], string>> = {
  confirmed: '已确认领取，等待主管部门审核',
  approved: '审核通过，等待拨付到账',
  paid: '已拨付到账',
};

/** A day ('2026-12-05') or an instant, in words. */
const when = (at?: string) => (!at ? '' : /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDay(at) : formatDate(at));

/**
 * 免申即享 after 意愿确认, as three steps — 数据比对 → 意愿确认 → 拨付到账 — with the current one marked, and under it the
 * account, the approval and, once paid, the payment reference and the day.
 */
export function OfferProgress({ offer }: { offer: OfferView }) {
  const done = offer.status === 'paid' ? 3 : 2;
  const dates = [offer.offeredAt, offer.confirmedAt, offer.paidAt];
  const now = NOW[offer.status] ?? '';
  return (
    <View className="po-progress" data-testid="offer-progress">
      <View className="po-steps" role="img" aria-label={`兑现进度：${STEPS.slice(0, done).join('、')}已完成。${now}`}>
        {STEPS.map((s, i) => (
          <View key={s} className={`po-step ${i < done ? 'done' : ''} ${i === done ? 'next' : ''}`} data-testid={i < done ? 'step-done' : 'step-todo'}>
            <View className="po-dot">{i + 1}</View>
            <Text className="po-step-name">{s}</Text>
            <Text className="po-step-at">{i < done ? when(dates[i]) : i === done ? '进行中' : ''}</Text>
          </View>
        ))}
      </View>
      <View className="po-now" data-testid="offer-now">
        {now}
      </View>
      {offer.account && <View className="po-line">收款账户：{offer.account}</View>}
      {offer.approvedAt && <View className="po-line">审核通过：{when(offer.approvedAt)}</View>}
      {offer.status === 'paid' && (
        <View className="po-paid" data-testid="payment">
          {offer.paymentRef && <View>拨付凭证号：{offer.paymentRef}</View>}
          {offer.paidAt && <View>到账日期：{when(offer.paidAt)}</View>}
        </View>
      )}
    </View>
  );
}
