import { Text, View } from '@tarojs/components';
import { AGENT_STATUS_NAMES, type AgentView } from '@yx/shared';
import { Button } from '../../../components/Button';

const TONE = { offered: 'tag-orange', accepted: 'tag-green', revoked: 'tag-gray' } as const;

/** One grant: who, what they may do, until when, and its state as a coloured tag. */
export function AgentCard({ a, own, action }: { a: AgentView; own?: boolean; action?: { label: string; busy: boolean; onClick: () => void } }) {
  const state = a.expired ? '已过期' : AGENT_STATUS_NAMES[a.status];
  return (
    <View className="section agent-card" data-testid={`agent-${a.agentId}`}>
      <View className="agent-head">
        <Text className="agent-name">{own ? a.firmName : `${a.agentName}（${a.agentIdNumber}）`}</Text>
        <Text className={`tag ${a.expired ? 'tag-red' : TONE[a.status]}`}>{state}</Text>
      </View>
      {own && <View className="muted">法定代表人 {a.offeredBy} 授权您为经办人</View>}
      <View className="agent-line">办理范围：{a.allItems ? '企业全部事项' : a.itemNames.join('、')}</View>
      <View className="agent-line">容缺信用承诺：{a.commitments ? '可以代表企业签署' : '不可签署（由法定代表人签署）'}</View>
      <View className="agent-line" data-testid="agent-benefits">
        政策兑现：{a.benefits ? '可以确认免申即享、指定收款账户' : '不可办理（由法定代表人确认）'}
      </View>
      <View className="agent-line">授权至：{a.expiresOn}</View>
      {action && (
        <Button className="btn btn-plain agent-action" disabled={action.busy || undefined} loading={action.busy || undefined} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </View>
  );
}
