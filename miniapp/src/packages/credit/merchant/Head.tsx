import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CreditProfile } from '../../../api/credit';
import { formatDate, formatDay } from '../../../components/Timeline';
import { GradeBadge } from '../parts/GradeBadge';
import { openCredit } from '../parts/links';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="cr-line">
      <Text className="cr-line-label">{label}：</Text>
      <Text className="cr-line-value">{children}</Text>
    </View>
  );
}

/** The firm as registered (the legal representative masked by the server) and its grade, big, with the rules behind it. */
export function Head({ p }: { p: CreditProfile }) {
  const f = p.firm;
  return (
    <View className="section crm-head" data-testid="merchant-head">
      <View className="crm-name">{f.name}</View>
      <GradeBadge grade={p.grade.grade} big />
      <View className="muted crm-rules" data-testid="grade-rules">
        依据《{p.grade.rulesName}》评定{p.grade.computedAt ? `，${formatDate(p.grade.computedAt)}更新` : ''}
      </View>
      <View className="cr-more crm-rules-link tap" role="button" data-testid="merchant-rules-link" onClick={() => openCredit('rules')}>
        查看评级规则 ›
      </View>
      <View className="crm-facts">
        <Fact label="统一社会信用代码">{f.creditCode}</Fact>
        <Fact label="法定代表人">{f.legalRepresentative || '—'}</Fact>
        {f.industry && <Fact label="行业">{f.industry}</Fact>}
        {f.registeredOn && <Fact label="成立日期">{formatDay(f.registeredOn)}</Fact>}
        {f.street && <Fact label="所在街道">{f.street}</Fact>}
        {f.address && <Fact label="地址">{f.address}</Fact>}
      </View>
    </View>
  );
}
