import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../../api/client';
import { policyApi, type PolicyFilter, type PolicyListResponse } from '../../api/policies';
import { Button } from '../../components/Button';
import { ListView } from '../../components/ListView';
import { Page } from '../../components/Page';
import { usePagedList } from '../../hooks/usePagedList';
import { useSession } from '../../hooks/useSession';
import { goPolicy, POLICY_PAGES } from './common';
import { MarketFilters } from './market/Filters';
import { PolicyCard } from './market/PolicyCard';
import { TopicsPanel } from './market/TopicsPanel';
import './index.css';

/** A way on from the market, as a tile: its name and one line. */
function LinkTile({ name, sub, page }: { name: string; sub: string; page: keyof typeof POLICY_PAGES }) {
  return (
    <View className="pm-link tap" role="button" aria-label={`${name}，${sub}`} onClick={() => goPolicy(page)} data-testid={`link-${page}`}>
      <View className="pm-link-name">{name}</View>
      <View className="muted">{sub}</View>
    </View>
  );
}

/** The firm's list; refused for the firm (403, 404), the public one instead, saying why. */
async function firmPage(filter: PolicyFilter, cursor: string | undefined, refuse: (why: string) => void) {
  try {
    return await policyApi.firmList(filter, cursor);
  } catch (e) {
    const err = asApiError(e);
    if (err.status !== 403 && err.status !== 404) throw err;
    refuse(err.message);
    return policyApi.list(filter, cursor);
  }
}

/**
 * 政策超市 (issue 17): anyone browses and searches the published policies; a firm's list carries its verdict on each item
 * (符合条件 / 暂不符合 / 信息不足) and 只看可享受的. Residents and firms subscribe to topics.
 */
export default function PolicyMarket() {
  const session = useSession();
  const role = session?.user.role;
  const [filter, setFilter] = useState<PolicyFilter>({});
  // the firm's view refused (an agent whose grant ended, a firm not on the register): the public list, and why
  const [refused, setRefused] = useState<string>();
  const firm = role === 'enterprise' && !refused;
  const list = usePagedList<PolicyListResponse>(
    (cursor) => (firm ? firmPage(filter, cursor, setRefused) : policyApi.list(filter, cursor)),
    [firm, JSON.stringify(filter)],
    { key: (p) => p.id },
  );
  const total = list.last?.total;
  const emptyText = filter.forMe
    ? '暂时没有本企业可享受的条目。可到“企业画像”补充信息，或关闭“只看可享受的”查看全部政策'
    : filter.q
      ? `没有找到与“${filter.q}”相关的政策，换个说法试试，如“高新”“稳岗”“租金”`
      : '没有符合筛选条件的政策，可减少筛选条件再看看';

  return (
    <Page className="pm">
      <View className="pm-head">
        <View className="pm-title">政策超市</View>
        <View className="pm-sub">惠企政策一站查 · 看本企业是否符合 · 免申即享一键领</View>
      </View>
      <View className="pm-links">
        {firm && <LinkTile name="免申即享" sub="区里比对后直接兑现" page="offers" />}
        {firm && <LinkTile name="企业画像" sub="补充信息，判断更准" page="profile" />}
        <LinkTile name="兑现公示" sub="各项政策拨付情况" page="disbursements" />
      </View>
      {!session && (
        <View className="section pm-login" data-testid="firm-login">
          <View className="muted">企业登录后，可逐条查看本企业是否符合条件，并领取免申即享资金。</View>
          <Button className="btn btn-plain pm-login-btn" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>
            企业登录
          </Button>
        </View>
      )}
      {refused && (
        <View className="notice" role="alert" data-testid="firm-refused">
          {refused}。以下为全部政策，暂不能显示本企业是否符合。
        </View>
      )}
      {(role === 'resident' || role === 'enterprise') && <TopicsPanel />}
      <MarketFilters filter={filter} onChange={setFilter} firm={firm} />
      {total !== undefined && !list.loading && (
        <View className="muted pm-count" data-testid="policy-count">
          共 {total} 项政策{filter.q ? `（“${filter.q}”）` : ''}
        </View>
      )}
      <ListView list={list} emptyText={emptyText}>
        {list.items.map((p) => (
          <PolicyCard key={p.id} p={p} />
        ))}
      </ListView>
    </Page>
  );
}
