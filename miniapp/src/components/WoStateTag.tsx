import { Text } from '@tarojs/components';
import type { WorkOrderState } from '@yx/shared';

/** Blue while in hand, orange when it waits for someone, green when answered, grey when closed. */
const STATE_TONES: Record<WorkOrderState, string> = {
  dispatched: 'tag-orange',
  claimed: 'tag-blue',
  in_progress: 'tag-blue',
  resolved: 'tag-green',
  returned: 'tag-orange',
  closed: 'tag-gray',
};

/** A work order's (诉求工单) state. */
export function WoStateTag({ state, name }: { state: WorkOrderState; name: string }) {
  return (
    <Text className={`tag ${STATE_TONES[state] ?? 'tag-gray'}`} data-testid="wo-state">
      {name}
    </Text>
  );
}
