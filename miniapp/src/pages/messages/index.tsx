import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api, type MessageView } from '../../api/client';
import { ListView } from '../../components/ListView';
import { Page } from '../../components/Page';
import { RoleGate } from '../../components/RoleGate';
import { formatDateTime } from '../../components/Timeline';
import { usePagedList } from '../../hooks/usePagedList';
import './index.css';

/** 诉求 work orders are numbered SQ…, applications YX…: each opens its own detail page. */
const isWorkOrder = (no: string) => no.toUpperCase().startsWith('SQ');
const targetOf = (no: string) =>
  isWorkOrder(no) ? `/packages/appeal/detail/index?no=${encodeURIComponent(no)}` : `/packages/progress/detail/index?appNo=${encodeURIComponent(no)}`;

const newestFirst = (a: MessageView, b: MessageView) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** 消息: every step of the person's applications, newest first; opening one marks it read. */
export default function Messages() {
  return (
    <Page className="msg">
      <RoleGate what="消息" loginText="登录后可查看办件进度消息">
        <Inbox />
      </RoleGate>
    </Page>
  );
}

function Inbox() {
  // the tab shown again (back from a detail page, or switched to): the list refreshes itself, new messages may have arrived
  const list = usePagedList((cursor) => api.messages(cursor), [], { key: (m) => m.id, sort: newestFirst });
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (list.last) setUnread(list.last.unread);
  }, [list.last]);

  const open = (m: MessageView) => {
    if (!m.read) {
      setUnread((n) => Math.max(0, n - 1));
      list.setItems((items) => items.map((x) => (x.id === m.id ? { ...x, read: true } : x)));
      api.readMessage(m.id, m.at).then(
        (r) => setUnread(r.unread),
        () => undefined, // stays read on screen; the next refresh shows the truth
      );
    }
    if (m.appNo) Taro.navigateTo({ url: targetOf(m.appNo) });
  };

  const empty = (
    <>
      <View>暂无消息</View>
      <View className="muted">您的办件每一步进展都会在这里通知您</View>
    </>
  );
  return (
    <>
      {list.items.length > 0 && (
        <View className="msg-summary" role="status">
          {unread > 0 ? (
            <>
              全部<Text className="msg-count">{unread}</Text>条未读
            </>
          ) : (
            '消息已全部读完'
          )}
        </View>
      )}
      <ListView list={list} emptyText={empty}>
        <View className="msg-list" role="list">
          {list.items.map((m) => (
            <View
              key={m.id}
              className={`card msg-item ${m.read ? 'read' : 'unread'}`}
              role="listitem"
              data-testid="message"
              onClick={() => open(m)}
              aria-label={`${m.read ? '' : '未读消息，'}${m.title}`}
            >
              <View className="msg-head">
                {!m.read && <View className="msg-dot" data-testid="unread-dot" />}
                <View className="msg-title">{m.title}</View>
                <View className="msg-time">{formatDateTime(m.at)}</View>
              </View>
              <View className="msg-body">{m.body}</View>
              {m.appNo && (
                <View className="msg-link" data-testid="message-link">
                  {isWorkOrder(m.appNo) ? '查看工单 ›' : '查看办件 ›'}
                </View>
              )}
            </View>
          ))}
        </View>
      </ListView>
    </>
  );
}
