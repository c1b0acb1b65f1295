import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../api/client';
import { woApi, type WoSummary } from '../../../api/workorders';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDateTime } from '../../../components/Timeline';
import { useSession } from '../../../hooks/useSession';
import { asApiError } from '../../../api/client';
import { APPEAL_PAGES, openWorkOrder } from '../pages';
import { WoStateTag } from '../../../components/WoStateTag';
import './index.css';

interface ListState { items: WoSummary[]; nextCursor: string | null; loading: boolean; more: boolean; error?: ApiError; moreError?: string }
const INITIAL: ListState = { items: [], nextCursor: null, loading: true, more: false };

const newestFirst = (a: WoSummary, b: WoSummary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/** 我的诉求: what I filed (or, for a grid official, reported), newest first, 20 at a time. */
export default function MyWorkOrders() {
  const session = useSession();
  const loggedIn = Boolean(session);
  const [list, setList] = useState<ListState>(INITIAL);
  const seq = useRef(0);
  const lastLoad = useRef(0);

  const load = useCallback((cursor?: string, refresh = false) => {
    const n = ++seq.current;
    lastLoad.current = Date.now();
    setList((s) => (cursor ? { ...s, more: true, moreError: undefined } : refresh ? { ...s, loading: true, error: undefined } : { ...INITIAL }));
    woApi.mine(cursor).then(
      (r) => {
        if (n !== seq.current) return;
        setList((s) => {
          const seen = new Set(r.items.map((i) => i.no));
          const kept = cursor ? s.items.filter((i) => !seen.has(i.no)) : [];
          return { items: [...kept, ...r.items].sort(newestFirst), nextCursor: r.nextCursor, loading: false, more: false };
        });
      },
      (e) => {
        if (n !== seq.current) return;
        const err = asApiError(e);
        setList((s) => (cursor ? { ...s, more: false, moreError: err.message } : { ...INITIAL, loading: false, error: err }));
      },
    );
  }, []);

  useEffect(() => { if (loggedIn) load(); }, [loggedIn, load]);
  // back from a detail page (rated, followed): refresh, but not right after the first load
  useDidShow(() => {
    if (loggedIn && Date.now() - lastLoad.current > 1000) load(undefined, true);
  });

  const goFile = () => Taro.navigateTo({ url: APPEAL_PAGES.file });

  if (!loggedIn) {
    return (
      <Page className="wm">
        <View className="state state-empty" data-testid="login-needed">
          <View>登录后可查看您反映的诉求和办理进度</View>
          <Button className="btn wm-btn" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
        </View>
      </Page>
    );
  }

  const empty = !list.loading && !list.error && !list.items.length;
  return (
    <Page className="wm">
      <StateView loading={list.loading && !list.items.length} error={list.error} onRetry={() => load()} empty={!list.items.length} emptyText="您还没有反映过诉求">
        {list.items.map((w) => (
          <View key={w.no} className="wm-row" onClick={() => openWorkOrder(w.no)} data-testid="wo-row">
            <View className="wm-row-head">
              <View className="wm-row-cat">{w.category}</View>
              <WoStateTag state={w.state} name={w.stateName} />
            </View>
            <View className="wm-row-desc">{w.description}</View>
            <View className="wm-row-foot">
              <Text className="muted">{formatDateTime(w.createdAt)} · {w.teamName}</Text>
              {w.affected > 1 && <Text className="muted">{w.affected} 人反映</Text>}
            </View>
          </View>
        ))}
        {list.nextCursor && (
          <View className="wm-more">
            <Button className="btn btn-plain" disabled={list.more || undefined} loading={list.more || undefined} onClick={() => load(list.nextCursor!)}>加载更多</Button>
          </View>
        )}
        {list.moreError && <View className="error-text wm-center" role="alert">{list.moreError}</View>}
        {!list.nextCursor && list.items.length > 0 && <View className="muted wm-center wm-end">没有更多了</View>}
      </StateView>
      {empty && (
        <View className="wm-empty-cta">
          <Button className="btn" onClick={goFile}>去反映</Button>
        </View>
      )}
      {!empty && !list.loading && !list.error && (
        <View className="wm-fab">
          <Button className="btn btn-plain" onClick={goFile}>我要反映</Button>
        </View>
      )}
    </Page>
  );
}
