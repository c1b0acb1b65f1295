import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { creditApi, type CreditRecord, type Rating, type RecordKindId } from '../../../api/credit';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { Tabs } from '../../../components/Tabs';
import { usePagedList } from '../../../hooks/usePagedList';
import { RatingRow } from '../parts/RatingRow';
import { RecordRow } from '../parts/RecordRow';
import { param, RECORD_TABS, type RecordTab } from '../parts/links';
import './index.css';

/** The server's page (`cursor`) as the list hook reads it (`nextCursor`). */
const paged = <T,>(p: Promise<{ items: T[]; cursor?: string }>) => p.then((r) => ({ items: r.items, nextCursor: r.cursor ?? null }));

const EMPTY: Record<RecordTab, string> = {
  licence: '暂无行政许可信息',
  penalty: '暂无公示中的行政处罚信息',
  honour: '暂无守信激励信息',
  ratings: '暂无评价',
};

function RecordList({ code, kind }: { code: string; kind: RecordKindId }) {
  const list = usePagedList<{ items: CreditRecord[]; nextCursor: string | null }>((cursor) => paged(creditApi.records(code, kind, cursor)), [code, kind], {
    key: (r) => r.id,
    loadOnReachBottom: true,
  });
  return (
    <ListView list={list} emptyText={EMPTY[kind]}>
      <View className="section crr-list">
        {list.items.map((r) => (
          <RecordRow key={r.id} r={r} />
        ))}
      </View>
    </ListView>
  );
}

function RatingList({ code }: { code: string }) {
  const list = usePagedList<{ items: Rating[]; nextCursor: string | null }>((cursor) => paged(creditApi.ratings(code, cursor)), [code], {
    key: (r) => r.id,
    loadOnReachBottom: true,
  });
  return (
    <ListView list={list} emptyText={EMPTY.ratings}>
      <View className="section crr-list">
        {list.items.map((r) => (
          <RatingRow key={r.id} r={r} />
        ))}
      </View>
    </ListView>
  );
}

/**
 * 信用信息 (issue 20): every published record of one kind of a firm, or every shown rating, newest first, a page at a
 * time (`?code=…&kind=licence|penalty|honour|ratings`). No login.
 */
export default function CreditRecords() {
  const { params } = useRouter();
  const code = param(params.code).toUpperCase();
  const name = param(params.name);
  const [tab, setTab] = useState<RecordTab>(() => RECORD_TABS.find((t) => t.key === params.kind)?.key ?? 'licence');
  return (
    <Page className="crr">
      {name && (
        <View className="crr-head" data-testid="records-firm">
          {name}
        </View>
      )}
      <Tabs prefix="crr" tabs={RECORD_TABS} value={tab} onChange={setTab} />
      {tab === 'penalty' && <View className="muted crr-note">公示中的行政处罚，已信用修复或公示期满的不再显示。</View>}
      {!code ? (
        <View className="state state-empty">没有企业信息，请从商户信用页进入</View>
      ) : tab === 'ratings' ? (
        <RatingList code={code} />
      ) : (
        <RecordList key={tab} code={code} kind={tab} />
      )}
    </Page>
  );
}
