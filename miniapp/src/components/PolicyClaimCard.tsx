import { Text, View } from '@tarojs/components';
import { VERDICT_NAMES, yuan, type PolicyClaimView } from '@yx/shared';
import './PolicyClaimCard.css';

/**
 * 政策兑现 (issue 17): the policy item an application claims, and the firm's judgement on it, condition by condition. The
 * same card on the apply form (申请的政策: what is being claimed now), the applicant's application and the officer's view
 * (申请的政策条目（第 N 版）: as judged at submission). Read-only: word badges and word marks, no emoji.
 *
 * - `form`: the firm is applying; a condition 待补充 says what to attach (its hint), so the firm knows before it uploads.
 * - `applicant`: the application as submitted.
 * - `officer`: as the applicant's, and a condition the firm declared itself (企业自报) is to be checked against its proof.
 */
export type PolicyClaimCardView = 'form' | 'applicant' | 'officer';

const MARKS = { met: '满足', unmet: '不满足', unknown: '待补充' } as const;
const VERDICT_TONES = { eligible: 'tag-green', unknown: 'tag-orange', ineligible: 'tag-gray' } as const;

export function PolicyClaimCard({ claim, view }: { claim: PolicyClaimView; view: PolicyClaimCardView }) {
  const title = view === 'form' ? '申请的政策' : `申请的政策条目（第 ${claim.version} 版）`;
  const declared = claim.conditions.some((c) => c.declared);
  return (
    <View className="section pcc" data-testid="policy-claim">
      <View className="pcc-head">
        <View className="section-title pcc-title">{title}</View>
        <Text className={`tag pcc-verdict ${VERDICT_TONES[claim.verdict]}`} data-testid="policy-verdict">
          {VERDICT_NAMES[claim.verdict]}
        </Text>
      </View>
      <View className="pcc-item" data-testid="policy-item-title">
        {claim.itemTitle}
      </View>
      <View className="pcc-policy">{claim.policyTitle}</View>

      {view === 'form' && claim.verdict === 'unknown' && (
        <View className="pcc-note" data-testid="policy-unknown-note">
          部分条件区里没有记录：请按“待补充”的提示上传证明材料，由主管部门核实。
        </View>
      )}
      {view === 'officer' && declared && (
        <View className="pcc-note" data-testid="policy-declared-note">
          企业自报的条件需核验证明材料
        </View>
      )}

      {claim.amountYuan !== undefined && (
        <View className="pcc-amount" data-testid="policy-amount">
          {view === 'form' ? '预计可得' : '申请时测算'} <Text className="pcc-amount-num">{yuan(claim.amountYuan)}</Text>
          <Text className="pcc-small">（以主管部门审核为准）</Text>
        </View>
      )}

      <View className="pcc-sub">{claim.conditions.length ? `条件（${claim.conditions.length} 项）` : '条件'}</View>
      {claim.conditions.length === 0 ? (
        <View className="pcc-small">无特别条件，区内企业均可享受</View>
      ) : (
        <View className="pcc-list" role="list">
          {claim.conditions.map((c, i) => (
            <View key={i} className={`pcc-row ${c.status}`} role="listitem" data-testid="policy-condition" data-status={c.status}>
              <Text className={`pcc-mark ${c.status}`}>{MARKS[c.status]}</Text>
              <View className="pcc-body">
                <View className="pcc-text">
                  {c.text}
                  {c.declared && !c.text.includes('待核验') && <Text className="tag tag-orange pcc-declared">企业自报·待核验</Text>}
                </View>
                {c.hint && c.status !== 'met' && (
                  <View className="pcc-hint" data-testid="policy-condition-hint">
                    {c.hint}
                  </View>
                )}
              </View>
            </View>
          ))}
        </View>
      )}

      {claim.evidence.length > 0 && (
        <View className="pcc-evidence" data-testid="policy-evidence">
          <View className="pcc-sub">需要的证明材料</View>
          {claim.evidence.map((e, i) => (
            <View key={i} className="pcc-evidence-row">
              {i + 1}. {e}
            </View>
          ))}
          {view === 'form' && <View className="pcc-small">填写申请材料时一并上传</View>}
        </View>
      )}
    </View>
  );
}
