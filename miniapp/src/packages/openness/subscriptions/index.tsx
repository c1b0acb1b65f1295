import { Switch, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PUBLICATION_CATEGORIES, categoryNames } from '@yx/shared';
import { useEffect, useRef, useState } from 'react';
import { asApiError } from '../../../api/client';
import { publicationsApi, type PublicationCategory } from '../../../api/publications';
import { ErrorLine } from '../../../components/ErrorLine';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { OPENNESS_PAGES } from '../common';
import './index.css';

/** 我的订阅 (issue 19): a switch per category; on, each new item in it comes as a message (消息). */
function Subscriptions() {
  const saved = useAsync(() => publicationsApi.subscriptions(), []);
  const [on, setOn] = useState<PublicationCategory[]>([]);
  // categories being saved: a second tap on the same one waits for the first
  const busy = useRef(new Set<PublicationCategory>());
  const [, setSaving] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (saved.data) setOn(saved.data.categories);
  }, [saved.data]);

  const toggle = async (category: PublicationCategory, subscribed: boolean) => {
    if (busy.current.has(category)) return;
    busy.current.add(category);
    setSaving((n) => n + 1);
    setError(undefined);
    setOn((c) => (subscribed ? [...c, category] : c.filter((x) => x !== category))); // shown at once, put back on failure
    try {
      setOn((await publicationsApi.setSubscribed(category, subscribed)).categories);
    } catch (e) {
      setOn((c) => (subscribed ? c.filter((x) => x !== category) : [...c, category]));
      setError(asApiError(e).message);
    } finally {
      busy.current.delete(category);
      setSaving((n) => n - 1);
    }
  };

  return (
    <StateView loading={saved.loading && !saved.data} error={saved.data ? undefined : saved.error} onRetry={saved.reload}>
      <View className="section">
        <View className="section-title">订阅政务公开栏目</View>
        <View className="muted" data-testid="subs-summary">
          {on.length
            ? `已订阅：${categoryNames(on)}。这些栏目有新发布时，会在“消息”中通知您。`
            : '还没有订阅。打开下面的开关，相应栏目有新发布时会在“消息”中通知您。'}
        </View>
        <ErrorLine error={error} />
        {PUBLICATION_CATEGORIES.map((c) => (
          <View key={c.id} className="ops-row" data-testid={`sub-${c.id}`}>
            <View className="ops-text">
              <View className="ops-name">{c.name}</View>
              <View className="muted">{c.hint}</View>
            </View>
            <Switch
              checked={on.includes(c.id)}
              disabled={busy.current.has(c.id)}
              color="#c8161d"
              onChange={(e) => void toggle(c.id, e.detail.value)}
              aria-label={`订阅${c.name}`}
              nativeProps={{ 'aria-label': `订阅${c.name}` }}
            />
          </View>
        ))}
      </View>
      <View className="ops-go tap" role="button" aria-label="去看政务公开" onClick={() => Taro.navigateTo({ url: OPENNESS_PAGES.index })}>
        去看政务公开 ›
      </View>
    </StateView>
  );
}

export default function SubscriptionsPage() {
  return (
    <Page>
      <RoleGate roles={['resident', 'enterprise']} what="政务公开订阅" loginText="请先登录，再订阅政务公开栏目" deniedText="政务公开订阅供居民和企业使用">
        <Subscriptions />
      </RoleGate>
    </Page>
  );
}
