import { Text, View } from '@tarojs/components';
import { SEVERITIES } from '@yx/shared';
import type { ReactNode } from 'react';
import type { CreditRecord } from '../../../api/credit';
import { formatDay } from '../../../components/Timeline';
import './parts.css';

/** A record that is no longer (or never) on the public profile: what the firm's own pages say of it. */
const STATUS_NAMES: Record<Exclude<CreditRecord['status'], 'published'>, string> = {
  repaired: '已信用修复',
  expired: '公示期满',
  removed: '已撤销',
  hidden: '不予公示',
};

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="cr-line">
      <Text className="cr-line-label">{label}：</Text>
      <Text className="cr-line-value">{children}</Text>
    </View>
  );
}

/**
 * One 双公示 record as the public reads it: a licence with 有效 / 已过期, a penalty with its decision number, content,
 * basis, authority and date (and 异议核查中 while an objection is checked), an honour. `children` go under it (a firm's
 * own page puts its actions there).
 */
export function RecordRow({ r, children }: { r: CreditRecord; children?: ReactNode }) {
  const chips: ReactNode[] = [];
  if (r.kind === 'licence')
    chips.push(
      r.valid === false ? (
        <Text key="v" className="tag tag-gray">
          已过期
        </Text>
      ) : (
        <Text key="v" className="tag tag-green">
          有效
        </Text>
      ),
    );
  if (r.kind === 'penalty' && r.severity && r.severity !== 'minor')
    chips.push(
      <Text key="s" className={`tag ${r.severity === 'serious' ? 'tag-red' : 'tag-orange'}`}>
        {SEVERITIES[r.severity]}
      </Text>,
    );
  if (r.kind === 'honour')
    chips.push(
      <Text key="h" className="tag tag-green">
        守信激励
      </Text>,
    );
  if (r.reviewing)
    chips.push(
      <Text key="r" className="tag tag-blue" data-testid="record-reviewing">
        异议核查中
      </Text>,
    );
  if (r.status !== 'published')
    chips.push(
      <Text key="st" className="tag tag-gray">
        {STATUS_NAMES[r.status]}
      </Text>,
    );
  return (
    <View className="cr-record" data-testid={`record-${r.id}`}>
      <View className="cr-record-chips">{chips}</View>
      <View className="cr-record-title">{r.title}</View>
      {r.kind === 'penalty' ? (
        <>
          <Line label="决定书文号">{r.decisionNo}</Line>
          {r.basis && <Line label="处罚依据">{r.basis}</Line>}
          <Line label="处罚机关">{r.authority}</Line>
          <Line label="处罚决定日期">{formatDay(r.decidedOn)}</Line>
        </>
      ) : (
        <>
          <Line label={r.kind === 'licence' ? '许可文书号' : '认定文号'}>{r.decisionNo}</Line>
          <Line label={r.kind === 'licence' ? '许可机关' : '认定机关'}>{r.authority}</Line>
          <Line label={r.kind === 'licence' ? '许可决定日期' : '认定日期'}>{formatDay(r.decidedOn)}</Line>
          {r.validUntil && <Line label="有效期至">{formatDay(r.validUntil)}</Line>}
        </>
      )}
      {children}
    </View>
  );
}
