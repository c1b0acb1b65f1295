import { useRouter } from '@tarojs/taro';
import { ApiError } from '../../../api/client';
import { woApi, type WoView } from '../../../api/workorders';
import { DetailShell } from '../../../components/DetailShell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useActedDetail } from '../../../hooks/useActedDetail';
import { DetailBody } from './Body';
import './index.css';

/** 诉求详情 / 工单办理: the order, its trail, the filer's rating, and the handler's actions. */
export default function WorkOrderDetail() {
  return (
    <Page className="wd">
      <RoleGate what="诉求详情" loginText="登录后可查看诉求详情">
        <WorkOrder />
      </RoleGate>
    </Page>
  );
}

function WorkOrder() {
  const { params } = useRouter();
  const no = (params?.no ?? '').toUpperCase();
  // 409: someone else acted first (e.g. 该工单已由 X 签收): say so and show the order as it is now
  const detail = useActedDetail<WoView>(
    () => (no ? woApi.get(no) : Promise.reject(new ApiError(400, 'CLIENT', '缺少工单编号，请从“我的诉求”或“待办工单”进入'))),
    [no],
  );
  return <DetailShell detail={detail}>{(d) => <DetailBody d={d} onDone={detail.onDone} onError={detail.onError} />}</DetailShell>;
}
