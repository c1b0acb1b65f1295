import { Text, View } from '@tarojs/components';
import { BENEFIT_TYPES, POLICY_TOPICS, type BenefitType, type PolicyTopicId } from '@yx/shared';
import type { PolicySummary } from '../../../api/policies';
import { ModeBadge, openPolicy, VerdictBadge, windowText } from '../common';

/** One policy in the market: what it is, who issued it, and its items with their mode, deadline and (for a firm) verdict. */
export function PolicyCard({ p }: { p: PolicySummary }) {
  return (
    <View className="card pm-card" onClick={() => openPolicy(p.id)} data-testid="policy-card">
      <View className="pm-card-title">{p.title}</View>
      <View className="muted">
        {p.issuerName} · {p.docNo}
      </View>
      <View className="pm-card-tags">
        {p.status === 'withdrawn' && <Text className="tag tag-gray">已撤回</Text>}
        {p.topics.map((t) => (
          <Text key={t} className="tag tag-blue">
            {POLICY_TOPICS[t as PolicyTopicId] ?? t}
          </Text>
        ))}
      </View>
      <View className="card-desc">{p.excerpt}</View>
      {p.items.map((i) => (
        <View key={i.id} className={`pm-item ${i.window === 'closed' ? 'closed' : ''}`} data-testid="policy-item">
          <View className="pm-item-head">
            <Text className="pm-item-title">{i.title}</Text>
            {i.verdict && <VerdictBadge verdict={i.verdict} />}
          </View>
          <View className="pm-item-benefit">{i.benefitText}</View>
          <View className="pm-item-foot">
            <ModeBadge mode={i.mode} />
            <Text className="tag tag-gray">{BENEFIT_TYPES[i.benefitType as BenefitType]}</Text>
            <Text className={`pm-window ${i.window}`}>{windowText(i)}</Text>
          </View>
        </View>
      ))}
      <View className="pm-card-more">查看解读和申请条件</View>
    </View>
  );
}
