import { Input, Picker, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { PAGE_SIZE, THEMES } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../api/client';
import { ElderOffer } from '../../components/ElderOffer';
import { Page } from '../../components/Page';
import { ServiceCard } from '../../components/ServiceCard';
import { StateView } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { ELDER_WORDS } from '../../hooks/useElderMode';
import { usePagedList } from '../../hooks/usePagedList';
import { takeGuideFilter, type GuideFilter } from '../guideFilter';
import './index.css';

const AUDIENCES: { id?: GuideFilter['audience']; name: string }[] = [{ name: '全部' }, { id: 'person', name: '个人' }, { id: 'enterprise', name: '企业' }];

export default function GuideList() {
  const [filter, setFilter] = useState<GuideFilter>({});
  const [text, setText] = useState('');
  const departments = useAsync(() => api.departments(), []);

  useDidShow(() => {
    const f = takeGuideFilter();
    if (f) {
      setFilter(f);
      setText(f.q ?? '');
    }
  });

  // The search is not as-you-type: a query is asked for on 搜索 / confirm or a filter tap (a new
  // `filter`), so each one is a new query of the paged list. The catalogue does not change while the
  // person reads a service, so coming back keeps the pages loaded (no refresh on show).
  const list = usePagedList((cursor) => api.services({ ...filter, limit: PAGE_SIZE, cursor }), [filter], { refreshOnShow: false });
  const { items, loading } = list;
  const total = list.last?.total ?? 0;
  const busy = loading || list.more;

  const themes = THEMES.filter((t) => !filter.audience || t.audience === filter.audience);
  const deptList = departments.data?.items ?? [];
  const deptIndex = deptList.findIndex((d) => d.id === filter.department);
  // filters a person may not see any more (the theme chips scroll sideways): named, each removable (issue 14)
  const themeName = THEMES.find((t) => t.id === filter.theme)?.name;
  const active = [
    ...(themeName ? [{ key: 'theme', label: `主题：${themeName}`, clear: () => setFilter({ ...filter, theme: undefined }) }] : []),
    ...(deptIndex >= 0
      ? [{ key: 'department', label: `部门：${deptList[deptIndex].shortName}`, clear: () => setFilter({ ...filter, department: undefined }) }]
      : []),
  ];

  return (
    <Page className="guide">
      <View className="guide-bar">
        <View className="guide-search">
          <Input
            className="guide-search-input"
            placeholder="输入事项名称或关键词"
            value={text}
            confirmType="search"
            onInput={(e) => setText(e.detail.value)}
            onConfirm={() => setFilter({ ...filter, q: text.trim() || undefined })}
            aria-label="搜索办事事项"
            nativeProps={{ 'aria-label': '搜索办事事项' }}
          />
          {filter.q ? (
            <Text
              className="guide-clear"
              onClick={() => {
                setText('');
                setFilter({ ...filter, q: undefined });
              }}
            >
              清除
            </Text>
          ) : (
            <Text className="guide-go" onClick={() => setFilter({ ...filter, q: text.trim() || undefined })}>
              搜索
            </Text>
          )}
        </View>
        <View className="guide-tabs" role="tablist">
          {AUDIENCES.map((a) => (
            <View
              key={a.name}
              role="tab"
              aria-selected={filter.audience === a.id}
              className={`guide-tab ${filter.audience === a.id ? 'active' : ''}`}
              onClick={() =>
                setFilter({ ...filter, audience: a.id, theme: a.id && THEMES.find((t) => t.id === filter.theme)?.audience !== a.id ? undefined : filter.theme })
              }
            >
              {a.name}
            </View>
          ))}
          <Picker
            mode="selector"
            range={['全部部门', ...deptList.map((d) => d.shortName)]}
            value={deptIndex + 1}
            onChange={(e) => {
              const i = Number(e.detail.value) - 1;
              setFilter({ ...filter, department: i >= 0 ? deptList[i].id : undefined });
            }}
          >
            <View className="guide-dept">{deptIndex >= 0 ? deptList[deptIndex].shortName : '全部部门'} ▾</View>
          </Picker>
        </View>
        <View className="guide-themes">
          {themes.map((t) => (
            <Text
              key={t.id}
              className={`guide-chip ${filter.theme === t.id ? 'active' : ''}`}
              onClick={() => setFilter({ ...filter, theme: filter.theme === t.id ? undefined : t.id })}
            >
              {t.name}
            </Text>
          ))}
        </View>
      </View>

      {active.length > 0 && (
        <View className="guide-active" data-testid="active-filters">
          <Text className="muted">已筛选：</Text>
          {active.map((a) => (
            <View key={a.key} className="guide-active-chip" role="button" aria-label={`取消筛选 ${a.label}`} onClick={a.clear}>
              {a.label} ✕
            </View>
          ))}
        </View>
      )}
      {filter.q && ELDER_WORDS.test(filter.q) && <ElderOffer />}
      <View className="guide-count muted">{loading && items.length === 0 ? '' : `共 ${total} 个事项${filter.q ? `（“${filter.q}”）` : ''}`}</View>
      <StateView
        loading={loading && items.length === 0}
        error={items.length === 0 ? list.error : undefined}
        empty={!loading && items.length === 0}
        emptyText={
          (filter.q ? `没有找到与“${filter.q}”相关的事项，换个说法试试，如“执照”“社保”` : '该分类下暂无事项') +
          (active.length ? `。当前按${active.map((a) => `“${a.label}”`).join('、')}筛选，点上方的 ✕ 取消筛选可以看到更多` : '')
        }
        onRetry={list.refresh}
      >
        {items.map((i) => (
          <ServiceCard key={i.id} item={i} />
        ))}
        {list.moreError && items.length > 0 && <View className="error-text guide-more">{list.moreError}</View>}
        {list.nextCursor && (
          <View className="guide-more" onClick={() => !busy && list.loadMore()} role="button">
            {busy ? '加载中…' : '加载更多'}
          </View>
        )}
        {!list.nextCursor && items.length > 0 && <View className="guide-more muted">已经到底了</View>}
      </StateView>
    </Page>
  );
}
