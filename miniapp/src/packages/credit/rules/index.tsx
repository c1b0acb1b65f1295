import { Text, View } from '@tarojs/components';
import { creditApi } from '../../../api/credit';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import './index.css';

const months = (n: number | null) => (n === null ? '—' : `${n} 个月`);

/**
 * 评级规则 (issue 20), no login: how the grade is computed (the server's rules in words), how long a penalty stays
 * published and when it may be repaired, how long the authority has to answer, and the rating rules.
 */
export default function CreditRules() {
  const rules = useAsync(() => creditApi.rules(), []);
  const r = rules.data;
  return (
    <Page className="crl">
      <StateView loading={rules.loading && !r} error={r ? undefined : rules.error} onRetry={rules.reload}>
        {r && (
          <View>
            <View className="section" data-testid="rules-grade">
              <View className="section-title">评级规则</View>
              <View className="crl-name">{r.name}</View>
              <View className="muted">版本 {r.version}</View>
              <View className="crl-words">
                {r.words.map((w, i) => (
                  <View key={i} className="crl-word">
                    <Text className="crl-word-no">{i + 1}.</Text>
                    <Text>{w}</Text>
                  </View>
                ))}
              </View>
            </View>

            <View className="section" data-testid="rules-publication">
              <View className="section-title">行政处罚信息公示期限</View>
              <View className="crl-table" role="table" aria-label="行政处罚信息公示期限">
                <View className="crl-tr crl-th" role="row">
                  <View className="crl-td crl-td-wide" role="columnheader">
                    失信程度
                  </View>
                  <View className="crl-td" role="columnheader">
                    最短公示期
                  </View>
                  <View className="crl-td" role="columnheader">
                    最长公示期
                  </View>
                </View>
                {r.publication.map((p) => (
                  <View key={p.severity} className="crl-tr" role="row">
                    <View className="crl-td crl-td-wide" role="cell">
                      {p.severity}
                    </View>
                    <View className="crl-td" role="cell">
                      {p.minMonths === null ? '不予公示' : months(p.minMonths)}
                    </View>
                    <View className="crl-td" role="cell">
                      {months(p.maxMonths)}
                    </View>
                  </View>
                ))}
              </View>
              <View className="muted crl-note">公示期从处罚决定之日起计算。满最短公示期、纠正失信行为后，企业可申请信用修复；满最长公示期自动停止公示。</View>
            </View>

            <View className="section" data-testid="rules-review">
              <View className="section-title">办理时限</View>
              {r.review.map((x) => (
                <View key={x.kind} className="crl-row">
                  <Text>{x.kind}</Text>
                  <Text className="crl-row-value">{x.days} 个工作日内答复</Text>
                </View>
              ))}
              <View className="muted crl-note">自受理之日起计算，法定节假日不计入。</View>
            </View>

            <View className="section" data-testid="rules-rating">
              <View className="section-title">商户评价规则</View>
              <View className="crl-word">在店内扫描商户张贴的信用码后可以评价，每人 {r.rating.windowDays} 天内可评价同一商户一次。</View>
              <View className="crl-word">评价为 1 至 5 星，可选标签：</View>
              <View className="crl-tags">
                {r.rating.tags.map((t) => (
                  <Text key={t} className="tag tag-blue">
                    {t}
                  </Text>
                ))}
              </View>
              <View className="crl-word">含不文明用语或疑似刷评的评价，经区市场监管局审核后显示。平均分只计算已显示的评价。</View>
            </View>
          </View>
        )}
      </StateView>
    </Page>
  );
}
