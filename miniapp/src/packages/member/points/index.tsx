import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../../api/client';
import { memberApi, type PointsItem } from '../../../api/member';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDateTime } from '../../../components/Timeline';
import { goMember, MemberGate, pointsText } from '../common';
import './index.css';

interface ListState {
  balance?: number;
  growth?: number;
  items: PointsItem[];
  nextCursor: string | null;
  loading: boolean;
  more: boolean;
  error?: ApiError;
  moreError?: string;
}
const INITIAL: ListState = { items: [], nextCursor: null, loading: true, more: false };

/** 积分明细: balance and growth, then every change newest first, 20 at a time. */
export default function PointsLedger() {
  return (
    <Page className="mb-pts">
      <MemberGate><PointsBody /></MemberGate>
    </Page>
  );
}

function PointsBody() {
  const [list, setList] = useState<ListState>(INITIAL);
  const seq = useRef(0);

  const load = useCallback((cursor?: string) => {
    const n = ++seq.current;
    setList((s) => (cursor ? { ...s, more: true, moreError: undefined } : { ...INITIAL }));
    memberApi.points(cursor).then(
      (r) => {
        if (n !== seq.current) return;
        setList((s) => ({ balance: r.balance, growth: r.growth, items: cursor ? [...s.items, ...r.items] : r.items, nextCursor: r.nextCursor, loading: false, more: false }));
      },
      (e) => {
        if (n !== seq.current) return;
        const err = asApiError(e);
        setList((s) => (cursor ? { ...s, more: false, moreError: err.message } : { ...INITIAL, loading: false, error: err }));
      },
    );
  }, []);

  useEffect(() => { load(); }, [load]);

  return (
    <StateView loading={list.loading} error={list.error} onRetry={() => load()}>
      <View className="mb-pts-head">
        <View className="mb-pts-stat">
          <View className="mb-pts-n" data-testid="balance">{list.balance ?? 0}</View>
          <View className="mb-pts-label">可用积分</View>
        </View>
        <View className="mb-pts-stat">
          <View className="mb-pts-n" data-testid="growth">{list.growth ?? 0}</View>
          <View className="mb-pts-label">成长值</View>
        </View>
      </View>
      <View className="muted mb-pts-note">成长值为累计获得的积分，决定会员等级；使用积分不减少成长值。</View>

      {list.items.length === 0 ? (
        <View className="state state-empty" data-testid="empty">
          <View>还没有积分记录</View>
          <Button className="btn mb-gate-btn" onClick={() => goMember('home')}>去签到领积分</Button>
        </View>
      ) : (
        <View className="mb-box mb-pts-list">
          {list.items.map((i, k) => (
            <View key={`${i.at}-${k}`} className="mb-pts-row" data-testid="points-row">
              <View className="mb-pts-main">
                <View className="mb-pts-reason">{i.reason}</View>
                <Text className="muted">{formatDateTime(i.at)} · {i.kindName}</Text>
              </View>
              <Text className={`mb-pts-amount ${i.points > 0 ? 'plus' : 'minus'}`}>{pointsText(i.points)}</Text>
            </View>
          ))}
        </View>
      )}
      {list.nextCursor && (
        <View className="mb-more">
          <Button className="btn btn-plain" disabled={list.more || undefined} loading={list.more || undefined} onClick={() => load(list.nextCursor!)}>加载更多</Button>
        </View>
      )}
      {list.moreError && <View className="error-text mb-center" role="alert">{list.moreError}</View>}
      {!list.nextCursor && list.items.length > 0 && <View className="muted mb-center mb-end">没有更多了</View>}
    </StateView>
  );
}
