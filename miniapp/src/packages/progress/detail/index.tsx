import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ApplicationDetail } from '@yx/shared';
import { api, ApiError } from '../../../api/client';
import { DetailShell } from '../../../components/DetailShell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useActedDetail } from '../../../hooks/useActedDetail';
import { DetailBody } from './Body';
import './index.css';

/** 办件详情: the application's clock, next step (补正, 评价, 撤回), progress, materials and linked applications. */
export default function ApplicationDetailPage() {
  const { params } = useRouter();
  const appNo = (params?.appNo ?? '').toUpperCase();
  const lookup = (
    <View className="muted dt-lookup" onClick={() => Taro.navigateTo({ url: `/packages/progress/lookup/index?appNo=${encodeURIComponent(appNo)}` })}>
      不登录，用查询码查进度 ›
    </View>
  );
  return (
    <Page className="dt">
      <RoleGate what="办件详情" loginText="登录后可查看办件详情" loginExtra={lookup}>
        <Application appNo={appNo} />
      </RoleGate>
    </Page>
  );
}

function Application({ appNo }: { appNo: string }) {
  // 409: the state changed meanwhile (e.g. the department accepted it): say so and show the current one
  const detail = useActedDetail<ApplicationDetail>(
    () => (appNo ? api.application(appNo) : Promise.reject(new ApiError(400, 'CLIENT', '缺少办件编号，请从“我的办件”进入'))),
    [appNo],
  );
  return <DetailShell detail={detail}>{(d) => <DetailBody d={d} onDone={detail.onDone} onError={detail.onError} />}</DetailShell>;
}
