import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { UserView } from '@yx/shared';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { type Tab, Tabs } from '../../../components/Tabs';
import { MODERATOR_DEPARTMENT } from './common';
import { HeldTab } from './HeldTab';
import { ReviewsTab } from './ReviewsTab';
import './index.css';

type DeskTab = 'reviews' | 'held';

/**
 * 信用修复与异议 (issue 20): the department's repairs and objections to decide, nearest deadline first; and for the market
 * regulator's staff and the admin 商户评价审核, ratings held for words or as a storm. `?tab=held` opens the second.
 */
export default function StaffCredit() {
  return (
    <Page className="scr">
      <RoleGate roles={['staff', 'admin']} what="信用修复与异议">
        {(user) => <Desk user={user} />}
      </RoleGate>
    </Page>
  );
}

function Desk({ user }: { user: UserView }) {
  const { params } = useRouter();
  // the repairs are the deciding department's (an admin has none); held ratings the market regulator's and the admin's
  const reviewer = user.role === 'staff';
  const moderator = user.role === 'admin' || user.departmentId === MODERATOR_DEPARTMENT;
  const tabs: Tab<DeskTab>[] = [
    ...(reviewer ? [{ key: 'reviews' as const, name: '信用修复与异议' }] : []),
    ...(moderator ? [{ key: 'held' as const, name: '商户评价审核' }] : []),
  ];
  const [tab, setTab] = useState<DeskTab>(params?.tab === 'held' && moderator ? 'held' : reviewer ? 'reviews' : 'held');
  return (
    <View>
      <View className="scr-head">
        <View className="scr-name">{user.departmentName ?? (user.role === 'admin' ? '管理员' : '本部门')}</View>
        <View className="muted">
          {tab === 'reviews' ? '本部门作出的信用信息的修复与异议申请，临近答复期限的在前' : '含敏感词或疑似刷评的商户评价，先到的在前'}
        </View>
      </View>
      {tabs.length > 1 && <Tabs prefix="scr" tabs={tabs} value={tab} onChange={setTab} />}
      {tab === 'reviews' ? <ReviewsTab /> : <HeldTab />}
    </View>
  );
}
