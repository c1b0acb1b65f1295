import { Text } from '@tarojs/components';
import type { OpinionStatus } from '../api/staff';

export const OPINION_STATUS: Record<OpinionStatus, [string, string]> = {
  open: ['待回复', 'tag-orange'],
  agree: ['同意', 'tag-green'],
  disagree: ['不同意', 'tag-red'],
  deemed: ['逾期视为无意见', 'tag-gray'],
};

/** Where a department's 并联审批 opinion stands. */
export function OpinionTag({ status }: { status: OpinionStatus }) {
  const [name, tone] = OPINION_STATUS[status] ?? [status, 'tag-gray'];
  return (
    <Text className={`tag ${tone}`} data-testid="opinion-status">
      {name}
    </Text>
  );
}
