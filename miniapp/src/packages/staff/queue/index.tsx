import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { APP_NO_LENGTH, AppNo, type Light } from '@yx/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError } from '../../../api/client';
import { CREDIT_PAGES } from '../../../api/credit';
import { staffApi, type QueueState, type StaffCounts } from '../../../api/staff';
import { Page } from '../../../components/Page';
import { ListView } from '../../../components/ListView';
import { formatDay } from '../../../components/Timeline';
import { StateTag, TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../hooks/useSession';
import { Chips, type ChipOption } from '../../../components/Chips';
import { openStaffApplication, STAFF_PAGES } from '../pages';
import { RoleGate } from '../../../components/RoleGate';
import { ErrorLine } from '../../../components/ErrorLine';
import './index.css';
import { Button } from '../../../components/Button';
import { MyTasks } from './MyTasks';
import { MODERATOR_DEPARTMENT } from '../credit/common';

/** The count tiles, in the order an application moves through the window. */
export const QUEUE_TILES: { state: QueueState; name: string }[] = [
  { state: 'submitted', name: '待受理' },
  { state: 'accepted', name: '已受理' },
  { state: 'in_review', name: '审查中' },
  { state: 'supplement', name: '待补正' },
  { state: 'approved', name: '待送达' },
];

type LightFilter = Light | 'all';
const LIGHTS: ChipOption<LightFilter>[] = [
  { value: 'all', label: '全部' },
  { value: 'green', label: '绿灯', tone: 'green' },
  { value: 'yellow', label: '黄灯', tone: 'yellow' },
  { value: 'red', label: '红灯', tone: 'red' },
];

/** The other desks; `market`: only for the market regulator's staff (商户评价审核 is theirs). */
const LINKS: { url: string; name: string; note: string; market?: boolean }[] = [
  { url: STAFF_PAGES.opinions, name: '并联意见', note: '其他部门征求意见' },
  { url: STAFF_PAGES.rectifications, name: '差评整改', note: '回访与整改' },
  { url: STAFF_PAGES.dashboard, name: '数据看板', note: '时效与满意度' },
  { url: STAFF_PAGES.disclosureAnnual, name: '公开年报', note: '依申请公开' },
  { url: CREDIT_PAGES.staffReviews, name: '信用修复与异议', note: '企业信用修复、异议核查' },
  { url: `${CREDIT_PAGES.staffReviews}?tab=held`, name: '商户评价审核', note: '敏感词、疑似刷评', market: true },
];

/** 工作台: my department's open applications, soonest deadline first. */
export default function StaffQueue() {
  return (
    <Page className="sq">
      <RoleGate roles={['staff']} what="工作台">
        <QueueBody />
      </RoleGate>
    </Page>
  );
}

function QueueBody() {
  const session = useSession();
  const [state, setState] = useState<QueueState>();
  const [light, setLight] = useState<LightFilter>('all');
  const [counts, setCounts] = useState<{ data?: StaffCounts; error?: string }>({});
  // back from a detail page an action may have moved the application on: the list refreshes itself, and the counts with it
  const list = usePagedList((cursor) => staffApi.queue({ state, light: light === 'all' ? undefined : light, cursor }), [state, light]);
  const shownAt = useRef(Date.now());

  const loadCounts = useCallback(() => {
    staffApi.counts().then(
      (data) => setCounts({ data }),
      (e) => setCounts((c) => ({ ...c, error: asApiError(e).message })),
    );
  }, []);
  useEffect(loadCounts, [loadCounts]);
  useDidShow(() => {
    if (Date.now() - shownAt.current > 1000) loadCounts();
    shownAt.current = Date.now();
  });
  usePullDownRefresh(loadCounts);

  const filterName = [state && QUEUE_TILES.find((t) => t.state === state)?.name, light !== 'all' && LIGHTS.find((l) => l.value === light)?.label]
    .filter(Boolean)
    .join(' · ');

  return (
    <View>
      <View className="sq-head">
        <View className="sq-title">{session?.user.departmentName ?? '本部门'}</View>
        <View className="sq-sub">待办按办结期限排序，最紧的在前</View>
        <View className="sq-tiles" role="group" aria-label="各状态办件数">
          {QUEUE_TILES.map((t) => (
            <View
              key={t.state}
              className={`sq-tile ${state === t.state ? 'on' : ''}`}
              role="button"
              aria-pressed={state === t.state}
              data-testid={`tile-${t.state}`}
              onClick={() => setState((s) => (s === t.state ? undefined : t.state))}
            >
              <View className="sq-tile-num">{counts.data ? (counts.data.byState[t.state] ?? 0) : '-'}</View>
              <View className="sq-tile-name">{t.name}</View>
            </View>
          ))}
        </View>
        {counts.error && (
          <View className="sq-counts-error" role="alert">
            {counts.error}
          </View>
        )}
      </View>

      <MyTasks />

      <View className="sq-links">
        {LINKS.filter((l) => !l.market || session?.user.departmentId === MODERATOR_DEPARTMENT).map((l) => (
          <View key={l.url} className="sq-link" role="link" onClick={() => Taro.navigateTo({ url: l.url })}>
            <View className="sq-link-name">{l.name}</View>
            <View className="muted">{l.note}</View>
          </View>
        ))}
      </View>

      <SearchBox />

      <View className="sq-filter">
        <Chips label="红黄绿灯筛选" options={LIGHTS} value={light} onChange={setLight} />
        {filterName && (
          <View className="muted sq-filter-now">
            筛选：{filterName}
            <Text
              className="sq-clear"
              onClick={() => {
                setState(undefined);
                setLight('all');
              }}
            >
              {' '}
              清除
            </Text>
          </View>
        )}
      </View>

      <ListView list={list} emptyText={filterName ? '没有符合筛选条件的办件' : '暂无待办办件'}>
        {list.items.map((a) => (
          <View key={a.appNo} className="card sq-row" onClick={() => openStaffApplication(a.appNo)} data-testid="queue-row">
            <View className="card-head">
              <View className="card-name">{a.itemName}</View>
              <StateTag state={a.state} name={a.stateName} />
            </View>
            <View className="muted">办件编号 {a.appNo}</View>
            <View className="card-foot">
              <Text className="muted">办结期限 {formatDay(a.deadline)}</Text>
              <TrafficLight small light={a.light} remainingDays={a.remainingDays} state={a.state} />
            </View>
          </View>
        ))}
      </ListView>
    </View>
  );
}

/** Straight to one application by its number. */
function SearchBox() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const go = () => {
    if (!value.trim()) {
      setError('请输入办件编号');
      return;
    }
    const r = AppNo.safeParse(value);
    if (!r.success) {
      setError(r.error.issues[0]?.message ?? '办件编号不正确');
      return;
    }
    setError(undefined);
    openStaffApplication(r.data);
  };
  return (
    <View className="sq-search">
      <View className="sq-search-row">
        <Input
          className={`input sq-search-input ${error ? 'input-error' : ''}`}
          value={value}
          maxlength={APP_NO_LENGTH}
          placeholder="输入办件编号，如 YX20261126000123"
          onInput={(e) => {
            setValue(e.detail.value.replace(/\s/g, '').toUpperCase());
            setError(undefined);
          }}
          onConfirm={go}
          aria-label="办件编号"
          nativeProps={{ 'aria-label': '办件编号' }}
        />
        <Button className="btn sq-search-btn" onClick={go}>
          查看
        </Button>
      </View>
      <ErrorLine error={error} />
    </View>
  );
}
