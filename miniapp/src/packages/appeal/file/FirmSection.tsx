import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CreditCode } from '@yx/shared';
import { useEffect } from 'react';
import { creditApi } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { useAsync } from '../../../hooks/useAsync';
import { APPEAL_PAGES } from '../pages';
import type { WoDraft } from './draft';

/** 我要投诉 (a merchant's credit page opens the form with `?firm=<统一社会信用代码>`): the firm complained about. */

/** The firm of the link: its code as the server keeps it (trimmed, upper case), or what is wrong with it. */
export function firmOfLink(raw: string | undefined): { code?: string; problem?: string } {
  if (!raw) return {};
  const r = CreditCode.safeParse(raw);
  return r.success ? { code: r.data } : { problem: r.error.issues[0]?.message ?? '格式不正确' };
}

export const FIRM_MISSING = '未找到这家商户，请返回商户的信用页面重新点“我要投诉”';

export interface FirmLookup {
  loading: boolean;
  /** the registry does not know the code (the profile answered 404) */
  missing?: string;
  /** the name could not be read (network, server): the complaint may still be sent, the server checks the firm */
  failed?: string;
  reload: () => void;
}

/** The firm's registered name, from its public credit profile; `onName` keeps it in the draft. */
export function useFirmName(code: string | undefined, onName: (name: string) => void): FirmLookup {
  const r = useAsync(() => (code ? creditApi.profile(code) : Promise.resolve(undefined)), [code]);
  const name = r.data?.firm.name;
  useEffect(() => {
    if (name) onName(name);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per name read
  }, [name]);
  const missing = r.error?.status === 404 ? FIRM_MISSING : undefined;
  return { loading: r.loading, missing, failed: r.error && !missing ? r.error.message : undefined, reload: r.reload };
}

/** 投诉对象: the firm's name (its code below), while it loads, when it is unknown, when it could not be read. */
export function FirmSection({ firm, lookup, error }: { firm: NonNullable<WoDraft['aboutFirm']>; lookup: FirmLookup; error?: string }) {
  return (
    <View className="section" data-testid="about-firm">
      <View className="section-title">投诉对象</View>
      <View className="wf-firm-name" data-testid="about-firm-name">
        {firm.name ?? (lookup.loading ? '正在读取商户信息…' : '（未读到商户名称）')}
      </View>
      <View className="muted">统一社会信用代码 {firm.code}</View>
      <ErrorLine error={error ?? lookup.missing} />
      {lookup.failed && !firm.name && !lookup.missing && (
        <View className="wf-warn" role="alert">
          暂时读不到商户名称：{lookup.failed}。您可以继续填写，提交时会再核对。
          <Button className="btn btn-plain wf-small-btn" onClick={lookup.reload}>
            重新读取
          </Button>
        </View>
      )}
      <View className="muted wf-firm-note">“消费投诉”由区市场监管局受理，办理进展会通知您。</View>
    </View>
  );
}

/** A link whose firm code is wrong (typed by hand, cut short): say so, and offer the ordinary form. */
export function BadFirmLink({ problem }: { problem: string }) {
  return (
    <View className="section" data-testid="bad-firm">
      <View className="section-title">投诉对象</View>
      <ErrorLine error={`商户的统一社会信用代码不正确（${problem}），无法发起投诉。请返回商户的信用页面重新点“我要投诉”。`} />
      <Button className="btn btn-plain wf-small-btn" onClick={() => Taro.redirectTo({ url: APPEAL_PAGES.file })}>
        改为一般反映
      </Button>
    </View>
  );
}
