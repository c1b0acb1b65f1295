import { View } from '@tarojs/components';
import { WO_OWNER_LIST_NAMES, type WoOwnerList } from '@yx/shared';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { type Tab, Tabs } from '../../../components/Tabs';
import { OwnList } from './OwnList';
import { TeamQueue } from './TeamQueue';
import './index.css';

/** 待签收: the team's queue; then the officer's own orders, 我处理中 and 已办结. */
export type TeamTab = 'todo' | WoOwnerList;
export const TEAM_TABS: Tab<TeamTab>[] = [
  { key: 'todo', name: '待签收' },
  { key: 'doing', name: WO_OWNER_LIST_NAMES.doing },
  { key: 'done', name: WO_OWNER_LIST_NAMES.done },
];

/**
 * 待办工单: my team's orders waiting to be signed for (the most urgent first, as the server sorts them), and the ones
 * I signed for: those I am handling, by reply date, and those I answered, the newest first.
 */
export default function TeamWorkOrders() {
  return (
    <Page className="wt">
      <RoleGate roles={['staff', 'grid']} what="待办工单">
        <TeamBody />
      </RoleGate>
    </Page>
  );
}

function TeamBody() {
  const [tab, setTab] = useState<TeamTab>('todo');
  return (
    <View>
      <Tabs prefix="wt" tabs={TEAM_TABS} value={tab} onChange={setTab} />
      {tab === 'todo' ? <TeamQueue /> : <OwnList key={tab} list={tab} />}
    </View>
  );
}
