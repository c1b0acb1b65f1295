import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { AtWindow } from './Desk';
import { Points } from './Points';
import { useDesk } from './useDesk';
import './index.css';

/**
 * 窗口叫号 (issue 18): the window officer's desk. At no window, the windows I may staff (到此窗口); at one, the current
 * number with 叫下一位 / 重呼 / 办结 / 过号 / 转窗口, the queue in call order, today's figures, and the day's check-in QR.
 * The desk refreshes every 5 s while the page is shown.
 */
function DeskBody() {
  const d = useDesk();
  return (
    <StateView loading={d.loading} error={d.desk ? undefined : d.error} onRetry={() => void d.refresh()}>
      {d.desk && (d.desk.window ? <AtWindow desk={d.desk} apply={d.apply} refresh={d.refresh} stale={!!d.error} /> : <Points apply={d.apply} />)}
    </StateView>
  );
}

export default function HallDesk() {
  return (
    <Page className="hd">
      <RoleGate roles={['staff']} what="窗口叫号">
        <DeskBody />
      </RoleGate>
    </Page>
  );
}
