import { View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ReviewKind } from '@yx/shared';
import { useMemo, useRef } from 'react';
import { myCreditApi, type CreditReview } from '../../../api/credit';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { usePagedList } from '../../../hooks/usePagedList';
import { asPage } from './common';
import { GradeCard, History, Reasons } from './Grade';
import { Poster } from './Poster';
import { Ratings } from './Ratings';
import { Records } from './Records';
import { Reviews } from './Reviews';
import './index.css';

/**
 * 我的企业信用 (issue 20): the firm's grade and score, why it lost points, how the grade changed, its records with
 * 申请信用修复 / 提出异议, its requests and the authority's clock, customers' ratings to answer, and the poster's QR.
 */
export default function MyCredit() {
  return (
    <Page className="fc">
      <RoleGate roles={['enterprise']} what="我的企业信用" loginText="请先用企业账号登录，查看本企业的信用等级" deniedText="我的企业信用仅供企业账号使用">
        <Body />
      </RoleGate>
    </Page>
  );
}

function Body() {
  const profile = useAsync(() => myCreditApi.profile(), []);
  const reviews = usePagedList((cursor) => myCreditApi.reviews(cursor).then(asPage), [], { key: (r: CreditReview) => r.id });
  // back from a request the grade and the records may have moved on (the lists refresh themselves)
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) profile.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => profile.reload());
  // which request is open on a record: 修复审核中 or 异议核查中
  const open = useMemo(
    () => new Map<string, ReviewKind>(reviews.items.filter((rv) => rv.status === 'reviewing').map((rv) => [rv.record.id, rv.kind])),
    [reviews.items],
  );
  const p = profile.data;
  return (
    <StateView loading={profile.loading && !p} error={p ? undefined : profile.error} onRetry={profile.reload}>
      {p && (
        <View>
          <GradeCard p={p} />
          {p.own && <Reasons own={p.own} />}
          {p.own && <History own={p.own} />}
          <Records reviewing={open} />
          <Reviews list={reviews} />
          <Ratings code={p.firm.creditCode} />
          <Poster firmName={p.firm.name} />
        </View>
      )}
    </StateView>
  );
}
