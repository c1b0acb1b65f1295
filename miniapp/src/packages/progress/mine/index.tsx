import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { ApplicationSummary } from '@yx/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../../api/client';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDate } from '../../../components/Timeline';
import { StateTag, TrafficLight } from '../../../components/TrafficLight';
import { useSession } from '../../../hooks/useSession';
import './index.css';

type Tab = 'all' | 'open' | 'action' | 'ended';
const TABS: { key: Tab; name: string; empty: string }[] = [
  { key: 'all', name: '全部', empty: '还没有办件，去办事指南看看' },
  { key: 'open', name: '办理中', empty: '没有正在办理的办件' },
  { key: 'action', name: '待我处理', empty: '没有需要您处理的办件' },
  { key: 'ended', name: '已办结', empty: '没有已办结的办件' },
];

interface ListState { items: ApplicationSummary[]; nextCursor: string | null; loading: boolean; more: boolean; error?: ApiError; moreError?: string }
const INITIAL: ListState = { items: [], nextCursor: null, loading: true, more: false };

const newestFirst = (a: ApplicationSummary, b: ApplicationSummary) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0);
const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '出了点问题，请重试'));

export const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/** 我的办件: the applicant's applications by tab, newest first, 20 at a time. */
export default function Mine() {
  const session = useSession();
  const loggedIn = Boolean(session);
  const [tab, setTab] = useState<Tab>('all');
  const [list, setList] = useState<ListState>(INITIAL);
  const seq = useRef(0);
  const lastLoad = useRef(0);

  /** First page (a refresh keeps the rows on screen until the new ones arrive) or the next one. */
  const load = useCallback((which: Tab, cursor?: string, refresh = false) => {
    const n = ++seq.current;
    lastLoad.current = Date.now();
    setList((s) => (cursor ? { ...s, more: true, moreError: undefined } : refresh ? { ...s, loading: true, error: undefined } : { ...INITIAL }));
    api.myApplications(which, cursor).then(
      (r) => {
        if (n !== seq.current) return;
        setList((s) => ({ items: [...(cursor ? s.items : []), ...r.items].sort(newestFirst), nextCursor: r.nextCursor, loading: false, more: false }));
      },
      (e) => {
        if (n !== seq.current) return;
        const err = asApiError(e);
        setList((s) => (cursor ? { ...s, more: false, moreError: err.message } : { ...INITIAL, loading: false, error: err }));
      },
    );
  }, []);

  useEffect(() => { if (loggedIn) load(tab); }, [loggedIn, tab, load]);
  // coming back from a detail page: states may have changed (withdrawn, supplemented, rated);
  // the first show comes right after the first load and is skipped
  useDidShow(() => {
    if (loggedIn && Date.now() - lastLoad.current > 1000) load(tab, undefined, true);
  });

  if (!loggedIn) {
    return (
      <Page className="mine">
        <View className="state state-empty">
          <View>登录后可查看您申请的办件</View>
          <Button className="btn mine-login" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
          <View className="muted mine-lookup" onClick={() => Taro.navigateTo({ url: '/packages/progress/lookup/index' })}>
            没有登录？用办件编号和查询码查进度 ›
          </View>
        </View>
      </Page>
    );
  }

  const current = TABS.find((t) => t.key === tab)!;
  return (
    <Page className="mine">
      <View className="mine-tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.key} className={`mine-tab ${t.key === tab ? 'active' : ''}`} role="tab" aria-selected={t.key === tab}
            onClick={() => { if (t.key !== tab) setTab(t.key); }}
          >
            {t.name}
          </View>
        ))}
      </View>

      <StateView loading={list.loading && !list.items.length} error={list.error} onRetry={() => load(tab)} empty={!list.items.length} emptyText={current.empty}>
        {list.items.map((a) => (
          <View key={a.appNo} className="mine-row" onClick={() => openApplication(a.appNo)} data-testid="application-row">
            <View className="mine-row-head">
              <View className="mine-row-name">{a.itemName}</View>
              <StateTag state={a.state} name={a.stateName} />
            </View>
            <View className="muted">办件编号 {a.appNo}</View>
            <View className="mine-row-foot">
              <Text className="muted">{formatDate(a.submittedAt)} 提交</Text>
              <TrafficLight small light={a.light} remainingDays={a.remainingDays} state={a.state} />
            </View>
          </View>
        ))}
        {list.nextCursor && (
          <View className="mine-more">
            <Button className="btn btn-plain" disabled={list.more || undefined} loading={list.more || undefined} onClick={() => load(tab, list.nextCursor!)}>加载更多</Button>
          </View>
        )}
        {list.moreError && <View className="error-text mine-more-error" role="alert">{list.moreError}</View>}
        {!list.nextCursor && list.items.length > 0 && <View className="muted mine-end">没有更多了</View>}
      </StateView>
      {!list.loading && !list.error && !list.items.length && tab === 'all' && (
        <View className="mine-guide">
          <Button className="btn btn-plain" onClick={() => Taro.switchTab({ url: '/pages/guide/index' })}>去办事指南</Button>
        </View>
      )}
    </Page>
  );
}
