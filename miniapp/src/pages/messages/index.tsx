import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type MessageView } from '../../api/client';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { formatDateTime } from '../../components/Timeline';
import { useSession } from '../../hooks/useSession';
import './index.css';

interface Inbox { items: MessageView[]; unread: number; nextCursor: string | null; loading: boolean; more: boolean; error?: ApiError; moreError?: string }
const EMPTY: Inbox = { items: [], unread: 0, nextCursor: null, loading: true, more: false };

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '出了点问题，请重试'));
/** 诉求 work orders are numbered SQ…, applications YX…: each opens its own detail page. */
const isWorkOrder = (no: string) => no.toUpperCase().startsWith('SQ');
const targetOf = (no: string) => (isWorkOrder(no)
  ? `/packages/appeal/detail/index?no=${encodeURIComponent(no)}`
  : `/packages/progress/detail/index?appNo=${encodeURIComponent(no)}`);

const newestFirst = (a: MessageView, b: MessageView) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** 消息: every step of the person's applications, newest first; opening one marks it read. */
export default function Messages() {
  const session = useSession();
  const loggedIn = Boolean(session);
  const [inbox, setInbox] = useState<Inbox>(EMPTY);
  const seq = useRef(0);
  const lastLoad = useRef(0);

  const load = useCallback((cursor?: string) => {
    const n = ++seq.current;
    lastLoad.current = Date.now();
    // a refresh keeps what is on screen until the new page arrives
    setInbox((s) => (cursor ? { ...s, more: true, moreError: undefined } : { ...s, loading: true, error: undefined }));
    api.messages(cursor).then(
      (r) => {
        if (n !== seq.current) return;
        setInbox((s) => {
          const items = cursor ? [...s.items, ...r.items.filter((m) => !s.items.some((x) => x.id === m.id))] : r.items;
          return { items: [...items].sort(newestFirst), unread: r.unread, nextCursor: r.nextCursor, loading: false, more: false };
        });
      },
      (e) => {
        if (n !== seq.current) return;
        const err = asApiError(e);
        setInbox((s) => (cursor ? { ...s, more: false, moreError: err.message } : { ...s, loading: false, error: err }));
      },
    );
  }, []);

  useEffect(() => {
    if (loggedIn) load();
    else setInbox(EMPTY);
  }, [loggedIn, load]);
  // the tab is shown again (back from a detail page, or switched to): new messages may have arrived
  useDidShow(() => {
    if (loggedIn && Date.now() - lastLoad.current > 1000) load();
  });

  const open = (m: MessageView) => {
    if (!m.read) {
      setInbox((s) => ({ ...s, unread: Math.max(0, s.unread - 1), items: s.items.map((x) => (x.id === m.id ? { ...x, read: true } : x)) }));
      api.readMessage(m.id, m.at).then(
        (r) => setInbox((s) => ({ ...s, unread: r.unread })),
        () => undefined, // stays read on screen; the next refresh shows the truth
      );
    }
    if (m.appNo) Taro.navigateTo({ url: targetOf(m.appNo) });
  };

  if (!loggedIn) {
    return (
      <Page>
        <View className="state state-empty">
          <View>登录后可查看办件进度消息</View>
          <Button className="btn msg-login" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
        </View>
      </Page>
    );
  }

  const hasItems = inbox.items.length > 0;
  return (
    <Page className="msg">
      {hasItems && (
        <View className="msg-summary" role="status">
          {inbox.unread > 0 ? <>全部<Text className="msg-count">{inbox.unread}</Text>条未读</> : '消息已全部读完'}
        </View>
      )}
      <StateView loading={inbox.loading && !hasItems} error={hasItems ? undefined : inbox.error} onRetry={() => load()}>
        {!hasItems ? (
          <View className="state state-empty">
            <View>暂无消息</View>
            <View className="muted">您的办件每一步进展都会在这里通知您</View>
          </View>
        ) : (
          <View className="msg-list" role="list">
            {inbox.items.map((m) => (
              <View
                key={m.id} className={`msg-item ${m.read ? 'read' : 'unread'}`} role="listitem" data-testid="message"
                onClick={() => open(m)} aria-label={`${m.read ? '' : '未读消息，'}${m.title}`}
              >
                <View className="msg-head">
                  {!m.read && <View className="msg-dot" data-testid="unread-dot" />}
                  <View className="msg-title">{m.title}</View>
                  <View className="msg-time">{formatDateTime(m.at)}</View>
                </View>
                <View className="msg-body">{m.body}</View>
                {m.appNo && <View className="msg-link" data-testid="message-link">{isWorkOrder(m.appNo) ? '查看工单 ›' : '查看办件 ›'}</View>}
              </View>
            ))}
            {inbox.nextCursor && (
              <View className="msg-more">
                <Button className="btn btn-plain" disabled={inbox.more || undefined} loading={inbox.more || undefined} onClick={() => load(inbox.nextCursor!)}>加载更多</Button>
              </View>
            )}
            {inbox.moreError && <View className="error-text msg-more-error" role="alert">{inbox.moreError}</View>}
          </View>
        )}
      </StateView>
    </Page>
  );
}
