import { View } from '@tarojs/components';
import type { MemberRules } from '@yx/shared';
import { useState } from 'react';
import { memberAdminApi } from '../../../api/memberAdmin';
import { Page } from '../../../components/Page';
import { useAsync } from '../../../hooks/useAsync';
import { RoleGate } from '../../../components/RoleGate';
import { BenefitsTab } from './benefits';
import { MembersTab } from './members';
import { RulesTab } from './rules';
import { StatsTab } from './stats';
import './index.css';

type Tab = 'stats' | 'benefits' | 'rules' | 'members';
const TABS: { value: Tab; label: string }[] = [
  { value: 'stats', label: '数据' },
  { value: 'benefits', label: '福利' },
  { value: 'rules', label: '规则' },
  { value: 'members', label: '会员' },
];

/** 会员管理: the member zone's figures, member-day benefits, rules and members, for admins. */
export default function MemberAdmin() {
  return (
    <Page className="ma">
      <RoleGate roles={['admin']} what="会员管理">
        <MemberAdminBody />
      </RoleGate>
    </Page>
  );
}

function MemberAdminBody() {
  const [tab, setTab] = useState<Tab>('stats');
  // A tab once opened stays mounted (hidden), so nothing typed in a form is lost by looking at another tab.
  const [opened, setOpened] = useState<Set<Tab>>(() => new Set<Tab>(['stats']));
  const rulesState = useAsync(() => memberAdminApi.rules(), []);
  const [savedRules, setSavedRules] = useState<MemberRules>();
  const rules = savedRules ?? rulesState.data;

  const open = (t: Tab) => {
    setTab(t);
    setOpened((s) => (s.has(t) ? s : new Set(s).add(t)));
  };

  return (
    <View>
      <View className="ma-tabs" role="tablist" aria-label="会员管理">
        {TABS.map((t) => (
          <View
            key={t.value}
            className={`ma-tab ${tab === t.value ? 'on' : ''}`}
            role="tab"
            aria-selected={tab === t.value}
            aria-label={t.label}
            data-testid={`tab-${t.value}`}
            onClick={() => open(t.value)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {TABS.filter((t) => opened.has(t.value)).map((t) => (
        <View
          key={t.value}
          className={`ma-panel ${tab === t.value ? '' : 'ma-hidden'}`}
          role="tabpanel"
          aria-hidden={tab !== t.value}
          data-testid={`panel-${t.value}`}
        >
          {t.value === 'stats' && <StatsTab active={tab === 'stats'} />}
          {t.value === 'benefits' && <BenefitsTab rules={rules} rulesState={rulesState} />}
          {t.value === 'rules' && <RulesTab rules={rules} rulesState={rulesState} onSaved={setSavedRules} />}
          {t.value === 'members' && <MembersTab />}
        </View>
      ))}
    </View>
  );
}
