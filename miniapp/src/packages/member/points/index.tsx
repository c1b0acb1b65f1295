import { Text, View } from '@tarojs/components';
import { memberApi } from '../../../api/member';
import { LoadMore } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDateTime } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { goMember, MemberGate, pointsText } from '../common';
import './index.css';
import { Button } from '../../../components/Button';

/** 积分明细: balance and growth, then every change newest first, 20 at a time. */
export default function PointsLedger() {
  return (
    <Page className="mb-pts">
      <MemberGate>
        <PointsBody />
      </MemberGate>
    </Page>
  );
}

function PointsBody() {
  const list = usePagedList((cursor) => memberApi.points(cursor), []);
  return (
    <StateView loading={list.loading && !list.items.length} error={list.error} onRetry={list.refresh}>
      <View className="mb-pts-head">
        <View className="mb-pts-stat">
          <View className="mb-pts-n" data-testid="balance">
            {list.last?.balance ?? 0}
          </View>
          <View className="mb-pts-label">可用积分</View>
        </View>
        <View className="mb-pts-stat">
          <View className="mb-pts-n" data-testid="growth">
            {list.last?.growth ?? 0}
          </View>
          <View className="mb-pts-label">成长值</View>
        </View>
      </View>
      <View className="muted mb-pts-note">成长值为累计获得的积分，决定会员等级；使用积分不减少成长值。</View>

      {list.items.length === 0 ? (
        <View className="state state-empty" data-testid="empty">
          <View>还没有积分记录</View>
          <Button className="btn mb-gate-btn" onClick={() => goMember('home')}>
            去签到领积分
          </Button>
        </View>
      ) : (
        <View className="card mb-pts-list">
          {list.items.map((i, k) => (
            <View key={`${i.at}-${k}`} className="mb-pts-row" data-testid="points-row">
              <View className="mb-pts-main">
                <View className="mb-pts-reason">{i.reason}</View>
                <Text className="muted">
                  {formatDateTime(i.at)} · {i.kindName}
                </Text>
              </View>
              <Text className={`mb-pts-amount ${i.points > 0 ? 'plus' : 'minus'}`}>{pointsText(i.points)}</Text>
            </View>
          ))}
        </View>
      )}
      <LoadMore list={list} />
    </StateView>
  );
}
