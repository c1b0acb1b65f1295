import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { catalogueAdminApi } from '../../../api/catalogueAdmin';
import { Button } from '../../../components/Button';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import './catalogue.css';

export const CATALOGUE_EDIT = '/packages/staff/catalogue/edit/index';

/** 事项目录 (admin, issue 16): every service item, searchable; tap one to edit it (a new version), or add one. */
function CatalogueBody() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const list = usePagedList((cursor) => catalogueAdminApi.list({ q, cursor }), [q], { key: (i) => i.id });
  return (
    <>
      <View className="section">
        <View className="cat-search">
          <Input
            className="input cat-search-input"
            value={typed}
            placeholder="搜索事项名称，如 营业执照"
            confirmType="search"
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => setQ(typed.trim())}
            aria-label="搜索事项"
            nativeProps={{ 'aria-label': '搜索事项', 'data-testid': 'cat-search' }}
          />
          <Button className="btn btn-plain cat-search-btn" onClick={() => setQ(typed.trim())} data-testid="cat-search-go">
            搜索
          </Button>
        </View>
        <Button className="btn" onClick={() => Taro.navigateTo({ url: CATALOGUE_EDIT })} data-testid="cat-new">
          ＋ 新增事项
        </Button>
      </View>
      <View className="section">
        <View className="section-title">{list.last ? `共 ${list.last.total} 个事项` : '办事事项'}</View>
        <ListView list={list} emptyText={q ? `没有找到“${q}”相关的事项` : '目录里还没有事项'}>
          {list.items.map((i) => (
            <View
              key={i.id}
              className="cat-row tap"
              role="button"
              data-testid={`cat-item-${i.id}`}
              onClick={() => Taro.navigateTo({ url: `${CATALOGUE_EDIT}?id=${encodeURIComponent(i.id)}` })}
            >
              <View className="cat-row-main">
                <Text className="cat-row-name">{i.name}</Text>
                <View className="muted">
                  {i.departmentName} · {i.audience.map((a) => (a === 'person' ? '个人' : '企业')).join('、')} · 承诺 {i.promisedDays} 个工作日
                  {i.online ? ' · 全程网办' : ''}
                </View>
              </View>
              <Text className="muted">编辑 ›</Text>
            </View>
          ))}
        </ListView>
      </View>
    </>
  );
}

export default function Catalogue() {
  return (
    <Page>
      <RoleGate roles={['admin']} what="事项目录">
        <CatalogueBody />
      </RoleGate>
    </Page>
  );
}
