import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { POLICY_TOPICS, type PolicyTopicId } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { policyApi, type PolicyDetail } from '../../../api/policies';
import { DetailHead } from '../../../components/DetailShell';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { ItemCard } from './ItemCard';
import './index.css';

/**
 * 政策详情 (issue 17): the 政策解读 first, in plain words; then the items; the original text folded; 文号 and issuer. A firm
 * (`GET /v1/firm/policies/{id}`) sees each item judged condition by condition. A withdrawn policy says so on top, with why.
 */
export default function PolicyDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const firm = useSession()?.user.role === 'enterprise';
  const [refused, setRefused] = useState<string>();
  const state = useAsync(() => (firm ? firmDetail(id, setRefused) : policyApi.detail(id)), [id, firm]);
  return (
    <Page className="pd">
      <StateView loading={state.loading && !state.data} error={state.data ? undefined : state.error} onRetry={state.reload}>
        {refused && (
          <View className="notice" role="alert" data-testid="firm-refused">
            {refused}。暂不能显示本企业是否符合。
          </View>
        )}
        {state.data && <DetailBody d={state.data} firm={firm && !refused} loginHint={!firm} />}
      </StateView>
    </Page>
  );
}

/** The firm's view of the policy; refused for the firm (403: an agent whose grant ended), the public one, saying why. */
async function firmDetail(id: string, refuse: (why?: string) => void) {
  try {
    const d = await policyApi.firmDetail(id);
    refuse(undefined);
    return d;
  } catch (e) {
    const err = asApiError(e);
    if (err.status !== 403) throw err;
    refuse(err.message);
    return policyApi.detail(id);
  }
}

function DetailBody({ d, firm, loginHint }: { d: PolicyDetail; firm: boolean; loginHint: boolean }) {
  const [showText, setShowText] = useState(false);
  const withdrawn = d.status === 'withdrawn';
  const matchOf = (itemId: string) => d.matches?.find((m) => m.itemId === itemId);
  const eligible = d.matches?.filter((m) => m.verdict === 'eligible').length ?? 0;
  const unknown = d.matches?.filter((m) => m.verdict === 'unknown').length ?? 0;

  return (
    <View>
      {withdrawn && (
        <View className="pd-withdrawn" role="alert" data-testid="withdrawn">
          <View className="pd-withdrawn-title">本政策已撤回，不再受理兑现</View>
          {d.withdrawnReason && <View>撤回原因：{d.withdrawnReason}</View>}
        </View>
      )}
      <DetailHead title={d.title} lines={[`${d.issuerName} · ${d.docNo}`]}>
        {withdrawn && <Text className="tag tag-gray">已撤回</Text>}
        {d.topics.map((t) => (
          <Text key={t} className="tag tag-blue">
            {POLICY_TOPICS[t as PolicyTopicId] ?? t}
          </Text>
        ))}
      </DetailHead>

      <View className="section pd-interpretation" data-testid="interpretation">
        <View className="section-title">政策解读</View>
        <View className="pd-prose">{d.interpretation}</View>
      </View>

      <View className="section pd-items-head">
        <View className="section-title">政策条目（{d.items.length} 项）</View>
        {d.matches && (
          <View data-testid="match-summary">
            本企业符合 {eligible} 项{unknown ? `，${unknown} 项信息待补充` : ''}。以下逐条列出比对结果和原因。
          </View>
        )}
        {loginHint && <View className="muted">企业用户登录后，可逐条查看本企业是否符合条件。</View>}
      </View>
      {d.items.map((i) => (
        <ItemCard key={i.id} item={i} match={matchOf(i.id)} withdrawn={withdrawn} viewer={firm ? 'firm' : 'other'} />
      ))}

      <View className="section">
        <View className="section-title">政策原文</View>
        {showText ? (
          <View className="pd-prose pd-text" data-testid="original-text">
            {d.text}
          </View>
        ) : (
          <View className="muted">原文共 {d.text.length} 字，上面的解读和条目已列出要点。</View>
        )}
        <View
          className="pd-fold tap"
          role="button"
          aria-expanded={showText}
          aria-label={showText ? '收起原文' : '展开原文'}
          onClick={() => setShowText(!showText)}
        >
          {showText ? '收起原文' : '展开原文'}
        </View>
      </View>

      <View className="section pd-facts">
        <View className="section-title">发文信息</View>
        <View className="pd-kv">
          <Text className="muted">发文单位</Text>
          <Text>{d.issuerName}</Text>
        </View>
        <View className="pd-kv">
          <Text className="muted">文号</Text>
          <Text>{d.docNo}</Text>
        </View>
        <View className="pd-kv">
          <Text className="muted">发布日期</Text>
          <Text>{d.issuedOn}</Text>
        </View>
      </View>
    </View>
  );
}
