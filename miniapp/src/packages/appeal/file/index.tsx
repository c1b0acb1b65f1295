import Taro, { useRouter } from '@tarojs/taro';
import type { UserView } from '@yx/shared';
import { useEffect, useState } from 'react';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { APPEAL_PAGES } from '../pages';
import { BadFirmLink, firmOfLink } from './FirmSection';
import { FileForm } from './FullForm';
import { OneTap } from './OneTap';
import './index.css';

const FILERS: UserView['role'][] = ['resident', 'enterprise', 'grid'];

/**
 * 我要反映 (residents, enterprises: the form) and 一键呼叫 (grid officials: one tap, the whole form behind 填写完整信息);
 * `?firm=<统一社会信用代码>` (我要投诉 on a merchant's credit page): the form about that firm.
 */
export default function FileWorkOrderPage() {
  const { params } = useRouter();
  const firm = firmOfLink(params?.firm);
  const toTeam = { text: '查看待办工单', go: () => Taro.redirectTo({ url: APPEAL_PAGES.team }) };
  return (
    <Page className="wf">
      <RoleGate
        roles={FILERS}
        what="我要反映"
        loginText="登录后可反映诉求，并随时查看办理进度"
        deniedText="工作人员账号不能提交诉求"
        deniedNote={() => '如需反映问题，请使用个人账号登录；待办工单请到“待办工单”查看。'}
        deniedAction={toTeam}
      >
        {(user) =>
          user.role === 'grid' ? (
            <GridCall key={user.id} user={user} />
          ) : firm.problem ? (
            <BadFirmLink problem={firm.problem} />
          ) : (
            <FileForm key={`${user.id}-${firm.code ?? ''}`} user={user} firm={firm.code} />
          )
        }
      </RoleGate>
    </Page>
  );
}

/** 一键呼叫: the one-tap call first; both views work on the same draft kept on the phone. */
function GridCall({ user }: { user: UserView }) {
  const [full, setFull] = useState(false);
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '一键呼叫' });
  }, []);
  return full ? <FileForm user={user} onOneTap={() => setFull(false)} /> : <OneTap user={user} onFull={() => setFull(true)} />;
}
