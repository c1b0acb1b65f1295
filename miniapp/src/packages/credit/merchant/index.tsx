import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { ApiError } from '../../../api/client';
import { creditApi } from '../../../api/credit';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { Actions } from './Actions';
import { Head } from './Head';
import { Ratings } from './Ratings';
import { Records } from './Records';
import { merchantParams } from '../parts/links';
import './index.css';

const NO_CODE = new ApiError(404, 'NOT_FOUND', '没有商户信息，请重新扫描商户的信用码，或在“信用查询”中查找');

/**
 * 商户信用档案 (issue 20), the page the merchant's 信用码 opens (`?code=…&s=…`), no login: who the firm is, its grade,
 * licences, penalties of the last three years, honours and consumers' ratings; 评价商户 after a scan (the `s` the code
 * carries), once in the window; 我要投诉.
 */
export default function Merchant() {
  const { params } = useRouter();
  const { code, s } = merchantParams(params);
  const session = useSession();
  const profile = useAsync(() => (code ? creditApi.profile(code) : Promise.reject(NO_CODE)), [code]);
  // the signed-in person's rating within the window (nobody's without a session)
  const mine = useAsync(() => (session && code ? creditApi.myRating(code) : Promise.resolve(undefined)), [code, session?.token]);

  // back from 评价 (or anywhere): the figures and one's own rating again; not on the first show, which the loads above are
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) {
      profile.reload();
      mine.reload();
    }
    shown.current = true;
  });
  usePullDownRefresh(() => {
    profile.reload();
    mine.reload();
    Taro.stopPullDownRefresh();
  });

  const p = profile.data;
  return (
    <Page className="crm">
      <StateView loading={profile.loading && !p} error={p ? undefined : profile.error} onRetry={code ? profile.reload : undefined}>
        {p && (
          <View>
            <Head p={p} />
            <Actions code={p.firm.creditCode} s={s} name={p.firm.name} mine={mine} />
            <Records p={p} />
            <Ratings p={p} mine={mine.data?.rating} />
          </View>
        )}
      </StateView>
    </Page>
  );
}
