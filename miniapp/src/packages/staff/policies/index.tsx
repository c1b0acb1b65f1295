import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BENEFIT_TYPES, type PolicySummary } from '@yx/shared';
import { useState } from 'react';
import { staffPoliciesApi } from '../../../api/staffPolicies';
import { Button } from '../../../components/Button';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { MODE_TAGS, POLICY_BATCH, POLICY_EDIT, WINDOW_NAMES } from './parts';
import './policies.css';

const go = (url: string) => Taro.navigateTo({ url });

/** One policy: 编辑 opens the editor; its items show their mode, and a 免申即享 item links to its 兑现批次. */
function PolicyCard({ p }: { p: PolicySummary }) {
  const withdrawn = p.status === 'withdrawn';
  return (
    <View className={`card pl-card ${withdrawn ? 'pl-withdrawn' : ''}`} data-testid={`pl-policy-${p.id}`}>
      <View className="pl-head">
        <View className="pl-head-main">
          <Text className="pl-title">{p.title}</Text>
          <View className="pl-tags">
            <Text className={`tag ${withdrawn ? 'tag-gray' : 'tag-green'}`}>{withdrawn ? '已撤回' : '已发布'}</Text>
            <Text className="tag tag-blue">第 {p.version} 版</Text>
          </View>
          <View className="muted">
            {p.issuerName} · {p.docNo} · {p.issuedOn}
          </View>
        </View>
        <View
          className="pl-edit tap"
          role="button"
          aria-label={`编辑 ${p.title}`}
          data-testid={`pl-open-${p.id}`}
          onClick={() => go(`${POLICY_EDIT}?id=${encodeURIComponent(p.id)}`)}
        >
          编辑 ›
        </View>
      </View>
      {p.items.map((i) => (
        <View key={i.id} className="pl-item" data-testid={`pl-item-${i.id}`}>
          <View className="pl-item-main">
            <View>
              <Text className={`tag ${MODE_TAGS[i.mode].tone}`}>{MODE_TAGS[i.mode].name}</Text>
              <Text className="pl-item-title">{i.title}</Text>
            </View>
            <View className="muted">
              {BENEFIT_TYPES[i.benefitType]} · {i.benefitText} · {i.validFrom} 至 {i.validTo}（{WINDOW_NAMES[i.window]}）
            </View>
          </View>
          {i.mode === 'auto' && (
            <View
              className="pl-batch tap"
              role="button"
              aria-label={`${i.title} 兑现批次`}
              data-testid={`pl-batch-${i.id}`}
              onClick={() => go(`${POLICY_BATCH}?itemId=${encodeURIComponent(i.id)}`)}
            >
              兑现批次 ›
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

/** 政策发布 (issue 17): the department's policies (the admin's: all, withdrawn ones marked), search, publish a new one. */
function PoliciesBody() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const list = usePagedList((cursor) => staffPoliciesApi.list({ q, cursor }), [q], { key: (p) => p.id });
  return (
    <>
      <View className="section">
        <View className="pl-search">
          <Input
            className="input pl-search-input"
            value={typed}
            placeholder="搜索政策名称、文号"
            confirmType="search"
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => setQ(typed.trim())}
            aria-label="搜索政策"
            nativeProps={{ 'aria-label': '搜索政策', 'data-testid': 'pl-search' }}
          />
          <Button className="btn btn-plain pl-search-btn" onClick={() => setQ(typed.trim())} data-testid="pl-search-go">
            搜索
          </Button>
        </View>
        <Button className="btn" onClick={() => go(POLICY_EDIT)} data-testid="pl-new">
          发布新政策
        </Button>
      </View>
      <View className="pl-list">
        <View className="section-title pl-count">{list.last ? `共 ${list.last.total} 项政策` : '已发布的政策'}</View>
        <ListView list={list} emptyText={q ? `没有找到“${q}”相关的政策` : '还没有发布政策，点“发布新政策”开始'}>
          {list.items.map((p) => (
            <PolicyCard key={p.id} p={p} />
          ))}
        </ListView>
      </View>
    </>
  );
}

export default function Policies() {
  return (
    <Page>
      <RoleGate roles={['staff', 'admin']} what="政策发布">
        <PoliciesBody />
      </RoleGate>
    </Page>
  );
}
