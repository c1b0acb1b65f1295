import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApplicationSummary } from '@yx/shared';
import { useState } from 'react';
import { api, type RouteQuery } from '../../../api/client';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { formatDate } from '../../../components/Timeline';
import { StateTag } from '../../../components/TrafficLight';
import { PlainProgress } from '../../../components/PlainProgress';
import { usePagedList } from '../../../hooks/usePagedList';
import { Tabs } from '../../../components/Tabs';
import { Chips } from '../../../components/Chips';
import { useSession } from '../../../hooks/useSession';
import { useActingFor } from '../../../hooks/useActingFor';
import './index.css';
import { Button } from '../../../components/Button';

type Tab = NonNullable<RouteQuery<'GET /v1/applications'>['state']>;
const TABS: { key: Tab; name: string; empty: string }[] = [
  { key: 'all', name: '全部', empty: '还没有办件，去办事指南看看' },
  { key: 'open', name: '办理中', empty: '没有正在办理的办件' },
  { key: 'action', name: '待我处理', empty: '没有需要您处理的办件' },
  { key: 'ended', name: '已办结', empty: '没有已办结的办件' },
];

const newestFirst = (a: ApplicationSummary, b: ApplicationSummary) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0);

export const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/** 我的办件: the applicant's applications by tab, newest first, 20 at a time. */
export default function Mine() {
  const lookup = (
    <View className="muted mine-lookup" onClick={() => Taro.navigateTo({ url: '/packages/progress/lookup/index' })}>
      没有登录？用办件编号和查询码查进度 ›
    </View>
  );
  return (
    <Page className="mine">
      <RoleGate what="我的办件" loginText="登录后可查看您申请的办件" loginExtra={lookup}>
        <MineList />
      </RoleGate>
    </Page>
  );
}

function MineList() {
  const [tab, setTab] = useState<Tab>('all');
  const session = useSession();
  const acting = useActingFor();
  // a firm's legal representative also sees what its agents filed (企业全部办件)
  const isLegalRep = session?.user.firmRole === 'legal' && !acting;
  const [scope, setScope] = useState<'mine' | 'firm'>('mine');
  // coming back from a detail page (withdrawn, supplemented, rated) the list refreshes itself
  const list = usePagedList((cursor) => api.myApplications(tab, cursor, isLegalRep ? scope : 'mine'), [tab, scope, isLegalRep], { sort: newestFirst });
  const current = TABS.find((t) => t.key === tab)!;
  return (
    <>
      {isLegalRep && (
        <Chips
          className="mine-scope"
          label="办件范围"
          options={[
            { value: 'mine', label: '我提交的' },
            { value: 'firm', label: '企业全部办件' },
          ]}
          value={scope}
          onChange={setScope}
        />
      )}
      <Tabs prefix="mine" tabs={TABS} value={tab} onChange={setTab} />

      <ListView list={list} emptyText={current.empty}>
        {list.items.map((a) => (
          <View key={a.appNo} className="card" onClick={() => openApplication(a.appNo)} data-testid="application-row">
            <View className="card-head">
              <View className="card-name mine-row-name">{a.itemName}</View>
              <StateTag state={a.state} name={a.stateName} />
            </View>
            <View className="muted">办件编号 {a.appNo}</View>
            <View className="mine-row-foot">
              <Text className="muted">{formatDate(a.submittedAt)} 提交</Text>
              <PlainProgress small state={a.state} running={a.light !== null} deadline={a.deadline} remainingDays={a.remainingDays} />
            </View>
          </View>
        ))}
      </ListView>
      {!list.loading && !list.error && !list.items.length && tab === 'all' && (
        <View className="mine-guide">
          <Button className="btn btn-plain" onClick={() => Taro.switchTab({ url: '/pages/guide/index' })}>
            去办事指南
          </Button>
        </View>
      )}
    </>
  );
}
