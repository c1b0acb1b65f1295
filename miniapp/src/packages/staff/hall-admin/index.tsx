import { Text, View } from '@tarojs/components';
import { MAX_PAGE_SIZE, STREETS } from '@yx/shared';
import { useState } from 'react';
import { hallAdminApi, type PointAdminView } from '../../../api/appointments';
import { api } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { Tabs } from '../../../components/Tabs';
import { useAsync } from '../../../hooks/useAsync';
import type { CatalogueItem } from './Areas';
import { Settings } from './Settings';
import { StatsTab } from './Stats';
import './index.css';

type Tab = 'stats' | 'settings';
const TABS = [
  { key: 'stats', name: '数据' },
  { key: 'settings', name: '设置' },
] as const;

/** The hall first, then the street centres in the district's order of streets. */
export function pointOrder(points: PointAdminView[]): PointAdminView[] {
  const rank = (p: PointAdminView) => (p.kind === 'hall' ? -1 : STREETS.findIndex((s) => s.id === p.streetId) + 1 || STREETS.length + 1);
  return [...points].sort((a, b) => rank(a) - rank(b));
}
/** A short name for the picker: 区政务服务中心, 北京街 … */
const shortName = (p: PointAdminView) =>
  p.kind === 'hall' ? p.name.replace(/^越秀/, '') : (STREETS.find((s) => s.id === p.streetId)?.name ?? p.name.replace(/便民服务中心$/, ''));

/** Every catalogue item (id and name), page by page: the areas show names and offer the catalogue to choose from. */
async function loadCatalogue(): Promise<CatalogueItem[]> {
  const out: CatalogueItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const r = await api.services({ limit: MAX_PAGE_SIZE, cursor });
    out.push(...r.items.map((i) => ({ id: i.id, name: i.name })));
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  return out;
}

/**
 * 办事地点管理 (issue 18), for admins: pick the district hall or a street's centre; 数据 shows its last 14 days
 * (bookings, 爽约率, numbers taken and served, average wait and service); 设置 edits its details, opening hours
 * (5+2 weekends, 白加黑 evenings, holidays), slot length and capacity, business areas with their items, and windows
 * with their departments, saved by version.
 */
function HallAdminBody() {
  const points = useAsync(() => hallAdminApi.points(), []);
  // the catalogue and departments are only names here: the settings still work with ids if they fail to load
  const catalogue = useAsync(loadCatalogue, []);
  const departments = useAsync(() => api.departments(), []);
  const [saved, setSaved] = useState<Record<string, PointAdminView>>({});
  const [pointId, setPointId] = useState<string>();
  const [tab, setTab] = useState<Tab>('stats');
  const [opened, setOpened] = useState<Set<Tab>>(() => new Set<Tab>(['stats']));

  const list = pointOrder((points.data?.items ?? []).map((p) => saved[p.id] ?? p));
  const point = list.find((p) => p.id === pointId) ?? list[0];

  const open = (t: Tab) => {
    setTab(t);
    setOpened((s) => (s.has(t) ? s : new Set(s).add(t)));
  };

  return (
    <StateView
      loading={points.loading && !points.data}
      error={points.data ? undefined : points.error}
      onRetry={points.reload}
      empty={Boolean(points.data) && !list.length}
      emptyText="还没有办事地点"
    >
      <View className="section ha-points">
        <View className="section-title">办事地点</View>
        <Chips label="选择办事地点" options={list.map((p) => ({ value: p.id, label: shortName(p) }))} value={point?.id} onChange={setPointId} />
      </View>
      {point && (
        <View key={point.id}>
          <View className="ha-head" data-testid="ha-point">
            <Text className="ha-name">{point.name}</Text>
            <Text className={`tag ${point.kind === 'hall' ? 'tag-red' : 'tag-blue'}`}>{point.kind === 'hall' ? '政务服务中心' : '便民服务中心'}</Text>
            <View className="muted ha-head-hours">{point.hoursText}</View>
          </View>
          <Tabs<Tab> prefix="ha" tabs={TABS} value={tab} onChange={open} />
          {TABS.filter((t) => opened.has(t.key)).map((t) => (
            <View key={t.key} className={tab === t.key ? '' : 'ha-hidden'} role="tabpanel" aria-hidden={tab !== t.key} data-testid={`ha-panel-${t.key}`}>
              {t.key === 'stats' && <StatsTab pointId={point.id} active={tab === 'stats'} />}
              {t.key === 'settings' && (
                <Settings
                  point={point}
                  items={catalogue.data}
                  departments={departments.data?.items.map((x) => ({ id: x.id, name: x.shortName }))}
                  onSaved={(p) => setSaved((s) => ({ ...s, [p.id]: p }))}
                />
              )}
            </View>
          ))}
        </View>
      )}
    </StateView>
  );
}

export default function HallAdmin() {
  return (
    <Page className="ha">
      <RoleGate roles={['admin']} what="办事地点管理">
        <HallAdminBody />
      </RoleGate>
    </Page>
  );
}
