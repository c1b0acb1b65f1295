import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ReviewKind } from '@yx/shared';
import { ApiError } from '../../../api/client';
import { CREDIT_PAGES, myCreditApi, type CreditRecord } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { RecordRow } from '../parts/RecordRow';
import { ReviewForm } from './Form';
import { handedRecord } from './store';
import './index.css';

const KINDS: readonly ReviewKind[] = ['repair', 'objection'];

/** The record from 我的企业信用, or (opened again later) from the firm's profile. */
async function findRecord(id: string): Promise<CreditRecord> {
  const handed = handedRecord(id);
  if (handed) return handed;
  const p = await myCreditApi.profile();
  const found = [...p.penalties, ...p.licences, ...p.honours].find((r) => r.id === id);
  if (!found) throw new ApiError(404, 'CLIENT', '未找到这条信用信息，请从“我的企业信用”重新选择');
  return found;
}

/** 申请信用修复 / 提出异议 (issue 20): the record, then the form. */
export default function CreditReview() {
  return (
    <Page className="fcr">
      <RoleGate
        roles={['enterprise']}
        what="信用修复与异议"
        loginText="请先用企业账号登录，再申请信用修复或提出异议"
        deniedText="信用修复与信用异议仅供企业账号办理"
      >
        <Body />
      </RoleGate>
    </Page>
  );
}

function Body() {
  const { params } = useRouter();
  const recordId = params?.recordId ?? '';
  const kind = KINDS.find((k) => k === params?.kind);
  const record = useAsync(
    () => (recordId && kind ? findRecord(recordId) : Promise.reject(new ApiError(400, 'CLIENT', '缺少要申请的信用信息，请从“我的企业信用”进入'))),
    [recordId, kind],
  );
  const r = record.data;
  return (
    <View>
      <StateView loading={record.loading && !r} error={r ? undefined : record.error} onRetry={record.reload}>
        {r && kind && (
          <View>
            <View className="section">
              <View className="section-title">{kind === 'repair' ? '申请修复的信息' : '提出异议的信息'}</View>
              <RecordRow r={r} />
            </View>
            <ReviewForm record={r} kind={kind} />
          </View>
        )}
      </StateView>
      {!r && record.error && (
        <View className="fcr-back">
          <Button className="btn btn-plain" onClick={() => Taro.redirectTo({ url: CREDIT_PAGES.mine })}>
            去我的企业信用
          </Button>
        </View>
      )}
    </View>
  );
}
