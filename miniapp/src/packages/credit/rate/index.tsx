import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { RATING_RULES } from '@yx/shared';
import { creditApi } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { formatDate, formatDay } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { creditUrl, merchantParams, param } from '../parts/links';
import { RateForm } from './RateForm';
import './index.css';

/** Who may rate: the route's members (a person, a firm's people, officers in their own name). */
const RATERS = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher'] as const;

/**
 * 评价商户 (issue 20, `?code=…&s=…`): after scanning the merchant's 信用码 in the shop, a signed-in person rates it once
 * in the window. Without the scan's proof the page says how to get it; within the window, when one may rate again.
 */
export default function RateMerchant() {
  return (
    <Page className="crt">
      <RoleGate
        roles={RATERS}
        what="评价商户"
        loginText={`登录后可以评价商户（每人 ${RATING_RULES.windowDays} 天内可评价同一商户一次）`}
        deniedText="评价商户请使用个人账号或企业账号"
        deniedNote={(name) => `您当前的身份是“${name}”。`}
      >
        <Body />
      </RoleGate>
    </Page>
  );
}

function Body() {
  const { params } = useRouter();
  const { code, s } = merchantParams(params);
  const name = param(params.name);
  const toMerchant = () => Taro.redirectTo({ url: creditUrl('merchant', { code }) });
  if (!code) return <View className="state state-empty">没有商户信息，请重新扫描商户的信用码</View>;
  return (
    <View>
      {name && (
        <View className="crt-head" data-testid="rate-firm">
          评价：{name}
        </View>
      )}
      {s ? (
        <RateWindow code={code} s={s} />
      ) : (
        <View className="section" data-testid="rate-needs-scan">
          <View className="crt-note">评价商户需要在店内扫描商户张贴的“信用码”：用微信“扫一扫”扫码后，在打开的商户信用页点“评价商户”。</View>
          <Button className="btn btn-plain crt-back" onClick={toMerchant}>
            查看商户信用
          </Button>
        </View>
      )}
    </View>
  );
}

/** The form, unless the person rated this merchant within the window. */
function RateWindow({ code, s }: { code: string; s: string }) {
  const mine = useAsync(() => creditApi.myRating(code), [code]);
  const my = mine.data;
  return (
    <StateView loading={mine.loading && !my} error={my ? undefined : mine.error} onRetry={mine.reload}>
      {my?.nextOn ? (
        <View className="section" role="status" data-testid="my-rating">
          <View className="crt-note">
            {my.rating ? `您已于 ${formatDate(my.rating.at)} 评价过该商户，` : '您近期已评价过该商户，'}
            {formatDay(my.nextOn)} 起可再次评价。
          </View>
          <Button className="btn btn-plain crt-back" onClick={() => Taro.redirectTo({ url: creditUrl('merchant', { code, s }) })}>
            返回商户信用
          </Button>
        </View>
      ) : (
        my && <RateForm code={code} s={s} />
      )}
    </StateView>
  );
}
