import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { STREETS, WO_GROUP_NAMES, WO_GROUP_OF, WO_GROUPS, type WoGroup } from '@yx/shared';
import { useEffect, useRef, useState } from 'react';
import { woApi, type WoOverdue, type WoStreetItem } from '../../../api/workorders';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { useAsync } from '../../../hooks/useAsync';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../hooks/useSession';
import { Chips } from '../../../components/Chips';
import { RoleGate } from '../../../components/RoleGate';
import { openWorkOrder } from '../pages';
import { WoStateTag } from '../../../components/WoStateTag';
import { type Tab, Tabs } from '../../../components/Tabs';
import './index.css';

/** The five groups of the street's orders, then 督办 (what is overdue). */
export type StreetTab = WoGroup | 'overdue';
export const STREET_TABS: Tab<StreetTab>[] = [
  ...WO_GROUPS.map((g) => ({ key: g, name: WO_GROUP_NAMES[g] })),
  { key: 'overdue', name: '督办', className: 'ws-tab-overdue' },
];

const HINTS: Record<WoGroup, string> = {
  todo: '按签收时限排序，最紧的在前',
  doing: '按答复期限排序，最紧的在前',
  answered: '已办结回复，等待反映人评价，最近的在前',
  returned: '承办单位退回的工单，请进入详情改派，最近的在前',
  closed: '已评价或并入原工单的工单，最近的在前',
};

/** The district's admin looks at one street at a time, or at orders not placed in any. */
const DISTRICT = '_district';
const STREET_OPTIONS = [{ value: DISTRICT, label: '区级（未定位街道）' }, ...STREETS.map((s) => ({ value: s.id, label: s.name }))];

/** The deadline that matters in the order's state: the claim time while unclaimed, the reply date while handled. */
export function deadlineText(w: Pick<WoStreetItem, 'state' | 'claimBy' | 'replyBy' | 'createdAt'>): { text: string; due: boolean } {
  const g = WO_GROUP_OF[w.state];
  if (g === 'todo') return { text: `签收时限 ${formatDateTime(w.claimBy)}`, due: true };
  if (g === 'doing' || g === 'returned') return { text: `答复期限 ${formatDay(w.replyBy)}`, due: true };
  return { text: `反映时间 ${formatDateTime(w.createdAt)}`, due: false };
}

/** 街道调度: the street's work orders by where they stand, and 督办 of the overdue ones. */
export default function StreetDispatch() {
  return (
    <Page className="ws">
      <RoleGate roles={['dispatcher', 'admin']} what="街道调度">
        <StreetBody />
      </RoleGate>
    </Page>
  );
}

function StreetBody() {
  const admin = useSession()?.user.role === 'admin';
  const [tab, setTab] = useState<StreetTab>('todo');
  const [street, setStreet] = useState(DISTRICT);
  // a dispatcher always sees their own street (the server knows it); the admin names one
  const asked = admin ? street : undefined;
  const group = tab === 'overdue' ? undefined : tab;
  // back from a detail page (claimed, redispatched, extension decided) both refresh themselves
  const list = usePagedList((cursor) => woApi.street(group!, cursor, asked), [group, asked], { enabled: Boolean(group), key: (w) => w.no });
  const overdue = useAsync(() => (group ? Promise.resolve(undefined) : woApi.overdue(asked)), [group, asked]);
  const shownAt = useRef(Date.now());
  useDidShow(() => {
    if (!group && Date.now() - shownAt.current > 1000) overdue.reload();
    shownAt.current = Date.now();
  });
  // the street's name stays while another tab loads
  const [streetLabel, setStreetLabel] = useState<string>();
  const named = group ? list.last?.street : overdue.data?.street;
  useEffect(() => {
    if (named) setStreetLabel(named);
  }, [named]);

  return (
    <View>
      <View className="ws-head">
        <View className="ws-title" data-testid="street-name">
          {streetLabel ?? '本街道'}
        </View>
        <View className="ws-sub">诉求工单调度：派单、改派、延期审批、重复件合并、督办</View>
      </View>

      {admin && (
        <View className="section ws-streets">
          <Chips label="查看街道" value={street} options={STREET_OPTIONS} onChange={setStreet} className="ws-street-chips" />
        </View>
      )}

      <Tabs prefix="ws" tabs={STREET_TABS} value={tab} onChange={setTab} />

      {group ? (
        <View>
          <View className="muted ws-hint">{HINTS[group]}</View>
          <ListView list={list} emptyText={`暂无${WO_GROUP_NAMES[group]}的工单`}>
            {list.items.map((w) => (
              <StreetRow key={w.no} w={w} />
            ))}
          </ListView>
        </View>
      ) : (
        <StateView loading={overdue.loading && !overdue.data} error={overdue.data ? undefined : overdue.error} onRetry={overdue.reload}>
          {overdue.data && <OverdueLists d={overdue.data} />}
        </StateView>
      )}
    </View>
  );
}

/** 督办: unclaimed past the claim time, and handled past the reply date, each with its count. */
function OverdueLists({ d }: { d: WoOverdue }) {
  const parts = [
    { key: 'unclaimed', name: '超时未签收', items: d.items, empty: '没有超时未签收的工单' },
    { key: 'replies', name: '超期未答复', items: d.replies, empty: '没有超期未答复的工单' },
  ];
  return (
    <View>
      <View className="muted ws-hint">超过签收时限或答复期限的工单，请督促承办单位尽快处理。</View>
      {parts.map((p) => (
        <View key={p.key} className="ws-overdue" data-testid={`overdue-${p.key}`}>
          <View className="ws-overdue-title">
            <Text>{p.name}</Text>
            <Text className={`ws-count ${p.items.length ? 'hot' : ''}`} data-testid={`overdue-${p.key}-count`}>
              {p.items.length}
            </Text>
            <Text className="muted">件</Text>
          </View>
          {p.items.length ? p.items.map((w) => <StreetRow key={w.no} w={w} />) : <View className="muted ws-overdue-empty">{p.empty}</View>}
        </View>
      ))}
    </View>
  );
}

function StreetRow({ w }: { w: WoStreetItem }) {
  const deadline = deadlineText(w);
  const late = deadline.due && w.light === 'red';
  return (
    <View className={`card ws-row ${w.light ? `ws-${w.light}` : ''}`} onClick={() => openWorkOrder(w.no)} data-testid="street-row">
      <View className="card-head">
        <View className="ws-row-cat">{w.category}</View>
        <WoStateTag state={w.state} name={w.stateName} />
      </View>
      {(w.escalated || w.extensionRequested || w.duplicateOf) && (
        <View className="ws-badges">
          {w.escalated && (
            <Text className="tag tag-red" data-testid="badge-escalated">
              已提请调度
            </Text>
          )}
          {w.extensionRequested && (
            <Text className="tag tag-orange" data-testid="badge-extension">
              延期待批
            </Text>
          )}
          {w.duplicateOf && (
            <Text className="tag tag-gray" data-testid="badge-duplicate">
              重复件
            </Text>
          )}
        </View>
      )}
      <View className="card-desc">{w.description}</View>
      <View className="muted">
        承办：{w.teamName}
        {w.ownerName ? `（${w.ownerName}）` : ''}
        {w.affected > 1 ? ` · ${w.affected} 人反映` : ''}
      </View>
      <View className="card-foot">
        <Text className={late ? 'ws-late' : 'muted'} data-testid="deadline">
          {deadline.text}
        </Text>
        {w.light && <TrafficLight small light={w.light} remainingDays={null} />}
      </View>
    </View>
  );
}
