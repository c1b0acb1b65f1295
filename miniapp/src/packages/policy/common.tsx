import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FACT_NAMES, OFFER_STATUS_NAMES, POLICY_MODE_NAMES, VERDICT_NAMES, type FactKey, type OfferStatus, type PolicyMode } from '@yx/shared';
import type { ReactNode } from 'react';
import type { ConditionResultView, PolicyItemSummary, Verdict } from '../../api/policies';
import { RoleGate } from '../../components/RoleGate';
import './common.css';

/** Pieces the 政策超市 pages share: addresses, the firm gate, the word badges and the condition rows. */

export const POLICY_PAGES = {
  market: '/packages/policy/index',
  detail: '/packages/policy/detail/index',
  offers: '/packages/policy/offers/index',
  profile: '/packages/policy/profile/index',
  disbursements: '/packages/policy/disbursements/index',
} as const;

export const goPolicy = (page: keyof typeof POLICY_PAGES, query: Record<string, string> = {}) => {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return Taro.navigateTo({ url: qs ? `${POLICY_PAGES[page]}?${qs}` : POLICY_PAGES[page] });
};

export const openPolicy = (id: string) => goPolicy('detail', { id });

/**
 * The application form for a 依申请 item: the catalogue item it is applied through (惠企政策兑现申请 when the item names
 * none), and the policy item, for the form to know what is claimed.
 */
export function applyUrl(item: { id: string; serviceItemId?: string }): string {
  const serviceItem = item.serviceItemId ?? 'policy-claim';
  return `/packages/apply/form/index?formId=item-${encodeURIComponent(serviceItem)}&policyItemId=${encodeURIComponent(item.id)}`;
}

/** The firm's pages (免申即享, 企业画像): a visitor is asked to log in with the firm's account, anyone else told they are for firms. */
export function FirmGate({ what, children }: { what: string; children: ReactNode }) {
  return (
    <RoleGate
      roles={['enterprise']}
      what={what}
      loginText={`请先用企业账号（法定代表人或经办人）登录，再使用${what}`}
      deniedText={`${what}仅供企业使用`}
      deniedNote={(name) => `您当前的身份是“${name}”。企业法定代表人可在“我的 → 企业绑定”中绑定企业。`}
    >
      {children}
    </RoleGate>
  );
}

const VERDICT_TONES: Record<Verdict, string> = { eligible: 'tag-green', unknown: 'tag-orange', ineligible: 'tag-gray' };

/** 符合条件 / 暂不符合 / 信息不足 as a coloured word badge. */
export function VerdictBadge({ verdict, big }: { verdict: Verdict; big?: boolean }) {
  return (
    <Text className={`tag pc-verdict ${VERDICT_TONES[verdict]} ${big ? 'big' : ''}`} data-testid="verdict">
      {VERDICT_NAMES[verdict]}
    </Text>
  );
}

/** 免申即享 / 依申请 as a word badge. */
export function ModeBadge({ mode }: { mode: PolicyMode }) {
  return (
    <Text className={`tag ${mode === 'auto' ? 'tag-red' : 'tag-blue'}`} data-testid="mode">
      {mode === 'auto' ? POLICY_MODE_NAMES.auto : '依申请'}
    </Text>
  );
}

/** When the item can be claimed, in words. */
export function windowText(i: Pick<PolicyItemSummary, 'window' | 'validFrom' | 'validTo'>): string {
  if (i.window === 'upcoming') return `${i.validFrom} 起可兑现`;
  if (i.window === 'closed') return `已截止（${i.validTo}）`;
  return `兑现截止 ${i.validTo}`;
}

export const offerStatusName = (s: string) => OFFER_STATUS_NAMES[s as OfferStatus] ?? s;

const MARKS = { met: '满足', unmet: '不满足', unknown: '待补充' } as const;

/** The facts a firm may add itself with a proof (企业画像); the rest only the district's records give. */
const DECLARABLE = new Set<string>(['headcount', 'revenue', 'taxPaid', 'qualifications']);
export const isDeclarable = (fact?: string): fact is FactKey => !!fact && DECLARABLE.has(fact);

/**
 * Each condition as a row with its mark (满足 / 不满足 / 待补充, in colour and words), the reason, and what the firm could do;
 * a missing fact the firm may add links to 企业画像 (unless `links` is off: the offers page shows what was compared).
 */
export function ConditionRows({ conditions, links = true }: { conditions: ConditionResultView[]; links?: boolean }) {
  if (!conditions.length) return <View className="muted">无特别条件，区内企业均可享受</View>;
  const count = (s: keyof typeof MARKS) => conditions.filter((c) => c.status === s).length;
  const summary = (['met', 'unmet', 'unknown'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${MARKS[s]} ${count(s)} 项`)
    .join(' · ');
  return (
    <View className="pc-conditions" data-testid="conditions">
      <View className="pc-summary" role="img" aria-label={`${conditions.length} 项条件：${summary}`}>
        {conditions.map((c, i) => (
          <View key={i} className={`pc-seg ${c.status}`} />
        ))}
      </View>
      <View className="muted pc-summary-text">
        {conditions.length} 项条件：{summary}
      </View>
      {conditions.map((c, i) => (
        <View key={i} className={`pc-row ${c.status}`} data-testid="condition" data-status={c.status}>
          <Text className={`pc-mark ${c.status}`} data-testid="condition-mark">
            {MARKS[c.status]}
          </Text>
          <View className="pc-body">
            <View className="pc-text">
              {c.text}
              {c.declared && !c.text.includes('待核验') && <Text className="tag tag-orange pc-declared">企业自报·待核验</Text>}
            </View>
            {c.hint && (
              <View className="pc-hint" data-testid="condition-hint">
                {c.hint}
              </View>
            )}
            {links && c.status !== 'met' && isDeclarable(c.fact) && (
              <View
                className="pc-link tap"
                role="button"
                aria-label={`去企业画像补充${FACT_NAMES[c.fact]}`}
                onClick={() => goPolicy('profile', { fact: c.fact! })}
              >
                去企业画像补充
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
