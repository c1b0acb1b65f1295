import { Text, View } from '@tarojs/components';
import type { OrgView } from '@yx/shared';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { DepartmentForm } from './DepartmentForm';
import { GridEditor } from './GridEditor';
import './index.css';

/** 组织架构 (admin): departments and each street's grids; staff are invited to these postings. */
function OrgBody() {
  const loaded = useAsync(() => api.org(), []);
  const [org, setOrg] = useState<OrgView>();
  const [open, setOpen] = useState<string>();
  useEffect(() => setOrg(loaded.data), [loaded.data]);
  const saved = (o: OrgView) => {
    setOrg(o);
    setOpen(undefined);
  };

  return (
    <StateView loading={loaded.loading && !org} error={org ? undefined : loaded.error} onRetry={loaded.reload}>
      <View className="section">
        <View className="section-title">部门（{org?.departments.length ?? 0}）</View>
        {org?.departments.map((d) => (
          <View key={d.id}>
            <View className="org-row" onClick={() => setOpen(open === `d:${d.id}` ? undefined : `d:${d.id}`)} role="button">
              <Text>{d.shortName}</Text>
              <Text className="muted">{open === `d:${d.id}` ? '收起' : `${d.phone} ›`}</Text>
            </View>
            {open === `d:${d.id}` && <DepartmentForm dept={d} onSaved={saved} />}
          </View>
        ))}
        <View className="org-row" onClick={() => setOpen(open === 'd:new' ? undefined : 'd:new')} role="button">
          <Text className="org-add">＋ 新增部门</Text>
        </View>
        {open === 'd:new' && <DepartmentForm onSaved={saved} />}
      </View>
      <View className="section">
        <View className="section-title">街道与网格</View>
        {org?.streets.map((s) => (
          <View key={s.id}>
            <View className="org-row" onClick={() => setOpen(open === `s:${s.id}` ? undefined : `s:${s.id}`)} role="button">
              <Text>{s.name}</Text>
              <Text className="muted">{s.grids.length ? `${s.grids.length} 个网格 ›` : '未登记网格 ›'}</Text>
            </View>
            {open === `s:${s.id}` && <GridEditor street={s} onSaved={saved} />}
          </View>
        ))}
      </View>
    </StateView>
  );
}

export default function Org() {
  return (
    <Page>
      <RoleGate roles={['admin']} what="组织架构">
        <OrgBody />
      </RoleGate>
    </Page>
  );
}
