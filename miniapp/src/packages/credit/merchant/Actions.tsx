import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyRating } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { formatDate, formatDay } from '../../../components/Timeline';
import type { AsyncState } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { complainUrl, openCredit } from '../parts/links';

/** What stands where 评价商户 would be: a rating within the window, no scan, or the firm's own people. */
function RateState({ code, s, name, mine }: { code: string; s?: string; name: string; mine: AsyncState<MyRating | undefined> }) {
  const session = useSession();
  if (session?.user.enterprise?.creditCode === code)
    return (
      <View className="crm-note" data-testid="rate-own">
        这是您的企业，不能评价自己的企业。
        <View className="cr-more tap" role="button" onClick={() => openCredit('mine')}>
          查看我的企业信用 ›
        </View>
      </View>
    );
  if (!s)
    return (
      <View className="crm-note" data-testid="rate-needs-scan">
        评价商户需要在店内扫描商户张贴的“信用码”：用微信“扫一扫”扫码打开本页后即可评价。
      </View>
    );
  // signed in: wait for the window before offering the button (a rating within it cannot be made again)
  if (session && mine.loading && !mine.data) return null;
  const my = mine.data;
  if (my?.nextOn)
    return (
      <View className="crm-note crm-note-done" role="status" data-testid="my-rating">
        {my.rating ? `您已于 ${formatDate(my.rating.at)} 评价，` : '您近期已评价过该商户，'}
        {formatDay(my.nextOn)} 起可再次评价
        {my.rating?.status === 'held' ? '（您的评价待审核后显示）' : ''}
      </View>
    );
  return (
    <Button className="btn crm-rate" data-testid="rate-merchant" onClick={() => openCredit('rate', { code, s, name })}>
      评价商户
    </Button>
  );
}

/** 评价商户 (after a scan in the shop, once in the window) and 我要投诉 (an appeal about this firm). */
export function Actions(p: { code: string; s?: string; name: string; mine: AsyncState<MyRating | undefined> }) {
  return (
    <View className="section crm-actions" data-testid="merchant-actions">
      <RateState {...p} />
      <Button className="btn btn-plain crm-complain" data-testid="complain-merchant" onClick={() => Taro.navigateTo({ url: complainUrl(p.code) })}>
        我要投诉
      </Button>
    </View>
  );
}
