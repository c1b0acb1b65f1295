import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { MyResidence } from '../../api/deliberation';
import { Button } from '../../components/Button';
import { goCommunity, Notice } from './common';

/**
 * What stands between a resident and their community's topics: a proven name (人脸核验), then a community declared and
 * confirmed. Each step says what to do; once confirmed, the page itself (given the community's id).
 */
export function ResidenceGate({ mine, children }: { mine: MyResidence; children: (communityId: string) => ReactNode }) {
  const r = mine.residence;
  if (!mine.proven)
    return (
      <Notice title="请先完成人脸核验实名" testId="needs-proof">
        <View className="muted">社区议事和投票每人一票，需要先用人脸核验确认是您本人。</View>
        <Button className="btn" onClick={() => Taro.navigateTo({ url: '/packages/account/real-name/index' })}>
          去实名认证
        </Button>
      </Notice>
    );
  if (!r)
    return (
      <Notice title="登记您所在的社区" testId="needs-residence">
        <View className="muted">登记居住的社区和地址后，就可以查看本社区的议题、发表意见和投票。</View>
        <Button className="btn" data-testid="go-residence" onClick={() => goCommunity('residence')}>
          登记所在社区
        </Button>
      </Notice>
    );
  if (r.status !== 'confirmed')
    return (
      <Notice title={r.status === 'pending' ? `待${r.communityName}网格员确认` : '居住登记未通过确认'} testId="residence-waiting">
        <View className="muted">
          {r.status === 'pending'
            ? `您登记的地址（${r.address}）需要网格员确认，确认后即可参与议事。`
            : `原因：${r.reason ?? '未说明'}。可以修改地址后重新登记。`}
        </View>
        <Button className="btn btn-plain" onClick={() => goCommunity('residence')}>
          {r.status === 'pending' ? '查看或修改登记' : '重新登记'}
        </Button>
      </Notice>
    );
  return <>{children(r.communityId)}</>;
}
