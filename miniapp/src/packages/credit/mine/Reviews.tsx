import { Text, View } from '@tarojs/components';
import type { CreditReview } from '../../../api/credit';
import { ListView } from '../../../components/ListView';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import type { PagedList } from '../../../hooks/usePagedList';
import { REVIEW_STATUS, reviewKindName } from './common';

/** 我的申请: the firm's repairs and objections, the authority's clock while open, its reason when it refused. */
export function Reviews({ list }: { list: PagedList<CreditReview, unknown> }) {
  return (
    <View className="section" data-testid="my-reviews">
      <View className="section-title">我的申请</View>
      <ListView list={list} emptyText="还没有信用修复或信用异议申请">
        {list.items.map((rv) => {
          const status = REVIEW_STATUS[rv.status];
          return (
            <View key={rv.id} className="fc-review" data-testid={`review-${rv.id}`}>
              <View className="card-head">
                <View className="fc-record-title">
                  {reviewKindName(rv.kind)}：{rv.record.title}
                </View>
                <Text className={`tag ${status.tone}`}>{status.name}</Text>
              </View>
              <View className="muted">
                {formatDateTime(rv.submittedAt)} 提交 · {rv.applicant}
              </View>
              {rv.status === 'reviewing' ? (
                <View className="card-foot">
                  <Text className="muted">{formatDay(rv.deadline)} 前答复</Text>
                  <TrafficLight small light={rv.light ?? null} remainingDays={rv.remainingDays ?? null} />
                </View>
              ) : (
                rv.decidedAt && <View className="muted">{formatDateTime(rv.decidedAt)} 答复</View>
              )}
              {rv.status === 'approved' && <View className="fc-approved">该信息已不再公示，信用等级将重新评定。</View>}
              {rv.status === 'refused' && rv.reason && (
                <View className="fc-refused" data-testid="refused-reason">
                  不同意的理由：{rv.reason}
                </View>
              )}
            </View>
          );
        })}
      </ListView>
    </View>
  );
}
