import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { waitingLabel } from '@yx/shared';
import { COMMUNITY_PAGES, communityStaffApi } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { type Tab, Tabs } from '../../../components/Tabs';
import { useAsync } from '../../../hooks/useAsync';
import { ModerationTab } from './ModerationTab';
import { ResidencesTab } from './ResidencesTab';
import { TopicsTab } from './TopicsTab';
import './index.css';

type DeskTab = 'proposed' | 'all' | 'residences' | 'moderation';

/**
 * 社区议事工作台 (issue 19) for the community's grid official: proposals to open or decline, every topic, residents
 * waiting to be confirmed, comments held for review. Each tab names how many wait.
 */
export default function CommunityDesk() {
  return (
    <Page className="sc">
      <RoleGate roles={['grid']} what="社区议事工作台" deniedText="社区议事工作台仅供网格员使用">
        <Desk />
      </RoleGate>
    </Page>
  );
}

function Desk() {
  const summary = useAsync(() => communityStaffApi.summary(), []);
  const [tab, setTab] = useState<DeskTab>('proposed');
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) summary.reload();
    shown.current = true;
  });
  const s = summary.data;
  const tabs: Tab<DeskTab>[] = [
    { key: 'proposed', name: `待审议${s?.proposedTopics ? ` ${waitingLabel(s.proposedTopics)}` : ''}` },
    { key: 'all', name: '全部议题' },
    { key: 'residences', name: `居民确认${s?.pendingResidences ? ` ${waitingLabel(s.pendingResidences)}` : ''}` },
    { key: 'moderation', name: `评论审核${s?.heldComments ? ` ${waitingLabel(s.heldComments)}` : ''}` },
  ];
  return (
    <StateView loading={summary.loading && !s} error={s ? undefined : summary.error} onRetry={summary.reload}>
      {s && (
        <View>
          <View className="sc-head" data-testid="desk-head">
            <View>
              <View className="sc-name">{s.name}</View>
              <View className="muted">{s.streetName} · 社区议事</View>
            </View>
            <Button className="btn btn-plain sc-head-btn" onClick={() => Taro.navigateTo({ url: COMMUNITY_PAGES.list })}>
              居民看到的议事
            </Button>
          </View>
          <Tabs prefix="sc" tabs={tabs} value={tab} onChange={setTab} />
          {tab === 'proposed' && <TopicsTab key="proposed" communityId={s.id} view="proposed" />}
          {tab === 'all' && <TopicsTab key="all" communityId={s.id} view="all" />}
          {tab === 'residences' && <ResidencesTab onChanged={summary.reload} />}
          {tab === 'moderation' && <ModerationTab onChanged={summary.reload} />}
        </View>
      )}
    </StateView>
  );
}
