import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CREDIT_PAGES, creditStaffApi, type CreditReview } from '../../../api/credit';
import { ListView } from '../../../components/ListView';
import { formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { asPage, REVIEW_STATUS, reviewKindName } from './common';

export const openStaffReview = (id: string) => Taro.navigateTo({ url: `${CREDIT_PAGES.staffReview}?id=${encodeURIComponent(id)}` });

/** The department's open repairs and objections, nearest deadline first (the server's order), each with its light. */
export function ReviewsTab() {
  const list = usePagedList((cursor) => creditStaffApi.reviews(cursor).then(asPage), [], { key: (r: CreditReview) => r.id });
  return (
    <ListView list={list} emptyText="暂无待核查的信用修复与异议申请">
      {list.items.map((rv) => {
        const status = REVIEW_STATUS[rv.status];
        return (
          <View key={rv.id} className="card scr-row" role="button" onClick={() => openStaffReview(rv.id)} data-testid="credit-review-row">
            <View className="card-head">
              <View className="card-name">{rv.firmName}</View>
              <Text className={`tag ${rv.kind === 'repair' ? 'tag-blue' : 'tag-orange'}`}>{reviewKindName(rv.kind)}</Text>
            </View>
            <View className="scr-record">{rv.record.title}</View>
            <View className="muted">
              {rv.record.decisionNo} · {rv.applicant}
            </View>
            <View className="card-foot">
              <Text className="muted">{formatDay(rv.deadline)} 前答复</Text>
              {rv.status === 'reviewing' ? (
                <TrafficLight small light={rv.light ?? null} remainingDays={rv.remainingDays ?? null} />
              ) : (
                <Text className={`tag ${status.tone}`}>{status.name}</Text>
              )}
            </View>
          </View>
        );
      })}
    </ListView>
  );
}
