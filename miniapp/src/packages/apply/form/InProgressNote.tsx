import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FormPayload } from '@yx/shared';
import { confirmStep } from '../../../components/confirmStep';
import { formatDate } from '../../../components/Timeline';

type InProgress = FormPayload['inProgress'];

/**
 * 已有同类申请: the same item is already being handled for this person (issue 14: two identical 无犯罪记录证明 side by
 * side). Said at the top of the form, with the way to that application; asked again before submitting.
 */
export function InProgressNote({ items }: { items: InProgress }) {
  if (!items.length) return null;
  const a = items[0];
  return (
    <View className="apply-inprogress" data-testid="in-progress" role="note">
      <View>
        您已于 {formatDate(a.submittedAt)}申请过“{a.itemName}”，目前<Text className="apply-inprogress-state">{a.stateName}</Text>
        {items.length > 1 ? `（共 ${items.length} 件在办）` : ''}。一般不需要再申请。
      </View>
      <View
        className="apply-inprogress-link"
        role="button"
        onClick={() => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(a.appNo)}` })}
      >
        查看那件申请 ›
      </View>
    </View>
  );
}

/** Before a second application of the same item: true to go on. */
export const confirmAnotherApplication = (items: InProgress) =>
  items.length === 0
    ? Promise.resolve(true)
    : confirmStep('已有同样的申请在办', `“${items[0].itemName}”已有一件正在办理（${items[0].appNo}），确定还要再申请一件吗？`, '仍要申请', '不申请了');
