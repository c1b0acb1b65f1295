import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PUBLICATION_CATEGORIES, queryTerms } from '@yx/shared';
import { useEffect, useState } from 'react';
import { publicationsApi, type PublicationCategory, type PublicationHit, type PublicationSummary } from '../../api/publications';
import { ListView } from '../../components/ListView';
import { Page } from '../../components/Page';
import { SearchBar } from '../../components/SearchBar';
import { Tabs, type Tab } from '../../components/Tabs';
import { usePagedList } from '../../hooks/usePagedList';
import { useSession } from '../../hooks/useSession';
import { OPENNESS_PAGES, PublicationCard } from './common';
import { SubscribeBar } from './SubscribeBar';
import './index.css';

type TabKey = 'all' | PublicationCategory;
const TABS: Tab<TabKey>[] = [{ key: 'all', name: '全部' }, ...PUBLICATION_CATEGORIES.map((c) => ({ key: c.id, name: c.name }))];

/**
 * 政务公开 (issue 19): what the district's departments publish, newest first — by category (tabs), or searched in full
 * text (two characters at least; the words found in bold). A resident or a firm subscribes to a category and hears of
 * each new item in 消息. No login needed to read.
 */
export default function Openness() {
  const { params } = useRouter();
  const session = useSession();
  const role = session?.user.role;
  const canSubscribe = role === 'resident' || role === 'enterprise';
  // a way in may name a category (首页 → 食品安全预警): ?category=food-safety
  const [tab, setTab] = useState<TabKey>(() => TABS.find((t) => t.key === params.category)?.key ?? 'all');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [problem, setProblem] = useState<string>();
  const [subs, setSubs] = useState<PublicationCategory[]>();
  const category = tab === 'all' ? undefined : tab;

  useEffect(() => {
    if (!canSubscribe) return;
    publicationsApi.subscriptions().then(
      (r) => setSubs(r.categories),
      () => setSubs(undefined),
    );
  }, [canSubscribe]);

  const list = usePagedList<{ items: (PublicationSummary | PublicationHit)[]; nextCursor: string | null }>(
    (cursor) => (q ? publicationsApi.search(q, category, cursor) : publicationsApi.list(category, cursor)),
    [q, tab],
    { key: (p) => p.id, loadOnReachBottom: true },
  );
  const search = () => {
    const words = typed.trim();
    if (words && !queryTerms(words).length) {
      setProblem('请至少输入两个连续的字');
      return;
    }
    setProblem(undefined);
    setQ(words);
  };
  const clear = () => {
    setProblem(undefined);
    setTyped('');
    setQ('');
  };
  const tabName = TABS.find((t) => t.key === tab)!.name;
  const emptyText = q ? `没有找到包含“${q}”的${category ? tabName : '信息'}，换个说法试试，如“招生”“停水”“预警”` : `暂时没有${category ? tabName : '公开信息'}`;

  return (
    <Page className="op">
      <View className="op-head">
        <View className="op-title">政务公开</View>
        <View className="op-sub">通知公告 · 政策文件与解读 · 划片招生 · 摇号结果 · 食品安全预警</View>
      </View>
      <SearchBar
        label="搜索政务公开信息"
        placeholder="搜索，如：招生地段、停水"
        value={typed}
        onInput={setTyped}
        onSearch={search}
        shown={q}
        onClear={clear}
        error={problem}
        testId="op-search"
      />
      <Tabs prefix="op" tabs={TABS} value={tab} onChange={setTab} />
      {canSubscribe && (
        <View
          className="op-mine tap"
          role="button"
          aria-label="我的订阅，管理订阅的栏目"
          data-testid="op-my-subs"
          onClick={() => Taro.navigateTo({ url: OPENNESS_PAGES.subscriptions })}
        >
          我的订阅{subs?.length ? `（${subs.length} 个栏目）` : ''} ›
        </View>
      )}
      {category && (
        <SubscribeBar
          category={category}
          subscribed={subs ? subs.includes(category) : undefined}
          canSubscribe={canSubscribe}
          loggedIn={Boolean(session)}
          onChange={setSubs}
        />
      )}
      {q && !list.loading && (
        <View className="muted op-count" data-testid="op-search-note">
          “{q}”的搜索结果{category ? `（${tabName}）` : ''}，新发布的在前
        </View>
      )}
      <ListView list={list} emptyText={emptyText}>
        {list.items.map((p) => (
          <PublicationCard key={p.id} p={p} />
        ))}
      </ListView>
    </Page>
  );
}
