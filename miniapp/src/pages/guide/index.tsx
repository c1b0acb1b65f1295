import { Input, Picker, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { THEMES, type ServiceSummary } from '@yx/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Page } from '../../components/Page';
import { ServiceCard } from '../../components/ServiceCard';
import { StateView } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { takeGuideFilter, type GuideFilter } from '../guideFilter';
import './index.css';

const AUDIENCES: { id?: 'person' | 'enterprise'; name: string }[] = [{ name: '全部' }, { id: 'person', name: '个人' }, { id: 'enterprise', name: '企业' }];

export default function GuideList() {
  const [filter, setFilter] = useState<GuideFilter>({});
  const [text, setText] = useState('');
  const [items, setItems] = useState<ServiceSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const seq = useRef(0);
  const departments = useAsync(() => api.departments(), []);

  useDidShow(() => {
    const f = takeGuideFilter();
    if (f) { setFilter(f); setText(f.q ?? ''); }
  });

  const load = useCallback(async (f: GuideFilter, after?: string) => {
    const n = ++seq.current;
    setLoading(true);
    setError(undefined);
    try {
      const r = await api.services({ ...f, limit: 20, cursor: after });
      if (n !== seq.current) return;
      setItems((old) => (after ? [...old, ...r.items] : r.items));
      setTotal(r.total);
      setCursor(r.nextCursor);
    } catch (e) {
      if (n === seq.current) setError(e as ApiError);
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => { void load(filter); }, [filter, load]);

  const themes = THEMES.filter((t) => !filter.audience || t.audience === filter.audience);
  const deptList = departments.data?.items ?? [];
  const deptIndex = deptList.findIndex((d) => d.id === filter.department);

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
          />
          {filter.q ? (
            <Text className="guide-clear" onClick={() => { setText(''); setFilter({ ...filter, q: undefined }); }}>清除</Text>
          ) : (
            <Text className="guide-go" onClick={() => setFilter({ ...filter, q: text.trim() || undefined })}>搜索</Text>
          )}
        </View>
        <View className="guide-tabs" role="tablist">
          {AUDIENCES.map((a) => (
            <View
              key={a.name}
              role="tab"
              aria-selected={filter.audience === a.id}
              className={`guide-tab ${filter.audience === a.id ? 'active' : ''}`}
              onClick={() => setFilter({ ...filter, audience: a.id, theme: a.id && THEMES.find((t) => t.id === filter.theme)?.audience !== a.id ? undefined : filter.theme })}
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

      <View className="guide-count muted">{loading && items.length === 0 ? '' : `共 ${total} 个事项${filter.q ? `（“${filter.q}”）` : ''}`}</View>
      <StateView
        loading={loading && items.length === 0}
        error={items.length === 0 ? error : undefined}
        empty={!loading && items.length === 0}
        emptyText={filter.q ? `没有找到与“${filter.q}”相关的事项，换个说法试试，如“执照”“社保”` : '该分类下暂无事项'}
        onRetry={() => load(filter)}
      >
        {items.map((i) => <ServiceCard key={i.id} item={i} />)}
        {error && items.length > 0 && <View className="error-text guide-more">{error.message}</View>}
        {cursor && (
          <View className="guide-more" onClick={() => !loading && load(filter, cursor)} role="button">
            {loading ? '加载中…' : '加载更多'}
          </View>
        )}
        {!cursor && items.length > 0 && <View className="guide-more muted">已经到底了</View>}
      </StateView>
    </Page>
  );
}
