import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PUBLICATION_CATEGORY_NAMES } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../api/client';
import { publicationsApi, type PublicationCategory } from '../../api/publications';
import { Button } from '../../components/Button';
import { ErrorLine } from '../../components/ErrorLine';
import { useSubmit } from '../../hooks/useSubmit';

/**
 * 订阅 one category: a new item in it sends a message (消息). A visitor is asked to log in first; a subscriber can cancel
 * here or under 我的订阅. `subscribed` comes from the page (one request for every category).
 */
export function SubscribeBar({
  category,
  subscribed,
  canSubscribe,
  loggedIn,
  onChange,
}: {
  category: PublicationCategory;
  subscribed: boolean | undefined;
  canSubscribe: boolean;
  loggedIn: boolean;
  onChange: (categories: PublicationCategory[]) => void;
}) {
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit((e) => asApiError(e).message, setError);
  const name = PUBLICATION_CATEGORY_NAMES[category];
  if (loggedIn && !canSubscribe) return null; // officers read; subscriptions are residents' and firms'
  const toggle = () =>
    send(async () => {
      setError(undefined);
      const r = await publicationsApi.setSubscribed(category, !subscribed);
      onChange(r.categories);
      Taro.showToast({ title: subscribed ? '已取消订阅' : '已订阅', icon: 'success' });
    });
  return (
    <View className="op-subscribe" data-testid="subscribe-bar">
      <View className="op-subscribe-text">
        {!loggedIn
          ? `登录后可订阅“${name}”，有新发布时通过消息通知您`
          : subscribed
            ? `已订阅“${name}”，有新发布时会通过消息通知您`
            : `订阅“${name}”，有新发布时通过消息通知您`}
      </View>
      {!loggedIn ? (
        <Button className="btn btn-plain op-subscribe-btn" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>
          登录
        </Button>
      ) : (
        <Button
          className={`btn op-subscribe-btn ${subscribed ? 'btn-plain' : ''}`}
          disabled={busy || subscribed === undefined || undefined}
          loading={busy || undefined}
          aria-label={subscribed ? `取消订阅${name}` : `订阅${name}`}
          data-testid="subscribe-toggle"
          onClick={toggle}
        >
          {subscribed ? '取消订阅' : '订阅'}
        </Button>
      )}
      <ErrorLine error={error} />
    </View>
  );
}
