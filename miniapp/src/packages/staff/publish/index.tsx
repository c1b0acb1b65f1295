import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { UserView } from '@yx/shared';
import { useState } from 'react';
import { staffPublicationsApi, type PublicationSummary } from '../../../api/publications';
import { Button } from '../../../components/Button';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { Tabs, type Tab } from '../../../components/Tabs';
import { usePagedList } from '../../../hooks/usePagedList';
import { STAFF_PAGES } from '../pages';
import './publish.css';

type Status = 'published' | 'withdrawn';
const TABS: Tab<Status>[] = [
  { key: 'published', name: '已发布' },
  { key: 'withdrawn', name: '已撤回' },
];
const edit = (id?: string) => Taro.navigateTo({ url: id ? `${STAFF_PAGES.publishEdit}?id=${encodeURIComponent(id)}` : STAFF_PAGES.publishEdit });
const view = (id: string) => Taro.navigateTo({ url: `/packages/openness/detail/index?id=${encodeURIComponent(id)}` });

/** One item of the department: 查看 (as residents see it) and 修改 / 撤回 on the editor; a withdrawn one says why. */
function Row({ p }: { p: PublicationSummary }) {
  const withdrawn = p.status === 'withdrawn';
  return (
    <View className={`card pp-card ${withdrawn ? 'pp-withdrawn' : ''}`} data-testid={`pp-item-${p.id}`}>
      <View className="pp-tags">
        <Text className="tag tag-blue">{p.categoryName}</Text>
        <Text className={`tag ${withdrawn ? 'tag-gray' : 'tag-green'}`}>{withdrawn ? '已撤回' : '已发布'}</Text>
        {p.version > 1 && <Text className="tag tag-gray">第 {p.version} 版</Text>}
      </View>
      <View className="pp-title">{p.title}</View>
      <View className="muted">
        {p.publishedOn}
        {p.docNo ? ` · ${p.docNo}` : ''}
        {p.attachmentCount ? ` · 附件 ${p.attachmentCount}` : ''}
      </View>
      {withdrawn && p.withdrawnReason && <View className="muted pp-reason">撤回原因：{p.withdrawnReason}</View>}
      {!withdrawn && (
        <View className="pp-actions">
          <View className="pp-action tap" role="button" aria-label={`查看 ${p.title}`} onClick={() => view(p.id)}>
            查看
          </View>
          <View className="pp-action tap" role="button" aria-label={`修改 / 撤回 ${p.title}`} data-testid={`pp-edit-${p.id}`} onClick={() => edit(p.id)}>
            修改 / 撤回
          </View>
        </View>
      )}
    </View>
  );
}

/** 政务公开发布 (issue 19): the department's items, 已发布 and 已撤回; 发布新信息 opens the editor. */
function PublishBody({ user }: { user: UserView }) {
  const [tab, setTab] = useState<Status>('published');
  const list = usePagedList((cursor) => staffPublicationsApi.list(tab, cursor), [tab], { key: (p) => p.id });
  return (
    <>
      <View className="section">
        <View className="section-title">{user.departmentName ?? '本部门'}的政务公开</View>
        <View className="muted pp-hint">
          以本部门名义发布通知公告、政策文件及解读、划片招生、摇号结果、食品安全预警；发布后居民即可查看和搜索，订阅了该栏目的居民会收到消息。
        </View>
        <Button className="btn" onClick={() => edit()} data-testid="pp-new">
          发布新信息
        </Button>
      </View>
      <Tabs prefix="pp" tabs={TABS} value={tab} onChange={setTab} />
      <ListView list={list} emptyText={tab === 'published' ? '还没有发布信息，点“发布新信息”开始' : '没有撤回的信息'}>
        {list.items.map((p) => (
          <Row key={p.id} p={p} />
        ))}
      </ListView>
    </>
  );
}

export default function PublishList() {
  return (
    <Page>
      <RoleGate roles={['staff']} what="政务公开发布">
        {(user) => <PublishBody user={user} />}
      </RoleGate>
    </Page>
  );
}
