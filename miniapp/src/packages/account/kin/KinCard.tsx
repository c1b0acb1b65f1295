import { Text, View } from '@tarojs/components';
import { KIN_RELATION_NAMES, type KinView } from '@yx/shared';
import { Button } from '../../../components/Button';

const STATE = { offered: ['待对方确认', 'tag-orange'], accepted: ['生效中', 'tag-green'], revoked: ['已撤销', 'tag-gray'] } as const;

export interface CardAction {
  label: string;
  onClick: () => void;
  primary?: boolean;
}

/** One 亲友代办 grant, from either side: who, which items, until when, and its state. */
export function KinCard({ g, side, actions, busy }: { g: KinView; side: 'given' | 'received'; actions: CardAction[]; busy: boolean }) {
  const [label, tone] = g.expired ? ['已过期', 'tag-red'] : STATE[g.status];
  const who = side === 'given' ? `${g.agentName}（您的${KIN_RELATION_NAMES[g.relation]}）` : `${g.principalName}（您是其${KIN_RELATION_NAMES[g.relation]}）`;
  return (
    <View className="section kin-card" data-testid={`kin-${side}-${side === 'given' ? g.agentId : g.principalId}`}>
      <View className="kin-head">
        <Text className="kin-name">{who}</Text>
        <Text className={`tag ${tone}`}>{label}</Text>
      </View>
      <View className="kin-line">代办范围：{g.allItems ? '全部个人事项' : g.itemNames.join('、')}</View>
      <View className="kin-line">授权至：{g.expiresOn}</View>
      {actions.map((a) => (
        <Button key={a.label} className={`btn ${a.primary ? '' : 'btn-plain'} kin-action`} disabled={busy || undefined} onClick={a.onClick}>
          {a.label}
        </Button>
      ))}
    </View>
  );
}
