import { Text, View } from '@tarojs/components';
import { yuan } from '@yx/shared';
import { policyApi, type DisbursementRow } from '../../../api/policies';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDate, formatDay } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { openPolicy } from '../common';
import './index.css';

/** The rows of one policy together, in the order the server gives them. */
function byPolicy(rows: DisbursementRow[]) {
  const groups: { policyId: string; policyTitle: string; rows: DisbursementRow[] }[] = [];
  for (const r of rows) {
    const g = groups.find((x) => x.policyId === r.policyId);
    if (g) g.rows.push(r);
    else groups.push({ policyId: r.policyId, policyTitle: r.policyTitle, rows: [r] });
  }
  return groups;
}

/**
 * 兑现公示 (issue 17), public: how many firms each policy item has paid, and how much, with a bar per row against the
 * largest and the totals on top. No firm is named.
 */
export default function Disbursements() {
  const state = useAsync(() => policyApi.disbursements(), []);
  const d = state.data;
  const max = Math.max(1, ...(d?.items ?? []).map((r) => r.amountYuan));
  return (
    <Page className="pdb">
      <StateView
        loading={state.loading && !d}
        error={d ? undefined : state.error}
        onRetry={state.reload}
        empty={d !== undefined && d.items.length === 0}
        emptyText="还没有拨付到账的政策资金"
      >
        {d && (
          <>
            <View className="section pdb-total" data-testid="totals">
              <View className="section-title">兑现公示</View>
              <View className="pdb-total-row">
                <View className="pdb-total-cell">
                  <View className="pdb-total-num">{yuan(d.totalYuan)}</View>
                  <View className="muted">已拨付资金</View>
                </View>
                <View className="pdb-total-cell">
                  <View className="pdb-total-num">{d.totalFirms} 家次</View>
                  <View className="muted">企业享受</View>
                </View>
              </View>
              <View className="muted">
                截至 {/^\d{4}-\d{2}-\d{2}$/.test(d.asOf) ? formatDay(d.asOf) : formatDate(d.asOf)}，按政策条目统计已拨付到账的资金，不公布企业名称。
              </View>
            </View>
            {byPolicy(d.items).map((g) => (
              <View key={g.policyId} className="section" data-testid="disbursement-policy">
                <View className="pdb-policy tap" role="link" aria-label={`${g.policyTitle}，查看政策`} onClick={() => openPolicy(g.policyId)}>
                  <Text>{g.policyTitle}</Text>
                  <Text className="pdb-open">查看政策</Text>
                </View>
                {g.rows.map((r) => (
                  <View key={r.itemId} className="pdb-row" data-testid="disbursement-row">
                    <View className="pdb-row-head">
                      <Text className="pdb-item">{r.itemTitle}</Text>
                      <Text className="pdb-amount">{yuan(r.amountYuan)}</Text>
                    </View>
                    <View className="pdb-bar-track" aria-hidden>
                      <View className="pdb-bar" style={{ width: `${Math.max(2, Math.round((r.amountYuan / max) * 100))}%` }} data-testid="bar" />
                    </View>
                    <View className="muted">{r.firms} 家企业</View>
                  </View>
                ))}
              </View>
            ))}
          </>
        )}
      </StateView>
    </Page>
  );
}
