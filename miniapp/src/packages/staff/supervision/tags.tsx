import { Text, View } from '@tarojs/components';
import type { SupervisionState } from '../../../api/staff';
import { formatDay } from '../../../components/Timeline';

/** 督办's state as a traffic light: 待回复 (amber), 逾期未回复 (red), 已回复 (green), 逾期回复 (red-orange). */
export const SUPERVISION_TAGS: Record<SupervisionState['state'], { text: string; tone: string }> = {
  waiting: { text: '待回复', tone: 'tag-orange' },
  overdue: { text: '逾期未回复', tone: 'tag-red' },
  answered: { text: '已回复', tone: 'tag-green' },
  late: { text: '逾期回复', tone: 'tag-red' },
};

/** The tags of one 督办: its state, 自动督办, 已升级区级; and the reply date while open. */
export function SupervisionTags({ s }: { s: Pick<SupervisionState, 'state' | 'auto' | 'escalated' | 'replyBy' | 'status'> }) {
  const tag = SUPERVISION_TAGS[s.state];
  return (
    <View className="sv-tags" data-testid="supervision-tags">
      <Text className={`tag ${tag.tone}`} data-testid="supervision-state">
        {tag.text}
      </Text>
      {s.auto && <Text className="tag tag-gray">自动督办</Text>}
      {s.escalated && <Text className="tag tag-red">已升级区级</Text>}
      {s.status === 'open' && <Text className="muted sv-due">{formatDay(s.replyBy)}前回复</Text>}
    </View>
  );
}
