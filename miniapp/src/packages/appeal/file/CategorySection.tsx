import { View } from '@tarojs/components';
import type { Category } from '@yx/shared';
import { Chips } from '../../../components/Chips';
import { ErrorLine } from '../../../components/ErrorLine';

/** 问题分类 of the full form: the group, then its leaves, with the emergency numbers where they matter. */
export function CategorySection({
  groups,
  leaves,
  group,
  categoryId,
  error,
  onGroup,
  onLeaf,
}: {
  groups: Category[];
  leaves: Category[];
  group?: string;
  categoryId?: string;
  error?: string;
  onGroup: (group: string) => void;
  onLeaf: (id: string, group: string) => void;
}) {
  return (
    <View className="section">
      <View className="section-title">问题分类</View>
      <Chips label="分类" value={group} options={groups.map((g) => ({ value: g.id, label: g.name }))} onChange={onGroup} />
      {group && (
        <View className="wf-leaves">
          <Chips
            label="具体分类"
            value={categoryId}
            className="wf-leaf-chips"
            options={leaves.filter((l) => l.parentId === group).map((l) => ({ value: l.id, label: l.name }))}
            onChange={(id) => onLeaf(id, group)}
          />
        </View>
      )}
      {!group && <View className="muted">先选大类，再选具体分类</View>}
      <ErrorLine error={error} />
      <EmergencyNote group={group} categoryId={categoryId} />
    </View>
  );
}

/** Real emergencies belong with 119 / 110 / 96333, not a working-hours queue. */
export function EmergencyNote({ group, categoryId }: { group?: string; categoryId?: string }) {
  if (group === 'safety')
    return (
      <View className="wf-warn" role="note">
        紧急情况请直接报警：火警 119、治安 110，电梯困人请拨 96333。这里反映的问题按工作时间办理。
      </View>
    );
  if (categoryId === 'property-elevator')
    return (
      <View className="wf-warn" role="note">
        如有人被困在电梯内，请立即拨打 96333 电梯应急救援电话。
      </View>
    );
  return null;
}
