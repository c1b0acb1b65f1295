import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { ApiError } from '../../../api/client';
import { Button } from '../../../components/Button';

/**
 * 政策兑现 (issue 17) on the apply form: the page opened for a policy item the firm may not claim (the server's reason:
 * 暂不符合, 已截止, 已撤回…), and a submission refused because the firm has already claimed the item.
 */

/** The form request's refusals that are about the policy item (400 a bad item id, 404 none such, 409 closed or withdrawn, 422 not eligible). */
export const isPolicyRefusal = (e?: ApiError): e is ApiError => !!e && [400, 404, 409, 422].includes(e.status);

/** The policy an item belongs to (`<policyId>-<n>`). */
const policyIdOf = (policyItemId: string) => policyItemId.replace(/-\d{1,2}$/, '');

/** Back to the policy: the page the firm came from when it is that policy's, else the policy opened in place of the form. */
export function backToPolicy(policyItemId: string) {
  const pages = (Taro.getCurrentPages?.() ?? []) as { route?: string }[];
  if (pages.length > 1 && pages[pages.length - 2]?.route?.includes('packages/policy/detail')) return Taro.navigateBack();
  return Taro.redirectTo({ url: `/packages/policy/detail/index?id=${encodeURIComponent(policyIdOf(policyItemId))}` });
}

const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/** The item cannot be claimed now: the server's words, plainly, and the way back to the policy (never a blank page). */
export function PolicyRefused({ error, policyItemId }: { error: ApiError; policyItemId: string }) {
  return (
    <View className="apply-policy-refused" data-testid="policy-refused">
      <View className="apply-policy-refused-title">暂不能申请这个政策条目</View>
      <View className="apply-policy-refused-text" role="alert">
        {error.message}
      </View>
      <Button className="btn apply-cta" onClick={() => backToPolicy(policyItemId)}>
        返回政策详情
      </Button>
    </View>
  );
}

/** 已申请过: the firm's earlier application for the item, named by its 办件编号, with the way to it. */
export function ClaimedNote({ message, appNo }: { message: string; appNo: string }) {
  useEffect(() => {
    Promise.resolve(Taro.pageScrollTo?.({ selector: '.apply-claimed', offsetTop: -160, duration: 200 })).catch(() => undefined);
  }, [appNo]);
  return (
    <View className="section apply-claimed" data-testid="policy-claimed">
      <View className="apply-claimed-title">该政策条目已申请过</View>
      <View role="alert">{message}</View>
      <View className="apply-claimed-no">
        办件编号 <Text className="apply-claimed-num">{appNo}</Text>
      </View>
      <Button className="btn btn-plain apply-claimed-btn" onClick={() => openApplication(appNo)}>
        查看那件申请
      </Button>
    </View>
  );
}
