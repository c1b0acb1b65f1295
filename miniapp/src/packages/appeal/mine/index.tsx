import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { woApi, type WoSummary } from '../../../api/workorders';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { formatDateTime } from '../../../components/Timeline';
import { WoStateTag } from '../../../components/WoStateTag';
import { usePagedList } from '../../../hooks/usePagedList';
import { APPEAL_PAGES, openWorkOrder } from '../pages';
import './index.css';
import { Button } from '../../../components/Button';

const newestFirst = (a: WoSummary, b: WoSummary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/** 我的诉求: what I filed (or, for a grid official, reported), newest first, 20 at a time. */
export default function MyWorkOrders() {
  return (
    <Page className="wm">
      <RoleGate what="我的诉求" loginText="登录后可查看您反映的诉求和办理进度">
        <MineList />
      </RoleGate>
    </Page>
  );
}

function MineList() {
  // back from a detail page (rated, followed) the list refreshes itself
  const list = usePagedList((cursor) => woApi.mine(cursor), [], { key: (w) => w.no, sort: newestFirst });
  const goFile = () => Taro.navigateTo({ url: APPEAL_PAGES.file });
  const settled = !list.loading && !list.error;
  return (
    <>
      <ListView list={list} emptyText="您还没有反映过诉求">
        {list.items.map((w) => (
          <View key={w.no} className="card" onClick={() => openWorkOrder(w.no)} data-testid="wo-row">
            <View className="card-head">
              <View className="wm-row-cat">{w.category}</View>
              <WoStateTag state={w.state} name={w.stateName} />
            </View>
            <View className="card-desc">{w.description}</View>
            <View className="card-foot wm-row-foot">
              <Text className="muted">
                {formatDateTime(w.createdAt)} · {w.teamName}
              </Text>
              {w.affected > 1 && <Text className="muted">{w.affected} 人反映</Text>}
            </View>
          </View>
        ))}
      </ListView>
      {settled && !list.items.length && (
        <View className="wm-empty-cta">
          <Button className="btn" onClick={goFile}>
            去反映
          </Button>
        </View>
      )}
      {settled && list.items.length > 0 && (
        <View className="wm-fab">
          <Button className="btn btn-plain" onClick={goFile}>
            我要反映
          </Button>
        </View>
      )}
    </>
  );
}
